import EcwidAPI
import EcwidSandbox
import Foundation
import Testing

/// The real binary started in the background, its output collected as it comes.
final class RunningCLI: @unchecked Sendable {
  let process = Process()
  private let lock = NSLock()
  private var out = Data()
  private var err = Data()

  init(_ args: [String], env: [String: String] = [:]) throws {
    process.executableURL = URL(fileURLWithPath: CLI.binary)
    process.arguments = args
    var environment = ProcessInfo.processInfo.environment
    for k in ["ECWID_TOKEN", "ECWID_STORE_ID", "ECWID_API_URL", "ECWID_STORE"] { environment.removeValue(forKey: k) }
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("cli-bg-\(UUID().uuidString)").path
    environment["XDG_CONFIG_HOME"] = home + "/config"
    environment["XDG_STATE_HOME"] = home + "/state"
    for (k, v) in env { environment[k] = v }
    process.environment = environment
    let o = Pipe()
    let e = Pipe()
    process.standardOutput = o
    process.standardError = e
    process.standardInput = FileHandle.nullDevice
    o.fileHandleForReading.readabilityHandler = { [weak self] h in self?.add(h.availableData, err: false) }
    e.fileHandleForReading.readabilityHandler = { [weak self] h in self?.add(h.availableData, err: true) }
    try process.run()
  }

  private func add(_ d: Data, err isErr: Bool) {
    lock.lock()
    if isErr { err.append(d) } else { out.append(d) }
    lock.unlock()
  }

  var stdout: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: out, as: UTF8.self)
  }

  var stderr: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: err, as: UTF8.self)
  }

  /// Waits until `condition` holds, up to `timeout` seconds.
  func wait(timeout: Double, _ condition: () -> Bool) async throws -> Bool {
    let end = Date().addingTimeInterval(timeout)
    while Date() < end {
      if condition() { return true }
      try await Task.sleep(for: .milliseconds(50))
    }
    return condition()
  }

  /// Waits for the process to exit; kills it (this process only) when it does not in time.
  func exit(within timeout: Double) async throws -> Int32? {
    if try await wait(timeout: timeout, { !process.isRunning }) { return process.terminationStatus }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    return nil
  }
}

@Suite(.serialized) struct NetworkCLITests {
  @Test func aTokenWithALineBreakIsRefusedWhenReadAndNeverShown() async throws {
    let s = try await CLISandbox.start()
    defer { Task { await s.sandbox.stop() } }
    let secret = "secret_cli_linebreak_0123456789"
    var env = s.environment
    env["ECWID_TOKEN"] = secret + "\nX-Injected: yes"
    let fromEnv = try await CLI.run(["get", "1"], env: env)
    #expect(fromEnv.status == 2)
    #expect(fromEnv.stderr.contains("ECWID_TOKEN") && fromEnv.stderr.contains("line break"), "\(fromEnv.stderr)")
    #expect(!(fromEnv.stdout + fromEnv.stderr).contains("0123456789"))

    let file = FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UUID().uuidString)")
    try (secret + "\nsecond line\n").write(to: file, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
    env.removeValue(forKey: "ECWID_TOKEN")
    let fromFile = try await CLI.run(["get", "1", "--token-file", file.path], env: env)
    #expect(fromFile.status == 2)
    #expect(fromFile.stderr.contains("token file") && fromFile.stderr.contains("line break"), "\(fromFile.stderr)")
    #expect(!(fromFile.stdout + fromFile.stderr).contains("0123456789"))
    #expect(await s.sandbox.requestCount(method: "GET", pathSuffix: "/products/1") == 0)
  }

