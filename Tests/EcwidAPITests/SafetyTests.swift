import AsyncHTTPClient
import EcwidSandbox
import Foundation
import Testing

@testable import EcwidAPI

/// A loopback port with nothing listening on it: a sandbox started and stopped again.
func closedLoopbackPort() async throws -> Int {
  var o = SandboxOptions()
  o.port = 0
  let s = try Sandbox(options: o)
  let port = try await s.start()
  await s.stop()
  return port
}

func balancedParentheses(_ s: String) -> Bool {
  var depth = 0
  for c in s {
    if c == "(" { depth += 1 }
    if c == ")" { depth -= 1 }
    if depth < 0 { return false }
  }
  return depth == 0
}

/// A thread-safe list of what the client reported while it waited.
final class EventLog: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [ClientEvent] = []
  func append(_ e: ClientEvent) {
    lock.lock()
    items.append(e)
    lock.unlock()
  }
  var events: [ClientEvent] {
    lock.lock()
    defer { lock.unlock() }
    return items
  }
}

@Suite struct TokenAndAddressTests {
  @Test(arguments: ["secret_abc\nX-Injected: 1", "secret_abc\r\n", "secret_a b", "secret_\u{7}bell", "secret_é"])
  func aTokenThatCannotBeAHeaderIsRefusedWithoutShowingIt(token: String) throws {
    let config = EcwidConfig(apiURL: URL(string: "http://127.0.0.1:9/api/v3")!, storeId: 1, token: token)
    #expect {
      _ = try EcwidClient(config: config)
    } throws: { e in
      let e = e as! EcwidError
      return e.kind == .invalidConfiguration && e.sentence.contains("HTTP header")
        && !e.sentence.contains("secret_") && !e.description.contains("abc")
    }
  }

  @Test func aLibraryHeaderErrorIsNeverTurnedIntoText() {
    let secret = "Bearer secret_never_print_me"
    for error in [
      HTTPClientError.invalidHeaderFieldValues([secret]), HTTPClientError.invalidHeaderFieldNames([secret]),
    ] {
      let t = TransportFailure.describe(error, apiURL: "http://127.0.0.1:9/api/v3")
      #expect(!t.detail.contains("secret"), "\(t.detail)")
      #expect(t.kind == .invalidConfiguration)
    }
    let other = TransportFailure.describe(HTTPClientError.unsupportedScheme("secret_scheme"), apiURL: "x")
    #expect(!other.detail.contains("secret"), "\(other.detail)")
  }

  @Test func anAnswerTooBigToReadIsSaidSo() {
    let t = TransportFailure.describe(ResponseAccumulator.ResponseTooBigError(maxBodySize: 64 << 20), apiURL: "x")
    #expect(t.detail == "the answer was larger than 64 MB")
    #expect(t.kind == .network && !t.notSent)
  }

  @Test(arguments: [
    "http://127.evil.test/api/v3", "http://127.0.0.1.evil.test/api/v3", "http://127.1.2.3.4/api/v3",
    "http://127.0.0.1.nip.io/api/v3", "http://localhost.evil.test/api/v3", "http://evil.localhost/api/v3",
    "http://127.1/api/v3", "http://0x7f000001/api/v3", "http://[::ffff:8.8.8.8]/api/v3", "http://128.0.0.1/api/v3",
  ])
  func plainHttpToANameThatOnlyLooksLikeLoopbackIsRefused(url: String) throws {
    let config = EcwidConfig(apiURL: try #require(URL(string: url)), storeId: 1, token: "secret_t")
    #expect {
      _ = try EcwidClient(config: config)
    } throws: { e in
      (e as! EcwidError).sentence.contains("plain http")
    }
  }

  @Test(arguments: [
    "http://127.0.0.1:8787/api/v3", "http://127.8.9.10/api/v3", "http://localhost:1/api/v3", "http://[::1]:9/api/v3",
    "http://LOCALHOST/api/v3", "https://127.0.0.1.nip.io/api/v3",
  ])
  func plainHttpToALoopbackLiteralIsAllowed(url: String) throws {
    _ = try EcwidClient(config: EcwidConfig(apiURL: try #require(URL(string: url)), storeId: 1, token: "secret_t"))
  }

  @Test(arguments: [
    "http://127.0.0.1:99999/api/v3", "http://127.0.0.1:65536/api/v3", "http://127.0.0.1:0/api/v3",
    "https://app.ecwid.com:100000/api/v3",
  ])
  func aPortOutsideTheRangeIsRefusedNotCrashedOn(url: String) throws {
    let u = try #require(URL(string: url))
    #expect {
      _ = try EcwidClient(config: EcwidConfig(apiURL: u, storeId: 1, token: "secret_t"))
    } throws: { e in
      let e = e as! EcwidError
      return e.kind == .invalidConfiguration && e.sentence.contains("1 to 65535")
    }
  }

  /// The API URL is the API's root and nothing else. A query or a fragment was dropped from every
  /// request ("Not found: /api/v3" was all a user saw), a user name and password would ride along
  /// with the token, and `..` segments reached the server as a store named "..".
  @Test(arguments: [
    ("https://app.ecwid.com/api/v3?lang=fr", "query"), ("https://app.ecwid.com/api/v3#top", "fragment"),
    ("https://user:pw@app.ecwid.com/api/v3", "user name or password"), ("https://user@app.ecwid.com/api/v3", "user name or password"),
    ("https://app.ecwid.com/api/v3/../v2", "“.” or “..”"), ("http://127.0.0.1:8787/api/./v3", "“.” or “..”"),
  ])
  func anAPIURLWithMoreThanARootIsRefusedAndSaysWhy(url: String, why: String) throws {
    let u = try #require(URL(string: url))
    #expect {
      _ = try EcwidClient(config: EcwidConfig(apiURL: u, storeId: 1, token: "secret_t"))
    } throws: { e in
      let e = e as! EcwidError
      return e.kind == .invalidConfiguration && e.sentence.contains(why) && !e.sentence.contains("pw@")
        && e.sentence.contains("https://app.ecwid.com/api/v3")
    }
  }

  @Test func anAPIURLEndingInASlashIsTheSameRoot() throws {
    _ = try EcwidClient(config: EcwidConfig(apiURL: try #require(URL(string: "https://app.ecwid.com/api/v3/")), storeId: 1, token: "secret_t"))
  }
}

@Suite(.serialized) struct NetworkFailureTests {
  @Test func aRefusedConnectionIsAnsweredAtOnceAndSaysNothingListens() async throws {
    let port = try await closedLoopbackPort()
    let config = EcwidConfig(apiURL: URL(string: "http://127.0.0.1:\(port)/api/v3")!, storeId: 1, token: "secret_t")
    let client = try EcwidClient(config: config)  // the default policy: 4 attempts, 10 s connect timeout
    defer { Task { await client.shutdown() } }
    let t0 = ContinuousClock.now
    await #expect {
      _ = try await client.getProduct(id: 1)
    } throws: { e in
      let e = e as! EcwidError
      // Two attempts on an idle machine; at the start of a full CI run the first connect can time
      // out before the two refusals (seen twice). The CLI test checks the idle case strictly.
      return e.kind == .network && e.attempts <= 3
        && e.sentence.contains("nothing is listening at http://127.0.0.1:\(port)/api/v3")
        && balancedParentheses(e.sentence) && !e.sentence.contains("secret_t")
    }
    let took = ContinuousClock.now - t0
    // It took 41 s before (four attempts of 10 s). On an idle machine it takes 0.1–0.2 s; a
    // fully loaded CI machine once needed 18 s, so the bound keeps only the contrast with 41 s.
    #expect(took < .seconds(40), "a refused connection took \(took)")
  }

  @Test func aTimedOutWriteIsNotSentAgainAndSaysItMayHaveLanded() async throws {
    // The sandbox holds the PUT until the client has given up on it (a fixed latency races the
    // client's timeout on a loaded machine).
    let h = try await SandboxHarness.start(
      faults: "seed=0", retry: RetryPolicy(maxAttempts: 4, baseDelay: 0.01, maxDelay: 0.05, deadline: 20),
      requestTimeout: .seconds(4))
    defer { Task { await h.stop() } }
    let id = try await h.firstProductId
    h.sandbox.holdAnswers(method: "PUT", pathSuffix: "/products/\(id)")
    await #expect {
      _ = try await h.client.updateProduct(id: id, body: ["name": "Sent once"])
    } throws: { e in
      let e = e as! EcwidError
      return e.kind == .timeout && e.attempts == 1 && e.outcomeUnknown && e.sentence.contains("may have been applied")
    }
    h.sandbox.releaseHeldAnswers()
    // The held PUT goes through now: it lands, once.
    var name = try await h.client.getProduct(id: id).name
    for _ in 0..<100 where name != "Sent once" {
      try await Task.sleep(for: .milliseconds(100))
      name = try await h.client.getProduct(id: id).name
    }
    #expect(name == "Sent once")
    #expect(await h.sandbox.requestCount(method: "PUT", pathSuffix: "/products/\(id)") == 1)
  }

  @Test(arguments: ["malformed", "truncate"])
  func anUnreadableAnswerToAWriteIsAnUnknownOutcome(fault: String) async throws {
    let h = try await SandboxHarness.start(faults: "\(fault),method=PUT")
    defer { Task { await h.stop() } }
    let id = try await h.firstProductId
    await #expect {
      _ = try await h.client.updateProduct(id: id, body: ["name": "Landed"])
    } throws: { e in
      let e = e as! EcwidError
      return e.kind == .invalidResponse && e.outcomeUnknown && e.attempts == 1
    }
    #expect(await h.sandbox.requestCount(method: "PUT", pathSuffix: "/products/\(id)") == 1)
  }

  @Test func aRateLimitWaitIsReportedAndEndsWhenCancelled() async throws {
    let h = try await SandboxHarness.start(
      faults: "429,retry-after=30", retry: RetryPolicy(maxAttempts: 4, baseDelay: 0.01, maxDelay: 0.05, deadline: 120))
    defer { Task { await h.stop() } }
    let log = EventLog()
    let client = h.client
    let task = Task {
      try await EcwidClient.observingEvents({ log.append($0) }) {
        try await client.getProfile()
      }
    }
    let deadline = ContinuousClock.now + .seconds(10)
    while log.events.isEmpty && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
    let first = try #require(log.events.first)
    #expect(first.message == "rate limited by Ecwid, retrying in 30 s")
    guard case .waiting(let seconds, .rateLimited, 2, "GET", _) = first else {
      Issue.record("unexpected event \(first)")
      return
    }
    #expect(seconds >= 30)
    let t0 = ContinuousClock.now
    task.cancel()
    let result = await task.result
    // It ends before the wait it cancelled would have (a loaded machine can stall any task for
    // seconds, so no tighter bound); the kind below says it was the cancel that ended it.
    #expect(ContinuousClock.now - t0 < .seconds(seconds))
    #expect(throws: EcwidError.self) { try result.get() }
    if case .failure(let e as EcwidError) = result { #expect(e.kind == .cancelled) }
  }

  @Test func aSlowAnswerIsReportedWhileWaiting() async throws {
    let log = EventLog()
    var o = SandboxOptions()
    o.port = 0
    o.token = "secret_slow"
    o.faults = try FaultSpec(parse: "latency=2s")
    let sandbox = try Sandbox(options: o)
    let port = try await sandbox.start()
    defer { Task { await sandbox.stop() } }
    var c = EcwidConfig(apiURL: URL(string: "http://127.0.0.1:\(port)/api/v3")!, storeId: sandbox.storeId, token: o.token)
    c.progressInterval = .milliseconds(250)
    let client = try EcwidClient(config: c)
    defer { Task { await client.shutdown() } }
    _ = try await EcwidClient.observingEvents({ log.append($0) }) { try await client.getProfile() }
    let slow = log.events.filter { if case .stillWaiting = $0 { return true } else { return false } }
    #expect(slow.count >= 2, "\(log.events)")
    #expect(slow.first?.message.contains("still waiting for Ecwid's answer to GET /profile") == true)
  }
}
