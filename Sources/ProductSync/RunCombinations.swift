import EcwidAPI
import Foundation
import ProductDocument

// Variation (combination) steps of a plan: single requests, and batches through `POST /batch`.

/// How a batch's ticket is polled: the first look after `initialDelay` plus `perRequest` for
/// each request it holds (a batch is not done at once), then every `interval`.
public struct BatchPolling: Sendable {
  public var initialDelay: Double
  public var perRequest: Double
  public var interval: Double
  public var timeout: Double
  public init(initialDelay: Double = 0.3, perRequest: Double = 0.01, interval: Double = 0.5, timeout: Double = 120) {
    self.initialDelay = initialDelay
    self.perRequest = perRequest
    self.interval = interval
    self.timeout = timeout
  }
  public static let standard = BatchPolling()
}

/// What became of a batch step: the requests that were applied, and those that were not (with
/// the first failure).
struct BatchRun {
  var applied: [PlanStep]
  var notApplied: [PlanStep]
  var error: EcwidError?
  /// The request the batch stopped at.
  var refused: PlanStep?
}

extension PlanRunner {
  /// One variation request on its own.
  mutating func runCombination(_ step: PlanStep) async throws(EcwidError) {
    switch step {
    case .createCombination(let body):
      _ = try await client.createCombination(productId: productId, body: body)
    case .updateCombination(let id, _, let body):
      try await client.updateCombination(productId: productId, combinationId: id, body: body)
    case .deleteCombination(let id, _):
      do {
        try await client.deleteCombination(productId: productId, combinationId: id)
      } catch where error.status == 404 {
        // Already gone: what the step asked for.
      }
    case .setCombinationImage(let id, let label, let url):
      let cid: Int
      if let id {
        cid = id
      } else {
        let all = try await client.combinations(productId: productId)
        guard let found = all.first(where: { $0.label == label })?.id else {
          throw EcwidError(kind: .invalidResponse, status: nil, detail: "the new variation \(label) is not there to get its image")
        }
        cid = found
      }
      try await client.setCombinationImage(productId: productId, combinationId: cid, externalUrl: url)
    case .deleteCombinationImage(let id, _):
      try await client.deleteCombinationImage(productId: productId, combinationId: id)
    default:
      return
    }
    known = nil
  }

  /// Sends a batch step and waits for its ticket. A request that failed stops the batch (it is
  /// sent with `stopOnFirstFailure=true`, since later requests may rely on the SKUs it frees);
  /// the failed and unexecuted requests come back as a batch with a key of its own, to send
  /// again once the cause is fixed.
  mutating func runBatch(
    _ requests: [PlanStep], key: String, polling: BatchPolling, progress: @escaping @Sendable (Int, Int) -> Void
  ) async throws(EcwidError) -> BatchRun {
    let lowStock = client.config.checkLowStockNotification
    let sent = requests.enumerated().compactMap { i, step in
      step.batchRequest(id: "r\(i)", productId: productId, checkLowStockNotification: lowStock)
    }
    let ticket = try await client.submitBatch(sent, stopOnFirstFailure: true, deduplicationKey: key)
    known = nil
    let status = try await waitForBatch(ticket: ticket, total: sent.count, polling: polling, progress: progress)
    var applied: [PlanStep] = []
    var failed: [PlanStep] = []
    var firstError: EcwidError?
    var refused: PlanStep?
    for (i, step) in requests.enumerated() {
      let answer = status.response(id: "r\(i)")
      if let answer, answer.succeeded || (step.isCombinationDelete && answer.httpStatusCode == 404) {
        applied.append(step)
      } else {
        failed.append(step)
        if firstError == nil, let e = answer?.error, answer?.status != .notExecuted {
          var e = e
          e.detail = [e.detail, "request \(i + 1) of the batch: \(step.requestDescription(productId: productId))"]
            .compactMap { $0 }.joined(separator: "; ")
          firstError = e
          refused = step
        }
      }
    }
    if !failed.isEmpty && firstError == nil {
      firstError = EcwidError(kind: .invalidResponse, status: 200, detail: "the batch did not answer every request")
    }
    return BatchRun(applied: applied, notApplied: failed, error: firstError, refused: refused)
  }
}

