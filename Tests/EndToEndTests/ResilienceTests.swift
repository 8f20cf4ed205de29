import EcwidAPI
import EcwidSandbox
import Foundation
import Testing

extension EditorEndToEnd {
  /// The editor under a changing window, crashes, signals and a hostile network.
  @Suite struct ResilienceTests {
    // MARK: Resize

    @Test func resizingSmallAndBackKeepsTheEditorUsableAndAStormDoesNotCrashIt() async throws {
      let rig = try await EditorRig.start()
      defer { rig.finish() }
      try await rig.open()
      try rig.tmux.keys("2")
      let before = try await rig.tmux.waitFor("Compare-to price")
      let pid = try await rig.tmux.editorPid()

      try rig.tmux.resize(width: 40, height: 12)
      var small = try await rig.tmux.waitUntil("the 40×12 layout") { s in
        let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.first?.hasPrefix(" ecwid-edit") == true && s.contains("Price") && s.contains("saved")
          && !s.contains("Pricing & stock")
      }
      #expect(small.split(separator: "\n").allSatisfy { $0.count <= 40 })
      // Keys still work at 40×12: General, then edit the name there.
      try rig.tmux.keys("1")
      small = try await rig.tmux.waitFor("Name")
      #expect(small.contains("SKU"))
      try await rig.setField(section: "1", index: 0, to: "Small Window", label: "Name")
      try await rig.tmux.waitFor("1 change")
      try rig.tmux.keys("u")
      try await rig.tmux.waitFor("Undid: Name", "saved")

      // 20×6 still draws something sane; smaller says so.
      try rig.tmux.resize(width: 20, height: 6)
      try await rig.tmux.waitUntil("the 20×6 layout") { $0.hasPrefix(" ecwid-edit") }
      try rig.tmux.resize(width: 19, height: 5)
      try await rig.tmux.waitFor("Window too small")
      #expect(Tmux.isAlive(pid))

      // Back to the first size: the same screen as before, nothing left over.
      try rig.tmux.resize(width: 120, height: 40)
      try rig.tmux.keys("2")
      try await rig.tmux.waitUntil("the screen as it was before the resizes") { withoutStatus($0) == withoutStatus(before) }

      // A storm of 50 resizes, without waiting between them.
      var generator = SystemRandomNumberGenerator()
      for i in 0..<50 {
        let w = i % 7 == 0 ? Int.random(in: 1...12, using: &generator) : Int.random(in: 10...160, using: &generator)
        let h = i % 7 == 0 ? Int.random(in: 1...4, using: &generator) : Int.random(in: 3...50, using: &generator)
        try rig.tmux.resize(width: w, height: h)
      }
      try rig.tmux.resize(width: 120, height: 40)
      #expect(Tmux.isAlive(pid), "the editor died in the resize storm")
      try rig.tmux.keys("1")
      try rig.tmux.keys("2")
      try await rig.tmux.waitUntil("the screen as it was before the storm") { withoutStatus($0) == withoutStatus(before) }
      try rig.tmux.keys("q")
      try await rig.tmux.waitFor("EXIT=0")
    }

    /// The screen without its status line (which says what the last key did).
    func withoutStatus(_ screen: String) -> String {
      var lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
      while lines.last?.isEmpty == true { lines.removeLast() }
      if !lines.isEmpty { lines.removeLast() }
      return lines.joined(separator: "\n")
    }

    // MARK: kill -9 and recovery

