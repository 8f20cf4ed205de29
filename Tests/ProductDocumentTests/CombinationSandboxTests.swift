import EcwidAPI
import EcwidSandbox
import Foundation
import ProductSync
import Testing

@testable import ProductDocument
import TestSupport

/// The sample catalog's sandbox with a request log (JSON lines) to read the bodies sent.
struct LoggedSandbox {
  let sandbox: Sandbox
  let client: EcwidClient
  let logPath: String

  static let tee = 692_730_775  // 40 variations
  static let sneaker = 692_730_777  // 500 variations

  static func start(notifyLowStock: Bool = false) async throws -> LoggedSandbox {
    var o = SandboxOptions()
    o.port = 0
    o.token = "secret_combination_plans"
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("combos-\(UUID().uuidString).jsonl").path
    o.requestLog = log
    let sandbox = try Sandbox(options: o)
    sandbox.batchPacing = BatchPacing(startDelay: .milliseconds(20), perRequest: .zero)
    let port = try await sandbox.start()
    var c = EcwidConfig(apiURL: URL(string: "http://127.0.0.1:\(port)/api/v3")!, storeId: sandbox.storeId, token: o.token)
    c.retry = RetryPolicy(maxAttempts: 2, baseDelay: 0.01, maxDelay: 0.05, deadline: 30)
    c.checkLowStockNotification = notifyLowStock
    return LoggedSandbox(sandbox: sandbox, client: try EcwidClient(config: c), logPath: log)
  }

  func stop() async {
    await client.shutdown()
    await sandbox.stop()
    try? FileManager.default.removeItem(atPath: logPath)
  }

  /// The logged requests (batch members included, marked with `batchTicket`).
  func log() throws -> [JSONObject] {
    let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").compactMap { try? JSON.parse(String($0)).objectValue }
  }
}

