import EcwidAPI
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// How to run a `Sandbox`.
public struct SandboxOptions: Sendable {
  /// Address to listen on. Keep it on loopback.
  public var host = "127.0.0.1"
  /// 0 = pick a free port (read it from `start()`).
  public var port = 0
  /// A JSON file `{"storeId": N, "profile": {…}, "categories": […], "productClasses": […],
  /// "products": […]}`. Products are kept as given (unknown fields, key order, number text) and
  /// every change is written back (temp file + rename). A missing or empty file is created with
  /// the sample catalog. Nil: the sample catalog, in memory. Optional keys: `storeId` (1003),
  /// `profile` (made up, with the languages the products' `nameTranslated` use), `categories` /
  /// `productClasses` (without them, the ids the products already use are the known ones).
  public var dataFile: String?
  /// The token clients must send as `Authorization: Bearer <token>`. `secret_x:read_catalog,update_catalog`
  /// gives the token `secret_x` only those scopes (ECWID-API.md: `read_catalog`, `update_catalog`,
  /// `read_store_profile`); without `:` it has every scope, unless `scopes` says otherwise.
  public var token: String = "secret_sandbox"
  /// The token's scopes; nil: those after `:` in `token`, else all. A request whose scope is
  /// missing is answered 403 `INSUFFICIENT_APP_SCOPE`.
  public var scopes: Set<String>?
  /// The merchant plan's product limit: creating a product when the store holds this many, or
  /// updating one when it holds more, answers 402 ("The merchant plan product limit is
  /// reached"). Nil: no limit.
  public var planLimit: Int?
  /// Tax class codes valid in the merchant's region besides `Default` and the codes the stored
  /// products use; any other `tax.taxClassCode` (or an empty one) answers 400 "Tax class is not
  /// found".
  public var taxClassCodes: [String] = []
  /// Append one JSON line per request to this file (the token is never written).
  public var requestLog: String?
  /// Deterministic fault injection.
  public var faults: FaultSpec?
  /// Requests a minute per token before 429 RATE_LIMITED (0 or less: no limit).
  public var rateLimitPerMinute = 600

  public init() {}
}

/// A request the sandbox received (for tests: "no change, no request").
public struct SandboxRequest: Sendable, Hashable {
  public var method: String
  public var path: String
  public var query: String?
  /// The answer's status; nil when the connection was dropped by fault injection.
  public var status: Int?
}

/// A local Ecwid-compatible HTTP server answering `/api/v3/{storeId}/…` like Ecwid does, for
/// demonstrating and testing the editor with no store (as stripe-mock does for Stripe).
///
/// Endpoints (all need `Authorization: Bearer <token>`; a token in the query is not accepted):
/// - `GET /profile` (`responseFields=languages,settings,generalInfo` and nested `a(b,c)` supported)
/// - `GET /products` (`keyword`, `sku`, `productId=1,2`, `category`, `enabled`, `inStock`, `sortBy`,
///   `offset`, `limit` ≤ 100) → `{total, count, offset, limit, items}`
/// - `POST /products` → `{id}`; `GET|PUT|DELETE /products/{id}` (PUT: `returnItem`,
///   `checkLowStockNotification`, `saveCombinations`)
/// - `PUT /products/{id}/media` (bulk replace from URLs), `POST /products/{id}/gallery?externalUrl=`
///   → `{id}`, `DELETE /products/{id}/gallery/{galleryImageId}` → `{deleteCount}`,
///   `DELETE /products/{id}/gallery`, `POST|DELETE /products/{id}/image`
/// - `GET /categories`, `GET /classes`
/// - `/products/{id}/combinations…` and `/batch`: see `CombinationRules` and `routeBatch`
/// - Not Ecwid: `POST /__sandbox/reset` (back to the starting store), `GET /__sandbox/store` (the
///   whole store document). Both need the token too.
///
/// Order of checks for every request: fault injection (`FaultSpec`), rate limit (429 with
/// `Retry-After`, per token, sliding minute), token (403 `INVALID_API_TOKEN`), scope (403
/// `INSUFFICIENT_APP_SCOPE`), store id (403), route (404/405), content type (415), body (400,
/// strict JSON), plan limit (402), then the endpoint's own checks. A refused request changes
/// nothing.
///
/// `PUT /products/{id}`: a partial update. Every sent top-level field replaces the whole value,
/// `null` removes it, read-only fields (`id`, `created`, `updated`, timestamps) are ignored,
/// `combinations` need `saveCombinations=true`, unknown fields are stored. Derived fields follow:
/// `name`/`description`/`seoTitle`/`seoDescription`/`subtitle` ↔ their `*Translated[default]`,
/// `inStock` ← `quantity`/`unlimited` (unlimited drops quantity), `categories` and
/// `defaultCategoryId` ← `categoryIds`, displayed prices ← `price`, slug and `url` ← name,
/// `galleryImages` and `imageUrl`/`thumbnailUrl`/… ← `media.images`. `updated`/`updateTimestamp`
/// move only when something changed, and strictly increase across the store.
///
/// `media.images` (order and alt): see `MediaRules.reorder`; bulk media and URL rules: see
/// `MediaRules`. Error bodies are Ecwid's `{"errorMessage", "errorCode"}`; `errorCode` is left
/// out where Ecwid documents none (415, 404 for linked entities, the showOnFrontpage message).
public final class Sandbox: Sendable {
  public let options: SandboxOptions
  public let storeId: Int
  /// The token without its `:scopes` part, and the scopes it carries.
  let token: String
  let scopes: Set<String>
  let store: SandboxStore
  let faults: FaultEngine?
  let log: RequestLogger?
  let batches = BatchQueue()

