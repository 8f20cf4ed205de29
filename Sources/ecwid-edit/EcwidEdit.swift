import ArgumentParser
import EcwidAPI
import EcwidSandbox
import Foundation
import Logging
import ProductSync

@main
enum Main {
  static func main() async {
    if let quick = QuickStart(arguments: Array(CommandLine.arguments.dropFirst())) {
      await quick.run()
    } else {
      await EcwidEdit.main()
    }
  }
}

struct EcwidEdit: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ecwid-edit",
    abstract: "Edit Ecwid products from the terminal: fields, options, translations and the media gallery.",
    discussion: """
      Open a product with `ecwid-edit edit ID` (or `ecwid-edit edit` to pick one), review exactly \
      what will change, and save it through Ecwid's REST API. Try it with no store: \
      `ecwid-edit demo`.

      Connection: --store-id / ECWID_STORE_ID, the token in ECWID_TOKEN or a file named by \
      --token-file (never on the command line), --api-url / ECWID_API_URL, or a named store from \
      $XDG_CONFIG_HOME/ecwid-edit/config.toml with --store NAME. --timeout / ECWID_TIMEOUT: \
      seconds to wait for each answer (default 30); a write whose answer is lost is checked by \
      re-reading the product, never sent twice. Ctrl-C ends a wait (get, search). \
      --notify-low-stock / ECWID_NOTIFY_LOW_STOCK / notify_low_stock in the named store: ask Ecwid \
      to check whether the low-stock email is due after each update (edit, apply; off by default).
      """,
    version: "0.1.0",
    subcommands: [
      EditCommand.self, DemoCommand.self, GetCommand.self, SearchCommand.self, DiffCommand.self,
      ApplyCommand.self, SandboxCommand.self, ConfigCommand.self,
    ]
  )
}

/// Logs go to a file (never to the terminal): `$XDG_STATE_HOME/ecwid-edit/ecwid-edit.log`.
enum AppLog {
  static func stateDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    let base =
      environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/state")
    return base + "/ecwid-edit"
  }

  static var path: String { stateDirectory() + "/ecwid-edit.log" }

  static func bootstrap() {
    LoggingSystem.bootstrap(FileLogHandler.factory(path: path))
  }

  static let logger = Logger(label: "ecwid-edit")
}

/// Prints a message to stderr and exits with `code` (2 or more: an error, as `kubectl diff` does).
func fail(_ message: String, code: Int32 = 2) -> ExitCode {
  FileHandle.standardError.write(Data(("ecwid-edit: " + message + "\n").utf8))
  return ExitCode(code)
}

func makeClient(_ connection: ConnectionOptions, notifyLowStock: Bool? = nil) throws -> EcwidClient {
  try makeClient(connection.flags, notifyLowStock: notifyLowStock)
}

func makeClient(_ connection: ConnectionFlags, notifyLowStock: Bool? = nil) throws -> EcwidClient {
  do {
    AppLog.bootstrap()
    return try EcwidClient(config: try connection.clientConfig(notifyLowStock: notifyLowStock), logger: AppLog.logger)
  } catch let e as SettingsError {
    throw fail(e.description)
  } catch let e as EcwidError {
    throw fail(e.sentence)
  } catch let e as ExitCode {
    throw e
  } catch {
    // Our own settings errors (configuration file, token file): they never hold the token.
    throw fail("\(error)")
  }
}

/// Runs `operation` so that Ctrl-C (SIGINT) cancels it: a wait (`Retry-After`, a slow answer)
/// ends at once and the command says what happened. A second Ctrl-C exits immediately.
/// Client waits are printed to stderr meanwhile ("rate limited by Ecwid, retrying in 30 s").
func interruptible<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
  let task = Task {
    try await EcwidClient.observingEvents({ event in
      // A backoff under a second passes unremarked; a real wait is said.
      if case .waiting(let seconds, _, _, _, _) = event, seconds < 1 { return }
      FileHandle.standardError.write(Data("ecwid-edit: \(event.message) (Ctrl-C stops)\n".utf8))
    }) {
      try await operation()
    }
  }
  let interrupts = InterruptCounter()
  signal(SIGINT, SIG_IGN)
  let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
  source.setEventHandler {
    if interrupts.increment() == 1 {
      task.cancel()
    } else {
      exit(130)
    }
  }
  source.resume()
  defer {
    source.cancel()
    signal(SIGINT, SIG_DFL)
  }
  let result = await task.result
  if interrupts.count > 0 {
    throw fail("interrupted (Ctrl-C).", code: 130)
  }
  return try result.get()
}

final class InterruptCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0
  func increment() -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    return value
  }
  var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return value
  }
}

struct GetCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "get", abstract: "Print a product as JSON.",
    discussion: "Example: ecwid-edit get 692730761 > product.json")
  @OptionGroup var connection: ConnectionOptions
  @Argument(help: "Product id.") var id: Int

  func run() async throws {
    let client = try makeClient(connection)
    defer { Task { await client.shutdown() } }
    let id = self.id
    let p: Product
    do {
      p = try await interruptible { try await client.productWithCombinations(id: id) }
    } catch let e as ExitCode {
      throw e
    } catch {
      throw fail(error.sentence)
    }
    print(p.value.prettyText())
    keepBase(p, storeId: client.config.storeId)
  }
}

