import EcwidAPI
import EcwidSandbox
import Foundation
import TestSupport
import Testing

/// Every tmux-driven end-to-end suite nests in this one, so they run one at a time: the editor's
/// timing on a loaded 2-core machine is the thing under test, not something to compete with.
/// They run on a thread of their own (`.endToEnd`): the harness blocks while tmux and the editor
/// work, and on the cooperative pool that stalled every asynchronous test beside it.
@Suite(.serialized, .endToEnd) enum EditorEndToEnd {}

/// Errors of the harness, with the screen at the time (a failed wait shows what was there).
struct HarnessError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// A private directory for one test: XDG homes, data files, pty captures.
struct TestDirectory {
  let url: URL
  init(_ name: String = "e2e") throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }
  var path: String { url.path }
  func file(_ name: String) -> String { url.appendingPathComponent(name).path }
  var stateHome: String { file("state") }
  var configHome: String { file("config") }
  /// Where the editor keeps the draft of a product.
  /// (A draft belongs to one run: `<store>-<product>.<pid>-<start>.json`; the oldest is returned.)
  func journal(storeId: Int, productId: Int) -> String {
    let folder = stateHome + "/ecwid-edit/drafts"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    let mine = names.filter { $0.hasPrefix("\(storeId)-\(productId).") && $0.hasSuffix(".json") }.sorted()
    return folder + "/" + (mine.first ?? "\(storeId)-\(productId).json")
  }
  func remove() { try? FileManager.default.removeItem(at: url) }
}

/// A sandbox started in the test process, writing a request log with bodies.
struct E2ESandbox {
  let sandbox: Sandbox
  let port: Int
  let token: String
  let requestLog: String

  static let sweater = 692_730_761

  static func start(in dir: TestDirectory, _ configure: (inout SandboxOptions) throws -> Void = { _ in }) async throws
    -> E2ESandbox
  {
    var o = SandboxOptions()
    o.port = 0
    o.token = "secret_e2e_\(UUID().uuidString.prefix(8))"
    o.requestLog = dir.file("requests-\(UUID().uuidString.prefix(6)).jsonl")
    try configure(&o)
    let s = try Sandbox(options: o)
    let port = try await s.start()
    return E2ESandbox(sandbox: s, port: port, token: o.token, requestLog: o.requestLog!)
  }

  var storeId: Int { sandbox.storeId }

  var environment: [String: String] {
    ["ECWID_API_URL": "http://127.0.0.1:\(port)/api/v3", "ECWID_STORE_ID": "\(storeId)", "ECWID_TOKEN": token]
  }

  func stop() async { await sandbox.stop() }

  /// The stored product (fails the test when it is missing).
  func product(_ id: Int = sweater) async throws -> Product {
    try #require(await sandbox.product(id: id))
  }

  /// A client of the same sandbox, standing for "someone else" changing the store meanwhile.
  func withClient<T>(_ body: (EcwidClient) async throws -> T) async throws -> T {
    var config = EcwidConfig(apiURL: URL(string: "http://127.0.0.1:\(port)/api/v3")!, storeId: storeId, token: token)
    config.retry = .none
    let client = try EcwidClient(config: config)
    do {
      let r = try await body(client)
      await client.shutdown()
      return r
    } catch {
      await client.shutdown()
      throw error
    }
  }

  /// The request log's entries (method, path, query, body, status), in order.
  func loggedRequests() throws -> [JSON] {
    let text = (try? String(contentsOfFile: requestLog, encoding: .utf8)) ?? ""
    return try text.split(separator: "\n").map { try JSON.parse(String($0)) }
  }

  /// Logged requests that may change the store (everything but GET).
  func loggedWrites() throws -> [JSON] {
    try loggedRequests().filter { $0["method"]?.stringValue != "GET" }
  }
}

/// One private tmux server (`tmux -L e2e-<uuid>`) with one session running a command in a pty.
/// Killed with `stop()`; nothing else is touched.
final class Tmux: @unchecked Sendable {
  let socket = "e2e-\(UUID().uuidString)"
  let session = "main"
  private(set) var width: Int
  private(set) var height: Int

  init(width: Int = 120, height: Int = 40) {
    self.width = width
    self.height = height
  }

