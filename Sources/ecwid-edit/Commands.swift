import ArgumentParser
import EcwidAPI
import EcwidSandbox
import Editor
import EditorRuntime
import Foundation
import ProductDocument
import ProductSync

struct EditCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit", abstract: "Open a product in the editor (without an id: pick one).",
    discussion: "Example: ECWID_STORE_ID=1003 ECWID_TOKEN=secret_… ecwid-edit edit 692730761")
  @OptionGroup var connection: ConnectionOptions
  @Argument(help: "Product id; leave out to search and pick.") var id: Int?
  @OptionGroup var lowStock: LowStockOption

  func run() async throws {
    try await Self.run(flags: connection.flags, id: id, notifyLowStock: lowStock.notifyLowStock)
  }

  /// The command itself, for ArgumentParser's parse and for `QuickStart`'s alike.
  static func run(flags: ConnectionFlags, id: Int?, notifyLowStock: Bool?) async throws {
    let client = try makeClient(flags, notifyLowStock: notifyLowStock)
    let code = await runEditor(
      client: client, options: EditorOptions(storeLabel: "store \(client.config.storeId)", productId: id, stderrLogPath: AppLog.path))
    await client.shutdown()
    if code != 0 { throw ExitCode(code) }
  }
}

/// `ecwid-edit edit` and `ecwid-edit edit ID` with nothing else, the everyday start, run without
/// ArgumentParser: its parse reflects over every command's options and looks their types'
/// conformances up in the whole binary: 4–6 ms of a 55–70 ms start on a large product (issue 14).
/// Anything else (a flag, `--help`, an id that is not all digits) goes through ArgumentParser, and
/// the settings come from the environment and the configuration file by the same code.
struct QuickStart {
  var id: Int?

  init?(arguments: [String]) {
    guard arguments.first == "edit", arguments.count <= 2 else { return nil }
    if arguments.count == 2 {
      let text = arguments[1]
      guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
        let n = Int(text)
      else { return nil }
      id = n
    }
  }

  func run() async {
    do {
      try await EditCommand.run(flags: ConnectionFlags(), id: id, notifyLowStock: nil)
    } catch {
      // As ArgumentParser's main ends: an ExitCode exits with its code, anything else is printed.
      EcwidEdit.exit(withError: error)
    }
  }
}

struct DemoCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Open the editor on a local sandbox store with sample products (no account, no network).")
  @Option(help: "Keep the sandbox's store in this JSON file (default: in memory).") var data: String?
  @Flag(help: "Start the product picker instead of the first product.") var pick = false

  func run() async throws {
    AppLog.bootstrap()
    var o = SandboxOptions()
    o.port = 0
    o.dataFile = data
    let token = "secret_demo_\(UInt64.random(in: 1...UInt64.max))"
    o.token = token
    let sandbox = try Sandbox(options: o)
    let port = try await sandbox.start()
    let config = EcwidConfig(
      apiURL: URL(string: "http://127.0.0.1:\(port)/api/v3")!, storeId: sandbox.storeId, token: token)
    let client = try EcwidClient(config: config, logger: AppLog.logger)
    var firstId: Int?
    if !pick {
      firstId = try? await client.searchProducts(limit: 1).items.first?.id
    }
    let code = await runEditor(
      client: client, options: EditorOptions(storeLabel: "demo sandbox \(sandbox.storeId)", productId: firstId, stderrLogPath: AppLog.path))
    await client.shutdown()
    await sandbox.stop()
    if code != 0 { throw ExitCode(code) }
  }
}

func printChanges(_ changes: [Change]) {
  for c in changes {
    let mark: String
    switch c.kind {
    case .added: mark = "+"
    case .removed: mark = "-"
    case .changed: mark = "~"
    case .moved: mark = "↕"
    }
    let old = c.old.map { TextSafety.plain(short($0)) } ?? ""
    let new = c.new.map { TextSafety.plain(short($0)) } ?? ""
    let label = TextSafety.plain(c.label)
    switch c.kind {
    case .added: print("\(mark) \(label): \(new)")
    case .removed: print("\(mark) \(label): \(old)")
    case .changed, .moved: print("\(mark) \(label): \(old) → \(new)")
    }
  }
}

func short(_ v: JSON) -> String {
  let s: String
  if case .string(let t) = v { s = "\"\(t)\"" } else { s = v.compactText }
  return s.count > 120 ? String(s.prefix(117)) + "…" : s
}

