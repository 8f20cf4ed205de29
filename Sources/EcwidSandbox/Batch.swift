import EcwidAPI
import Foundation
import Hummingbird
import NIOHTTP1

/// How fast the sandbox works through a batch: it stays `QUEUED` for `startDelay`, then runs its
/// requests one after another, `perRequest` apart, `IN_PROGRESS` until the last one is answered.
public struct BatchPacing: Sendable, Equatable {
  public var startDelay: Duration
  public var perRequest: Duration
  public init(startDelay: Duration = .milliseconds(100), perRequest: Duration = .milliseconds(2)) {
    self.startDelay = startDelay
    self.perRequest = perRequest
  }
}

/// The batches of one sandbox: tickets, their progress and answers, and deduplication keys.
/// Kept in memory (a ticket does not outlive the sandbox process).
final class BatchQueue: Sendable {
  struct Item: Sendable {
    var id: String
    var method: String
    var path: String
    var query: String?
    var body: JSON?
  }

  struct Job: Sendable {
    var items: [Item]
    var stopOnFirstFailure: Bool
    var state = "QUEUED"
    var responses: [JSONObject] = []
  }

  struct State {
    var jobs: [String: Job] = [:]
    var byKey: [String: String] = [:]
    var pacing = BatchPacing()
    var held = false
    var pausedAfter: Int?
    var executed: [SandboxRequest] = []
  }

  let state = Locked(State())
}

extension Sandbox {
  /// How fast batches are worked through (for tests that watch a batch's progress).
  public var batchPacing: BatchPacing {
    get { batches.state.withLock { $0.pacing } }
    set { batches.state.withLock { $0.pacing = newValue } }
  }

  /// While true, batches stay `QUEUED` (for tests that watch a batch before it runs, whatever the
  /// machine's load); setting it back to false lets them run.
  public var batchesHeld: Bool {
    get { batches.state.withLock { $0.held } }
    set { batches.state.withLock { $0.held = newValue } }
  }

  /// While set to n, a running batch stops after its n-th answer, `IN_PROGRESS` with n completed,
  /// until it is set back to nil (for tests that watch a batch part-way, whatever the machine's
  /// load: a paced batch can run to its end while a starved test waits for its next poll).
  public var batchesPausedAfter: Int? {
    get { batches.state.withLock { $0.pausedAfter } }
    set { batches.state.withLock { $0.pausedAfter = newValue } }
  }

  /// The requests run inside batches so far, in order (they are in the request log too, with
  /// their ticket). `requests()` holds only the HTTP requests themselves.
  public func batchRequests() -> [SandboxRequest] { batches.state.withLock { $0.executed } }

  /// `POST /batch?stopOnFirstFailure=&deduplicationKey=` with `[{id, path, method, body}]` →
  /// `{ticket}`; `GET /batch?ticket=…&escapedJson=true` → `{status, totalRequests,
  /// completedRequests, responses:[{id, status, httpStatusCode, httpStatusLine, escapedHttpBody}]}`
  /// (without `escapedJson=true` the official client's older shape: snake_case names and the
  /// body as JSON in `http_body`). A POST with a deduplication key already used answers the
  /// first ticket and runs nothing. Requests run in order through the same routes as plain
  /// requests (not rate-limited one by one; faults are not injected into them); a failed one
  /// (status ≥ 400) is `FAILED`, and with `stopOnFirstFailure=true` the rest are `NOT_EXECUTED`.
  func routeBatch(method: String, query: QueryParams, headers: HTTPFields, body: Data) async throws(APIError)
    -> Reply
  {
    switch method {
    case "GET":
      guard let ticket = query["ticket"], !ticket.isEmpty else { throw .badRequest("Parameter 'ticket' is required") }
      guard let job = batches.state.withLock({ $0.jobs[ticket] }) else {
        throw .notFound("Batch request with ticket '\(ticket)' not found")
      }
      return Reply(status: 200, json: Self.statusJSON(job, escaped: query.bool("escapedJson")))
    case "POST":
      let json = try Self.jsonBody(headers: headers, body: body)
      let items = try Self.batchItems(json)
      let key = query["deduplicationKey"].flatMap { $0.isEmpty ? nil : $0 }
      let job = Job(items: items, stopOnFirstFailure: query.bool("stopOnFirstFailure"))
      let (ticket, isNew) = batches.state.withLock { s -> (String, Bool) in
        if let key, let existing = s.byKey[key] { return (existing, false) }
        let t = UUID().uuidString.lowercased()
        s.jobs[t] = job
        if let key { s.byKey[key] = t }
        return (t, true)
      }
      if isNew {
        Task(executorPreference: ThreadTaskExecutor.shared) { await self.work(ticket: ticket) }
      }
      return Reply(status: 200, json: ["ticket": .string(ticket)])
    default:
      throw APIError(405, nil, "Method \(method) is not allowed for /batch")
    }
  }

  typealias Job = BatchQueue.Job