  static let tmuxPath: String = {
    for p in ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"] where FileManager.default.isExecutableFile(atPath: p) {
      return p
    }
    return "/usr/bin/tmux"
  }()

  /// Runs a tmux command on this server; returns stdout.
  @discardableResult
  func tmux(_ args: [String], check: Bool = true) throws -> String {
    let r = try runProgram(Self.tmuxPath, ["-L", socket, "-f", "/dev/null"] + args)
    if check && r.status != 0 {
      throw HarnessError("tmux \(args.joined(separator: " ")) failed (\(r.status)): \(r.stderr)")
    }
    return r.stdout
  }

  static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

  /// The shell line that runs the real binary with a clean environment.
  static func editorLine(_ args: [String], env: [String: String], dir: TestDirectory, exec: Bool) -> String {
    var vars = env
    vars["XDG_STATE_HOME"] = dir.stateHome
    vars["XDG_CONFIG_HOME"] = dir.configHome
    vars["VISUAL"] = vars["VISUAL"] ?? "false"
    let assignments = vars.sorted { $0.key < $1.key }.map { "\($0.key)=\(quote($0.value))" }.joined(separator: " ")
    let unset = "-u ECWID_STORE -u ECWID_TOKEN -u ECWID_STORE_ID -u ECWID_API_URL -u ECWID_NOTIFY_LOW_STOCK -u NO_COLOR"
    let command = ([CLI.binary] + args).map(quote).joined(separator: " ")
    return (exec ? "exec " : "") + "env \(unset) \(assignments) \(command)"
  }

  /// Starts the editor. `exec: true` makes the pane's process the editor itself (its pid is the
  /// pane pid; the pane closes when it ends). Otherwise a shell runs it, then prints `EXIT=<status>`
  /// on the normal screen and stays, so the state after exit can be checked.
  /// With a `gate` path, the shell waits until that file exists before starting the editor.
  func startEditor(
    _ args: [String], env: [String: String], dir: TestDirectory, exec: Bool = false, gate: String? = nil
  ) throws {
    let line = Self.editorLine(args, env: env, dir: dir, exec: exec)
    var shell = exec ? line : "\(line); echo EXIT=$?; exec sleep 600"
    if let gate { shell = "while [ ! -e \(Self.quote(gate)) ]; do sleep 0.02; done; " + shell }
    try start(shell: shell)
  }

  /// Starts the session (or a fresh one, when an earlier session ended) running `sh -c shell`.
  func start(shell: String) throws {
    try tmux(["kill-session", "-t", session], check: false)
    // When the last session has just ended (a killed editor ends it), the server is on its way
    // out and may refuse the new session ("server exited unexpectedly"); a new server follows.
    var attempt = 0
    while true {
      do {
        try tmux([
          "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", "/bin/sh", "-c", shell,
        ])
        break
      } catch {
        attempt += 1
        if attempt == 3 { throw error }
        Thread.sleep(forTimeInterval: 0.1)
      }
    }
    try tmux(["set-option", "-t", session, "remain-on-exit", "off"], check: false)
  }

  /// Ends the pane's processes (the editor by SIGHUP, as a closed terminal would; SIGKILL if it
  /// lingers) and the server. `kill-server` alone was seen leaving the server and the editor alive.
  func stop() {
    if let root = try? panePid {
      let pids = [root] + Self.children(of: root) + Self.children(of: root).flatMap(Self.children(of:))
      for pid in pids { kill(pid, SIGHUP) }
      for pid in pids where !Self.waitForExit(pid, timeout: 2) { kill(pid, SIGKILL) }
    }
    _ = try? tmux(["kill-server"], check: false)
  }

  // MARK: Keys

  /// tmux key names (Enter, Escape, C-u, M-g, Up, …) or single characters.
  func keys(_ keys: String...) throws {
    try tmux(["send-keys", "-t", session] + keys)
  }

  /// Literal text, as typed.
  func type(_ text: String) throws {
    try tmux(["send-keys", "-t", session, "-l", text])
  }

  // MARK: Screen

  func capture() throws -> String {
    try tmux(["capture-pane", "-p", "-t", session])
  }

  /// A tmux format of the pane (`#{alternate_on}`, `#{pane_pid}`, `#{pane_dead}`, …).
  func format(_ f: String) throws -> String {
    try tmux(["display-message", "-p", "-t", session, f]).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Polls the screen until `predicate` holds on a settled screen; throws with the last screen after
  /// `timeout`.
  ///
  /// Settled means two captures 40 ms apart are the same. tmux reads the editor's output in chunks,
  /// and a capture can land between two of them: CI once saw the picker's list half drawn (its
  /// second row cut after the name, no price yet) because the first capture that held both SKUs was
  /// taken mid-frame. A screen that keeps changing (a countdown) is returned as last seen once the
  /// time is up, as long as the predicate held on it.
  ///
  /// The busy line's spinner is left out of the comparison: it turns every 100 ms, so a busy
  /// screen seldom settled, and a wait for a busy line could end only at its timeout, and then
  /// only if the line was still there.
  @discardableResult
  func waitUntil(
    _ what: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation,
    _ predicate: (String) -> Bool
  ) async throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var screen = ""
    while true {
      screen = (try? capture()) ?? ""
      while predicate(screen) {
        try await Task.sleep(for: .milliseconds(40))
        let again = (try? capture()) ?? ""
        if Self.unspun(again) == Self.unspun(screen) || (Date() > deadline && predicate(again)) { return again }
        screen = again
      }
      if Date() > deadline { break }
      // Sleeping, not blocking: a blocked thread of the shared pool starves the in-process
      // sandbox and the other tests' clients.
      try await Task.sleep(for: .milliseconds(50))
    }
    let problem = HarnessError("timed out after \(timeout) s waiting for \(what); the screen was:\n\(screen)")
    Issue.record(problem, sourceLocation: sourceLocation)
    throw problem
  }

  /// The screen with the busy line's spinner frames made one. (They are `Model.spinnerFrames`,
  /// written again here: these tests drive the binary and do not link the editor's modules.)
  static func unspun(_ screen: String) -> String {
    String(screen.map { "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏".contains($0) ? "⠿" : $0 })
  }

  /// Waits until every text is on the screen.
  @discardableResult
  func waitFor(
    _ texts: String..., timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation
  ) async throws -> String {
    try await waitUntil(texts.map { "“\($0)”" }.joined(separator: ", "), timeout: timeout, sourceLocation: sourceLocation) {
      screen in texts.allSatisfy { screen.contains($0) }
    }
  }

  /// Waits until the text is gone from the screen.
  @discardableResult
  func waitGone(_ text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation)
    async throws -> String
  {
    try await waitUntil("“\(text)” to go", timeout: timeout, sourceLocation: sourceLocation) { !$0.contains(text) }
  }

  /// The status line (the last line of the screen).
  func statusLine() throws -> String {
    try capture().split(separator: "\n", omittingEmptySubsequences: false).last { !$0.isEmpty }.map(String.init) ?? ""
  }

  func resize(width: Int, height: Int) throws {
    self.width = width
    self.height = height
    try tmux(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
  }

  /// Copies every byte the programs in the pane write to the pty into `file`.
  func pipeOutput(to file: String) throws {
    try tmux(["pipe-pane", "-o", "-t", session, "cat >> \(Self.quote(file))"])
  }

  // MARK: Processes

  var panePid: Int32 {
    get throws {
      guard let pid = Int32(try format("#{pane_pid}")) else { throw HarnessError("no pane pid") }
      return pid
    }
  }

  /// The running `ecwid-edit` in the pane: the pane's process itself or one of its children.
  func editorPid(timeout: Double = 10) async throws -> Int32 {
    let root = try panePid
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if Self.commandName(root) == "ecwid-edit" { return root }
      if let child = Self.children(of: root).first(where: { Self.commandName($0) == "ecwid-edit" }) { return child }
      try await Task.sleep(for: .milliseconds(50))
    }
    throw HarnessError("no ecwid-edit process under pane pid \(root)")
  }

  static func commandName(_ pid: Int32) -> String? {
    (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  static func children(of parent: Int32) -> [Int32] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap(Int32.init).filter { pid in
      guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
      else { return false }
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      return fields.count > 1 && Int32(fields[1]) == parent
    }
  }

  static func isAlive(_ pid: Int32) -> Bool {
    guard kill(pid, 0) == 0 else { return false }
    // A zombie is gone for our purposes.
    let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
    guard let close = stat.lastIndex(of: ")") else { return false }
    return !stat[stat.index(after: close)...].hasPrefix(" Z")
  }

  static func waitForExit(_ pid: Int32, timeout: Double = 10) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if !isAlive(pid) { return true }
      Thread.sleep(forTimeInterval: 0.05)
    }
    return false
  }
}