  @Test(arguments: ["http://127.evil.test", "http://127.0.0.1.evil.test", "http://127.1.2.3.4", "http://127.0.0.1.nip.io"])
  func plainHttpToANameLikeLoopbackIsRefused(host: String) async throws {
    let r = try await CLI.run(
      ["get", "1"], env: ["ECWID_API_URL": host + ":8787/api/v3", "ECWID_STORE_ID": "1", "ECWID_TOKEN": "secret_x"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("plain http"), "\(r.stderr)")
  }

  @Test func aPortOutOfRangeIsRefusedNotACrash() async throws {
    let env = ["ECWID_STORE_ID": "1", "ECWID_TOKEN": "secret_x"]
    var viaEnv = env
    viaEnv["ECWID_API_URL"] = "http://127.0.0.1:99999/api/v3"
    for r in [
      try await CLI.run(["get", "1"], env: viaEnv),
      try await CLI.run(["get", "1", "--api-url", "http://127.0.0.1:99999/api/v3"], env: env),
    ] {
      #expect(r.status == 2, "\(r.stderr.prefix(500))")
      #expect(r.stderr.contains("1 to 65535"), "\(r.stderr.prefix(500))")
      #expect(r.stderr.split(separator: "\n").count <= 2)
    }
  }

  @Test func aRefusedConnectionFailsFastAndSaysNothingIsListening() async throws {
    var o = SandboxOptions()
    o.port = 0
    let s = try Sandbox(options: o)
    let port = try await s.start()
    await s.stop()
    let started = Date()
    let r = try await CLI.run(
      ["get", "1"],
      env: ["ECWID_API_URL": "http://127.0.0.1:\(port)/api/v3", "ECWID_STORE_ID": "1", "ECWID_TOKEN": "secret_x"])
    let took = Date().timeIntervalSince(started)
    #expect(r.status == 2)
    #expect(took < 3, "took \(took) s")
    #expect(r.stderr.contains("nothing is listening at http://127.0.0.1:\(port)/api/v3"), "\(r.stderr)")
    let message = r.stderr
    #expect(message.filter { $0 == "(" }.count == message.filter { $0 == ")" }.count, "\(message)")
  }

  @Test func sandboxRefusesAPortOutOfRangeAndPrintsTheChosenPortToAPipe() async throws {
    let bad = try await CLI.run(["sandbox", "--port", "99999"])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("--port 99999"), "\(bad.stderr)")

    let running = try RunningCLI(["sandbox", "--port", "0"])
    let printed = try await running.wait(timeout: 15) { running.stdout.contains("http://127.0.0.1:") }
    kill(running.process.processIdentifier, SIGTERM)
    _ = try await running.exit(within: 5)
    #expect(printed, "stdout: \(running.stdout) stderr: \(running.stderr)")
    #expect(!running.stdout.contains("127.0.0.1:0/"))
  }

  @Test func aRateLimitWaitIsShownAndCtrlCEndsItAtOnce() async throws {
    var o = SandboxOptions()
    o.port = 0
    o.token = "secret_ctrl_c"
    o.faults = try FaultSpec(parse: "429,retry-after=30")
    let sandbox = try Sandbox(options: o)
    let port = try await sandbox.start()
    defer { Task { await sandbox.stop() } }
    let running = try RunningCLI(
      ["get", "1"],
      env: ["ECWID_API_URL": "http://127.0.0.1:\(port)/api/v3", "ECWID_STORE_ID": "\(sandbox.storeId)", "ECWID_TOKEN": o.token])
    let shown = try await running.wait(timeout: 15) { running.stderr.contains("rate limited by Ecwid, retrying in 30 s") }
    #expect(shown, "stderr: \(running.stderr)")
    let interrupted = Date()
    kill(running.process.processIdentifier, SIGINT)
    let status = try await running.exit(within: 5)
    let took = Date().timeIntervalSince(interrupted)
    #expect(status == 130, "stderr: \(running.stderr)")
    #expect(took < 8, "Ctrl-C took \(took) s")  // at once: long before the 30 s wait ends
    #expect(running.stderr.contains("interrupted"))
  }

  /// A PUT whose answer is unreadable was applied: apply re-reads, finds it, and says so with
  /// exit 0, sending it once.
  @Test(arguments: ["malformed", "truncate"])
  func applyWithAnUnreadableAnswerReportsWhatLanded(fault: String) async throws {
    var o = SandboxOptions()
    o.port = 0
    o.token = "secret_apply_\(fault)"
    o.faults = try FaultSpec(parse: "\(fault),method=PUT")
    let sandbox = try Sandbox(options: o)
    let port = try await sandbox.start()
    defer { Task { await sandbox.stop() } }
    let env = ["ECWID_API_URL": "http://127.0.0.1:\(port)/api/v3", "ECWID_STORE_ID": "\(sandbox.storeId)", "ECWID_TOKEN": o.token]
    let list = try await CLI.run(["search", "--limit", "1"], env: env)
    let id = try #require(list.stdout.split(separator: "\t").first.flatMap { Int($0) }, "\(list.stderr)")
    var edited = Product(try JSON.parse(try await CLI.run(["get", "\(id)"], env: env).stdout))
    edited.name = "Applied through a \(fault) answer"
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("apply-\(UUID().uuidString).json")
    try edited.value.prettyText().write(to: file, atomically: true, encoding: .utf8)
    let r = try await CLI.run(["apply", "\(id)", file.path, "--yes"], env: env)
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    #expect(!r.stderr.contains("applied: 0"))
    #expect(await sandbox.product(id: id)?.name == "Applied through a \(fault) answer")
    #expect(await sandbox.requestCount(method: "PUT", pathSuffix: "/products/\(id)") == 1)
  }