  struct ServerState {
    /// Starting or started: concurrent `start()` calls share it.
    var starting: Task<Int, any Error>?
    var task: Task<Void, Never>?
    var group: ServiceGroup?
    var port: Int?
  }

  struct Stats {
    var requests: [SandboxRequest] = []
    var windows: [String: [Double]] = [:]
  }

  private let server = Locked(ServerState())
  private let stats = Locked(Stats())
  /// Requests being held before they are answered (see `holdAnswers`).
  private let holds = Locked(Holds())

  struct Holds {
    var method: String?
    var pathSuffix = ""
    var waiting = 0
    /// A request that lets the held ones through when it arrives: (method, path suffix).
    var releasedBy: (String, String)?
  }

  public init(options: SandboxOptions) throws {
    let (token, tokenScopes) = SpecErrors.token(options.token)
    guard !token.isEmpty else { throw SandboxError("the sandbox token can't be empty") }
    let scopes = options.scopes ?? tokenScopes ?? SpecErrors.allScopes
    if let unknown = scopes.subtracting(SpecErrors.allScopes).first {
      throw SandboxError("unknown scope '\(unknown)' (known: \(SpecErrors.allScopes.sorted().joined(separator: ", ")))")
    }
    self.token = token
    self.scopes = scopes
    self.options = options
    let doc = try Self.startingDocument(dataFile: options.dataFile)
    store = try SandboxStore(
      document: doc, dataFile: options.dataFile, planLimit: options.planLimit, taxClassCodes: options.taxClassCodes)
    storeId = store.storeId
    faults = options.faults.map(FaultEngine.init(spec:))
    log = try options.requestLog.map { try RequestLogger(path: $0) }
  }

  // MARK: Lifecycle

  /// Starts the server in the background; returns the bound port. Calling it again while running
  /// returns the same port.
  public func start() async throws -> Int {
    let starter = server.withLock { s -> Task<Int, any Error> in
      if let st = s.starting { return st }
      let st = Task(executorPreference: ThreadTaskExecutor.shared) { try await self.launch() }
      s.starting = st
      return st
    }
    do {
      return try await starter.value
    } catch {
      server.withLock { s in
        if s.starting == starter { s.starting = nil }
      }
      throw error
    }
  }

  private func launch() async throws -> Int {
    let (stream, continuation) = AsyncStream.makeStream(of: Result<Int, any Error>.self)
    let app = Application(
      responder: SandboxResponder(sandbox: self),
      configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
      onServerRunning: { channel in continuation.yield(.success(channel.localAddress?.port ?? 0)) },
      logger: Logger(label: "ecwid-sandbox", factory: { _ in SwiftLogNoOpLogHandler() })
    )
    // A service group of our own, so that `stop()` can shut the server down gracefully: cancelling
    // it instead tears down connections mid-answer, which NIO answers with a fatal error
    // ("Deinited NIOAsyncWriter without calling finish()") that takes the whole process with it.
    let group = ServiceGroup(
      configuration: .init(
        services: [app], gracefulShutdownSignals: [],
        logger: Logger(label: "ecwid-sandbox", factory: { _ in SwiftLogNoOpLogHandler() })))
    let task = Task(executorPreference: ThreadTaskExecutor.shared) {
      do {
        try await group.run()
        continuation.yield(.failure(SandboxError("the sandbox server stopped")))
      } catch {
        continuation.yield(.failure(error))
      }
      continuation.finish()
    }
    for await result in stream {
      switch result {
      case .success(let port):
        server.withLock {
          $0.task = task
          $0.group = group
          $0.port = port
        }
        return port
      case .failure(let error):
        task.cancel()
        throw SandboxError("the sandbox could not listen on \(options.host):\(options.port): \(error)")
      }
    }
    throw SandboxError("the sandbox server did not start")
  }

