import Foundation
import Testing

/// Swift 6.3's optimizer miscompiles `TaskLocal.withValue` when the task-local value is a closure
/// (optional or not): every release build of ecwid-edit crashed in `swift_task_localValuePush` at
/// its first API call, while the debug builds the tests run were fine. So no task-local of ours
/// holds a function type; a class that holds the closure works (see `EcwidClient.eventSink`).
@Suite struct TaskLocalTypeTests {
  @Test func noTaskLocalHoldsAClosure() throws {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources")
    let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
      .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
    #expect(files.count > 20)
    var declarations: [String] = []
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      for line in text.split(separator: "\n") where line.contains("@TaskLocal") {
        declarations.append(String(line))
        #expect(!line.contains("->"), "\(file.lastPathComponent): \(line)")
      }
    }
    // The client's observer is the one task-local: the check looked at it.
    #expect(declarations.contains { $0.contains("eventSink") }, "\(declarations)")
  }
}
