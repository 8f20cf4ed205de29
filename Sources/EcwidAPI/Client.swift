import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
#if canImport(Glibc)
  import Glibc
#endif

/// How transient failures are retried: full-jitter exponential backoff, a bounded number of
/// attempts, an overall deadline, and `Retry-After` honoured on 429.
public struct RetryPolicy: Sendable, Equatable {
  public var maxAttempts: Int
  public var baseDelay: Double
  public var maxDelay: Double
  /// Total time a call may take, all attempts and waits included.
  public var deadline: Double
  /// A 429 asking to wait longer than this is returned to the caller instead of slept on.
  public var maxRetryAfter: Double

  public init(
    maxAttempts: Int = 4, baseDelay: Double = 0.25, maxDelay: Double = 8, deadline: Double = 60,
    maxRetryAfter: Double = 30
  ) {
    self.maxAttempts = maxAttempts
    self.baseDelay = baseDelay
    self.maxDelay = maxDelay
    self.deadline = deadline
    self.maxRetryAfter = maxRetryAfter
  }

  /// Full jitter: a uniform wait in [0, min(maxDelay, base·2^attempt)].
  public func backoff(afterAttempt attempt: Int, random: Double) -> Double {
    let cap = min(maxDelay, baseDelay * pow(2, Double(max(0, attempt - 1))))
    return cap * min(max(random, 0), 1)
  }

  public static let none = RetryPolicy(maxAttempts: 1)
}

public struct EcwidConfig: Sendable {
  /// The API root, e.g. `https://app.ecwid.com/api/v3`; the store id is appended.
  public var apiURL: URL
  public var storeId: Int
  /// The secret token. Sent only in the Authorization header; never printed or logged.
  public var token: String
  public var connectTimeout: Duration = .seconds(10)
  public var requestTimeout: Duration = .seconds(30)
  public var retry = RetryPolicy()
  /// How often a request still without an answer is reported (`ClientEvent.stillWaiting`).
  public var progressInterval: Duration = .seconds(5)
  /// Every product and variation update (`PUT`) asks Ecwid to check whether the low-stock email is
  /// due (`?checkLowStockNotification=true`, spec/003 "Update product"); off by default.
  public var checkLowStockNotification = false

  public init(apiURL: URL, storeId: Int, token: String) {
    self.apiURL = apiURL
    self.storeId = storeId
    self.token = token
  }

  public static let defaultAPIURL = URL(string: "https://app.ecwid.com/api/v3")!

  /// Plain http is allowed only to this machine; anything else must be https (TLS is always
  /// verified: the client never turns verification off). "This machine" is a loopback IP
  /// literal (127.0.0.0/8, ::1) or exactly `localhost`: a name such as `127.0.0.1.evil.test`
  /// can resolve anywhere. The port, when given, must be 1–65535.
  public static func checkURL(_ url: URL) throws(EcwidError) {
    guard let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(), !host.isEmpty else {
      throw EcwidError(kind: .invalidConfiguration, detail: "The API URL \"\(url.absoluteString)\" is not a valid URL.")
    }
    // The API's root and nothing else: the client appends each request's path and query to it.
    let root = "give the API's root alone, like https://app.ecwid.com/api/v3"
    if url.user != nil || url.password != nil {
      // Not echoed: the URL holds a password.
      throw EcwidError(
        kind: .invalidConfiguration,
        detail: "The API URL holds a user name or password; the token is the only credential sent, so \(root).")
    }
    if let query = url.query {
      throw EcwidError(
        kind: .invalidConfiguration, detail: "The API URL \"\(url.absoluteString)\" has a query (?\(query)); \(root).")
    }
    if let fragment = url.fragment {
      throw EcwidError(
        kind: .invalidConfiguration, detail: "The API URL \"\(url.absoluteString)\" has a fragment (#\(fragment)); \(root).")
    }
    if url.path.split(separator: "/").contains(where: { $0 == "." || $0 == ".." }) {
      throw EcwidError(
        kind: .invalidConfiguration, detail: "The API URL \"\(url.absoluteString)\" has a “.” or “..” segment; \(root).")
    }
    if let port = url.port, !(1...65535).contains(port) {
      throw EcwidError(
        kind: .invalidConfiguration,
        detail: "The API URL \"\(url.absoluteString)\" has port \(port); a port is a number from 1 to 65535.")
    }
    if scheme == "https" { return }
    if scheme == "http" {
      if isLoopback(host) { return }
      throw EcwidError(
        kind: .invalidConfiguration,
        detail: "Refusing plain http:// to \(host): the token would travel unencrypted. Use https://, or http only to a loopback address (127.0.0.1, ::1 or localhost).")
    }
    throw EcwidError(kind: .invalidConfiguration, detail: "The API URL must start with https:// (got \(scheme)://).")
  }