  /// Runs in the foreground until the calling task is cancelled (or `stop()` is called).
  public func run() async throws {
    _ = try await start()
    guard let task = server.withLock({ $0.task }) else { return }
    await withTaskCancellationHandler {
      await task.value
    } onCancel: {
      task.cancel()
    }
    server.withLock { s in
      if s.task == task {
        s.task = nil
        s.port = nil
        s.starting = nil
      }
    }
  }

  /// Stops the server and waits until it has closed its port. Answers under way are finished
  /// first (a delayed one for at most `gracePeriod`); only then is the server cancelled.
  public func stop(gracePeriod: Duration = .seconds(15)) async {
    let (task, group) = server.withLock { s -> (Task<Void, Never>?, ServiceGroup?) in
      let t = (s.task, s.group)
      s.task = nil
      s.group = nil
      s.port = nil
      s.starting = nil
      return t
    }
    guard let task else { return }
    if let group {
      await group.triggerGracefulShutdown()
      let deadline = Task {
        try? await Task.sleep(for: gracePeriod)
        if !Task.isCancelled { task.cancel() }
      }
      await task.value
      deadline.cancel()
    } else {
      task.cancel()
      await task.value
    }
  }

  /// The bound port while running.
  public var port: Int? { server.withLock { $0.port } }

  /// `http://127.0.0.1:PORT/api/v3` while running (append the store id for a store's base URL).
  public var apiURL: String? { port.map { "http://\(options.host):\($0)/api/v3" } }

  // MARK: In-process access for tests and the CLI

  /// The stored product, exactly as the API would answer it.
  public func product(id: Int) async -> Product? { await store.product(id: id) }

  /// All products in store order.
  public func products() async -> [Product] { await store.allProducts() }

  public func profile() async -> StoreProfile { StoreProfile(json: await store.profileObject()) }

  /// The whole store as the data file holds it.
  public func storeDocument() async -> JSON { .object(await store.currentDocument()) }

  /// Back to the store as it was at start (written to the data file too).
  public func reset() async throws {
    do { try await store.reset() } catch { throw SandboxError(error.message) }
  }

  /// Requests received so far whose path ends with `pathSuffix` (and with this method, if given).
  /// Every request counts, refused and fault-injected ones included.
  public func requestCount(method: String? = nil, pathSuffix: String) async -> Int {
    stats.withLock { s in
      s.requests.filter { ($0.method == method?.uppercased() || method == nil) && $0.path.hasSuffix(pathSuffix) }.count
    }
  }

  /// From now on, API requests with this method whose path ends with `pathSuffix` wait, before
  /// the sandbox processes them, until `releaseHeldAnswers()`: for tests of a request whose
  /// answer comes after the client gave up, whatever the machine's load (a fixed latency races
  /// the client's timeout on a loaded machine).
  /// With `releasedBy`, the first request with that method and path suffix lets them through
  /// (for a client in another process: hold the PUT until the client re-reads the product).
  public func holdAnswers(method: String, pathSuffix: String, releasedBy: (method: String, pathSuffix: String)? = nil) {
    holds.withLock {
      $0.method = method.uppercased()
      $0.pathSuffix = pathSuffix
      $0.releasedBy = releasedBy.map { ($0.method.uppercased(), $0.pathSuffix) }
    }
  }

  /// Lets every held request (and later ones) through.
  public func releaseHeldAnswers() { holds.withLock { $0.method = nil } }

  /// How many requests are waiting in a hold now.
  public var heldAnswers: Int { holds.withLock { $0.waiting } }