@Suite(.serialized) struct CombinationSandboxTests {
  /// Two variations edited: the sandbox sees exactly one PUT for each, carrying only the changed
  /// fields, and nothing for the 38 others; the edits land.
  @Test func onlyTheChangedVariationsAreSentWithOnlyTheirChangedFields() async throws {
    let env = try await LoggedSandbox.start()
    defer { Task { await env.stop() } }
    let fetched = try await env.client.productWithCombinations(id: LoggedSandbox.tee)
    #expect(fetched.combinations?.count == 40)
    var doc = Document(base: fetched)
    let a = try #require(doc.combinations[3].id)
    let b = try #require(doc.combinations[17].id)
    doc.apply(.set(comboPath(3, "price"), 19.99))
    doc.apply(.set(comboPath(17, "quantity"), 0))
    doc.apply(.set(comboPath(17, "warningLimit"), 1))
    let plan = doc.plan(storeLanguages: nil)
    #expect(plan.warnings.isEmpty, "\(plan.warnings)")
    let before = try env.log().count
    let outcome = await runPlan(plan, productId: LoggedSandbox.tee, client: env.client)
    #expect(outcome.succeeded, "\(outcome.error.map(\.sentence) ?? "")")
    let sent = try env.log().dropFirst(before).filter {
      ($0["path"]?.stringValue ?? "").contains("/combinations") && $0["method"]?.stringValue != "GET"
    }
    #expect(sent.count == 2)
    let byPath = Dictionary(sent.map { ($0["path"]!.stringValue!, $0) }, uniquingKeysWith: { x, _ in x })
    let putA = try #require(byPath.first { $0.key.hasSuffix("/combinations/\(a)") }?.value)
    let putB = try #require(byPath.first { $0.key.hasSuffix("/combinations/\(b)") }?.value)
    #expect(putA["method"] == "PUT" && putB["method"] == "PUT")
    #expect(sameJSON(putA["body"], ["price": 19.99]))
    #expect(sameJSON(putB["body"], ["quantity": 0, "warningLimit": 1]))
    let stored = try #require(await env.sandbox.product(id: LoggedSandbox.tee))
    let storedA = try #require(stored.combinations?.first { $0.id == a })
    let storedB = try #require(stored.combinations?.first { $0.id == b })
    #expect(storedA.price?.double == 19.99)
    #expect(storedB.quantity?.double == 0 && storedB.inStock == false)
    // The document rebased on what came back has nothing left to save.
    var after = doc
    after.rebase(onto: try #require(outcome.product))
    #expect(after.plan(storeLanguages: nil).isEmpty)
  }

  /// The low-stock setting reaches every variation update, sent alone or inside a batch.
  @Test(arguments: [3, 12])
  func theLowStockSettingReachesEveryVariationUpdate(rows: Int) async throws {
    let env = try await LoggedSandbox.start(notifyLowStock: true)
    defer { Task { await env.stop() } }
    let fetched = try await env.client.productWithCombinations(id: LoggedSandbox.tee)
    var doc = Document(base: fetched)
    for i in 0..<rows { doc.apply(.set(comboPath(i, "quantity"), .int(70 + i))) }
    let plan = doc.plan(storeLanguages: nil, batching: CombinationBatching(threshold: 10, batchSize: 100))
    let before = await env.sandbox.requests().count
    let outcome = await runPlan(plan, productId: LoggedSandbox.tee, client: env.client)
    #expect(outcome.succeeded, "\(outcome.error.map(\.sentence) ?? "")")
    let direct = await env.sandbox.requests().dropFirst(before).filter { $0.method == "PUT" && $0.path.contains("/combinations/") }
    let batched = env.sandbox.batchRequests().filter { $0.method == "PUT" }
    let updates = direct + batched
    #expect(updates.count == rows, "\(direct.count) sent alone, \(batched.count) in batches")
    #expect(rows > 10 ? batched.count == rows : direct.count == rows)
    for u in updates {
      #expect(u.query?.contains("checkLowStockNotification=true") == true, "\(u.method) \(u.path)?\(u.query ?? "")")
    }
  }

  /// 200 changed rows of the 500-variation product: ⌈200 / batch size⌉ `POST /batch` and a few
  /// ticket polls reach the server for the save, every row lands, the 300 others are not sent,
  /// and progress is reported.
  @Test(.heavy) func twoHundredChangedRowsAreAFewBatchRequests() async throws {
    let env = try await LoggedSandbox.start()
    defer { Task { await env.stop() } }
    let fetched = try await env.client.productWithCombinations(id: LoggedSandbox.sneaker)
    #expect(fetched.combinations?.count == 500)
    var doc = Document(base: fetched)
    var changed: [Int: Int] = [:]
    for i in stride(from: 0, to: 400, by: 2) {
      let q = 900 + i
      doc.apply(.set(comboPath(i, "quantity"), .int(q)))
      doc.apply(.set(comboPath(i, "unlimited"), false))
      changed[doc.combinations[i].id!] = q
    }
    #expect(changed.count == 200)
    let batching = CombinationBatching(threshold: 10, batchSize: 100)
    let plan = doc.plan(storeLanguages: nil, batching: batching)
    #expect(plan.steps.count == 2)
    let before = await env.sandbox.requests().count
    let progress = ProgressLog()
    let outcome = await runPlan(plan, productId: LoggedSandbox.sneaker, client: env.client) { progress.append($0) }
    #expect(outcome.succeeded, "\(outcome.error.map(\.sentence) ?? "")")
    let requests = await env.sandbox.requests().dropFirst(before)
    let batchRequests = requests.filter { $0.path.hasSuffix("/batch") }
    // One POST /batch per 100 rows; each ticket is polled once the batch had time to run, then
    // when its rate says it will be done: 2 + ⌈200 / 100⌉ = 4 requests on an idle machine
    // (one poll each). The polls depend on the server's speed, so only their bound is checked.
    let posts = batchRequests.filter { $0.method == "POST" }
    let polls = batchRequests.filter { $0.method == "GET" }
    #expect(posts.count == Int((200.0 / Double(batching.batchSize)).rounded(.up)))
    #expect(polls.count >= posts.count && polls.count <= 4 * posts.count, "\(polls.count) polls")
    #expect(requests.filter { $0.path.contains("/combinations") }.isEmpty, "no variation request outside the batches")
    // Inside the batches: exactly the 200 changed rows, one PUT each.
    let executed = env.sandbox.batchRequests()
    #expect(executed.count == 200)
    #expect(Set(executed.map { Int($0.path.split(separator: "/").last!)! }) == Set(changed.keys))
    let stored = try #require(await env.sandbox.product(id: LoggedSandbox.sneaker))
    for c in stored.combinations ?? [] {
      if let q = changed[c.id!] { #expect(c.quantity?.double == Double(q)) }
    }
    let done = progress.all.compactMap { p -> Int? in
      if case .batchProgress(_, let d, let t) = p, t == 100 { return d }
      return nil
    }
    #expect(done.contains(100))
  }

  /// A retried batch step (same deduplication key) runs nothing twice.
  @Test func aBatchSentAgainIsDeduplicated() async throws {
    let env = try await LoggedSandbox.start()
    defer { Task { await env.stop() } }
    let fetched = try await env.client.productWithCombinations(id: LoggedSandbox.tee)
    var doc = Document(base: fetched)
    for i in 0..<12 { doc.apply(.set(comboPath(i, "quantity"), .int(70 + i))) }
    let plan = doc.plan(storeLanguages: nil)
    #expect(plan.steps.count == 1)
    _ = await runPlan(plan, productId: LoggedSandbox.tee, client: env.client)
    let again = await runPlan(plan, productId: LoggedSandbox.tee, client: env.client)
    #expect(again.succeeded)
    #expect(env.sandbox.batchRequests().count == 12)
  }

  /// Two variations swap SKUs in one save: Ecwid's SKU uniqueness is never violated mid-way.
  @Test func aSkuSwapSaves() async throws {
    let env = try await LoggedSandbox.start()
    defer { Task { await env.stop() } }
    let fetched = try await env.client.productWithCombinations(id: LoggedSandbox.tee)
    var doc = Document(base: fetched)
    let (i, j) = try #require(Self.twoWithSkus(doc.combinations))
    let (si, sj) = (doc.combinations[i].sku!, doc.combinations[j].sku!)
    doc.apply(.set(comboPath(i, "sku"), .string(sj)))
    doc.apply(.set(comboPath(j, "sku"), .string(si)))
    let outcome = await runPlan(doc.plan(storeLanguages: nil), productId: LoggedSandbox.tee, client: env.client)
    #expect(outcome.succeeded, "\(outcome.error.map(\.sentence) ?? "")")
    let stored = try #require(await env.sandbox.product(id: LoggedSandbox.tee)?.combinations)
    #expect(stored.first { $0.id == doc.combinations[i].id }?.sku == sj)
    #expect(stored.first { $0.id == doc.combinations[j].id }?.sku == si)
  }

  /// The save's conflict check against the re-read variations: a sale on a row I did not
  /// touch is taken in and not overwritten; a remote change to a field I changed is a conflict.
  @Test func aRemoteSaleIsTakenInAndAConflictingOneIsNot() async throws {
    let env = try await LoggedSandbox.start()
    defer { Task { await env.stop() } }
    let fetched = try await env.client.productWithCombinations(id: LoggedSandbox.tee)
    var doc = Document(base: fetched)
    let (untouched, touched) = (try #require(doc.combinations[0].id), try #require(doc.combinations[1].id))
    doc.apply(.set(comboPath(1, "price"), 33))
    // Meanwhile, on the server: a sale of the untouched row.
    try await env.client.updateCombination(productId: LoggedSandbox.tee, combinationId: untouched, body: ["quantity": 1])
    let theirs = try await env.client.productWithCombinations(id: LoggedSandbox.tee)
    let check = checkConflicts(base: doc.base, mine: doc.current, theirs: theirs)
    #expect(check.conflicts.isEmpty)
    doc.takeRemote(check)
    let plan = doc.plan(storeLanguages: nil)
    #expect(plan.steps == [.updateCombination(id: touched, label: doc.combinations[1].label, body: ["price": 33])])
    #expect(await runPlan(plan, productId: LoggedSandbox.tee, client: env.client).succeeded)
    let stored = try #require(await env.sandbox.product(id: LoggedSandbox.tee)?.combinations)
    #expect(stored.first { $0.id == untouched }?.quantity?.double == 1)

    // Now a remote price change on the row I change again.
    var doc2 = Document(base: try await env.client.productWithCombinations(id: LoggedSandbox.tee))
    doc2.apply(.set(comboPath(1, "price"), 40))
    try await env.client.updateCombination(productId: LoggedSandbox.tee, combinationId: touched, body: ["price": 35])
    let theirs2 = try await env.client.productWithCombinations(id: LoggedSandbox.tee)
    let check2 = checkConflicts(base: doc2.base, mine: doc2.current, theirs: theirs2)
    let c = try #require(check2.conflicts.first)
    #expect(check2.conflicts.count == 1)
    #expect(c.base == 33 && c.mine == 40 && c.theirs == 35)
  }

  /// A variation's image by URL: set on one row (`POST …/image?externalUrl=`), removed from
  /// another (`DELETE …/image`), and nothing else sent.
  @Test func variationImagesBySetAndRemove() async throws {
    let env = try await LoggedSandbox.start()
    defer { Task { await env.stop() } }
    let fetched = try await env.client.productWithCombinations(id: LoggedSandbox.tee)
    var doc = Document(base: fetched)
    let withImage = try #require(doc.combinations.firstIndex { $0.hasImage })
    let without = try #require(doc.combinations.firstIndex { !$0.hasImage })
    let url = "https://cdn.example.com/tee-red.jpg"
    doc.setCombinationImage(index: without, url: url)
    doc.setCombinationImage(index: withImage, url: nil)
    #expect(!doc.combinations[withImage].hasImage)
    #expect(doc.changes().map(\.label).sorted() == [
      "Variation \(doc.combinations[withImage].label) › image", "Variation \(doc.combinations[without].label) › image",
    ].sorted())
    let plan = doc.plan(storeLanguages: nil)
    #expect(plan.steps.count == 2, "\(plan.requestDescriptions)")
    let before = try env.log().count
    let outcome = await runPlan(plan, productId: LoggedSandbox.tee, client: env.client)
    #expect(outcome.succeeded, "\(outcome.error.map(\.sentence) ?? "")")
    let writes = try env.log().dropFirst(before).filter { $0["method"]?.stringValue != "GET" }
    #expect(writes.map { "\($0["method"]!.stringValue!) \($0["path"]!.stringValue!.split(separator: "/").suffix(2).joined(separator: "/"))" }.sorted() == [
      "DELETE \(doc.combinations[withImage].id!)/image", "POST \(doc.combinations[without].id!)/image",
    ])
    let stored = try #require(await env.sandbox.product(id: LoggedSandbox.tee)?.combinations)
    #expect(stored.first { $0.id == doc.combinations[without].id }?.originalImageUrl == url)
    #expect(stored.first { $0.id == doc.combinations[withImage].id }?.hasImage == false)
  }

  /// A batch whose fifth request is refused (a SKU another product has): the four before it
  /// are reported applied, the refused one and those after it not applied (and not run), with
  /// Ecwid's reason; sending them again uses a key of their own.
  @Test func aRefusedRequestStopsTheBatchAndIsReported() async throws {
    let env = try await LoggedSandbox.start()
    defer { Task { await env.stop() } }
    let taken = try #require(await env.sandbox.product(id: 692_730_761)?.sku)
    let fetched = try await env.client.productWithCombinations(id: LoggedSandbox.tee)
    var doc = Document(base: fetched)
    for i in 0..<12 { doc.apply(.set(comboPath(i, "quantity"), .int(300 + i))) }
    doc.apply(.set(comboPath(4, "sku"), .string(taken)))
    let plan = doc.plan(storeLanguages: nil)
    guard case .batch(let requests, let key)? = plan.steps.first, plan.steps.count == 1 else {
      Issue.record("expected one batch: \(plan.requestDescriptions)")
      return
    }
    let refusedAt = try #require(requests.firstIndex {
      if case .updateCombination(_, _, let body) = $0 { return body["sku"] != nil }
      return false
    })
    let outcome = await runPlan(plan, productId: LoggedSandbox.tee, client: env.client)
    let error = try #require(outcome.error)
    #expect(error.errorCode == "SKU_ALREADY_EXISTS", "\(error)")
    let summary = outcome.summary(productId: LoggedSandbox.tee).joined(separator: "\n")
    let refusedId = try #require(doc.combinations[4].id)
    #expect(summary.contains("Ecwid refused PUT /products/\(LoggedSandbox.tee)/combinations/\(refusedId)"), "\(summary)")
    #expect(summary.contains(doc.combinations[4].label), "\(summary)")
    #expect(summary.contains("SKU_ALREADY_EXISTS"), "\(summary)")
    guard case .batch(let applied, _)? = outcome.applied.first, case .batch(let again, let againKey)? = outcome.notApplied.first else {
      Issue.record("expected an applied and a not-applied batch: \(outcome.reports)")
      return
    }
    #expect(applied == Array(requests[..<refusedAt]))
    #expect(again == Array(requests[refusedAt...]))
    #expect(againKey != key)
    #expect(env.sandbox.batchRequests().count == refusedAt + 1)
    let stored = try #require(await env.sandbox.product(id: LoggedSandbox.tee)?.combinations)
    for (i, step) in requests.enumerated() {
      guard case .updateCombination(let id, _, let body) = step else { continue }
      let q = stored.first { $0.id == id }?.quantity?.double
      #expect((q == body["quantity"]?.doubleValue) == (i < refusedAt), "request \(i + 1)")
    }
  }

  static func twoWithSkus(_ list: [Combination]) -> (Int, Int)? {
    let with = list.indices.filter { !(list[$0].sku ?? "").isEmpty }
    return with.count >= 2 ? (with[0], with[1]) : nil
  }
}
