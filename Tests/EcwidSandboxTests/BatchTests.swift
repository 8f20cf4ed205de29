import AsyncHTTPClient
import EcwidAPI
import EcwidSandbox
import Foundation
import NIOHTTP1
import Testing

extension Harness {
  func batch(_ requests: [JSON], query: String = "") async throws -> String {
    let r = try await send(.POST, "/batch\(query)", json: .array(requests))
    #expect(r.status == 200, "POST /batch: \(r.status) \(r.text)")
    return try #require(r.json["ticket"]?.stringValue)
  }

  func batchStatus(_ ticket: String) async throws -> BatchStatus {
    let r = try await get("/batch?ticket=\(ticket)&escapedJson=true")
    #expect(r.status == 200, "GET /batch: \(r.status) \(r.text)")
    return BatchStatus(json: r.json.objectValue ?? [:])
  }

  /// Polls until the batch is COMPLETED (or `until` holds); returns every status seen.
  func waitBatch(_ ticket: String, until: (BatchStatus) -> Bool = \.isCompleted) async throws -> [BatchStatus] {
    var seen: [BatchStatus] = []
    for _ in 0..<1000 {
      let s = try await batchStatus(ticket)
      seen.append(s)
      if until(s) { return seen }
      try await Task.sleep(for: .milliseconds(10))
    }
    Issue.record("batch \(ticket) did not get there: \(seen.last?.json ?? [:])")
    return seen
  }
}

@Suite struct BatchTests {
  @Test func aBatchIsQueuedThenRunsThenCompletesWithAnAnswerPerRequest() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    // Held until the test has seen it queued; then paused after its first answer until the test
    // has seen it part-way (a paced batch could run to its end while a starved test slept).
    h.sandbox.batchesHeld = true
    h.sandbox.batchesPausedAfter = 1
    h.sandbox.batchPacing = BatchPacing(startDelay: .milliseconds(100), perRequest: .milliseconds(50))
    let tote = Harness.tote
    let ticket = try await h.batch([
      ["id": "a", "path": .string("/products/\(tote)/combinations/422488528"), "method": "PUT", "body": ["quantity": 1]],
      ["id": "b", "path": .string("/products/\(tote)/combinations/1"), "method": "PUT", "body": ["quantity": 1]],
      ["id": "c", "path": .string("/products/\(tote)/combinations"), "method": "POST",
       "body": ["options": [["name": "Color", "value": "Navy"]], "sku": "TOTE-NVY"]],
      ["id": "d", "path": .string("/products/\(tote)?responseFields=sku"), "method": "GET"],
    ])
    let first = try await h.batchStatus(ticket)
    #expect(first.status == .queued && first.totalRequests == 4 && first.completedRequests == 0)
    #expect(try await h.combo(tote, 422_488_528).quantity?.int == 20)  // nothing ran yet
    h.sandbox.batchesHeld = false
    let partWay = try await h.waitBatch(ticket, until: { $0.completedRequests == 1 })
    #expect(partWay.last?.status == .inProgress && partWay.last?.responses.map(\.id) == ["a"])
    #expect(try await h.combo(tote, 422_488_528).quantity?.int == 1)  // the first ran, alone
    #expect(h.sandbox.batchRequests().count == 1)
    h.sandbox.batchesPausedAfter = nil
    let seen = try await h.waitBatch(ticket)
    let done = try #require(seen.last)
    #expect(done.completedRequests == 4 && done.responses.map(\.id) == ["a", "b", "c", "d"])

    let a = try #require(done.response(id: "a"))
    #expect(a.status == .completed && a.httpStatusCode == 200 && a.httpStatusLine == "HTTP/1.1 200 OK")
    #expect(a.body == ["updateCount": 1])
    let b = try #require(done.response(id: "b"))
    #expect(b.status == .failed && b.httpStatusCode == 404 && b.error?.kind == .notFound)
    let c = try #require(done.response(id: "c"))
    let newId = try #require(c.body?["id"]?.intValue)
    #expect(try await h.combo(tote, newId).sku == "TOTE-NVY")
    #expect(done.response(id: "d")?.body == ["sku": "TOTE-CNV"])
    #expect(try await h.combo(tote, 422_488_528).quantity?.int == 1)

    // Each request is recorded (and the HTTP requests are only the batch's own).
    #expect(h.sandbox.batchRequests().map(\.status) == [200, 404, 200, 200])
    #expect(await h.sandbox.requests().allSatisfy { $0.path.hasSuffix("/batch") || $0.path.contains("/products/") })