  private func waitWhileHeld(method: String, path: String) async {
    holds.withLock { h in
      guard h.method != nil, let (m, suffix) = h.releasedBy, m == method, path.hasSuffix(suffix), h.waiting > 0 else {
        return
      }
      h.method = nil
      h.releasedBy = nil
    }
    func held() -> Bool { holds.withLock { $0.method == method && path.hasSuffix($0.pathSuffix) } }
    guard held() else { return }
    holds.withLock { $0.waiting += 1 }
    defer { holds.withLock { $0.waiting -= 1 } }
    while held() {
      do { try await Task.sleep(for: .milliseconds(10)) } catch { return }
    }
  }

  /// Every request received so far, in order.
  public func requests() async -> [SandboxRequest] { stats.withLock { $0.requests } }

  /// The built-in sample catalog: a store with languages, categories and realistic products.
  public static func sampleCatalog() -> (storeId: Int, profile: StoreProfile, products: [Product]) {
    let doc = SampleCatalog.document()
    return (
      doc["storeId"]?.intValue ?? SampleCatalog.storeId, StoreProfile(json: doc["profile"]?.objectValue ?? [:]),
      (doc["products"]?.arrayValue ?? []).compactMap { $0.objectValue.map(Product.init(json:)) }
    )
  }

  /// The sample catalog as a data-file document (`{storeId, profile, categories, productClasses, products}`).
  public static func sampleDocument() -> JSON { .object(SampleCatalog.document()) }

  // MARK: Handling a request

  struct Reply {
    var status: Int
    var body: Data = Data()
    var headers: [(String, String)] = []
    var errorCode: String?
    var fault: String?

    init(status: Int, json: JSON, headers: [(String, String)] = []) {
      self.status = status
      self.body = json.encoded()
      self.headers = headers
    }

    init(status: Int, body: Data) {
      self.status = status
      self.body = body
    }

    init(_ e: APIError) {
      self.init(status: e.status, json: e.body, headers: e.headers)
      errorCode = e.code
    }
  }

  static func bearer(_ header: String?) -> String? {
    guard let h = header?.trimmingCharacters(in: .whitespaces), h.count > 7, h.prefix(7).lowercased() == "bearer "
    else { return nil }
    let t = h.dropFirst(7).trimmingCharacters(in: .whitespaces)
    return t.isEmpty ? nil : t
  }

