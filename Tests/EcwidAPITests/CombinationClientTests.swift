import EcwidAPI
import EcwidSandbox
import Foundation
import Testing

/// Products of the sample catalog with variations.
enum Varied {
  static let tote = 692_730_767  // 6 variations, Color × Size
  static let beanie = 692_730_773  // 6, Color × Size
  static let tee = 692_730_775  // 40, Size × Color
  static let sneaker = 692_730_777  // 500, Size × Color × Material
}

func * (a: [String], n: Int) -> [String] { Array(repeating: a, count: n).flatMap { $0 } }

/// Collects what a `@Sendable` progress callback saw.
final class Seen: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [BatchStatus] = []
  func add(_ s: BatchStatus) {
    lock.lock()
    items.append(s)
    lock.unlock()
  }
  var all: [BatchStatus] {
    lock.lock()
    defer { lock.unlock() }
    return items
  }
}

@Suite(.serialized) struct CombinationClientTests {
  @Test func everyCombinationEndpointWorksThroughTheClient() async throws {
    let h = try await SandboxHarness.start()
    defer { Task { await h.stop() } }
    let c = h.client
    let product = try await c.getProduct(id: Varied.tee)
    let list = try await c.combinations(productId: Varied.tee)
    #expect(list.count == 40)
    #expect(list == product.combinations)
    let first = try #require(list.first)
    let id = try #require(first.id)
    #expect(try await c.getCombination(productId: Varied.tee, combinationId: id) == first)
    #expect(first.value(of: "Size") == "XS" && first.value(of: "Color") == "White")

    // Create: answers the new id; the variation is on the product.
    let newId = try await c.createCombination(
      productId: Varied.beanie,
      body: ["options": [["name": "Color", "value": "Rust"]], "sku": "BNE-RST-X", "quantity": 3, "price": 21])
    let made = try await c.getCombination(productId: Varied.beanie, combinationId: newId)
    #expect(made.sku == "BNE-RST-X" && made.quantity?.int == 3 && made.inStock == true && made.price?.double == 21)
    #expect(try await c.getProduct(id: Varied.beanie).combinations?.contains { $0.id == newId } == true)

    // Update: partial; checkLowStockNotification goes in the query.
    let before = try await c.getProduct(id: Varied.tee)
    #expect(try await c.updateCombination(productId: Varied.tee, combinationId: id, body: ["quantity": 0]) == 1)
    let zero = try await c.getCombination(productId: Varied.tee, combinationId: id)
    #expect(zero.quantity?.int == 0 && zero.inStock == false && zero.sku == first.sku && zero.price == first.price)
    #expect((try await c.getProduct(id: Varied.tee).updateTimestamp ?? 0) > (before.updateTimestamp ?? 0))
    try await c.updateCombination(
      productId: Varied.tee, combinationId: id, body: ["quantity": 2], checkLowStockNotification: true)
    let log = try String(contentsOfFile: h.logPath, encoding: .utf8)
    #expect(log.contains("\"checkLowStockNotification\":\"true\""))

    // Image by URL, then removed.
    let imageId = try await c.setCombinationImage(
      productId: Varied.tee, combinationId: id, externalUrl: "https://example.com/tee white.jpg")
    #expect(imageId > 0)
    let withImage = try await c.getCombination(productId: Varied.tee, combinationId: id)
    #expect(withImage.hasImage && withImage.originalImageUrl == "https://example.com/tee%20white.jpg")
    #expect(try await c.deleteCombinationImage(productId: Varied.tee, combinationId: id) == 1)
    #expect(!(try await c.getCombination(productId: Varied.tee, combinationId: id).hasImage))

    // Delete one, then all.
    #expect(try await c.deleteCombination(productId: Varied.tee, combinationId: id) == 1)
    #expect(try await c.combinations(productId: Varied.tee).count == 39)
    #expect(try await c.deleteAllCombinations(productId: Varied.tee) == 39)
    #expect(try await c.combinations(productId: Varied.tee).isEmpty)
    #expect(try await c.getProduct(id: Varied.tee).hasCombinations == false)
  }

