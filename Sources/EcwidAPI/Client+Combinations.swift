import Foundation
import NIOHTTP1

// The variation (combination) endpoints and the batch endpoint, on the client's one transport
// (`send`: retries, deadline, Retry-After, redaction).
extension EcwidClient {
  // MARK: Combinations

  /// `GET /products/{id}/combinations`: every variation of the product (an array).
  public func combinations(productId: Int) async throws(EcwidError) -> [Combination] {
    let data = try await send(.GET, "/products/\(productId)/combinations", idempotent: true)
    let v: JSON
    do {
      v = try JSON.parse(data)
    } catch {
      throw EcwidError(kind: .invalidResponse, status: 200, detail: "\(error.reason) at byte \(error.offset)")
    }
    guard let items = v.arrayValue else {
      throw EcwidError(kind: .invalidResponse, status: 200, detail: "expected a JSON array, got \(v.kindName)")
    }
    return items.compactMap { $0.objectValue.map(Combination.init(json:)) }
  }

  /// `GET /products/{id}/combinations/{combinationId}`.
  public func getCombination(productId: Int, combinationId: Int) async throws(EcwidError) -> Combination {
    Combination(json: try await object(.GET, "/products/\(productId)/combinations/\(combinationId)"))
  }

  /// `POST /products/{id}/combinations`: creates a variation; returns its id. Not retried after a
  /// dropped connection or 5xx: a second try could create it twice.
  public func createCombination(productId: Int, body: JSONObject) async throws(EcwidError) -> Int {
    let o = try await object(.POST, "/products/\(productId)/combinations", body: .object(body), idempotent: false)
    guard let id = o["id"]?.intValue else {
      throw EcwidError(kind: .invalidResponse, status: 200, detail: "the answer has no combination id")
    }
    return id
  }

  /// `PUT /products/{id}/combinations/{combinationId}`: a partial update (fields left out stay).
  /// Returns `updateCount`.
  @discardableResult
  public func updateCombination(
    productId: Int, combinationId: Int, body: JSONObject, checkLowStockNotification: Bool = false
  ) async throws(EcwidError) -> Int {
    let q =
      checkLowStockNotification || config.checkLowStockNotification ? [("checkLowStockNotification", "true")] : []
    let o = try await object(
      .PUT, "/products/\(productId)/combinations/\(combinationId)", query: q, body: .object(body))
    return o["updateCount"]?.intValue ?? 0
  }

  /// `DELETE /products/{id}/combinations/{combinationId}`; returns `deleteCount`.
  @discardableResult
  public func deleteCombination(productId: Int, combinationId: Int) async throws(EcwidError) -> Int {
    let o = try await object(.DELETE, "/products/\(productId)/combinations/\(combinationId)")
    return o["deleteCount"]?.intValue ?? 0
  }

  /// `DELETE /products/{id}/combinations`: removes every variation; returns `deleteCount`.
  @discardableResult
  public func deleteAllCombinations(productId: Int) async throws(EcwidError) -> Int {
    let o = try await object(.DELETE, "/products/\(productId)/combinations")
    return o["deleteCount"]?.intValue ?? 0
  }

  /// `POST /products/{id}/combinations/{combinationId}/image?externalUrl=…`: sets the variation's
  /// image from a URL Ecwid downloads (replacing any image it had, so a retry is harmless).
  /// Returns the image id.
  @discardableResult
  public func setCombinationImage(productId: Int, combinationId: Int, externalUrl: String) async throws(EcwidError)
    -> Int
  {
    let o = try await object(
      .POST, "/products/\(productId)/combinations/\(combinationId)/image", query: [("externalUrl", externalUrl)],
      idempotent: true)
    return o["id"]?.intValue ?? 0
  }

  /// `DELETE /products/{id}/combinations/{combinationId}/image`; returns `deleteCount`.
  @discardableResult
  public func deleteCombinationImage(productId: Int, combinationId: Int) async throws(EcwidError) -> Int {
    let o = try await object(.DELETE, "/products/\(productId)/combinations/\(combinationId)/image")
    return o["deleteCount"]?.intValue ?? 0
  }

  // MARK: Batch