    // The older answer shape, without escapedJson: snake_case, body as JSON.
    let legacy = try await h.get("/batch?ticket=\(ticket)")
    #expect(legacy.json["total_requests"] == 4 && legacy.json["responses"]?[0]?["http_body"] == ["updateCount": 1])
  }

  @Test func stopOnFirstFailureLeavesTheRestNotExecuted() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    h.sandbox.batchPacing = BatchPacing(startDelay: .zero, perRequest: .zero)
    let tote = Harness.tote
    func requests() -> [JSON] {
      [
        ["id": "1", "path": .string("/products/\(tote)/combinations/422488528"), "method": "PUT", "body": ["quantity": 7]],
        ["id": "2", "path": .string("/products/\(tote)/combinations/422488529"), "method": "PUT", "body": ["sku": "TEA-GMC-20"]],
        ["id": "3", "path": .string("/products/\(tote)/combinations/422488530"), "method": "PUT", "body": ["quantity": 7]],
      ]
    }
    let stopped = try await h.waitBatch(try await h.batch(requests(), query: "?stopOnFirstFailure=true")).last
    #expect(stopped?.responses.map { $0.status?.rawValue } == ["COMPLETED", "FAILED", "NOT_EXECUTED"])
    #expect(stopped?.response(id: "2")?.error?.errorCode == "SKU_ALREADY_EXISTS")
    #expect(stopped?.response(id: "3")?.escapedHttpBody == nil)
    #expect(try await h.combo(tote, 422_488_530).quantity?.int == 15)

    let carriedOn = try await h.waitBatch(try await h.batch(requests(), query: "?stopOnFirstFailure=false")).last
    #expect(carriedOn?.responses.map { $0.status?.rawValue } == ["COMPLETED", "FAILED", "COMPLETED"])
    #expect(try await h.combo(tote, 422_488_530).quantity?.int == 7)
  }

  @Test func theSameDeduplicationKeyAnswersTheSameTicketAndRunsOnce() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    h.sandbox.batchPacing = BatchPacing(startDelay: .zero, perRequest: .zero)
    let create: [JSON] = [
      ["id": "new", "path": .string("/products/\(Harness.beanie)/combinations"), "method": "POST",
       "body": ["options": [["name": "Color", "value": "Oat"]]]]
    ]
    let key = UUID().uuidString
    let t1 = try await h.batch(create, query: "?deduplicationKey=\(key)")
    _ = try await h.waitBatch(t1)
    let t2 = try await h.batch(create, query: "?deduplicationKey=\(key)")
    #expect(t2 == t1)
    try await Task.sleep(for: .milliseconds(100))
    #expect(try await h.combos(Harness.beanie).count == 7)  // 6 + one, not two
    let t3 = try await h.batch(create, query: "?deduplicationKey=\(UUID().uuidString)")
    #expect(t3 != t1)
    _ = try await h.waitBatch(t3)
    #expect(try await h.combos(Harness.beanie).count == 8)
  }

  @Test func malformedBatchesAndUnknownTicketsAreRefused() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    for body: JSON in [
      ["path": "/products"], [["method": "GET"]], [["path": "products", "method": "GET"]],
      [["path": "/products", "method": "PATCH"]], [42],
    ] {
      let r = try await h.send(.POST, "/batch", json: body)
      #expect(r.status == 400, "\(body): \(r.text)")
    }
    #expect(try await h.get("/batch").status == 400)
    #expect(try await h.get("/batch?ticket=nope&escapedJson=true").status == 404)
    #expect(try await h.send(.PUT, "/batch", json: []).status == 405)
    // A batch inside a batch is a failed request, not a second batch.
    h.sandbox.batchPacing = BatchPacing(startDelay: .zero, perRequest: .zero)
    let t = try await h.batch([["id": "x", "path": "/batch", "method": "POST", "body": []]])
    let done = try await h.waitBatch(t).last
    #expect(done?.responses.first?.httpStatusCode == 400)
  }

  @Test func batchRequestsAreInTheRequestLogWithTheirTicket() async throws {
    let log = tempPath("requests.jsonl")
    let h = try await Harness.start { $0.requestLog = log }
    defer { Task { await h.stop() } }
    h.sandbox.batchPacing = BatchPacing(startDelay: .zero, perRequest: .zero)
    let t = try await h.batch([
      ["id": "q", "path": .string("/products/\(Harness.tote)/combinations/422488528"), "method": "PUT",
       "body": ["quantity": 3]]
    ])
    _ = try await h.waitBatch(t)
    let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map {
      try JSON.parse(String($0))
    }
    let sub = try #require(lines.first { $0["batchTicket"] != nil })
    #expect(sub["batchTicket"]?.stringValue == t && sub["batchRequestId"] == "q")
    #expect(sub["method"] == "PUT" && sub["status"] == 200 && sub["body"] == ["quantity": 3])
    #expect(sub["path"]?.stringValue == "/api/v3/1003/products/\(Harness.tote)/combinations/422488528")
    #expect(!lines.map(\.compactText).joined().contains(h.token))
  }
}