    @Test func killMinus9LeavesAJournalThatIsOfferedRecoveredAndSavedOrDiscarded() async throws {
      let rig = try await EditorRig.start()
      defer { rig.finish() }

      func typeNameAndKill(_ name: String) async throws {
        try await rig.open(exec: true)
        try rig.tmux.keys("1", "g", "Enter", "C-u")
        try rig.tmux.type(name)
        try await rig.tmux.waitFor(name)  // still typing: the field is not even committed
        let typedAt = Date()
        try await eventually("the journal to hold the typed name") { rig.journalText()?.contains(name) == true }
        let wait = 1.2 - Date().timeIntervalSince(typedAt)
        if wait > 0 { try await Task.sleep(for: .milliseconds(Int(wait * 1000))) }
        let pid = try rig.tmux.panePid
        #expect(Tmux.commandName(pid) == "ecwid-edit")
        #expect(kill(pid, SIGKILL) == 0)
        #expect(Tmux.waitForExit(pid), "ecwid-edit survived kill -9")
      }

      try await typeNameAndKill("Crash Survivor")
      try await rig.open(waitFor: "A draft of this product was left by an earlier session")
      let offer = try await rig.tmux.waitFor("Name: “Nordlys Merino Wool Sweater” → “Crash Survivor”")
      #expect(offer.contains("r: recover it"))
      try rig.tmux.keys("r")
      try await rig.tmux.waitFor("Recovered 1 change(s)", "● 1 change")
      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("Review: 1 change")
      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("Saved:")
      #expect(try await rig.sandbox.product().name == "Crash Survivor")
      try await eventually("the journal to be removed after the save") { rig.journalText() == nil }
      try rig.tmux.keys("q")
      try await rig.tmux.waitFor("EXIT=0")

      // Again, and this time the draft is discarded.
      try await typeNameAndKill("Throw Me Away")
      try await rig.open(waitFor: "A draft of this product was left by an earlier session")
      try await rig.tmux.waitFor("“Crash Survivor” → “Throw Me Away”")
      try rig.tmux.keys("d")
      let discarded = try await rig.tmux.waitFor("Draft discarded")
      #expect(discarded.contains("Crash Survivor"))
      #expect(!discarded.contains("Throw Me Away"))
      #expect(discarded.contains("saved"))
      try await eventually("the journal to be removed after discarding") { rig.journalText() == nil }
      try rig.tmux.keys("q")
      try await rig.tmux.waitFor("EXIT=0")
      #expect(try await rig.sandbox.product().name == "Crash Survivor")
    }

    // MARK: Signals

    @Test(arguments: [(SIGTERM, 143), (SIGHUP, 129)])
    func signalWritesTheJournalAndRestoresTheTerminal(signal: Int32, status: Int) async throws {
      let rig = try await EditorRig.start()
      defer { rig.finish() }
      try await rig.open()
      let pid = try await rig.tmux.editorPid()
      try rig.tmux.keys("Enter", "C-u")
      try rig.tmux.type("Signal")
      try await rig.tmux.waitFor("Signal")
      // The last keystrokes come right before the signal, as when a terminal window is closed.
      try rig.tmux.type(" Safe")
      try await rig.tmux.waitFor("Signal Safe")
      #expect(kill(pid, signal) == 0)

      let after = try await rig.tmux.waitFor("EXIT=\(status)")
      #expect(try rig.tmux.format("#{alternate_on}") == "0", "still on the alternate screen")
      #expect(!after.contains("ecwid-edit ·"))
      #expect(Tmux.waitForExit(pid))
      let journal = try #require(rig.journalText(), "no draft journal after the signal")
      #expect(journal.contains("Signal Safe"), "the journal lacks the last keystrokes")
      // The terminal is usable again: the shell line is there, echo works.
      #expect(try rig.tmux.format("#{pane_dead}") == "0")
    }