/// Runs a program to its end with stdout/stderr in files and waits with waitpid(2).
///
/// Neither pipes nor Foundation's `Process`: the tmux server that the first tmux command forks
/// keeps inherited pipes open forever, and `Process.waitUntilExit` was seen never returning for
/// a tmux client that had already exited.
func runProgram(_ path: String, _ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
  let base = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID().uuidString)").path
  let outPath = base + ".out"
  let errPath = base + ".err"
  defer {
    unlink(outPath)
    unlink(errPath)
  }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  let argv: [UnsafeMutablePointer<CChar>?] = ([path] + args).map { strdup($0) } + [nil]
  defer { for p in argv { free(p) } }
  var pid: pid_t = 0
  let rc = posix_spawn(&pid, path, &actions, nil, argv, environ)
  guard rc == 0 else { throw HarnessError("cannot run \(path): errno \(rc)") }
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0 {
    guard errno == EINTR else { throw HarnessError("waitpid failed: errno \(errno)") }
  }
  let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
  let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
  let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
  return (exitStatus, out, err)
}

/// Polls a condition that is not on the screen (files, the store), with a timeout.
@discardableResult
func eventually(
  _ what: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation,
  _ condition: () async throws -> Bool
) async throws -> Bool {
  let deadline = Date().addingTimeInterval(timeout)
  while Date() < deadline {
    if try await condition() { return true }
    try await Task.sleep(for: .milliseconds(50))
  }
  if try await condition() { return true }
  Issue.record(HarnessError("timed out after \(timeout) s waiting for \(what)"), sourceLocation: sourceLocation)
  return false
}

