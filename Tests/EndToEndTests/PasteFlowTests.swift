import EcwidAPI
import EcwidSandbox
import Foundation
import Testing

extension EditorEndToEnd {
  /// A large bracketed paste into the real binary (issue 13): it used to take minutes for 200 KB
  /// and then about 20 s per megabyte, one character per read. The figures are in `scripts/bench`;
  /// here: the whole text arrives, in order, keys after it are keys, and Ctrl-C answers.
  @Suite struct PasteFlowTests {
    @Test func aMegabytePasteArrivesWholeAndCtrlCStillAnswers() async throws {
      let rig = try await EditorRig.start()
      defer { rig.finish() }
      try await rig.open()
      var text = ""
      var k = 0
      while text.utf8.count < 1 << 20 {
        text += "line \(k) é商 \u{1b}[2J lorem\r\n"
        k += 1
      }
      text += "END-OF-PASTE"
      let file = rig.dir.file("paste.txt")
      try text.write(toFile: file, atomically: true, encoding: .utf8)
      try rig.tmux.keys("1")
      try rig.tmux.keys("g")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("Esc: cancel")
      try rig.tmux.keys("C-u")
      _ = try rig.tmux.tmux(["load-buffer", "-b", "big", file])
      _ = try rig.tmux.tmux(["paste-buffer", "-p", "-b", "big", "-t", rig.tmux.session])
      try await rig.tmux.waitFor("END-OF-PASTE", timeout: 60)
      // A key typed after the paste is a key again, at the end of the text.
      try rig.tmux.type("Q")
      try await rig.tmux.waitFor("END-OF-PASTEQ")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("Name set", timeout: 30)
      // The field holds the paste exactly, line breaks turned into spaces (a one-line field) and
      // the escape sequences kept as text, never run.
      let expected =
        text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ") + "Q"
      let journaled = try await eventually("the draft to hold the paste", timeout: 30) {
        guard let j = rig.journalText(), let json = try? JSON.parse(Data(j.utf8)) else { return false }
        return json["current"]?["name"]?.stringValue == expected
      }
      #expect(journaled, "the draft journal does not hold the pasted name")
      // Ctrl-C answers at once with the quit question (one unsaved change).
      try rig.tmux.keys("C-c")
      try await rig.tmux.waitFor("Unsaved changes", "1 unsaved change", timeout: 10)
      try rig.tmux.keys("n")
      try await rig.tmux.waitGone("Unsaved changes")
      // And the product on the server is untouched until a save.
      #expect(try await rig.sandbox.product().name == "Nordlys Merino Wool Sweater")
    }
  }
}
