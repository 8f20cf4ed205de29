import DraftJournal
import EcwidAPI
import Foundation
import Testing

@Suite struct DraftJournalTests {
  func tempJournal() -> DraftJournal {
    DraftJournal(directory: FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)"))
  }

  func product(_ name: String) throws -> Product {
    Product(try JSON.parse(#"{"id": 7, "name": "\#(name)", "price": 14.989999999999998, "zUnknown": {"b": 1, "a": 2}}"#))
  }

  @Test func aWrittenDraftReadsBackExactly() throws {
    let j = tempJournal()
    var current = try product("Base")
    current.name = "Edited 商品 \u{1b}[31m"
    let d = DraftJournal.Draft(storeId: 1003, productId: 7, base: try product("Base"), current: current)
    try j.write(d)
    let back = try #require(try j.read(storeId: 1003, productId: 7))
    #expect(back.current == d.current)
    #expect(back.base == d.base)
    #expect(back.current.value.compactText == current.value.compactText)
    #expect(try j.read(storeId: 1003, productId: 8) == nil)
  }

  @Test func rewritingReplacesAndLeavesNoTemporaryFiles() throws {
    let j = tempJournal()
    for i in 0..<20 {
      var c = try product("Base")
      c.name = "step \(i)"
      try j.write(.init(storeId: 1, productId: 7, base: try product("Base"), current: c))
    }
    #expect(try j.read(storeId: 1, productId: 7)?.current.name == "step 19")
    let files = try FileManager.default.contentsOfDirectory(atPath: j.directory.path)
    #expect(files == [j.url(storeId: 1, productId: 7).lastPathComponent])
    let attrs = try FileManager.default.attributesOfItem(atPath: j.url(storeId: 1, productId: 7).path)
    #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
  }

  @Test func removeDeletesTheDraft() throws {
    let j = tempJournal()
    try j.write(.init(storeId: 1, productId: 7, base: try product("A"), current: try product("B")))
    j.remove(storeId: 1, productId: 7)
    #expect(try j.read(storeId: 1, productId: 7) == nil)
  }

  @Test func aDamagedDraftIsReportedAndKept() throws {
    let j = tempJournal()
    try FileManager.default.createDirectory(at: j.directory, withIntermediateDirectories: true)
    try Data("{\"format\": \"ecwid-edit dra".utf8).write(to: j.url(storeId: 1, productId: 7))
    #expect(throws: DraftJournal.JournalError.damaged(j.url(storeId: 1, productId: 7).path)) {
      try j.read(storeId: 1, productId: 7)
    }
    #expect(FileManager.default.fileExists(atPath: j.url(storeId: 1, productId: 7).path))
  }

  @Test func standardLocationFollowsXDGStateHome() {
    let j = DraftJournal.standard(environment: ["XDG_STATE_HOME": "/tmp/xdg-state", "HOME": "/home/u"])
    #expect(j.directory.path == "/tmp/xdg-state/ecwid-edit/drafts")
    let h = DraftJournal.standard(environment: ["HOME": "/home/u"])
    #expect(h.directory.path == "/home/u/.local/state/ecwid-edit/drafts")
  }
}