/// Everything one editor test needs: a directory, a sandbox and a tmux server; torn down by `finish`.
struct EditorRig {
  let dir: TestDirectory
  let sandbox: E2ESandbox
  let tmux: Tmux

  static func start(
    width: Int = 120, height: Int = 40, _ configure: (inout SandboxOptions, TestDirectory) throws -> Void = { _, _ in }
  ) async throws -> EditorRig {
    let dir = try TestDirectory()
    let sandbox = try await E2ESandbox.start(in: dir) { try configure(&$0, dir) }
    return EditorRig(dir: dir, sandbox: sandbox, tmux: Tmux(width: width, height: height))
  }

  /// Opens the product in the editor and waits for its form.
  func open(_ id: Int = E2ESandbox.sweater, exec: Bool = false, waitFor text: String? = "Opened “") async throws {
    try tmux.startEditor(["edit", "\(id)"], env: sandbox.environment, dir: dir, exec: exec)
    if let text { try await tmux.waitFor(text, timeout: 15) }
  }

  var journalPath: String { dir.journal(storeId: sandbox.storeId, productId: E2ESandbox.sweater) }

  func journalText() -> String? { try? String(contentsOfFile: journalPath, encoding: .utf8) }

  /// Kills the tmux server (and the editor in it) and removes the files now; the in-process
  /// sandbox stops in the background.
  func finish() {
    tmux.stop()
    dir.remove()
    let sandbox = self.sandbox
    Task { await sandbox.stop() }
  }

  // MARK: Common gestures

  /// Replaces the value of the `index`-th field (0 = first) of section `section` ("1"…"8").
  func setField(section: String, index: Int, to text: String, label: String) async throws {
    try tmux.keys(section)
    try tmux.keys("g")
    for _ in 0..<index { try tmux.keys("j") }
    try tmux.keys("Enter")
    try tmux.keys("C-u")
    try tmux.type(text)
    try tmux.keys("Enter")
    try await tmux.waitFor("\(label) set")
  }
}

/// The top-level keys whose values differ between two products (added and removed keys included).
func changedKeys(_ a: Product, _ b: Product) -> Set<String> {
  Set(a.json.keys).union(b.json.keys).filter { a.json[$0] != b.json[$0] }
}

/// Keys the server itself moves on every change (Ecwid's own bookkeeping).
let serverTimestampKeys: Set<String> = ["updated", "updateTimestamp"]