  /// A sandbox with faults, a product id, and a file holding that product renamed.
  func applyRig(faults: String, name: String) async throws -> (Sandbox, [String: String], Int, String) {
    var o = SandboxOptions()
    o.port = 0
    o.token = "secret_apply_rig"
    o.faults = try FaultSpec(parse: faults)
    let sandbox = try Sandbox(options: o)
    let port = try await sandbox.start()
    let env = ["ECWID_API_URL": "http://127.0.0.1:\(port)/api/v3", "ECWID_STORE_ID": "\(sandbox.storeId)", "ECWID_TOKEN": o.token]
    let list = try await CLI.run(["search", "--limit", "1"], env: env)
    let id = try #require(list.stdout.split(separator: "\t").first.flatMap { Int($0) }, "\(list.stderr)")
    var edited = Product(try JSON.parse(try await CLI.run(["get", "\(id)"], env: env).stdout))
    edited.name = name
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("apply-\(UUID().uuidString).json")
    try edited.value.prettyText().write(to: file, atomically: true, encoding: .utf8)
    return (sandbox, env, id, file.path)
  }

  /// A PUT that times out is not sent again; it lands late, the re-read finds it, apply says
  /// saved (it was: once).
  @Test func applyWhoseAnswerComesTooLateReportsItLandedAndSendsItOnce() async throws {
    let (sandbox, env, id, file) = try await applyRig(faults: "seed=0", name: "Late but landed")
    defer { Task { await sandbox.stop() } }
    // The PUT waits until apply, having given up on its answer, re-reads the product.
    sandbox.holdAnswers(method: "PUT", pathSuffix: "/products/\(id)", releasedBy: ("GET", "/products/\(id)"))
    let r = try await CLI.run(["apply", "\(id)", file, "--yes", "--timeout", "4"], env: env)
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    #expect(await sandbox.product(id: id)?.name == "Late but landed")
    #expect(await sandbox.requestCount(method: "PUT", pathSuffix: "/products/\(id)") == 1)
  }

  /// When the re-read does not show it (the sandbox drops the connection without applying),
  /// apply fails saying the request may still be applied, and sends it only once.
  @Test func applyWhoseOutcomeStaysUnknownSaysSoAndDoesNotResend() async throws {
    let (sandbox, env, id, file) = try await applyRig(faults: "drop,method=PUT", name: "Unknown fate")
    defer { Task { await sandbox.stop() } }
    let r = try await CLI.run(["apply", "\(id)", file, "--yes"], env: env)
    #expect(r.status == 2, "\(r.stdout)\(r.stderr)")
    #expect(r.stderr.contains("may still be applied"), "\(r.stderr)")
    #expect(await sandbox.product(id: id)?.name != "Unknown fate")
    #expect(await sandbox.requestCount(method: "PUT", pathSuffix: "/products/\(id)") == 1)
  }

  @Test func aTimeoutThatIsNotASpanOfSecondsIsRefused() async throws {
    let env = ["ECWID_STORE_ID": "1", "ECWID_TOKEN": "secret_x", "ECWID_API_URL": "http://127.0.0.1:9/api/v3"]
    let zero = try await CLI.run(["get", "1", "--timeout", "0"], env: env)
    #expect(zero.status == 2)
    #expect(zero.stderr.contains("is not a timeout"), "\(zero.stderr)")
    let word = try await CLI.run(["get", "1"], env: env.merging(["ECWID_TIMEOUT": "soon"]) { $1 })
    #expect(word.status == 2)
    #expect(word.stderr.contains("ECWID_TIMEOUT=soon is not a timeout"), "\(word.stderr)")
  }
}
