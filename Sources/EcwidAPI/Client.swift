import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

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

  public init(apiURL: URL, storeId: Int, token: String) {
    self.apiURL = apiURL
    self.storeId = storeId
    self.token = token
  }

  public static let defaultAPIURL = URL(string: "https://app.ecwid.com/api/v3")!

  /// Plain http is allowed only to this machine; anything else must be https (TLS is always
  /// verified: the client never turns verification off).
  public static func checkURL(_ url: URL) throws(EcwidError) {
    guard let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(), !host.isEmpty else {
      throw EcwidError(kind: .invalidConfiguration, detail: "The API URL \"\(url.absoluteString)\" is not a valid URL.")
    }
    if scheme == "https" { return }
    if scheme == "http" {
      if isLoopback(host) { return }
      throw EcwidError(
        kind: .invalidConfiguration,
        detail: "Refusing plain http:// to \(host): the token would travel unencrypted. Use https://, or http only to 127.0.0.1/localhost.")
    }
    throw EcwidError(kind: .invalidConfiguration, detail: "The API URL must start with https:// (got \(scheme)://).")
  }

  public static func isLoopback(_ host: String) -> Bool {
    let h = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
    return h == "localhost" || h == "::1" || h.hasPrefix("127.") || h.hasSuffix(".localhost")
  }
}

/// The one client for Ecwid's REST API, shared by the editor and the command line.
public final class EcwidClient: Sendable {
  public let config: EcwidConfig
  let http: HTTPClient
  let logger: Logger

  public init(config: EcwidConfig, logger: Logger? = nil) throws(EcwidError) {
    try EcwidConfig.checkURL(config.apiURL)
    self.config = config
    var c = HTTPClient.Configuration()
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

  public func getProduct(id: Int) async throws(EcwidError) -> Product {
    Product(json: try await object(.GET, "/products/\(id)"))
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
    if checkLowStockNotification { q.append(("checkLowStockNotification", "true")) }
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

  func object(
    _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: JSON? = nil,
    idempotent: Bool? = nil
  ) async throws(EcwidError) -> JSONObject {
    let data = try await send(method, path, query: query, body: body, idempotent: idempotent ?? (method != .POST))
    let v: JSON
    do {
      v = try JSON.parse(data)
    } catch {
      throw EcwidError(kind: .invalidResponse, status: 200, detail: "\(error.reason) at byte \(error.offset)")
    }
    guard let o = v.objectValue else {
      throw EcwidError(kind: .invalidResponse, status: 200, detail: "expected a JSON object, got \(v.kindName)")
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
  public func send(
    _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: JSON? = nil, idempotent: Bool
  ) async throws(EcwidError) -> Data {
    let policy = config.retry
    let started = ContinuousClock.now
    let deadline = started + .milliseconds(Int64(policy.deadline * 1000))
    var attempt = 0
    let target = url(path, query: query)
    let bodyData = body?.encoded()
    while true {
      attempt += 1
      if Task.isCancelled { throw EcwidError(kind: .cancelled, attempts: attempt - 1) }
      let result = await once(method, target, path: path, body: bodyData, deadline: deadline)
      var failure: EcwidError
      switch result {
      case .success(let data): return data
      case .failure(let e): failure = e
      }
      failure.attempts = attempt
      // What may be retried: 429 always (the request was not processed); 5xx, timeouts and
      // dropped connections only for idempotent requests; 4xx never.
      let retryable: Bool
      switch failure.kind {
      case .rateLimited: retryable = true
      case .server, .network, .timeout: retryable = idempotent
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
      do {
        try await Task.sleep(for: .milliseconds(Int64(wait * 1000)))
      } catch {
        throw EcwidError(kind: .cancelled, attempts: attempt)
      }
    }
  }

  func once(_ method: HTTPMethod, _ target: String, path: String, body: Data?, deadline: ContinuousClock.Instant)
    async -> Result<Data, EcwidError>
  {
    var request = HTTPClientRequest(url: target)
    request.method = method
    request.headers.add(name: "Authorization", value: "Bearer \(config.token)")
    request.headers.add(name: "Accept", value: "application/json")
    request.headers.add(name: "User-Agent", value: "ecwid-edit/0.1")
    if let body {
      request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
      request.body = .bytes(ByteBuffer(bytes: body))
    }
    let remaining = ContinuousClock.now.duration(to: deadline)
    let timeout = min(config.requestTimeout, remaining)
    let nanos = max(Int64(1_000_000), Int64(Self.seconds(timeout) * 1e9))
    let t0 = ContinuousClock.now
    do {
      let response = try await http.execute(request, timeout: .nanoseconds(nanos), logger: nil)
      let buffer = try await response.body.collect(upTo: 64 * 1024 * 1024)
      let data = Data(buffer.readableBytesView)
      let status = Int(response.status.code)
      let ms = Int(Self.seconds(ContinuousClock.now - t0) * 1000)
      logger.info(
        "http", metadata: ["method": "\(method.rawValue)", "path": "\(path)", "status": "\(status)", "ms": "\(ms)"])
      if (200..<300).contains(status) { return .success(data) }
      let retryAfter = response.headers.first(name: "Retry-After").flatMap { Self.parseRetryAfter($0) }
      return .failure(EcwidError.from(status: status, body: data, retryAfter: retryAfter))
    } catch let e as HTTPClientError {
      let kind: EcwidError.Kind
      switch e {
      case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout, .getConnectionFromPoolTimeout:
        kind = .timeout
      case .cancelled: kind = .cancelled
      default: kind = .network
      }
      logger.warning("http failed", metadata: ["method": "\(method.rawValue)", "path": "\(path)", "error": "\(kind)"])
      return .failure(EcwidError(kind: kind, detail: redact(String(describing: e))))
    } catch is CancellationError {
      return .failure(EcwidError(kind: .cancelled))
    } catch {
      logger.warning("http failed", metadata: ["method": "\(method.rawValue)", "path": "\(path)"])
      return .failure(EcwidError(kind: .network, detail: redact(String(describing: error))))
    }
  }

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
