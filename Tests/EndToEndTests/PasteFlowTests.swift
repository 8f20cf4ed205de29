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
        // (tmux drops ESC from a bracketed paste, so none is sent: no text may end the paste early.)
        text += "line \(k) é商 [2J lorem\r\n"
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
      // -r: line ends as they are (tmux would turn each LF into CR).
      _ = try rig.tmux.tmux(["paste-buffer", "-p", "-r", "-b", "big", "-t", rig.tmux.session])
      try await rig.tmux.waitFor("END-OF-PASTE", timeout: 60)
      // A key typed after the paste is a key again, at the end of the text.
      try rig.tmux.type("Q")
      try await rig.tmux.waitFor("END-OF-PASTEQ")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("Name set", timeout: 30)
      // The field holds the paste exactly, each line break (CRLF) one space in a one-line field.
      let expected =
        text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ") + "Q"
      var name: String?
      _ = try? await eventually("the draft to hold the paste", timeout: 30) {
        guard let j = rig.journalText(), let json = try? JSON.parse(Data(j.utf8)) else { return false }
        name = json["current"]?["name"]?.stringValue
        return name == expected
      }
      let got = try #require(name, "no draft journal with a name")
      let same = zip(got.unicodeScalars, expected.unicodeScalars).prefix { $0 == $1 }.count
      #expect(
        got == expected,
        "the draft's name (\(got.unicodeScalars.count) scalars) differs from the paste (\(expected.unicodeScalars.count)) at scalar \(same): \(String(String.UnicodeScalarView(got.unicodeScalars.dropFirst(same).prefix(40)))) vs \(String(String.UnicodeScalarView(expected.unicodeScalars.dropFirst(same).prefix(40))))"
      )
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
