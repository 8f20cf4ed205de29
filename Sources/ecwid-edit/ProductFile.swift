import EcwidAPI
import Foundation

/// An edited product file (as `ecwid-edit get` prints it, or any part of it), read strictly:
/// invalid UTF-8, a lone surrogate or malformed JSON is refused with its line and column, and a
/// file that names another product is refused.
struct ProductFile {
  var path: String
  /// The file's top-level fields, as written. A field left out means "leave it as it is".
  var json: JSONObject

  var updateTimestamp: Int? { json["updateTimestamp"]?.intValue }

  static func read(_ path: String, productId: Int) throws -> ProductFile {
    let shown = TextSafety.plain(path)
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue {
        throw fail("cannot read \(shown): it is a directory")
      }
      if !FileManager.default.fileExists(atPath: path) { throw fail("cannot read \(shown): no such file") }
      throw fail("cannot read \(shown): \((error as NSError).localizedDescription)")
    }
    let value: JSON
    do {
      value = try StrictJSON.parse(data)
    } catch {
      throw fail("\(shown) is not valid JSON: \(error.description); nothing was sent")
    }
    guard let object = value.objectValue else {
      throw fail("\(shown) is not a product: a JSON object is expected, not a\(value.kindName == "array" ? "n" : "") \(value.kindName)")
    }
    if let id = object["id"] {
      guard id.idString == String(productId) else {
        let named = id.isNull ? "null" : TextSafety.plain(String(id.compactText.prefix(40)))
        throw fail(
          "\(shown) is product \(named), not \(productId): refusing to write another product's content. "
            + "Its \"id\" must be \(productId) (or left out).")
      }
    }
    return ProductFile(path: path, json: object)
  }
}

/// The product as `get` fetched it, kept under `$XDG_STATE_HOME/ecwid-edit/bases/` and keyed by
/// store, product and `updateTimestamp`, so that `diff` and `apply` can tell the file's own
/// changes from changes made on the server since.
enum BaseStore {
  static var directory: String { AppLog.stateDirectory() + "/bases" }
  /// Bases kept per product (the newest ones).
  static let keptPerProduct = 5

  static func path(storeId: Int, productId: Int, updateTimestamp: Int) -> String {
    "\(directory)/\(storeId)-\(productId)-\(updateTimestamp).json"
  }

  /// Keeps `product` as a base (mode 0600, written atomically), under its own `updateTimestamp`
  /// or, after an apply, under the one of the file it is now the base of. Returns a warning when
  /// it cannot.
  @discardableResult
  static func save(_ product: Product, storeId: Int, as key: Int? = nil) -> String? {
    guard let id = product.id, let stamp = key ?? product.updateTimestamp else { return nil }
    let target = path(storeId: storeId, productId: id, updateTimestamp: stamp)
    do {
      try PrivateFile.writeAtomically(Data(product.value.encoded()), to: target)
    } catch {
      return "could not keep the fetched product for a later three-way diff: \(error)"
    }
    prune(storeId: storeId, productId: id)
    return nil
  }

  static func load(storeId: Int, productId: Int, updateTimestamp: Int) -> Product? {
    let p = path(storeId: storeId, productId: productId, updateTimestamp: updateTimestamp)
    guard let data = FileManager.default.contents(atPath: p), let v = try? JSON.parse(data), let o = v.objectValue
    else { return nil }
    let product = Product(json: o)
    guard product.id == productId else { return nil }
    return product
  }

  static func prune(storeId: Int, productId: Int) {
    let prefix = "\(storeId)-\(productId)-"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
    let stamps = names.compactMap { name -> Int? in
      guard name.hasPrefix(prefix), name.hasSuffix(".json") else { return nil }
      return Int(name.dropFirst(prefix.count).dropLast(5))
    }.sorted(by: >)
    for stamp in stamps.dropFirst(keptPerProduct) {
      try? FileManager.default.removeItem(atPath: path(storeId: storeId, productId: productId, updateTimestamp: stamp))
    }
  }
}

/// Files only the user can read: directories 0700, files 0600.
enum PrivateFile {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  static func makeDirectory(_ dir: String) throws {
    do {
      try FileManager.default.createDirectory(
        atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw Failure(description: "cannot create \(dir): \((error as NSError).localizedDescription)")
    }
  }

  /// Writes a temporary file beside `path` (0600), syncs it and renames it over `path`.
  static func writeAtomically(_ data: Data, to path: String) throws {
    try makeDirectory((path as NSString).deletingLastPathComponent)
    do {
      try AtomicFile.write(data, to: path)
    } catch {
      throw Failure(description: error.description)
    }
  }

  /// Creates a new file (never overwriting one) named `stem.json`, `stem-2.json`, … in `dir`.
  static func createUnique(_ data: Data, in dir: String, stem: String) throws -> String {
    try makeDirectory(dir)
    for n in 1...10_000 {
      let path = "\(dir)/\(stem)\(n == 1 ? "" : "-\(n)").json"
      let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
      if fd < 0 {
        if errno == EEXIST { continue }
        throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))")
      }
      fchmod(fd, 0o600)
      let ok = AtomicFile.write(data, to: fd)
      close(fd)
      guard ok else { throw Failure(description: "cannot write \(path)") }
      return path
    }
    throw Failure(description: "too many files named \(stem) in \(dir)")
  }
}

/// `get` keeps what it printed as the base of a later `diff`/`apply`; a failure is only a note.
func keepBase(_ product: Product, storeId: Int) {
  if let warning = BaseStore.save(product, storeId: storeId) { note(warning) }
}