  /// True only for a loopback IP literal (IPv4 127.0.0.0/8 in dotted-quad form, IPv6 ::1) or
  /// the name `localhost` itself.
  public static func isLoopback(_ host: String) -> Bool {
    let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
    if h == "localhost" { return true }
    var v4 = in_addr()
    if inet_pton(AF_INET, h, &v4) == 1 {
      return UInt32(bigEndian: v4.s_addr) >> 24 == 127
    }
    var v6 = in6_addr()
    if inet_pton(AF_INET6, h, &v6) == 1 {
      let bytes = withUnsafeBytes(of: &v6) { Array($0) }
      return bytes == [UInt8](repeating: 0, count: 15) + [1]
    }
    return false
  }

  /// Why a token cannot be sent in an `Authorization` header, or nil when it can. Names the
  /// position and kind of the first bad character, never the token itself.
  public static func tokenProblem(_ token: String) -> String? {
    for (i, u) in token.unicodeScalars.enumerated() where !(0x21...0x7E).contains(u.value) {
      let what: String
      switch u.value {
      case 0x0A, 0x0D: what = "a line break"
      case 0x09: what = "a tab"
      case 0x20: what = "a space"
      case 0..<0x20, 0x7F: what = "a control character"
      default: what = "a non-ASCII character"
      }
      return "it contains \(what) (character \(i + 1) of \(token.unicodeScalars.count)), which cannot be sent in an HTTP header"
    }
    return nil
  }

  /// Refuses a token that cannot travel in a header, with a message that does not hold it.
  public static func checkToken(_ token: String) throws(EcwidError) {
    if let problem = tokenProblem(token) {
      throw EcwidError(kind: .invalidConfiguration, detail: "The API token is not valid: \(problem).")
    }
  }
}

/// The one client for Ecwid's REST API, shared by the editor and the command line.
public final class EcwidClient: Sendable {
  public let config: EcwidConfig
  let http: HTTPClient
  let logger: Logger

