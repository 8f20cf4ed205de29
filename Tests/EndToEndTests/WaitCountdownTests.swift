import EcwidAPI
import EcwidSandbox
import Foundation
import Testing

extension EditorEndToEnd {
  /// Issue 13: a rate limit during a load or a save is counted down in the status line, and Esc
  /// stops the wait at once.
  @Suite struct WaitCountdownTests {
    @Test func aRateLimitedSaveCountsDownAndEscCancelsTheWait() async throws {
      let rig = try await EditorRig.start { o, _ in o.faults = try FaultSpec(parse: "429x1,retry-after=20,method=PUT") }
      defer { rig.finish() }
      try await rig.open()
      try await rig.setField(section: "1", index: 0, to: "Waited For", label: "Name")
      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("Review: 1 change")
      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("rate limited by Ecwid, retrying in", "· Esc cancels", timeout: 10)
      // It ticks down (20 s asked; 18 s shows about two seconds later).
      try await rig.tmux.waitFor("retrying in 18 s", timeout: 6)
      let asked = Date()
      try rig.tmux.keys("Escape")
      // At once: long before the 18 s left (the bound leaves room for a loaded machine).
      let cancelled = try await rig.tmux.waitFor("Cancelled", timeout: 8)
      #expect(Date().timeIntervalSince(asked) < 8, "Esc did not stop the wait at once")
      #expect(!cancelled.contains("retrying in"), "\(cancelled)")
      #expect(cancelled.contains("1 change"), "the edit is kept")
      // The wait was cancelled, so the PUT was not sent again.
      try await Task.sleep(for: .seconds(1))
      #expect(try await rig.sandbox.product().name == "Nordlys Merino Wool Sweater")
    }

    @Test func aRateLimitedLoadCountsDownAndEscCancelsIt() async throws {
      let rig = try await EditorRig.start { o, _ in
        o.faults = try FaultSpec(parse: "429x1,retry-after=20,method=GET,path=/products/\(E2ESandbox.sweater)")
      }
      defer { rig.finish() }
      try await rig.open(waitFor: nil)
      try await rig.tmux.waitFor("rate limited by Ecwid, retrying in", "· Esc cancels", timeout: 15)
      try await rig.tmux.waitFor("retrying in 18 s", timeout: 6)
      let asked = Date()
      try rig.tmux.keys("Escape")
      try await rig.tmux.waitGone("retrying in", timeout: 8)
      #expect(Date().timeIntervalSince(asked) < 8, "Esc did not stop the wait at once")
      let screen = try await rig.tmux.waitFor("Cancelled", timeout: 3)
      #expect(!screen.contains("Opened “"), "\(screen)")
    }
  }
}

extension EditorEndToEnd.WaitCountdownTests {
  /// Issue 15: a video Ecwid cannot download is named with its code in the gallery, and the
  /// images keep their alt texts.
  @Test func aVideoEcwidCannotDownloadIsNamedInTheGallery() async throws {
    let rig = try await EditorRig.start(width: 160)
    defer { rig.finish() }
    try await rig.open()
    let before = try await rig.sandbox.product()
    try rig.tmux.keys("5", "a")
    try rig.tmux.type("https://videos.example.com/404/clip.mp4")
    try rig.tmux.keys("Enter")
    try await rig.tmux.waitFor("1 change")
    try rig.tmux.keys("S")
    try await rig.tmux.waitFor("Review: 1 change")
    try rig.tmux.keys("S")
    let screen = try await rig.tmux.waitFor("Save failed", timeout: 15)
    #expect(screen.contains("not downloaded: https://videos.example.com/404/clip.mp4 (DOWNLOAD_VIDEO_FAILED)"), "\(screen)")
    #expect(!screen.contains("HTTP 200"), "\(screen)")
    let after = try await rig.sandbox.product()
    #expect(after.images.map { $0.alt?.main } == before.images.map { $0.alt?.main })
    #expect(after.images.count == before.images.count)
  }
}
