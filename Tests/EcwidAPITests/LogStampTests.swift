import EcwidAPI
import Foundation
import Logging
import Testing

/// The log's time stamps are written without a date formatter; they must read exactly as the
/// formatter wrote them.
@Suite struct LogStampTests {
  @Test(arguments: [0, 951_782_400, 1_709_164_800, 1_796_057_675, 2_147_483_648, 4_102_444_799] as [Int])
  func aStampReadsLikeISO8601(seconds: Int) {
    let expected = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(seconds)))
    #expect(FileLogHandler.utcStamp(time_t(seconds)) == expected)
  }
}

/// The log file: its folders made, created for the user alone, appended to, one line per event.
@Suite struct LogFileTests {
  @Test func theLogIsMadeInItsFolderForTheUserAloneAndAppendedTo() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let path = root.appendingPathComponent("state/ecwid-edit/ecwid-edit.log").path
    for run in 1...2 {  // a second run appends to what the first wrote
      let logger = Logger(label: "test") { FileLogHandler.factory(path: path)($0) }
      logger.info("run \(run)", metadata: ["path": "/products/1"])
      logger.debug("below the level")
    }
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let lines = text.split(separator: "\n")
    #expect(lines.count == 2, "\(text)")
    #expect(lines.first?.hasSuffix("info test: run 1 path=/products/1") == true, "\(text)")
    #expect(lines.last?.hasSuffix("info test: run 2 path=/products/1") == true, "\(text)")
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o077 } == 0, "readable by others: \(attributes)")
    // A log that cannot be opened (its folder is a file) is no error: nothing is written.
    let blocked = root.appendingPathComponent("state/ecwid-edit/ecwid-edit.log/inside.log").path
    Logger(label: "test") { FileLogHandler.factory(path: blocked)($0) }.info("lost")
    #expect(!FileManager.default.fileExists(atPath: blocked))
  }
}