  func handle(_ incoming: Request, context: SandboxContext) async -> Response {
    let started = ContinuousClock.now
    var request = incoming
    let method = request.method.rawValue.uppercased()
    let path = request.uri.path
    let query = QueryParams(request.uri.query)
    let contentType = request.headers[.contentType]
    let token = Self.bearer(request.headers[.authorization])
    var body = Data()
    var reply: Reply?
    do {
      let buffer = try await request.collectBody(upTo: 32 << 20)
      body = Data(buffer.readableBytesView)
    } catch {
      reply = Reply(APIError(413, nil, "The request body is too large"))
    }

    let isAdmin = path.hasPrefix("/__sandbox/")
    if !isAdmin { await waitWhileHeld(method: method, path: path) }
    if reply == nil, !isAdmin, let faults {
      let f = faults.before(method: method, path: path)
      if let d = f.latency { try? await Task.sleep(for: d) }
      switch f.action {
      case .drop?:
        finish(
          method: method, path: path, query: query, rawQuery: request.uri.query, body: body, contentType: contentType,
          status: nil, fault: "drop", errorCode: nil, token: token, started: started)
        await context.dropConnection()
        return Response(status: .ok)  // never written: the connection is gone
      case .answer(let status, let code)?:
        var r = Reply(SpecErrors.injected(status: status, code: code))
        r.fault = code.map { "\(status):\($0)" } ?? String(status)
        reply = r
      case .status(let code)?:
        var r =
          code == 429
          ? Reply(
            APIError(
              429, "RATE_LIMITED", "Too many requests (injected fault)",
              headers: [("Retry-After", String(faults.spec.retryAfter))]))
          : Reply(APIError(code, "INTERNAL_ERROR", MediaErrorCode.internalMessage + " (injected fault)"))
        r.fault = String(code)
        reply = r
      case nil:
        break
      }
    }
    if reply == nil {
      reply = await answer(
        method: method, path: path, query: query, headers: request.headers, body: body, token: token, admin: isAdmin)
    }
    var r = reply!
    if (200..<300).contains(r.status), !isAdmin, let faults, let kind = faults.after(method: method, path: path) {
      if kind == .malformed {
        r.body = FaultEngine.malformed(r.body)
        r.fault = "malformed"
      } else {
        r.body = FaultEngine.truncated(r.body)
        r.fault = "truncate"
      }
    }
    finish(
      method: method, path: path, query: query, rawQuery: request.uri.query, body: body, contentType: contentType,
      status: r.status, fault: r.fault, errorCode: r.errorCode, token: token, started: started)

    var headers = HTTPFields()
    headers[.contentType] = "application/json;charset=utf-8"
    for (name, value) in r.headers where name == "Retry-After" { headers[.retryAfter] = value }
    return Response(
      status: .init(code: r.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: r.body)))
  }

  private func finish(
    method: String, path: String, query: QueryParams, rawQuery: String?, body: Data, contentType: String?,
    status: Int?, fault: String?, errorCode: String?, token: String?, started: ContinuousClock.Instant
  ) {
    let elapsed = ContinuousClock.now - started
    let ms = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    var redactedQuery = rawQuery
    if rawQuery != nil {
      let parts = query.pairs.map { p -> String in
        let v = RequestLogger.secretQueryNames.contains(p.name.lowercased()) ? RequestLogger.redacted : p.value
        return "\(p.name)=\(v)"
      }
      redactedQuery = parts.joined(separator: "&")
    }
    stats.withLock { $0.requests.append(SandboxRequest(method: method, path: path, query: redactedQuery, status: status)) }
    guard let log else { return }
    let entry = RequestLogger.entry(
      method: method, path: path, query: query, body: body, contentType: contentType, status: status, durationMs: ms,
      fault: fault, errorCode: errorCode)
    log.write(entry, secrets: [options.token, self.token] + (token.map { [$0] } ?? []))
  }

  /// Rate limit (per token), authentication, then routing.
  private func answer(
    method: String, path: String, query: QueryParams, headers: HTTPFields, body: Data, token: String?, admin: Bool
  ) async -> Reply {
    if let wait = rateLimited(token: token ?? "") {
      return Reply(
        APIError(
          429, "RATE_LIMITED",
          "Too many requests: the limit is \(options.rateLimitPerMinute) requests a minute. Retry after \(wait) s.",
          headers: [("Retry-After", String(wait))]))
    }
    guard let token else {
      return Reply(
        APIError(403, "INVALID_API_TOKEN", "The API token is missing: send it as an 'Authorization: Bearer <token>' header"))
    }
    guard token == self.token else { return Reply(APIError(403, "INVALID_API_TOKEN", "Invalid API token")) }
    do {
      if admin { return try await adminRoute(method: method, path: path) }
      let scope = SpecErrors.scope(method: method, path: path)
      guard scopes.contains(scope) else { return Reply(SpecErrors.insufficientScope(scope)) }
      return try await route(method: method, path: path, query: query, headers: headers, body: body)
    } catch {
      return Reply(error)
    }
  }

  /// Sliding one-minute window per token; returns the seconds to wait when over the limit.
  private func rateLimited(token: String) -> Int? {
    let limit = options.rateLimitPerMinute
    guard limit > 0 else { return nil }
    let now = ProcessInfo.processInfo.systemUptime
    return stats.withLock { s in
      var w = s.windows[token, default: []]
      w.removeAll { now - $0 >= 60 }
      defer { s.windows[token] = w }
      if w.count >= limit {
        return max(1, Int((60 - (now - w[0])).rounded(.up)))
      }
      w.append(now)
      return nil
    }
  }

  private func adminRoute(method: String, path: String) async throws(APIError) -> Reply {
    switch (method, path) {
    case ("POST", "/__sandbox/reset"):
      try await store.reset()
      stats.withLock { $0.windows = [:] }
      return Reply(status: 200, json: ["reset": true])
    case ("GET", "/__sandbox/store"):
      return Reply(status: 200, json: .object(await store.currentDocument()))
    default:
      throw .notFound("Unknown sandbox endpoint \(method) \(path)")
    }
  }
}

/// The request context: Hummingbird's core storage plus the connection (to drop it on purpose).
struct SandboxContext: RequestContext {
  var coreContext: CoreRequestContextStorage
  /// Closes the connection without an answer (fault injection "drop").
  let dropConnection: @Sendable () async -> Void

  init(source: ApplicationRequestContextSource) {
    self.coreContext = .init(source: source)
    let channel = source.channel
    self.dropConnection = { try? await channel.close().get() }
  }
}

struct SandboxResponder: HTTPResponder {
  typealias Context = SandboxContext
  let sandbox: Sandbox

  func respond(to request: Request, context: SandboxContext) async throws -> Response {
    await sandbox.handle(request, context: context)
  }
}
