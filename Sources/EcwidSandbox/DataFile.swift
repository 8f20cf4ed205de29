import EcwidAPI
import Foundation

extension Sandbox {
  /// The store a sandbox starts with: the data file's document (`SandboxOptions.dataFile`), the
  /// sample catalog written to it when it is missing or empty, or the sample catalog in memory.
  static func startingDocument(dataFile: String?) throws -> JSONObject {
    var doc: JSONObject
    if let path = dataFile {
      let fm = FileManager.default
      if fm.fileExists(atPath: path) {
        guard let data = fm.contents(atPath: path) else { throw SandboxError("cannot read the data file \(path)") }
        if data.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) }) {
          doc = SampleCatalog.document()
          try SandboxStore.write(doc, to: path)
        } else {
          let parsed: JSON
          do { parsed = try JSON.parse(data) } catch {
            throw SandboxError("the data file \(path) is not valid JSON: \(error)")
          }
          guard let o = parsed.objectValue else {
            throw SandboxError("the data file \(path) must hold a JSON object {storeId, profile, products}")
          }
          doc = o
        }
      } else {
        doc = SampleCatalog.document()
        try SandboxStore.write(doc, to: path)
      }
    } else {
      doc = SampleCatalog.document()
    }
    return doc
  }
}