  static func batchItems(_ json: JSON) throws(APIError) -> [BatchQueue.Item] {
    guard let list = json.arrayValue else {
      throw .badRequest("The request body must be a JSON array of {id, path, method, body}, got \(json.kindName)")
    }
    var items: [BatchQueue.Item] = []
    for (i, v) in list.enumerated() {
      guard let o = v.objectValue else { throw .badRequest("Batch request [\(i)] must be a JSON object") }
      guard let full = o["path"]?.stringValue, full.hasPrefix("/") else {
        throw .badRequest("Batch request [\(i)]: 'path' is required and starts with / (e.g. /products/42)")
      }
      let method = (o["method"]?.stringValue ?? "").uppercased()
      guard ["GET", "POST", "PUT", "DELETE"].contains(method) else {
        throw .badRequest("Batch request [\(i)]: 'method' must be GET, POST, PUT or DELETE")
      }
      let parts = full.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
      let body = o["body"].flatMap { $0.isNull ? nil : $0 }
      items.append(
        BatchQueue.Item(
          id: o["id"]?.idString ?? String(i), method: method, path: String(parts[0]),
          query: parts.count > 1 ? String(parts[1]) : nil, body: body))
    }
    return items
  }

  static func statusJSON(_ job: Job, escaped: Bool) -> JSON {
    if escaped {
      return [
        "status": .string(job.state), "totalRequests": .int(job.items.count),
        "completedRequests": .int(job.responses.count),
        "responses": .array(job.responses.map(JSON.object)),
      ]
    }
    let responses = job.responses.map { r -> JSON in
      var o: JSONObject = ["id": r["id"] ?? .null]
      if let text = r["escapedHttpBody"]?.stringValue { o["http_body"] = (try? JSON.parse(text)) ?? .string(text) }
      o["http_status_code"] = r["httpStatusCode"] ?? .null
      o["http_status_line"] = r["httpStatusLine"] ?? .null
      o["status"] = r["status"] ?? .null
      return .object(o)
    }
    return [
      "status": .string(job.state), "total_requests": .int(job.items.count),
      "completed_requests": .int(job.responses.count), "responses": .array(responses),
    ]
  }

  /// Works through one batch in the background.
  func work(ticket: String) async {
    let pacing = batches.state.withLock { $0.pacing }
    try? await Task.sleep(for: pacing.startDelay)
    while batches.state.withLock({ $0.held }) { try? await Task.sleep(for: .milliseconds(20)) }
    guard let job = batches.state.withLock({ s -> Job? in
      s.jobs[ticket]?.state = "IN_PROGRESS"
      return s.jobs[ticket]
    }) else { return }
    var failed = false
    for item in job.items {
      var r: JSONObject = ["id": .string(item.id)]
      if failed && job.stopOnFirstFailure {
        r["status"] = "NOT_EXECUTED"
        r["httpStatusCode"] = 0
        r["httpStatusLine"] = ""
      } else {
        let reply = await runOne(item, ticket: ticket)
        failed = failed || reply.status >= 400
        r["status"] = .string(reply.status >= 400 ? "FAILED" : "COMPLETED")
        r["httpStatusCode"] = .int(reply.status)
        r["httpStatusLine"] = .string("HTTP/1.1 \(reply.status) \(HTTPResponseStatus(statusCode: reply.status).reasonPhrase)")
        r["escapedHttpBody"] = .string(String(decoding: reply.body, as: UTF8.self))
        if pacing.perRequest > .zero { try? await Task.sleep(for: pacing.perRequest) }
      }
      let done = batches.state.withLock { s -> Int in
        s.jobs[ticket]?.responses.append(r)
        return s.jobs[ticket]?.responses.count ?? 0
      }
      while batches.state.withLock({ $0.pausedAfter == done }) { try? await Task.sleep(for: .milliseconds(20)) }
    }
    batches.state.withLock { $0.jobs[ticket]?.state = "COMPLETED" }
  }

  /// One request of a batch, through the ordinary routes, logged with its ticket.
  private func runOne(_ item: BatchQueue.Item, ticket: String) async -> Reply {
    let started = ContinuousClock.now
    let path = "/api/v3/\(storeId)\(item.path)"
    let query = QueryParams(item.query)
    let body = item.body.map { $0.encoded() } ?? Data()
    var headers = HTTPFields()
    headers[.contentType] = "application/json"
    var reply: Reply
    if item.path == "/batch" || item.path.hasPrefix("/batch/") {
      reply = Reply(APIError.badRequest("A batch can't contain batch requests"))
    } else {
      do {
        reply = try await route(method: item.method, path: path, query: query, headers: headers, body: body)
      } catch {
        reply = Reply(error)
      }
    }
    batches.state.withLock {
      $0.executed.append(SandboxRequest(method: item.method, path: path, query: item.query, status: reply.status))
    }
    if let log {
      let elapsed = ContinuousClock.now - started
      let ms = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
      var entry = RequestLogger.entry(
        method: item.method, path: path, query: query, body: body, contentType: "application/json",
        status: reply.status, durationMs: ms, fault: nil, errorCode: reply.errorCode)
      entry["batchTicket"] = .string(ticket)
      entry["batchRequestId"] = .string(item.id)
      log.write(entry, secrets: [options.token])
    }
    return reply
  }
}
