import ArgumentParser
import EcwidAPI
import Foundation
import ProductDocument
import ProductSync

/// `ID FILE` of diff and apply. Taken as plain words so that `apply -1 p.json` is told the id is
/// wrong (a dash-prefixed number would otherwise be read as an unknown option, and the file name
/// blamed for not being a number).
struct ProductAndFile: ParsableArguments {
  @Argument(
    parsing: .allUnrecognized,
    help: ArgumentHelp("The product id (a positive whole number), then the edited product JSON file.", valueName: "id> <file"))
  var given: [String] = []

  /// The words, without a `--` that ends the options.
  var words: [String] {
    guard let i = given.firstIndex(of: "--") else { return given }
    var w = given
    w.remove(at: i)
    return w
  }
  var id: Int { Int(words[0]) ?? 0 }
  var file: String { words[1] }

  func validate() throws {
    if let unknown = words.first(where: { $0.hasPrefix("-") && Int($0) == nil && $0 != "-" }) {
      throw ValidationError("unknown option '\(unknown)'")
    }
    guard let first = words.first else { throw ValidationError("missing the product id and the file") }
    guard let id = Int(first), id > 0 else {
      throw ValidationError("the product id must be a positive whole number, not '\(first)'")
    }
    guard words.count >= 2 else { throw ValidationError("missing the edited product JSON file after the product id \(id)") }
    guard words.count == 2 else { throw ValidationError("expected a product id and one file, got also '\(words[2])'") }
  }
}

struct DiffCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff", abstract: "Show what saving an edited product JSON file would change.",
    discussion: """
      Exit status: 0 nothing differs, 1 something differs, 2 an error (or a file apply would refuse), \
      3 the product changed on the server in the same fields (see apply --force).
      Example: ecwid-edit get 692730761 > p.json; $EDITOR p.json; ecwid-edit diff 692730761 p.json
      """)
  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var target: ProductAndFile
  var id: Int { target.id }
  var file: String { target.file }
  @Flag(help: "Also print the HTTP requests a save would send.") var requests = false
  @Flag(help: "Show what apply --force would send when the server's product changed in the same fields.")
  var force = false

  func run() async throws {
    let comparison = try await Comparison.load(id: id, path: file, connection: connection, force: force)
    await comparison.client.shutdown()
    let (doc, languages) = (comparison.document, comparison.languages)
    let changes = doc.changes()
    if changes.isEmpty {
      print("No changes.")
      throw ExitCode(0)
    }
    printChanges(changes)
    for p in ValueGuard.problems(current: doc.current, live: comparison.live).prefix(20) {
      print("error: \(p) (apply refuses this)")
    }
    for d in DestructiveGuard.problems(current: doc.current, live: comparison.live) {
      print("warning: this would \(d) (apply needs --allow-destructive)")
    }
    let plan = doc.plan(storeLanguages: languages)
    for w in plan.warnings { print("warning: \(ProgressPrinter.clip(w, 300))") }
    for issue in doc.validate(storeLanguages: languages) {
      print("\(issue.severity == .error ? "error" : "warning"): \(ProgressPrinter.clip(issue.message, 300))")
    }
    if plan.steps.isEmpty {
      print("error: none of these changes can be sent through the API (apply refuses this)")
    }
    if requests {
      for step in plan.steps { print(TextSafety.plain(step.requestDescription(productId: id))) }
    }
    throw ExitCode(Exit.differs)
  }
}