  public init(config: EcwidConfig, logger: Logger? = nil) throws(EcwidError) {
    try EcwidConfig.checkURL(config.apiURL)
    try EcwidConfig.checkToken(config.token)
    self.config = config
    var c = HTTPClient.Configuration()
    // A refused connection is answered at once: the retry loop of `send` decides what to retry.
    c.connectionPool.retryConnectionEstablishment = false
    c.timeout = .init(connect: .nanoseconds(Int64(Self.seconds(config.connectTimeout) * 1e9)))
    c.redirectConfiguration = .disallow  // a redirect could carry the token elsewhere
    self.http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: c)
    self.logger = logger ?? Logger(label: "ecwid.client", factory: { _ in SwiftLogNoOpLogHandler() })
  }

  deinit {
    try? http.syncShutdown()
  }

  public func shutdown() async {
    try? await http.shutdown()
  }

  static func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
  }

  // MARK: Endpoints

  public func getProduct(id: Int, firstLook: ProductFirstLook? = nil) async throws(EcwidError) -> Product {
    Product(json: try await object(.GET, "/products/\(id)", firstLook: firstLook))
  }

  public func searchProducts(keyword: String? = nil, sku: String? = nil, offset: Int = 0, limit: Int = 100)
    async throws(EcwidError) -> SearchResult
  {
    var q: [(String, String)] = []
    if let keyword, !keyword.isEmpty { q.append(("keyword", keyword)) }
    if let sku, !sku.isEmpty { q.append(("sku", sku)) }
    q.append(("offset", String(max(0, offset))))
    q.append(("limit", String(min(100, max(1, limit)))))
    return SearchResult(json: try await object(.GET, "/products", query: q))
  }

  public func updateProduct(
    id: Int, body: JSONObject, returnItem: Bool = false, checkLowStockNotification: Bool = false
  ) async throws(EcwidError) -> UpdateStatus {
    var q: [(String, String)] = []
    if returnItem { q.append(("returnItem", "true")) }
    if checkLowStockNotification || config.checkLowStockNotification {
      q.append(("checkLowStockNotification", "true"))
    }
    return UpdateStatus(json: try await object(.PUT, "/products/\(id)", query: q, body: .object(body)))
  }

  public func updateMedia(productId: Int, request: MediaBulkRequest) async throws(EcwidError) -> MediaBulkResponse {
    MediaBulkResponse(json: try await object(.PUT, "/products/\(productId)/media", body: .object(request.json)))
  }

  /// Adds one gallery image downloaded by Ecwid from `externalUrl`; returns its gallery id.
  /// Not retried after a dropped connection or 5xx: a second try could add the image twice.
  public func addGalleryImage(productId: Int, externalUrl: String, fileName: String? = nil)
    async throws(EcwidError) -> Int
  {
    var q = [("externalUrl", externalUrl)]
    if let fileName { q.append(("fileName", fileName)) }
    let o = try await object(.POST, "/products/\(productId)/gallery", query: q, idempotent: false)
    guard let id = o["id"]?.intValue else {
      throw EcwidError(kind: .invalidResponse, status: 200, detail: "the answer has no image id")
    }
    return id
  }

  public func deleteGalleryImage(productId: Int, galleryImageId: Int) async throws(EcwidError) -> Int {
    let o = try await object(.DELETE, "/products/\(productId)/gallery/\(galleryImageId)")
    return o["deleteCount"]?.intValue ?? 0
  }

  public func getProfile() async throws(EcwidError) -> StoreProfile {
    StoreProfile(json: try await object(.GET, "/profile", query: [("responseFields", "languages,settings,generalInfo")]))
  }

  // MARK: Transport

  /// Where the client reports its waits (`ClientEvent`): set it around calls with
  /// `EcwidClient.observingEvents({ event in … }) { try await client.… }`.
  ///
  /// The task-local value is a class, not the closure itself: Swift 6.3's optimizer miscompiles
  /// `TaskLocal.withValue` with an optional closure value (every optimized build crashed in
  /// `swift_task_localValuePush`, while debug builds ran). `TaskLocalTypeTests` keeps it that way.
  @TaskLocal static var eventSink: ClientEventSink?

  /// The observer of the calls made inside `body` (the innermost one wins).
  public static func observingEvents<T: Sendable>(
    _ handler: @escaping @Sendable (ClientEvent) -> Void, _ body: () async throws -> T
  ) async rethrows -> T {
    try await $eventSink.withValue(ClientEventSink(handler), operation: body)
  }

  /// The observer of the calls made now, if any.
  public static var events: (@Sendable (ClientEvent) -> Void)? { eventSink?.handler }

  func object(
    _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: JSON? = nil,
    idempotent: Bool? = nil, firstLook: ProductFirstLook? = nil
  ) async throws(EcwidError) -> JSONObject {
    let data = try await send(method, path, query: query, body: body, idempotent: idempotent ?? (method != .POST))
    let v: JSON
    // A write answered 2xx was accepted, but an answer that cannot be read leaves what it did
    // unknown (the caller re-reads the product to find out).
    let unknown = method != .GET
    do {
      if let firstLook {
        v = try JSON.parse(data, readingLast: firstLook.readLast) { firstLook.handler(Product(json: $0)) }
      } else {
        v = try JSON.parse(data)
      }
    } catch {
      throw EcwidError(
        kind: .invalidResponse, status: 200, detail: "\(error.reason) at byte \(error.offset)", outcomeUnknown: unknown)
    }
    guard let o = v.objectValue else {
      throw EcwidError(
        kind: .invalidResponse, status: 200, detail: "expected a JSON object, got \(v.kindName)", outcomeUnknown: unknown)
    }
    return o
  }

  public static func percentEncode(_ s: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
  }

  func url(_ path: String, query: [(String, String)]) -> String {
    var base = config.apiURL.absoluteString
    while base.hasSuffix("/") { base.removeLast() }
    var s = "\(base)/\(config.storeId)\(path)"
    if !query.isEmpty {
      s += "?" + query.map { "\(Self.percentEncode($0.0))=\(Self.percentEncode($0.1))" }.joined(separator: "&")
    }
    return s
  }

  /// Sends one request with retries. Returns the body of a 2xx answer.
  ///
  /// What is retried: a 429 always (Ecwid did not process the request); a request that never
  /// left this machine (connection refused: once; connect timeout, name not resolved); a 5xx
  /// answer when `idempotent`; a timeout, dropped connection or unreadable answer only for GET.
  /// A write whose outcome is unknown is never sent again blindly: the error says
  /// `outcomeUnknown` and the caller re-reads to learn what landed.
  public func send(
    _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: JSON? = nil, idempotent: Bool
  ) async throws(EcwidError) -> Data {
    let policy = config.retry
    let started = ContinuousClock.now
    let deadline = started + .milliseconds(Int64(policy.deadline * 1000))
    var attempt = 0
    var refusals = 0
    let target = url(path, query: query)
    let bodyData = body?.encoded()
    let events = Self.events
    while true {
      attempt += 1
      if Task.isCancelled { throw EcwidError(kind: .cancelled, attempts: attempt - 1) }
      let result = await once(method, target, path: path, body: bodyData, deadline: deadline, events: events)
      var failure: EcwidError
      var notSent = false
      var refused = false
      switch result {
      case .success(let data): return data
      case .failure(let e):
        failure = e.error
        notSent = e.notSent
        refused = e.refused
        if e.refused { refusals += 1 }
      }
      failure.attempts = attempt
      if method != .GET, !notSent, [.network, .timeout, .invalidResponse, .cancelled].contains(failure.kind) {
        failure.outcomeUnknown = true
      }
      let retryable: Bool
      switch failure.kind {
      case .rateLimited: retryable = true
      case .server: retryable = idempotent
      // Once a connection was refused, one more try at most, whatever the next attempt meets (a
      // loaded machine can turn the second refusal into a connect timeout).
      case .network, .timeout: retryable = notSent ? (refused ? refusals <= 1 : refusals == 0) : method == .GET && refusals == 0
      default: retryable = false
      }
      guard retryable, attempt < policy.maxAttempts else { throw failure }
      var wait = policy.backoff(afterAttempt: attempt, random: Double.random(in: 0...1))
      if failure.kind == .rateLimited, let ra = failure.retryAfter {
        if ra > policy.maxRetryAfter { throw failure }
        wait = max(wait, ra)
      }
      let now = ContinuousClock.now
      if now + .milliseconds(Int64(wait * 1000)) >= deadline { throw failure }
      logger.notice(
        "retrying",
        metadata: [
          "method": "\(method.rawValue)", "path": "\(path)", "attempt": "\(attempt)",
          "wait": "\(String(format: "%.2f", wait))", "reason": "\(failure.kind.rawValue)",
        ])
      let reason: ClientEvent.Reason
      switch failure.kind {
      case .rateLimited: reason = .rateLimited
      case .server: reason = .serverError(failure.status ?? 500)
      case .timeout: reason = .timeout
      default: reason = .network
      }
      events?(.waiting(seconds: wait, reason: reason, nextAttempt: attempt + 1, method: method.rawValue, path: path))
      do {
        try await Task.sleep(for: .milliseconds(Int64(wait * 1000)))
      } catch {
        throw EcwidError(kind: .cancelled, attempts: attempt)
      }
    }
  }

  struct AttemptFailure: Error {
    var error: EcwidError
    var notSent = false
    var refused = false
  }

  func once(
    _ method: HTTPMethod, _ target: String, path: String, body: Data?, deadline: ContinuousClock.Instant,
    events: (@Sendable (ClientEvent) -> Void)?
  ) async -> Result<Data, AttemptFailure> {
    var headers = HTTPHeaders()
    headers.add(name: "Authorization", value: "Bearer \(config.token)")
    headers.add(name: "Accept", value: "application/json")
    headers.add(name: "User-Agent", value: "ecwid-edit/0.1")
    if body != nil { headers.add(name: "Content-Type", value: "application/json; charset=utf-8") }
    let remaining = ContinuousClock.now.duration(to: deadline)
    let timeout = min(config.requestTimeout, remaining)
    let nanos = max(Int64(1_000_000), Int64(Self.seconds(timeout) * 1e9))
    let t0 = ContinuousClock.now
    // Says so every few seconds while no answer has come.
    let interval = config.progressInterval
    let watcher: Task<Void, Never>? = events.map { events in
      Task {
        var waited: Duration = .zero
        while true {
          do { try await Task.sleep(for: interval) } catch { return }
          waited += interval
          events(.stillWaiting(seconds: Self.seconds(waited), method: method.rawValue, path: path))
        }
      }
    }
    defer { watcher?.cancel() }
    do {
      // The answer is gathered on the connection's event loop as it arrives (a `ResponseAccumulator`),
      // not chunk by chunk through this task, with `maxAnswerBytes` as its limit. (It did not
      // shorten a start's trace: a 2 MB body still arrives about 8 ms after the sandbox answers.)
      let request = try HTTPClient.Request(url: target, method: method, headers: headers, body: body.map { .bytes($0) })
      let task = http.execute(
        request: request, delegate: ResponseAccumulator(request: request, maxBodySize: Self.maxAnswerBytes),
        eventLoop: .indifferent, deadline: .now() + .nanoseconds(nanos), logger: nil)
      let response = try await withTaskCancellationHandler {
        try await task.futureResult.get()
      } onCancel: {
        task.cancel()
      }
      // The answer's bytes as they arrived, not copied (2 MB of a big product): the Data holds
      // the buffer until it is dropped.
      let data = response.body.map { Data(buffer: $0, byteTransferStrategy: .noCopy) } ?? Data()
      let status = Int(response.status.code)
      let ms = Int(Self.seconds(ContinuousClock.now - t0) * 1000)
      logger.info(
        "http", metadata: ["method": "\(method.rawValue)", "path": "\(path)", "status": "\(status)", "ms": "\(ms)"])
      if (200..<300).contains(status) { return .success(data) }
      let retryAfter = response.headers.first(name: "Retry-After").flatMap { Self.parseRetryAfter($0) }
      return .failure(AttemptFailure(error: EcwidError.from(status: status, body: data, retryAfter: retryAfter)))
    } catch {
      // Never the error's own text: it can hold request headers (see `TransportFailure`).
      var t = TransportFailure.describe(error, apiURL: config.apiURL.absoluteString)
      if Task.isCancelled { t.kind = .cancelled }
      logger.warning(
        "http failed", metadata: ["method": "\(method.rawValue)", "path": "\(path)", "error": "\(t.kind.rawValue)"])
      return .failure(
        AttemptFailure(error: EcwidError(kind: t.kind, detail: redact(t.detail)), notSent: t.notSent, refused: t.refused))
    }
  }

  /// The largest answer read (a product with every field full is a few megabytes).
  static let maxAnswerBytes = 64 * 1024 * 1024

  /// `Retry-After` is seconds or an HTTP date.
  static func parseRetryAfter(_ value: String) -> Double? {
    let v = value.trimmingCharacters(in: .whitespaces)
    if let s = Double(v), s >= 0 { return s }
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.timeZone = TimeZone(identifier: "GMT")
    f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
    if let d = f.date(from: v) { return max(0, d.timeIntervalSinceNow) }
    return nil
  }

  /// Removes the token from any text that might reach a message or a log.
  public func redact(_ s: String) -> String {
    guard !config.token.isEmpty else { return s }
    return s.replacingOccurrences(of: config.token, with: "***")
  }
}

/// A look at a big product before all of it is read: `handler` gets the product without the
/// members in `readLast` as soon as the rest is read (on the reading thread), then `getProduct`
/// returns the whole product as ever. Not called for a product under 1 MB, whose whole reading
/// takes a few milliseconds (see `JSON.parse(_:readingLast:from:early:)`).
public struct ProductFirstLook: Sendable {
  public let readLast: Set<String>
  public let handler: @Sendable (Product) -> Void
  public init(readLast: Set<String>, handler: @escaping @Sendable (Product) -> Void) {
    self.readLast = readLast
    self.handler = handler
  }
}

/// The holder of a `ClientEvent` observer (see `EcwidClient.eventSink`).
final class ClientEventSink: Sendable {
  let handler: @Sendable (ClientEvent) -> Void
  init(_ handler: @escaping @Sendable (ClientEvent) -> Void) { self.handler = handler }
}
