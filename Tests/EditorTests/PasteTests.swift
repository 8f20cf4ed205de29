import EcwidAPI
import Foundation
import ProductDocument
import Terminal
import EcwidSandbox
import Testing

@testable import Editor

/// A large paste is linear work (issue 13): it used to take minutes in `scrollToCursor`.
/// Timings belong to the benchmark (`scripts/bench`); the time limit here only stops a quadratic
/// regression from hanging the suite.
@Suite struct PasteTests {
  static let megabyte: String = {
    var text = ""
    text.reserveCapacity(1 << 20)
    let words = ["merino ", "wool, ", "Norway ", "åsgard ", "sweater… ", "warm ", "itch-free ", "\n"]
    var i = 0
    while text.utf8.count < 1 << 20 {
      text += words[i % words.count]
      i += 1
    }
    return text
  }()

  static let executor = ThreadTaskExecutor(name: "paste-test")

  @Test(.timeLimit(.minutes(1))) func aMegabytePasteGoesThroughUpdateAndView() async throws {
    // A thread of its own: behind the key fuzz on the shared one it would wait past its limit.
    try await withTaskExecutorPreference(Self.executor) { try pasteAMegabyte() }
  }

  func pasteAMegabyte() throws {
    var m = EditorHarness.model(width: 120, height: 40)
    press(&m, .enter, .ctrl("u"))  // General › Name, emptied
    #expect(m.form.editing != nil)
    _ = m.update(.paste(Self.megabyte))
    let editing = try #require(m.form.editing)
    #expect(editing.field.characters.count == Self.megabyte.count)
    let (screen, cursor) = m.view()
    #expect(cursor != nil)
    // The end of the paste is what shows, with the cursor after it.
    let nameLine = try #require(screen.lines().first { $0.contains("Name") })
    #expect(nameLine.contains("itch-free"), "\(nameLine)")
    // Typing after it and Ctrl-C still answer.
    press(&m, .char("!"))
    _ = m.view()
    #expect(m.form.editing?.field.text.hasSuffix("!") == true)
    press(&m, .ctrl("c"))
    #expect(m.form.editing == nil)
    #expect(m.message?.text == "Edit cancelled")
  }

  @Test(.timeLimit(.minutes(1))) func scrollingAHugeFieldLooksOnlyAtTheWindow() {
    var field = TextField(String(repeating: "ab漢", count: 200_000))
    for _ in 0..<200 {
      field.handle(.char("x"))
      field.scrollToCursor(width: 60)
    }
    var screen = Screen(width: 80, height: 1)
    let x = field.draw(into: &screen, x: 0, y: 0, width: 60, style: .plain)
    #expect(x == 59)
    let line = screen.lines()[0].trimmingCharacters(in: .whitespaces)
    #expect(line == String(repeating: "x", count: 59), "\(line)")
    field.handle(.home)
    field.scrollToCursor(width: 60)
    #expect(field.scroll == 0)
  }
}