struct ApplyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "apply", abstract: "Save an edited product JSON file, sending only what changed.",
    discussion: """
      Compares FILE with the product as `ecwid-edit get` fetched it and as it is on the server now, \
      shows the changes and asks before sending (--yes to skip the question). Only your changes are \
      sent: a field left out of FILE is left as it is, `null` clears it, and changes made on the \
      server meanwhile to other fields are kept. Fields the server computes are left as they are. On \
      a failure the edited JSON is written to a file whose path is printed, and the message says \
      which requests were applied.
      Exit status: 0 saved (or nothing to save), 2 an error or a refused file (nothing sent), \
      3 the product changed on the server in the same fields (nothing sent; --force sends yours), \
      4 the file clears the name or the price or deletes every image (nothing sent; \
      --allow-destructive sends it).
      Example: ecwid-edit apply 692730761 p.json --yes
      """)
  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var target: ProductAndFile
  var id: Int { target.id }
  var file: String { target.file }
  @Flag(help: "Do not ask for confirmation.") var yes = false
  @Flag(help: "Send the file's values even where the product changed on the server in the same fields.")
  var force = false
  @Flag(name: .customLong("allow-destructive"), help: "Allow clearing the name or the price, or deleting every image.")
  var allowDestructive = false
  @OptionGroup var lowStock: LowStockOption

  func run() async throws {
    let comparison = try await Comparison.load(
      id: id, path: file, connection: connection, force: force, notifyLowStock: lowStock.notifyLowStock)
    do {
      try await save(comparison)
    } catch {
      await comparison.client.shutdown()
      throw error
    }
    await comparison.client.shutdown()
  }

  func save(_ comparison: Comparison) async throws {
    let (client, doc, languages, live) = (comparison.client, comparison.document, comparison.languages, comparison.live)
    let changes = doc.changes()
    if changes.isEmpty {
      print("No changes; nothing sent.")
      return
    }
    printChanges(changes)
    let problems = ValueGuard.problems(current: doc.current, live: live)
    if !problems.isEmpty {
      var lines = Array(problems.prefix(20))
      if problems.count > 20 { lines.append("… and \(problems.count - 20) more") }
      throw fail((["not sent: the file holds values Ecwid cannot take as written:"] + lines).joined(separator: "\n  "))
    }
    let errors = doc.validate(storeLanguages: languages).filter { $0.severity == .error }
    if !errors.isEmpty {
      for e in errors.prefix(50) { print("error: \(ProgressPrinter.clip(e.message, 300))") }
      let saved = saveRecoveryCopy(comparison.file)
      throw fail("not sent: \(errors.count) validation error\(errors.count == 1 ? "" : "s"). Your edit is kept in \(saved)")
    }
    let destructive = DestructiveGuard.problems(current: doc.current, live: live)
    if !destructive.isEmpty && !allowDestructive {
      throw fail(
        "refusing to \(destructive.joined(separator: " and ")); nothing was sent. "
          + "If that is what you want, run again with --allow-destructive.",
        code: Exit.destructive)
    }
    let plan = doc.plan(storeLanguages: languages)
    for w in plan.warnings { print("warning: \(ProgressPrinter.clip(w, 300))") }
    if plan.steps.isEmpty {
      throw fail("none of these changes can be sent through the API (see the warnings above); nothing was sent")
    }
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
    let run = await send(plan, client: client)
    if let error = run.error {
      let saved = saveRecoveryCopy(comparison.file)
      var lines = ["save failed: \(error.sentence)"]
      lines.append(contentsOf: run.summary)
      lines.append("A copy of your changes has been stored to \(saved)")
      throw fail(lines.joined(separator: "\n  "))
    }
    // The file as applied becomes its base: editing it again, its own changes are not taken for
    // the server's, and what changed on the server since is still told apart. The re-read product
    // is kept as a fresh `get` would keep it.
    if let stamp = comparison.file.updateTimestamp {
      BaseStore.save(comparison.edited, storeId: client.config.storeId, as: stamp)
    }
    if let product = run.product { BaseStore.save(product, storeId: client.config.storeId) }
    print("Saved: \(plan.steps.count) request\(plan.steps.count == 1 ? "" : "s") sent.")
  }

  struct Run {
    var applied: Int
    var error: EcwidError?
    var product: Product?
    /// What landed, in lines for people: "applied: 1 of 2 requests; outcome unknown: 1", and a
    /// line per request whose fate had to be checked.
    var summary: [String]
  }

  /// Runs the plan, printing one bounded line per request on stderr. With the low-stock setting
  /// on (`--notify-low-stock`, `ECWID_NOTIFY_LOW_STOCK`, `notify_low_stock`) the client asks for
  /// `checkLowStockNotification=true` on every product update.
  func send(_ plan: UpdatePlan, client: EcwidClient) async -> Run {
    let printer = ProgressPrinter(plan: plan, productId: id)
    let outcome = await runPlan(plan, productId: id, client: client) { printer.handle($0) }
    if outcome.error != nil { printer.failed() }
    return Run(
      applied: outcome.applied.count, error: outcome.error, product: outcome.product,
      summary: outcome.summary(productId: id))
  }

  /// Keeps the file's JSON in `apply-failed/product-ID-SECONDS[-N].json`: a new file for every
  /// failure, readable only by the user.
  func saveRecoveryCopy(_ file: ProductFile) -> String {
    let dir = AppLog.stateDirectory() + "/apply-failed"
    let stamp = Int(Date().timeIntervalSince1970)
    do {
      return try PrivateFile.createUnique(
        Data((JSON.object(file.json).prettyText() + "\n").utf8), in: dir, stem: "product-\(id)-\(stamp)")
    } catch {
      return "(nowhere: \(error); your file \(TextSafety.plain(file.path)) is unchanged)"
    }
  }
}

