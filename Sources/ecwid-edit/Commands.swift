import ArgumentParser
import EcwidAPI
import EcwidSandbox
import Editor
import Foundation
import ProductDocument
import ProductSync

struct EditCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit", abstract: "Open a product in the editor (without an id: pick one).",
    discussion: "Example: ECWID_STORE_ID=1003 ECWID_TOKEN=secret_… ecwid-edit edit 692730761")
  @OptionGroup var connection: ConnectionOptions
  @Argument(help: "Product id; leave out to search and pick.") var id: Int?

  func run() async throws {
    let client = try makeClient(connection)
    let code = await runEditor(
      client: client, options: EditorOptions(storeLabel: "store \(client.config.storeId)", productId: id, stderrLogPath: AppLog.path))
    await client.shutdown()
    if code != 0 { throw ExitCode(code) }
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

/// Reads an edited product JSON file (as `ecwid-edit get` prints it).
func readProductFile(_ path: String) throws -> Product {
  let data: Data
  do {
    data = try Data(contentsOf: URL(fileURLWithPath: path))
  } catch {
    throw fail("cannot read \(path): \((error as NSError).localizedDescription)")
  }
  do {
    return try Product.decode(data)
  } catch {
    throw fail("\(path) is not a product JSON: \(error)")
  }
}

/// The document whose base is the live product and whose edits make it `edited`. Fields the
/// update request does not accept (timestamps, computed prices, ids) keep their live values, and
/// the names of any the file changed are returned so the user hears they were ignored.
func documentFor(live: Product, edited: Product) -> (Document, ignored: [String]) {
  var merged = edited
  var ignored: [String] = []
  let keys = Set(live.json.keys).union(edited.json.keys)
  for key in keys.sorted() where !Product.updatableFields.contains(key) {
    if edited.json[key] != live.json[key] {
      if !["updated", "updateTimestamp", "createTimestamp", "created"].contains(key) { ignored.append(key) }
      merged.json[key] = live.json[key]
    }
  }
  var doc = Document(base: live)
  doc.apply(.replaceProduct(merged))
  return (doc, ignored)
}

func printIgnored(_ ignored: [String]) {
  if !ignored.isEmpty {
    FileHandle.standardError.write(
      Data("note: read-only fields left as the server has them: \(ignored.joined(separator: ", "))\n".utf8))
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
    switch c.kind {
    case .added: print("\(mark) \(c.label): \(new)")
    case .removed: print("\(mark) \(c.label): \(old)")
    case .changed, .moved: print("\(mark) \(c.label): \(old) → \(new)")
    }
  }
}

func short(_ v: JSON) -> String {
  let s: String
  if case .string(let t) = v { s = "\"\(t)\"" } else { s = v.compactText }
  return s.count > 120 ? String(s.prefix(117)) + "…" : s
}

/// The live product, the edited file, and the document between them (what diff and apply share).
struct Comparison {
  var client: EcwidClient
  var edited: Product
  var document: Document
  var languages: [String]?

  static func load(id: Int, file: String, connection: ConnectionOptions) async throws -> Comparison {
    let edited = try readProductFile(file)
    let client = try makeClient(connection)
    let live: Product
    do {
      live = try await client.getProduct(id: id)
    } catch {
      await client.shutdown()
      throw fail(error.sentence)
    }
    let languages = try? await client.getProfile().languages?.ordered
    let (document, ignored) = documentFor(live: live, edited: edited)
    printIgnored(ignored)
    return Comparison(client: client, edited: edited, document: document, languages: languages)
  }
}

struct DiffCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff", abstract: "Show what saving an edited product JSON file would change.",
    discussion: """
      Exit status: 0 nothing differs, 1 something differs, 2 or more an error (as kubectl diff).
      Example: ecwid-edit get 692730761 > p.json; $EDITOR p.json; ecwid-edit diff 692730761 p.json
      """)
  @OptionGroup var connection: ConnectionOptions
  @Argument(help: "Product id.") var id: Int
  @Argument(help: "Edited product JSON file.") var file: String
  @Flag(help: "Also print the HTTP requests a save would send.") var requests = false

  func run() async throws {
    let comparison = try await Comparison.load(id: id, file: file, connection: connection)
    await comparison.client.shutdown()
    let (doc, languages) = (comparison.document, comparison.languages)
    let changes = doc.changes()
    if changes.isEmpty {
      print("No changes.")
      throw ExitCode(0)
    }
    printChanges(changes)
    let plan = doc.plan(storeLanguages: languages)
    for w in plan.warnings { print("warning: \(w)") }
    for issue in doc.validate(storeLanguages: languages) {
      print("\(issue.severity == .error ? "error" : "warning"): \(issue.message)")
    }
    if requests {
      for step in plan.steps { print(step.requestDescription) }
    }
    throw ExitCode(1)
  }
}

