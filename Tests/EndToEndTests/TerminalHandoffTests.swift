import EcwidAPI
import EcwidSandbox
import Foundation
import Testing

extension EditorEndToEnd {
  /// `$EDITOR` gets the terminal, and Ctrl-Z / `fg` work, when ecwid-edit is started from an
  /// interactive shell (issue 12: vim was stopped in a background process group and the screen
  /// stayed blank).
  @Suite struct TerminalHandoffTests {
    static func which(_ name: String) -> String? {
      ["/usr/bin/", "/bin/", "/usr/local/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts an interactive bash in the pane and types the editor's command line into it.
    /// (With `echoExit`, the shell prints `EXIT=<status>` after the editor; not for a job that is
    /// stopped, since the shell goes on with the list then.)
    func startFromInteractiveShell(_ rig: EditorRig, env: [String: String], echoExit: Bool = true) async throws {
      try rig.tmux.start(shell: "exec env PS1='ready$ ' bash --norc --noprofile -i")
      try await rig.tmux.waitFor("ready$")
      let line = Tmux.editorLine(["edit", "\(E2ESandbox.sweater)"], env: env, dir: rig.dir, exec: false)
      try rig.tmux.type(line + (echoExit ? "; echo EXIT=$?" : ""))
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("Opened “", timeout: 15)
    }

    /// Opens the description (General, fifth field) in `$VISUAL`.
    func openDescription(_ rig: EditorRig) throws {
      try rig.tmux.keys("1", "g")
      for _ in 0..<4 { try rig.tmux.keys("j") }
      try rig.tmux.keys("Enter")
    }

    func saveAndCheckDescription(_ rig: EditorRig, startsWith prefix: String) async throws {
      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("Review: 1 change")
      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("Saved:")
      let after = try await rig.sandbox.product()
      let description = try #require(after.json["description"]?.stringValue)
      #expect(description.hasPrefix(prefix), "\(description)")
      // The rest of the description is untouched.
      #expect(description.contains("Hand-finished in Norway"))
    }

    @Test(arguments: [true, false])
    func vimGetsTheTerminal(fromInteractiveShell: Bool) async throws {
      let vim = try #require(Self.which("vim"), "vim is needed (Debian's vim package)")
      let rig = try await EditorRig.start()
      defer { rig.finish() }
      var env = rig.sandbox.environment
      env["VISUAL"] = "\(vim) -u NONE -i NONE -N"
      if fromInteractiveShell {
        try await startFromInteractiveShell(rig, env: env)
      } else {
        try rig.tmux.startEditor(["edit", "\(E2ESandbox.sweater)"], env: env, dir: rig.dir)
        try await rig.tmux.waitFor("Opened “", timeout: 15)
      }
      try openDescription(rig)
      // vim's own screen, ready for keys (not stopped in the background).
      try await rig.tmux.waitFor("description.html", timeout: 10)
      try rig.tmux.keys("g", "g", "I")
      try rig.tmux.type("VIM-TYPED ")
      try rig.tmux.keys("Escape")
      try rig.tmux.type(":wq")
      try rig.tmux.keys("Enter")
      let back = try await rig.tmux.waitFor("Description updated", "● 1 change")
      // The editor's screen is back in full (repainted, not only the changed lines).
      #expect(back.contains("ecwid-edit ·"), "\(back)")
      #expect(back.contains("SKU"))
      try await saveAndCheckDescription(rig, startsWith: "VIM-TYPED <p>Hand-finished")
    }

    @Test func nanoGetsTheTerminal() async throws {
      let nano = try #require(Self.which("nano"), "nano is needed (Debian's nano package)")
      let rig = try await EditorRig.start()
      defer { rig.finish() }
      var env = rig.sandbox.environment
      env["VISUAL"] = "\(nano) --ignorercfiles"
      try await startFromInteractiveShell(rig, env: env)
      try openDescription(rig)
      try await rig.tmux.waitFor("GNU nano", timeout: 10)
      try rig.tmux.type("NANO-TYPED ")
      try await rig.tmux.waitFor("NANO-TYPED")
      try rig.tmux.keys("C-o")
      try await rig.tmux.waitFor("File Name to Write")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("Wrote")
      try rig.tmux.keys("C-x")
      try await rig.tmux.waitFor("Description updated", "● 1 change")
      try await saveAndCheckDescription(rig, startsWith: "NANO-TYPED <p>Hand-finished")
    }

    /// After `$EDITOR` has had the terminal once, Ctrl-Z and `fg` still bring the editor back, and
    /// again the second time (it stopped itself a second time right after `fg`).
    @Test func ctrlZAfterAnExternalEditorComesBackWithFgEveryTime() async throws {
      let vim = try #require(Self.which("vim"), "vim is needed (Debian's vim package)")
      let rig = try await EditorRig.start()
      defer { rig.finish() }
      var env = rig.sandbox.environment
      env["VISUAL"] = "\(vim) -u NONE -i NONE -N"
      try await startFromInteractiveShell(rig, env: env, echoExit: false)
      let pid = try await rig.tmux.editorPid()
      try openDescription(rig)
      try await rig.tmux.waitFor("description.html", timeout: 10)
      try rig.tmux.type(":q")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("ecwid-edit ·", "SKU")
      for round in 1...2 {
        try rig.tmux.keys("C-z")
        try await rig.tmux.waitFor("Stopped", "ready$")
        try rig.tmux.keys("C-l")  // the shell clears, so the next wait sees the editor's screen anew
        try rig.tmux.type("fg")
        try rig.tmux.keys("Enter")
        let back = try await rig.tmux.waitFor("ecwid-edit ·", "SKU")
        try await Task.sleep(for: .milliseconds(500))
        let state = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        #expect(state.split(separator: ")").last?.hasPrefix(" T") == false, "round \(round): stopped again after fg: \(state)")
        #expect(back.contains("Name"))
      }
      try rig.tmux.keys("q")
      #expect(Tmux.waitForExit(pid), "the editor did not end after fg and q")
    }

    @Test func ctrlZSuspendsAndFgBringsTheScreenBack() async throws {
      let rig = try await EditorRig.start()
      defer { rig.finish() }
      try await startFromInteractiveShell(rig, env: rig.sandbox.environment, echoExit: false)
      let pid = try await rig.tmux.editorPid()
      try await rig.setField(section: "1", index: 0, to: "Suspended Name", label: "Name")
      try rig.tmux.keys("C-z")
      // The shell's screen with its job report; the editor is stopped, not gone.
      let shell = try await rig.tmux.waitFor("Stopped", "ready$")
      #expect(!shell.contains("ecwid-edit ·"))
      #expect(try rig.tmux.format("#{alternate_on}") == "0")
      let state = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
      #expect(state.split(separator: ")").last?.hasPrefix(" T") == true, "\(state)")
      try rig.tmux.type("fg")
      try rig.tmux.keys("Enter")
      let back = try await rig.tmux.waitFor("ecwid-edit ·", "Suspended Name", "● 1 change")
      #expect(back.contains("SKU"), "the whole form is drawn again:\n\(back)")
      // It still answers keys.
      try rig.tmux.keys("2")
      try await rig.tmux.waitFor("Compare-to price")
      try rig.tmux.keys("q")
      try await rig.tmux.waitFor("Unsaved changes")
      try rig.tmux.keys("y")
      #expect(Tmux.waitForExit(pid), "the editor did not end after fg and q")
      try rig.tmux.type("echo STATUS=$?")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("STATUS=0")
      #expect(try rig.tmux.format("#{alternate_on}") == "0")
    }
  }
}