  /// `POST /batch?stopOnFirstFailure=…&deduplicationKey=…`: queues the requests; returns the
  /// ticket. The deduplication key makes a retry safe (Ecwid answers the same ticket and does
  /// not run the batch twice), so this is retried like an idempotent request. Use a new key for
  /// every distinct batch.
  public func submitBatch(
    _ requests: [BatchRequest], stopOnFirstFailure: Bool = false, deduplicationKey: String = UUID().uuidString
  ) async throws(EcwidError) -> String {
    let q = [("stopOnFirstFailure", stopOnFirstFailure ? "true" : "false"), ("deduplicationKey", deduplicationKey)]
    let o = try await object(
      .POST, "/batch", query: q, body: .array(requests.map { .object($0.json) }), idempotent: true)
    guard let ticket = BatchTicket(json: o).ticket, !ticket.isEmpty else {
      throw EcwidError(kind: .invalidResponse, status: 200, detail: "the answer has no batch ticket")
    }
    return ticket
  }

  /// `GET /batch?ticket=…&escapedJson=true`: where the batch is, with the answers so far.
  public func batchStatus(ticket: String) async throws(EcwidError) -> BatchStatus {
    BatchStatus(json: try await object(.GET, "/batch", query: [("ticket", ticket), ("escapedJson", "true")]))
  }

  /// Polls a ticket until the batch is `COMPLETED` (calling `progress` with every status read),
  /// or throws `.timeout` once `timeout` seconds have passed.
  public func waitForBatch(
    ticket: String, pollInterval: Double = 0.5, timeout: Double = 120,
    progress: @Sendable (BatchStatus) -> Void = { _ in }
  ) async throws(EcwidError) -> BatchStatus {
    let deadline = ContinuousClock.now + .milliseconds(Int64(timeout * 1000))
    var polls = 0
    while true {
      let s = try await batchStatus(ticket: ticket)
      polls += 1
      progress(s)
      if s.isCompleted { return s }
      if ContinuousClock.now >= deadline {
        throw EcwidError(
          kind: .timeout, attempts: polls,
          detail: "the batch was still \(s.status?.rawValue ?? "unknown") after \(Int(timeout)) s")
      }
      do {
        try await Task.sleep(for: .milliseconds(Int64(max(0.01, pollInterval) * 1000)))
      } catch {
        throw EcwidError(kind: .cancelled, attempts: polls)
      }
    }
  }

  /// Runs many requests as consecutive batches of at most `batchSize` (how many one batch may
  /// hold is not documented, so it is the caller's setting) and returns every answer in request
  /// order. Batch k uses the deduplication key `"\(deduplicationKey)-k"`, so calling this again
  /// with the same key after a failure re-runs nothing that was already queued. With
  /// `stopOnFirstFailure`, a failure also leaves the later batches unsent (their requests are
  /// answered `NOT_EXECUTED`). `progress` gets (requests answered, total).
  public func runBatches(
    _ requests: [BatchRequest], batchSize: Int, stopOnFirstFailure: Bool = false,
    deduplicationKey: String = UUID().uuidString, pollInterval: Double = 0.5, timeout: Double = 120,
    progress: @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }
  ) async throws(EcwidError) -> [BatchResponse] {
    let size = max(1, batchSize)
    var answers: [BatchResponse] = []
    var start = 0
    var k = 0
    while start < requests.count {
      let chunk = Array(requests[start..<min(requests.count, start + size)])
      let before = answers.count
      let total = requests.count
      let done = try await runBatch(
        chunk, stopOnFirstFailure: stopOnFirstFailure, deduplicationKey: "\(deduplicationKey)-\(k)",
        pollInterval: pollInterval, timeout: timeout
      ) { s in progress(before + (s.completedRequests ?? 0), total) }
      answers += done.responses
      start += chunk.count
      k += 1
      if stopOnFirstFailure, done.responses.contains(where: { !$0.succeeded }) {
        for r in requests[start...] {
          answers.append(BatchResponse(json: ["id": .string(r.id ?? ""), "status": "NOT_EXECUTED"]))
        }
        break
      }
    }
    return answers
  }

  /// Submits a batch and waits for it to complete.
  public func runBatch(
    _ requests: [BatchRequest], stopOnFirstFailure: Bool = false, deduplicationKey: String = UUID().uuidString,
    pollInterval: Double = 0.5, timeout: Double = 120, progress: @Sendable (BatchStatus) -> Void = { _ in }
  ) async throws(EcwidError) -> BatchStatus {
    let ticket = try await submitBatch(
      requests, stopOnFirstFailure: stopOnFirstFailure, deduplicationKey: deduplicationKey)
    return try await waitForBatch(ticket: ticket, pollInterval: pollInterval, timeout: timeout, progress: progress)
  }
}
