import EcwidAPI
import EcwidSandbox
import Foundation
import Testing

extension EditorEndToEnd {
  /// Ctrl-L and the command menu (issue 14) through the real binary in tmux.
  @Suite struct KeyConventionsFlowTests {
    @Test func ctrlLRepaintsAScreenSomethingElseWroteOver() async throws {
      let rig = try await EditorRig.start(width: 80, height: 24)
      defer { rig.finish() }
      try await rig.open()
      let before = try await rig.tmux.waitFor("Name", "S: review & save")
      // Another program writes onto the terminal behind the editor's back (a `wall`, a
      // background job): the editor's screen is spoiled until it repaints all of it.
      let tty = try rig.tmux.format("#{pane_tty}")
      let handle = try #require(FileHandle(forWritingAtPath: tty), "cannot open \(tty)")
      handle.write(Data("\u{1b}[4;6HGARBAGE FROM ANOTHER PROGRAM\u{1b}[12;1HMORE GARBAGE".utf8))
      try handle.close()
      try await rig.tmux.waitFor("GARBAGE FROM ANOTHER PROGRAM", "MORE GARBAGE")
      // It does not go away by itself: nothing on the editor's screen changed.
      try await Task.sleep(for: .milliseconds(400))
      #expect(try rig.tmux.capture().contains("GARBAGE FROM ANOTHER PROGRAM"))

      try rig.tmux.keys("C-l")
      try await rig.tmux.waitGone("GARBAGE FROM ANOTHER PROGRAM")
      try await rig.tmux.waitGone("MORE GARBAGE")
      let after = try rig.tmux.capture()
      #expect(after == before, "before:\n\(before)\nafter:\n\(after)")
      // Still the same editor, keys work.
      try rig.tmux.keys("2")
      try await rig.tmux.waitFor("Compare-to price")
    }

    @Test func theCommandMenuRunsTheChosenCommandAndEscClosesIt() async throws {
      let rig = try await EditorRig.start()
      defer { rig.finish() }
      let before = try await rig.sandbox.product()
      let urls = (before.json["media"]?["images"]?.arrayValue ?? []).map { $0["imageOriginalUrl"]?.stringValue ?? "" }
      try #require(urls.count > 2)
      try await rig.open()

      try rig.tmux.keys("5")
      try await rig.tmux.waitFor("12 images, 0 videos")
      try rig.tmux.keys("j")
      // `:` lists the gallery's commands; typing narrows them; Enter runs the one left.
      try rig.tmux.type(":")
      let menu = try await rig.tmux.waitFor("Commands: Media", "make it the main image")
      #expect(menu.contains("move the image to the top"), "\(menu)")
      try rig.tmux.type("main image")
      try await rig.tmux.waitFor("1 command")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("Main image set")
      try await rig.tmux.waitGone("Commands:")

      // Esc closes the menu and nothing runs.
      try rig.tmux.keys("C-p")
      try await rig.tmux.waitFor("Commands: Media")
      try rig.tmux.type("remove")
      try await rig.tmux.waitFor("remove the image")
      try rig.tmux.keys("Escape")
      try await rig.tmux.waitGone("Commands:")
      #expect(!(try rig.tmux.capture()).contains("Remove image"))

      // Review and save, both from the menu.
      try rig.tmux.type(":")
      try await rig.tmux.waitFor("Commands: Media")
      try rig.tmux.type("review")
      try await rig.tmux.waitFor("review the changes, then save")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("Review: 2 changes")
      try rig.tmux.type(":")
      try await rig.tmux.waitFor("Commands: review")
      try rig.tmux.type("save now")
      try await rig.tmux.waitFor("1 command")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("Saved:", timeout: 15)

      let after = try await rig.sandbox.product()
      let now = (after.json["media"]?["images"]?.arrayValue ?? []).map { $0["imageOriginalUrl"]?.stringValue ?? "" }
      #expect(now.first == urls[1], "\(now)")
      #expect(Set(now) == Set(urls))
    }
  }
}