  @Test func refusalsAreTypedErrorsAndChangeNothing() async throws {
    let h = try await SandboxHarness.start()
    defer { Task { await h.stop() } }
    let c = h.client
    let before = try await c.getProduct(id: Varied.tote)
    func expectError(
      _ status: Int, _ code: String?, _ call: () async throws(EcwidError) -> Void, sourceLocation: SourceLocation = #_sourceLocation
    ) async {
      do {
        try await call()
        Issue.record("expected HTTP \(status)", sourceLocation: sourceLocation)
      } catch {
        #expect(error.status == status && error.attempts == 1, "\(error)", sourceLocation: sourceLocation)
        if let code { #expect(error.errorCode == code, "\(error)", sourceLocation: sourceLocation) }
      }
    }
    await expectError(404, nil) { () async throws(EcwidError) in
      _ = try await c.getCombination(productId: Varied.tote, combinationId: 1)
    }
    await expectError(404, "PRODUCT_NOT_FOUND") { () async throws(EcwidError) in
      _ = try await c.combinations(productId: 1)
    }
    await expectError(404, nil) { () async throws(EcwidError) in
      try await c.updateCombination(productId: Varied.tote, combinationId: 1, body: ["quantity": 1])
    }
    await expectError(409, "SKU_ALREADY_EXISTS") { () async throws(EcwidError) in
      try await c.updateCombination(productId: Varied.tote, combinationId: 422_488_528, body: ["sku": "TOTE-BLK-L"])
    }
    await expectError(409, "SKU_ALREADY_EXISTS") { () async throws(EcwidError) in
      _ = try await c.createCombination(
        productId: Varied.tote, body: ["options": [["name": "Color", "value": "Navy"]], "sku": "NRD-SWT-001"])
    }
    await expectError(400, nil) { () async throws(EcwidError) in
      _ = try await c.createCombination(productId: Varied.tote, body: ["options": [["name": "Color", "value": "Plaid"]]])
    }
    await expectError(422, "WRONG_URL") { () async throws(EcwidError) in
      try await c.setCombinationImage(productId: Varied.tote, combinationId: 422_488_528, externalUrl: "ftp://x")
    }
    #expect(try await c.getProduct(id: Varied.tote) == before)
    do {
      try await c.updateCombination(productId: Varied.tote, combinationId: 422_488_528, body: ["sku": "TOTE-BLK-L"])
      Issue.record("a taken SKU was accepted")
    } catch {
      #expect(error.field == "sku" && error.sentence.contains("SKU"))
    }
  }

  @Test func aBatchOf200UpdatesIsAFewRequestsAndChangesEveryRow() async throws {
    let h = try await SandboxHarness.start()
    defer { Task { await h.stop() } }
    let rows = Array(try await h.client.combinations(productId: Varied.sneaker).prefix(200))
    #expect(rows.count == 200)
    let httpBefore = await h.sandbox.requests().count
    let requests = rows.enumerated().map { k, row in
      BatchRequest.updateCombination(
        id: "r\(k)", productId: Varied.sneaker, combinationId: row.id!, body: ["quantity": .int(1000 + k)])
    }
    let seen = Seen()
    let done = try await h.client.runBatch(requests, pollInterval: 0.05, timeout: 30) { seen.add($0) }
    #expect(done.isCompleted && done.totalRequests == 200 && done.completedRequests == 200)
    #expect(done.responses.count == 200 && done.responses.allSatisfy(\.succeeded))
    #expect(done.responses.map(\.id) == (0..<200).map { "r\($0)" })
    // Progress was visible while it ran, and never went backwards.
    let counts = seen.all.compactMap(\.completedRequests)
    #expect(counts == counts.sorted())
    #expect(seen.all.contains { !$0.isCompleted })
    // Over HTTP: one POST /batch and the polls (each within the 600-a-minute limit).
    let http = await h.sandbox.requests().dropFirst(httpBefore)
    #expect(http.filter { $0.method == "POST" }.count == 1)
    #expect(http.count == 1 + seen.all.count)
    #expect(h.sandbox.batchRequests().count == 200)

    let after = try await h.client.combinations(productId: Varied.sneaker)
    for (k, row) in rows.enumerated() {
      #expect(after.first { $0.id == row.id }?.quantity?.int == 1000 + k)
    }
    #expect(after[200] == (try await h.client.getProduct(id: Varied.sneaker)).combinations?[200])
  }

  @Test func manyRequestsGoAsConsecutiveBatchesOfTheConfiguredSize() async throws {
    let h = try await SandboxHarness.start()
    defer { Task { await h.stop() } }
    let rows = try await h.client.combinations(productId: Varied.sneaker)
    #expect(rows.first?.label == "Size=EU 36 · Color=Black · Material=Mesh")
    let requests = rows.prefix(150).enumerated().map { k, row in
      BatchRequest.updateCombination(id: "u\(k)", productId: Varied.sneaker, combinationId: row.id!, body: ["weight": 1])
    }
    let httpBefore = await h.sandbox.requests().count
    let key = UUID().uuidString
    let answers = try await h.client.runBatches(requests, batchSize: 64, deduplicationKey: key, pollInterval: 0.02)
    #expect(answers.map(\.id) == requests.map(\.id) && answers.allSatisfy(\.succeeded))
    let posts = await h.sandbox.requests().dropFirst(httpBefore).filter { $0.method == "POST" }
    #expect(posts.count == 3)  // ⌈150 / 64⌉
    #expect(posts.allSatisfy { $0.query?.contains("deduplicationKey=\(key)-") == true })
    // The same call again (say after a crash) re-runs nothing: every batch is deduplicated.
    let again = try await h.client.runBatches(requests, batchSize: 64, deduplicationKey: key, pollInterval: 0.02)
    #expect(again.count == 150)
    #expect(h.sandbox.batchRequests().count == 150)

    // stopOnFirstFailure: a refusal in the first batch leaves the later ones unsent.
    var failing = Array(requests.prefix(10))
    failing[3] = BatchRequest.updateCombination(
      id: "bad", productId: Varied.sneaker, combinationId: rows[3].id!, body: ["sku": "NRD-SWT-001"])
    let stopped = try await h.client.runBatches(failing, batchSize: 4, stopOnFirstFailure: true, pollInterval: 0.02)
    #expect(stopped.map { $0.status?.rawValue ?? "" } == ["COMPLETED"] * 3 + ["FAILED"] + ["NOT_EXECUTED"] * 6)
    #expect(h.sandbox.batchRequests().count == 154)
  }

  @Test func aResubmittedBatchWithTheSameKeyRunsOnce() async throws {
    let h = try await SandboxHarness.start()
    defer { Task { await h.stop() } }
    let create = [
      BatchRequest.createCombination(
        id: "new", productId: Varied.beanie, body: ["options": [["name": "Color", "value": "Oat"]], "sku": "BNE-OAT-NEW"])
    ]
    let key = UUID().uuidString
    let t1 = try await h.client.submitBatch(create, deduplicationKey: key)
    let t2 = try await h.client.submitBatch(create, deduplicationKey: key)
    #expect(t1 == t2)
    let done = try await h.client.waitForBatch(ticket: t1, pollInterval: 0.02)
    let newId = try #require(done.response(id: "new")?.body?["id"]?.intValue)
    try await Task.sleep(for: .milliseconds(300))
    let list = try await h.client.combinations(productId: Varied.beanie)
    #expect(list.count == 7 && list.filter { $0.sku == "BNE-OAT-NEW" }.map(\.id) == [newId])
    // A different key is a different batch: this one fails on the SKU now taken.
    let again = try await h.client.runBatch(create, deduplicationKey: UUID().uuidString, pollInterval: 0.02)
    #expect(again.response(id: "new")?.error?.errorCode == "SKU_ALREADY_EXISTS")
  }

  @Test func aBatchWhoseAnswerWasLostIsResubmittedSafelyWithItsKey() async throws {
    // The first POST /batch is queued but its answer arrives cut short, as after a dropped
    // connection: the caller cannot know whether it was queued, so it sends it again.
    let h = try await SandboxHarness.start(faults: "truncatex1,method=POST,path=/batch")
    defer { Task { await h.stop() } }
    let create = [
      BatchRequest.createCombination(
        id: "n", productId: Varied.beanie, body: ["options": [["name": "Color", "value": "Rust"]], "sku": "BNE-LOST"])
    ]
    let key = UUID().uuidString
    await #expect {
      _ = try await h.client.submitBatch(create, deduplicationKey: key)
    } throws: { e in
      (e as? EcwidError)?.kind == .invalidResponse
    }
    let ticket = try await h.client.submitBatch(create, deduplicationKey: key)
    let done = try await h.client.waitForBatch(ticket: ticket, pollInterval: 0.02)
    #expect(done.response(id: "n")?.succeeded == true)
    try await Task.sleep(for: .milliseconds(200))
    #expect(try await h.client.combinations(productId: Varied.beanie).filter { $0.sku == "BNE-LOST" }.count == 1)
    #expect(h.sandbox.batchRequests().count == 1)
  }