extension PlanRunner {
  /// Polls a ticket until the batch is `COMPLETED`. The first look comes once the batch had
  /// time to run (`BatchPolling`); later ones when the rate seen so far says it will be done,
  /// so a slow server costs few extra polls (each counts against the rate limit).
  func waitForBatch(
    ticket: String, total: Int, polling: BatchPolling, progress: @escaping @Sendable (Int, Int) -> Void
  ) async throws(EcwidError) -> BatchStatus {
    let started = ContinuousClock.now
    var wait = polling.initialDelay + polling.perRequest * Double(total)
    var polls = 0
    while true {
      do {
        try await Task.sleep(for: .milliseconds(Int64(wait * 1000)))
      } catch {
        throw EcwidError(kind: .cancelled, attempts: polls, detail: "the batch was sent; its outcome was not read")
      }
      let s = try await client.batchStatus(ticket: ticket)
      polls += 1
      let done = s.completedRequests ?? 0
      progress(done, total)
      if s.isCompleted { return s }
      let elapsed = Self.seconds(ContinuousClock.now - started)
      if elapsed >= polling.timeout {
        throw EcwidError(
          kind: .timeout, attempts: polls,
          detail: "the batch was still \(s.status?.rawValue ?? "unknown") after \(Int(polling.timeout)) s")
      }
      let estimate = done > 0 ? elapsed / Double(done) * Double(max(1, total - done)) * 1.1 : polling.interval
      wait = min(max(estimate, 0.05), max(polling.interval, 5))
    }
  }

  static func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
  }
}

extension PlanStep {
  var isCombinationDelete: Bool {
    if case .deleteCombination = self { return true }
    return false
  }

  /// The batch step that sends `requests` again, with a deduplication key of its own (the
  /// original key would answer the original ticket and run nothing).
  static func retryBatch(_ requests: [PlanStep], after key: String) -> PlanStep {
    .batch(requests: requests, deduplicationKey: "\(key)-again\(requests.count)")
  }
}

/// Whether the variations as re-read show the effect of a variation step.
func landedCombination(_ step: PlanStep, after: [Combination]) -> Bool {
  switch step {
  case .createCombination(let body):
    let label = Combination(json: body).label
    return after.contains { $0.label == label }
  case .updateCombination(let id, _, let body):
    guard let c = after.first(where: { $0.id == id }) else { return false }
    return body.allSatisfy { key, value in holds(c.json[key], value) }
  case .deleteCombination(let id, _):
    return !after.contains { $0.id == id }
  case .setCombinationImage(let id, let label, _):
    return after.first { id != nil ? $0.id == id : $0.label == label }?.hasImage ?? false
  case .deleteCombinationImage(let id, _):
    return !(after.first { $0.id == id }?.hasImage ?? false)
  case .batch(let requests, _):
    return requests.allSatisfy { landedCombination($0, after: after) }
  default:
    return false
  }
}

extension EcwidClient {
  /// The product with its variations as `GET /products/{id}/combinations` lists them (the
  /// document's `combinations`): two requests.
  /// `firstLook`: see `getProduct` (the variations are not in that look).
  public func productWithCombinations(id: Int, firstLook: ProductFirstLook? = nil) async throws(EcwidError) -> Product {
    // Both requests at once: the variations do not wait for the product's 2 MB to arrive and decode.
    async let variations = combinationsResult(productId: id)
    var product = try await getProduct(id: id, firstLook: firstLook)
    let list = try await variations.get()
    if list.isEmpty && product.json["combinations"] == nil { return product }
    product.json["combinations"] = .array(list.map { JSON.object($0.json) })
    return product
  }

  private func combinationsResult(productId: Int) async -> Result<[Combination], EcwidError> {
    do {
      return .success(try await combinations(productId: productId))
    } catch {
      return .failure(error)
    }
  }
}