struct ApplyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "apply", abstract: "Save an edited product JSON file, sending only what changed.",
    discussion: """
      Compares FILE with the product as it is on the server now, shows the changes and asks before
      sending (--yes to skip the question). Only the changed fields are sent; fields the server
      computes are left as they are. On any failure the edited JSON is written to a file whose path
      is printed, and the message says which requests were applied.
      Example: ecwid-edit apply 692730761 p.json --yes
      """)
  @OptionGroup var connection: ConnectionOptions
  @Argument(help: "Product id.") var id: Int
  @Argument(help: "Edited product JSON file.") var file: String
  @Flag(help: "Do not ask for confirmation.") var yes = false

  func run() async throws {
    let comparison = try await Comparison.load(id: id, file: file, connection: connection)
    let (client, doc, languages, edited) = (comparison.client, comparison.document, comparison.languages, comparison.edited)
    defer { Task { await client.shutdown() } }
    let changes = doc.changes()
    if changes.isEmpty {
      print("No changes; nothing sent.")
      return
    }
    printChanges(changes)
    let errors = doc.validate(storeLanguages: languages).filter { $0.severity == .error }
    if !errors.isEmpty {
      for e in errors { print("error: \(e.message)") }
      let saved = saveRecoveryCopy(edited)
      throw fail("not sent: \(errors.count) validation error\(errors.count == 1 ? "" : "s"). Your edit is kept in \(saved)")
    }
    let plan = doc.plan(storeLanguages: languages)
    for w in plan.warnings { print("warning: \(w)") }
    if !yes {
      guard isatty(0) != 0 else {
        throw fail("refusing to save without --yes (standard input is not a terminal)")
      }
      print("Send \(plan.steps.count) request\(plan.steps.count == 1 ? "" : "s")? [y/N] ", terminator: "")
      guard let answer = readLine(), answer.lowercased().hasPrefix("y") else {
        print("Nothing sent.")
        return
      }
    }
    let outcome = await runPlan(plan, productId: id, client: client) { progress in
      FileHandle.standardError.write(Data("\(progress)\n".utf8))
    }
    if let error = outcome.error {
      let saved = saveRecoveryCopy(edited)
      var lines = ["save failed: \(error.sentence)"]
      lines.append("applied: \(outcome.applied.count) of \(plan.steps.count) requests")
      lines.append("A copy of your changes has been stored to \(saved)")
      throw fail(lines.joined(separator: "\n  "))
    }
    print("Saved: \(plan.steps.count) request\(plan.steps.count == 1 ? "" : "s") sent.")
  }

  func saveRecoveryCopy(_ product: Product) -> String {
    let dir = AppLog.stateDirectory() + "/apply-failed"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let stamp = Int(Date().timeIntervalSince1970)
    let path = "\(dir)/product-\(id)-\(stamp).json"
    _ = FileManager.default.createFile(atPath: path, contents: Data((product.value.prettyText() + "\n").utf8))
    return path
  }
}