    /// A Swift runtime trap ends the process with SIGILL (ud2 on x86-64): the crash handler gives
    /// the terminal back and the draft written within the last second stays for recovery.
    @Test func aTrapRestoresTheTerminalAndLeavesTheJournal() async throws {
      let rig = try await EditorRig.start()
      defer { rig.finish() }
      try await rig.open()
      let pid = try await rig.tmux.editorPid()
      try rig.tmux.keys("Enter", "C-u")
      try rig.tmux.type("Before The Crash")
      try await rig.tmux.waitFor("Before The Crash")
      try await eventually("the journal to hold the typing", timeout: 5) {
        rig.journalText()?.contains("Before The Crash") == true
      }
      #expect(kill(pid, SIGILL) == 0)
      let after = try await rig.tmux.waitFor("EXIT=132")
      #expect(try rig.tmux.format("#{alternate_on}") == "0", "still on the alternate screen")
      #expect(!after.contains("ecwid-edit ·"))
      #expect(rig.journalText()?.contains("Before The Crash") == true)

      // The next start offers the draft.
      try await rig.open(waitFor: "A draft of this product")
      try await rig.tmux.waitFor("Before The Crash")
    }

    // MARK: Hostile wire

    @Test func slowSaveLeavesKeysWorkingEscCancelsAndARetrySucceeds() async throws {
      let rig = try await EditorRig.start()
      defer { rig.finish() }
      try await rig.open()
      try await rig.setField(section: "1", index: 0, to: "Slow Save", label: "Name")
      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("Review: 1 change")
      // The store holds the PUT's answer until the test lets it go (a fixed latency would race a
      // loaded machine: the answer could come before the help does).
      let sandbox = rig.sandbox.sandbox
      sandbox.holdAnswers(method: "PUT", pathSuffix: "/products/\(E2ESandbox.sweater)")
      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("Saving", "(Esc cancels)")
      let reached = try await eventually("the PUT to reach the store", timeout: 15) { sandbox.heldAnswers == 1 }
      #expect(reached)
      // Help opens while the request hangs, without waiting for its answer.
      try rig.tmux.keys("?")
      try await rig.tmux.waitFor("Keys:", timeout: 5)
      #expect(sandbox.heldAnswers == 1, "help came only after the save's answer")
      try rig.tmux.keys("Escape")
      try await rig.tmux.waitGone("Keys:")
      try rig.tmux.keys("Escape")
      let cancelled = try await rig.tmux.waitFor("Cancelled")
      #expect(cancelled.contains("1 change"), "the edit is kept after cancelling")
      sandbox.releaseHeldAnswers()

      // The PUT was already on its way: the store applies it now that it is let go. The editor
      // must not claim that nothing was sent.
      let landed = try await eventually("the in-flight PUT to land", timeout: 8) {
        try await rig.sandbox.product().name == "Slow Save"
      }
      if landed { #expect(!cancelled.contains("nothing was sent"), "a cancelled save was stored after “nothing was sent”") }

      // Cancelling leaves the review open, and S there saves again: it checks the store first and
      // ends with the edit stored, sent at most once more. When a check has already seen that the
      // store holds the landed PUT (one can come before S), it says there is nothing to save.
      #expect(cancelled.contains("Review: 1 change"), "\(cancelled)")
      try rig.tmux.keys("S")
      try await rig.tmux.waitUntil("the retry to end", timeout: 15) { screen in
        !screen.contains("Esc cancels")
          && ["Saved:", "Nothing left to save", "Nothing to save"].contains { screen.contains($0) }
      }
      #expect(try await rig.sandbox.product().name == "Slow Save")
      try rig.tmux.keys("Escape")
      try await rig.tmux.waitFor("saved")
    }

    @Test func serverErrorsOnSaveKeepTheEditsAndSayWhatHappenedThenARetrySucceeds() async throws {
      let rig = try await EditorRig.start { o, _ in o.faults = try FaultSpec(parse: "500x6,method=PUT") }
      defer { rig.finish() }
      try await rig.open()
      try await rig.setField(section: "1", index: 0, to: "After Errors", label: "Name")
      var failures = 0
      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("Review: 1 change")
      // A failed save leaves the review open: the next S there is the retry.
      for _ in 0..<6 {
        let screen = try await rig.saveFromReview(endsWith: ["Saved:", "Save failed"])
        if screen.contains("Saved:") { break }
        failures += 1
        #expect(screen.contains("500") || screen.lowercased().contains("server"), "\(screen)")
        #expect(screen.contains("Save failed"))
        #expect(screen.contains("Review: 1 change") && screen.contains("After Errors"), "\(screen)")
        #expect(try await rig.sandbox.product().name == "Nordlys Merino Wool Sweater")
      }
      #expect(failures >= 1, "the faults never reached the editor")
      try await rig.tmux.waitFor("Saved:")
      #expect(try await rig.sandbox.product().name == "After Errors")
    }

    @Test(arguments: ["malformed", "truncate"])
    func brokenJSONOnLoadShowsAnErrorScreenAndQuitsWith1(fault: String) async throws {
      let rig = try await EditorRig.start { o, _ in
        o.faults = try FaultSpec(parse: "\(fault),method=GET,path=/products/\(E2ESandbox.sweater)")
      }
      defer { rig.finish() }
      try await rig.open(waitFor: nil)
      let screen = try await rig.tmux.waitFor("Could not open the product.", "r: try again", timeout: 20)
      #expect(screen.contains("ecwid-edit"))
      try rig.tmux.keys("q")
      try await rig.tmux.waitFor("EXIT=1")
      #expect(try rig.tmux.format("#{alternate_on}") == "0")
    }

    @Test func flakySeededStoreStillEndsWithTheEditSaved() async throws {
      let rig = try await EditorRig.start { o, _ in
        o.faults = try FaultSpec(parse: "seed=3,latency=3s@0.5,500@0.3,429@0.2,retry-after=1")
      }
      defer { rig.finish() }
      try await rig.open(waitFor: nil)
      let deadline = Date().addingTimeInterval(25)
      // Loading may fail: r tries again.
      while Date() < deadline {
        let s = try await rig.tmux.waitUntil("the product or an error", timeout: 20) {
          $0.contains("Opened “") || $0.contains("Could not open")
        }
        if s.contains("Opened “") { break }
        try rig.tmux.keys("r")
        try await rig.tmux.waitGone("Could not open")
      }
      try await rig.setField(section: "1", index: 0, to: "Flaky But Saved", label: "Name")
      var saved = false
      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("Review: 1 change")
      // A save that fails leaves the review open: the next S there tries again.
      while !saved && Date() < deadline {
        let s = try await rig.saveFromReview(endsWith: ["Saved:", "Not saved", "Save failed"])
        saved = s.contains("Saved:")
        if !saved { #expect(s.contains("Review: 1 change") && s.contains("Flaky But Saved"), "\(s)") }
      }
      #expect(saved)
      #expect(try await rig.sandbox.product().name == "Flaky But Saved")
    }
  }
}

extension EditorRig {
  /// Presses S on the review and returns the screen once that save has ended: one of `ends` is
  /// on it, and no busy line (every form of it, a wait's included, ends with "Esc cancels").
  ///
  /// The review keeps the last save's outcome until the S is taken, and the store can see a
  /// request before the screen shows it, so neither a request count nor the screen alone says
  /// that this round began (CI once read the last round's "Save failed" as this one's, and the
  /// next S landed mid-save). Every save begins by reading the product, so the store holds that
  /// read until the screen shows its busy line: then this round has begun, whatever the load.
  func saveFromReview(endsWith ends: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
    let store = sandbox.sandbox
    store.holdAnswers(method: "GET", pathSuffix: "/products/\(E2ESandbox.sweater)")
    defer { store.releaseHeldAnswers() }
    try tmux.keys("S")
    // (After 5 s the line says how long the held read has waited instead.)
    try await tmux.waitUntil("the save's busy line", timeout: 20, sourceLocation: sourceLocation) { screen in
      screen.contains("Checking the product") || screen.contains("answer to GET /products/\(E2ESandbox.sweater)")
    }
    store.releaseHeldAnswers()
    return try await tmux.waitUntil("the save to end", timeout: 20, sourceLocation: sourceLocation) { screen in
      !screen.contains("Esc cancels") && ends.contains { screen.contains($0) }
    }
  }
}