  @Test func stopOnFirstFailureStopsTheBatchAtTheFirstRefusal() async throws {
    let h = try await SandboxHarness.start()
    defer { Task { await h.stop() } }
    let requests = [
      BatchRequest.updateCombination(id: "1", productId: Varied.tote, combinationId: 422_488_528, body: ["quantity": 1]),
      BatchRequest.deleteCombination(id: "2", productId: Varied.tote, combinationId: 1),
      BatchRequest.updateCombination(id: "3", productId: Varied.tote, combinationId: 422_488_529, body: ["quantity": 1]),
    ]
    let stopped = try await h.client.runBatch(requests, stopOnFirstFailure: true, pollInterval: 0.02)
    #expect(stopped.responses.map(\.status) == [.completed, .failed, .notExecuted])
    #expect(stopped.response(id: "2")?.error?.kind == .notFound)
    #expect(stopped.response(id: "3")?.error?.kind == .cancelled)
    #expect(try await h.client.getCombination(productId: Varied.tote, combinationId: 422_488_529).quantity?.int == 12)

    let all = try await h.client.runBatch(requests, stopOnFirstFailure: false, pollInterval: 0.02)
    #expect(all.responses.map(\.status) == [.completed, .failed, .completed])
    #expect(try await h.client.getCombination(productId: Varied.tote, combinationId: 422_488_529).quantity?.int == 1)

    await #expect {
      _ = try await h.client.batchStatus(ticket: "no-such-ticket")
    } throws: { e in
      (e as? EcwidError)?.status == 404
    }
  }
}