struct SearchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search", abstract: "List products by keyword or SKU.",
    discussion: "Example: ecwid-edit search shirt --limit 20")
  @OptionGroup var connection: ConnectionOptions
  @Argument(help: "Words to look for in names, SKUs and descriptions.") var keyword: String?
  @Option(help: "Exact SKU.") var sku: String?
  @Option(help: "Skip this many results.") var offset = 0
  @Option(help: "At most this many results (1–100).") var limit = 100
  @Flag(help: "Print the raw JSON answer.") var json = false

  func run() async throws {
    guard (1...100).contains(limit) else {
      throw fail("--limit \(limit) is out of range: Ecwid returns 1 to 100 products per page.")
    }
    guard offset >= 0 else { throw fail("--offset \(offset) is negative: it counts products to skip, from 0.") }
    let client = try makeClient(connection)
    let (keyword, sku, offset, limit) = (self.keyword, self.sku, self.offset, self.limit)
    do {
      let r = try await interruptible {
        try await client.searchProducts(keyword: keyword, sku: sku, offset: offset, limit: limit)
      }
      if json {
        print(r.value.prettyText())
        return
      }
      for p in r.items {
        let id = p.id.map(String.init) ?? "?"
        let price = p.price.map { String(format: "%.2f", $0.double) } ?? "-"
        print("\(id)\t\(TextSafety.plain(p.sku ?? ""))\t\(price)\t\(TextSafety.plain(p.name ?? ""))")
      }
      let shown = r.items.count
      FileHandle.standardError.write(
        Data("\(shown) of \(r.total ?? shown) product\(r.total == 1 ? "" : "s") (offset \(r.offset ?? offset))\n".utf8))
    } catch let e as ExitCode {
      throw e
    } catch {
      throw fail(error.sentence)
    }
    await client.shutdown()
  }
}

/// Text printed by the CLI is merchant data: no control character of it reaches the terminal.
enum TextSafety {
  static func plain(_ s: String) -> String {
    String(
      String.UnicodeScalarView(
        s.unicodeScalars.map { u -> Unicode.Scalar in
          let v = u.value
          if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v)
          {
            return "\u{FFFD}"
          }
          return u
        }))
  }
}

struct SandboxCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sandbox", abstract: "Run the local Ecwid-compatible sandbox server in the foreground.",
    discussion: """
      Example:
        ecwid-edit sandbox --port 8787 --data store.json --request-log requests.jsonl
      Then, in another shell:
        ECWID_API_URL=http://127.0.0.1:8787/api/v3 ECWID_STORE_ID=1003 \\
          ECWID_TOKEN=secret_sandbox ecwid-edit edit
      A token may carry scopes (--token secret_x:read_catalog,update_catalog; default all): a \
      request without its scope answers 403 INSUFFICIENT_APP_SCOPE.

      \(FaultSpec.help)
      """)
  @Option(help: "Port on 127.0.0.1 (0 picks a free one).") var port = 8787
  @Option(help: "JSON file {storeId, profile, products}; changes are written back to it.") var data: String?
  @Option(help: "The token clients must send.") var token = "secret_sandbox"
  @Option(name: .customLong("request-log"), help: "Append one JSON line per request to this file.")
  var requestLog: String?
  @Option(help: "Fault injection, e.g. \"seed=7,500@0.2,latency=2s@0.5\".") var faults: String?
  @Option(name: .customLong("plan-limit"), help: "Answer 402 once the store would hold more products than this.")
  var planLimit: Int?
  @Option(name: .customLong("tax-class"), help: "A tax class code the store knows (repeatable); others answer 400.")
  var taxClass: [String] = []

  func run() async throws {
    guard (0...65535).contains(port) else {
      throw fail("--port \(port) is not a port: use 1 to 65535, or 0 to pick a free one.")
    }
    var o = SandboxOptions()
    o.port = port
    o.dataFile = data
    o.token = token
    o.requestLog = requestLog
    if let planLimit {
      guard planLimit >= 0 else { throw fail("--plan-limit \(planLimit) is not a number of products.") }
      o.planLimit = planLimit
    }
    o.taxClassCodes = taxClass
    if let faults {
      do { o.faults = try FaultSpec(parse: faults) } catch { throw fail("bad --faults: \(error)") }
    }
    let sandbox = try Sandbox(options: o)
    let bound = try await sandbox.start()
    // Written unbuffered: when stdout is a pipe, a script waits for this line to learn the port.
    FileHandle.standardOutput.write(
      Data(
        """
        Ecwid sandbox on http://127.0.0.1:\(bound)/api/v3/\(sandbox.storeId) (token: --token value)
        Try: ECWID_API_URL=http://127.0.0.1:\(bound)/api/v3 ECWID_STORE_ID=\(sandbox.storeId) ECWID_TOKEN=… ecwid-edit edit

        """.utf8))
    while !Task.isCancelled {
      try await Task.sleep(for: .seconds(3600))
    }
  }
}

struct ConfigCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config", abstract: "Show the effective connection settings (the token masked).")
  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var lowStock: LowStockOption

  func run() async throws {
    let env = ProcessInfo.processInfo.environment
    do {
      let r = try connection.resolve(environment: env, notifyLowStock: lowStock.notifyLowStock)
      print("config file: \(ConfigFile.path(environment: env))")
      print("api url:     \(r.apiURL)  (\(r.apiURLSource.rawValue))")
      print("store id:    \(r.storeId.map(String.init) ?? "(none)")  (\(r.storeIdSource.rawValue))")
      print("token:       \(ResolvedSettings.mask(r.token))  (\(r.tokenSource.rawValue)\(r.tokenFile.map { ": \($0)" } ?? ""))")
      print("low stock:   \(r.notifyLowStock ? "notify" : "off")  (\(r.notifyLowStockSource.rawValue))")
      print("log file:    \(AppLog.path)")
      for w in r.warnings { print(w) }
    } catch {
      throw fail("\(error)")
    }
  }
}

extension Error {
  /// The sentence to show a person for any error.
  var sentence: String {
    if let e = self as? EcwidError { return e.sentence }
    return String(describing: self)
  }
}
