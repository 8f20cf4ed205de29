import Foundation
import Testing

/// `scripts/screenshots --check` takes every README screenshot of the real binary in xterm under
/// Xvfb (into a temporary folder) and checks each picture is real. This keeps the script working
/// as the screens change; the committed PNGs are not touched.
/// Part of the serialized EditorEndToEnd suite (TmuxHarness.swift): it runs tmux and an X server,
/// and the tmux-driven editor tests time out when they share the two cores with it.
extension EditorEndToEnd {
  @Suite struct ScreenshotScriptTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()

    static func onPath(_ tool: String) -> Bool {
      let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
      return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    /// As root the script installs what is missing itself (as CI does); otherwise the tools must be there.
    static var canRun: Bool {
      getuid() == 0 || ["Xvfb", "xterm", "import", "identify", "xdotool", "tmux", "curl"].allSatisfy(onPath)
    }

    @Test(
      .enabled(if: canRun, "needs xvfb xterm imagemagick xdotool tmux curl (or root, which installs them)"),
      .timeLimit(.minutes(10)))
    func screenshotScriptTakesEveryPicture() async throws {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: "/bin/bash")
      let script = Self.root.appendingPathComponent("scripts/screenshots").path
      // --binary: the script must not start `swift build` while `swift test` holds the build folder.
      p.arguments = [script, "--check", "--binary", CLI.binary]
      var environment = ProcessInfo.processInfo.environment
      for k in ["ECWID_TOKEN", "ECWID_STORE_ID", "ECWID_API_URL", "ECWID_STORE", "TMUX", "DISPLAY"] {
        environment.removeValue(forKey: k)
      }
      p.environment = environment
      let log = FileManager.default.temporaryDirectory.appendingPathComponent("screenshots-\(UUID().uuidString).log")
      _ = FileManager.default.createFile(atPath: log.path, contents: nil)
      let handle = try FileHandle(forWritingTo: log)
      p.standardOutput = handle
      p.standardError = handle
      p.standardInput = FileHandle.nullDevice
      // Wait without blocking a thread: the other end-to-end tests run sandboxes on the same
      // (small) pool of threads meanwhile.
      let exited = ExitFlag()
      // The script's own waits are bounded; this is the backstop if something hangs anyway.
      let watchdog = Task {
        try? await Task.sleep(for: .seconds(300))
        if !exited.isSet && p.isRunning {
          exited.timedOut()
          p.terminate()
          try? await Task.sleep(for: .seconds(3))
          if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        }
      }
      var launchError: (any Error)?
      await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
        p.terminationHandler = { _ in
          exited.set()
          done.resume()
        }
        do {
          try p.run()
        } catch {
          launchError = error
          exited.set()
          done.resume()
        }
      }
      watchdog.cancel()
      if let launchError {
        Issue.record("cannot start scripts/screenshots: \(launchError)")
        return
      }
      let timedOut = exited.didTimeOut
      try? handle.close()
      let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""

      #expect(!timedOut, "scripts/screenshots --check took over 300 s:\n\(output)")
      #expect(p.terminationStatus == 0, "scripts/screenshots --check failed:\n\(output)")
      for name in ["general", "options", "translations", "media", "review", "conflict", "help", "recover"] {
        let verified = output.split(separator: "\n").contains { $0.contains("ok  ") && $0.contains("/\(name).png:") }
        #expect(verified, "no good \(name).png:\n\(output)")
      }
      // The committed pictures the README shows are there too.
      for name in ["general", "options", "translations", "media", "review", "conflict", "help", "recover"] {
        let png = Self.root.appendingPathComponent("screenshots/\(name).png").path
        #expect(FileManager.default.fileExists(atPath: png), "screenshots/\(name).png is not committed")
      }
    }
  }
}

/// Whether the script has ended, and whether it had to be stopped.
final class ExitFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var exited = false
  private var stopped = false
  func set() { lock.withLock { exited = true } }
  func timedOut() { lock.withLock { stopped = true } }
  var isSet: Bool { lock.withLock { exited } }
  var didTimeOut: Bool { lock.withLock { stopped } }
}
