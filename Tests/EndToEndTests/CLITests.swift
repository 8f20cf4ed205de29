import EcwidAPI
import EcwidSandbox
import Foundation
import Testing

/// Runs the real `ecwid-edit` binary.
enum CLI {
  static var binary: String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return root.appendingPathComponent(".build/debug/ecwid-edit").path
  }

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs the binary to its end without blocking a thread of the cooperative pool: its exit is
  /// awaited, not waited for. (Two tests blocking the pool's two threads in `waitUntilExit` left
  /// every asynchronous test beside them, and their clients' timeouts, stalled for seconds on a
  /// loaded CI machine.) Output goes to files, so a chatty stderr cannot block the process the
  /// way an unread pipe does.
  static func run(_ args: [String], env: [String: String] = [:], stdin: String? = nil) async throws -> Result {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: binary)
    p.arguments = args
    var environment = ProcessInfo.processInfo.environment
    for k in ["ECWID_TOKEN", "ECWID_STORE_ID", "ECWID_API_URL", "ECWID_STORE", "ECWID_NOTIFY_LOW_STOCK"] { environment.removeValue(forKey: k) }
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("cli-home-\(UUID().uuidString)").path
    environment["XDG_CONFIG_HOME"] = home + "/config"
    environment["XDG_STATE_HOME"] = home + "/state"
    for (k, v) in env { environment[k] = v }
    p.environment = environment
    let fm = FileManager.default
    // The output files live apart from the home, which tests read after the run.
    let io = FileManager.default.temporaryDirectory.appendingPathComponent("cli-io-\(UUID().uuidString)").path
    try fm.createDirectory(atPath: io, withIntermediateDirectories: true)
    defer { try? fm.removeItem(atPath: io) }
    let paths = (out: io + "/stdout", err: io + "/stderr", in: io + "/stdin")
    fm.createFile(atPath: paths.out, contents: nil)
    fm.createFile(atPath: paths.err, contents: nil)
    fm.createFile(atPath: paths.in, contents: Data((stdin ?? "").utf8))
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: paths.out))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: paths.err))
    let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: paths.in))
    defer {
      try? out.close()
      try? err.close()
      try? input.close()
    }
    p.standardOutput = out
    p.standardError = err
    p.standardInput = input
    let status: Int32 = try await withCheckedThrowingContinuation { done in
      p.terminationHandler = { done.resume(returning: $0.terminationStatus) }
      do { try p.run() } catch {
        p.terminationHandler = nil
        done.resume(throwing: error)
      }
    }
    let o = (try? Data(contentsOf: URL(fileURLWithPath: paths.out))) ?? Data()
    let e = (try? Data(contentsOf: URL(fileURLWithPath: paths.err))) ?? Data()
    return Result(status: status, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
  }
}

/// A sandbox started in this test process, and the environment that points the CLI at it.
struct CLISandbox {
  let sandbox: Sandbox
  let port: Int
  let tokenValue: String

  static func start() async throws -> CLISandbox {
    var o = SandboxOptions()
    o.port = 0
    let token = "secret_cli_\(UUID().uuidString.prefix(8))"
    o.token = token
    let s = try Sandbox(options: o)
    let port = try await s.start()
    return CLISandbox(sandbox: s, port: port, tokenValue: token)
  }

  var environment: [String: String] {
    ["ECWID_API_URL": "http://127.0.0.1:\(port)/api/v3", "ECWID_STORE_ID": "\(sandbox.storeId)", "ECWID_TOKEN": tokenValue]
  }
}

@Suite(.serialized) struct CLITests {
  @Test func missingSettingsNameWhatIsMissingAndSuggestDemo() async throws {
    let r = try await CLI.run(["get", "1"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("store id"))
    #expect(r.stderr.contains("token"))
    #expect(r.stderr.contains("ecwid-edit demo"))
  }

  @Test func getPrintsTheProductAsJSONAndSearchLists() async throws {
    let s = try await CLISandbox.start()
    defer { Task { await s.sandbox.stop() } }
    let search = try await CLI.run(["search", "--limit", "3"], env: s.environment)
    #expect(search.status == 0, "\(search.stderr)")
    let lines = search.stdout.split(separator: "\n")
    #expect(lines.count == 3)
    let id = try #require(Int(lines[0].split(separator: "\t")[0]))

    let get = try await CLI.run(["get", "\(id)"], env: s.environment)
    #expect(get.status == 0, "\(get.stderr)")
    let product = Product(try JSON.parse(get.stdout))
    #expect(product.id == id)
    let stored = await s.sandbox.product(id: id)
    #expect(product.value == stored?.value)
    #expect(!get.stdout.contains(s.tokenValue) && !get.stderr.contains(s.tokenValue))

    let missing = try await CLI.run(["get", "1"], env: s.environment)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("404") || missing.stderr.contains("not exist"))
  }