/// Progress for people on stderr: `[1/2] PUT /products/42 (name, price) … ok`, one bounded line
/// per request whatever the size of the body.
final class ProgressPrinter: @unchecked Sendable {
  let plan: UpdatePlan
  let productId: Int
  private let lock = NSLock()
  private var open: Int?

  init(plan: UpdatePlan, productId: Int) {
    self.plan = plan
    self.productId = productId
  }

  func handle(_ p: PlanProgress) {
    lock.lock()
    defer { lock.unlock() }
    switch p {
    case .started(let step, _, _):
      if open != nil { write("\n") }
      write("\(line(step)) … ")
      open = step
    case .finished(let step):
      if open == step {
        write("ok\n")
      } else {
        if open != nil { write("\n") }
        write("\(line(step)) … ok\n")
      }
      open = nil
    case .waiting(let event):
      // A backoff under a second passes unremarked; a real wait is said (Ctrl-C stops it).
      if case .waiting(let seconds, _, _, _, _) = event, seconds < 1 { return }
      if open != nil { write("\n") }
      write("  \(event.message) (Ctrl-C stops)\n")
      if let step = open { write("\(line(step)) … ") }
    case .verifying(let step):
      if open != nil { write("\n") }
      write("  [\(step)/\(plan.steps.count)] the answer was lost: re-reading the product to learn whether it landed\n")
      open = nil
    case .batchProgress(_, let done, let total):
      if open != nil { write("\(done)/\(total) ") }
    }
  }

  func failed() {
    lock.lock()
    defer { lock.unlock() }
    if open != nil { write("failed\n") }
    open = nil
  }

  func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }

  func line(_ step: Int) -> String {
    let n = plan.steps.count
    guard step >= 1, step <= n else { return "[\(step)/\(n)]" }
    return "[\(step)/\(n)] \(Self.summary(plan.steps[step - 1], productId: productId))"
  }

  static func clip(_ s: String, _ n: Int = 60) -> String {
    let t = TextSafety.plain(s)
    return t.count > n ? String(t.prefix(n - 1)) + "…" : t
  }

  /// A request in a few words: method, path and what it carries, never the whole body.
  static func summary(_ step: PlanStep, productId: Int) -> String {
    let product = "/products/\(productId)"
    switch step {
    case .updateProduct(let body):
      let keys = body.keys.prefix(8).map { clip($0, 30) }
      let more = body.count > 8 ? ", +\(body.count - 8) more" : ""
      return "PUT \(product) (\(keys.joined(separator: ", "))\(more))"
    case .addMedia(let url, .image): return "POST \(product)/gallery (image \(clip(url)))"
    case .addMedia(let url, .video): return "PUT \(product)/media (add video \(clip(url)))"
    case .removeMedia(let id, .image):
      return id == "0" ? "DELETE \(product)/image (main image)" : "DELETE \(product)/gallery (image \(clip(id, 20)))"
    case .removeMedia(let id, .video): return "PUT \(product)/media (remove video \(clip(id, 20)))"
    case .refetch: return "GET \(product)"
    case .updateMediaOrder(let images): return "PUT \(product) (image order and alt text, \(images.count) images)"
    case .createCombination(let body): return "POST \(product)/combinations (\(clip(Combination(json: body).label)))"
    case .updateCombination(let id, let label, let body):
      return "PUT \(product)/combinations/\(id) (\(clip(label)): \(body.keys.prefix(8).joined(separator: ", ")))"
    case .deleteCombination(let id, let label): return "DELETE \(product)/combinations/\(id) (\(clip(label)))"
    case .setCombinationImage(let id, let label, let url):
      return "POST \(product)/combinations/\(id.map(String.init) ?? "{new}")/image (\(clip(label)): \(clip(url)))"
    case .deleteCombinationImage(let id, let label): return "DELETE \(product)/combinations/\(id)/image (\(clip(label)))"
    case .batch: return TextSafety.plain(step.requestDescription(productId: productId))
    }
  }
}