  @Test func diffExitCodesFollowKubectl() async throws {
    let s = try await CLISandbox.start()
    defer { Task { await s.sandbox.stop() } }
    let id = try #require(try await CLI.run(["search", "--limit", "1"], env: s.environment).stdout.split(separator: "\t").first.flatMap { Int($0) })
    let get = try await CLI.run(["get", "\(id)"], env: s.environment)
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("diff-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let same = dir.appendingPathComponent("same.json")
    try get.stdout.write(to: same, atomically: true, encoding: .utf8)
    let unchanged = try await CLI.run(["diff", "\(id)", same.path], env: s.environment)
    #expect(unchanged.status == 0, "\(unchanged.stdout)\(unchanged.stderr)")

    var edited = Product(try JSON.parse(get.stdout))
    edited.price = JSONNumber(99.5)
    edited.name = "Changed by the CLI"
    let changedFile = dir.appendingPathComponent("edited.json")
    try edited.value.prettyText().write(to: changedFile, atomically: true, encoding: .utf8)
    let changed = try await CLI.run(["diff", "\(id)", changedFile.path], env: s.environment)
    #expect(changed.status == 1, "\(changed.stderr)")
    #expect(changed.stdout.contains("99.5"))
    #expect(changed.stdout.contains("Changed by the CLI"))

    let broken = dir.appendingPathComponent("broken.json")
    try "{\"name\": ".write(to: broken, atomically: true, encoding: .utf8)
    #expect(try await CLI.run(["diff", "\(id)", broken.path], env: s.environment).status >= 2)
    #expect(try await CLI.run(["diff", "\(id)", dir.appendingPathComponent("none.json").path], env: s.environment).status >= 2)

    // apply sends exactly the changed fields.
    let apply = try await CLI.run(["apply", "\(id)", changedFile.path, "--yes"], env: s.environment)
    #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
    let stored = try #require(await s.sandbox.product(id: id))
    #expect(stored.price?.double == 99.5)
    #expect(stored.name == "Changed by the CLI")
    // The product as stored now (Ecwid mirrors the name into its default-language translation).
    let refetched = try await CLI.run(["get", "\(id)"], env: s.environment)
    try refetched.stdout.write(to: changedFile, atomically: true, encoding: .utf8)
    #expect(try await CLI.run(["diff", "\(id)", changedFile.path], env: s.environment).status == 0)

    // Without --yes and with no terminal, nothing is sent.
    edited.name = "Not sent"
    try edited.value.prettyText().write(to: changedFile, atomically: true, encoding: .utf8)
    let refused = try await CLI.run(["apply", "\(id)", changedFile.path], env: s.environment)
    #expect(refused.status >= 2)
    #expect(await s.sandbox.product(id: id)?.name == "Changed by the CLI")
  }

  @Test func applyFailureKeepsACopyOfTheEdit() async throws {
    let s = try await CLISandbox.start()
    defer { Task { await s.sandbox.stop() } }
    let list = try await CLI.run(["search", "--limit", "2"], env: s.environment).stdout.split(separator: "\n")
    let id = try #require(Int(list[0].split(separator: "\t")[0]))
    let otherSku = String(list[1].split(separator: "\t")[1])
    var edited = Product(try JSON.parse(try await CLI.run(["get", "\(id)"], env: s.environment).stdout))
    edited.sku = otherSku
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("apply-\(UUID().uuidString).json")
    try edited.value.prettyText().write(to: file, atomically: true, encoding: .utf8)
    let r = try await CLI.run(["apply", "\(id)", file.path, "--yes"], env: s.environment)
    #expect(r.status >= 2)
    #expect(r.stderr.contains("SKU"))
    let line = try #require(r.stderr.split(separator: "\n").first { $0.contains("stored to ") })
    let path = String(line[line.range(of: "stored to ")!.upperBound...]).trimmingCharacters(in: .whitespaces)
    let kept = Product(try JSON.parse(try Data(contentsOf: URL(fileURLWithPath: path))))
    #expect(kept.sku == otherSku)
  }

  @Test func configShowsEffectiveSettingsWithTheTokenMasked() async throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("ecwid-edit"), withIntermediateDirectories: true)
    let tokenFile = dir.appendingPathComponent("shop.token")
    try "secret_from_file_123456".write(to: tokenFile, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: tokenFile.path)
    try """
    default_store = "shop"
    [stores.shop]
    store_id = 42
    api_url = "https://example.test/api/v3" # a comment
    token_file = "\(tokenFile.path)"
    """.write(to: dir.appendingPathComponent("ecwid-edit/config.toml"), atomically: true, encoding: .utf8)
    let r = try await CLI.run(["config"], env: ["XDG_CONFIG_HOME": dir.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("42  (config file)"))
    #expect(r.stdout.contains("https://example.test/api/v3  (config file)"))
    #expect(!r.stdout.contains("secret_from_file_123456"))
    #expect(r.stdout.contains("can be read by other users"))

    // The environment overrides the file, and a flag overrides the environment.
    let env = try await CLI.run(["config"], env: ["XDG_CONFIG_HOME": dir.path, "ECWID_STORE_ID": "7"])
    #expect(env.stdout.contains("7  (environment)"))
    let flag = try await CLI.run(["config", "--store-id", "9"], env: ["XDG_CONFIG_HOME": dir.path, "ECWID_STORE_ID": "7"])
    #expect(flag.stdout.contains("9  (flag)"))
  }

  @Test func plainHttpToAnotherHostIsRefused() async throws {
    let r = try await CLI.run(
      ["get", "1"], env: ["ECWID_API_URL": "http://example.com/api/v3", "ECWID_STORE_ID": "1", "ECWID_TOKEN": "secret_x"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("plain http"))
    #expect(!r.stderr.contains("secret_x"))
  }
}
