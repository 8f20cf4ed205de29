import AsyncHTTPClient
import EcwidAPI
import EcwidSandbox
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// An HTTP answer, read whole.
struct Answer: Sendable {
  var status: Int
  var headers: [(String, String)]
  var body: Data

  var text: String { String(decoding: body, as: UTF8.self) }
  var json: JSON { (try? JSON.parse(body)) ?? .null }
  var errorCode: String? { json["errorCode"]?.stringValue }
  var errorMessage: String? { json["errorMessage"]?.stringValue }
  func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
}

/// A sandbox on a free loopback port, and raw HTTP to it (no EcwidClient: this is the server's own test).
struct Harness {
  let sandbox: Sandbox
  let port: Int
  let token: String

  static let sweater = 692_730_761
  static let tea = 692_730_763
  static let party = 692_730_765
  static let tote = 692_730_767
  static let minimal = 692_730_769
  static let mug = 692_730_771

  static func start(_ configure: (inout SandboxOptions) throws -> Void = { _ in }) async throws -> Harness {
    var o = SandboxOptions()
    o.port = 0
    o.token = "secret_test_\(UUID().uuidString.prefix(8))"
    try configure(&o)
    let s = try Sandbox(options: o)
    let port = try await s.start()
    return Harness(sandbox: s, port: port, token: o.token)
  }

  func stop() async { await sandbox.stop() }

  var base: String { "http://127.0.0.1:\(port)/api/v3/\(sandbox.storeId)" }

  /// Sends a request. `path` is relative to the store (`/products`), or absolute when it starts
  /// with `//` (`//__sandbox/reset`). `auth: nil` sends no Authorization header.
  @discardableResult
  func send(
    _ method: HTTPMethod, _ path: String, json: JSON? = nil, raw: Data? = nil, contentType: String? = "application/json",
    auth: String?? = .none, timeout: TimeAmount = .seconds(20)
  ) async throws -> Answer {
    let url = path.hasPrefix("//") ? "http://127.0.0.1:\(port)\(path.dropFirst())" : base + path
    var req = HTTPClientRequest(url: url)
    req.method = method
    let tokenValue: String? = auth ?? token
    if let tokenValue { req.headers.add(name: "Authorization", value: "Bearer \(tokenValue)") }
    if let body = raw ?? json.map({ $0.encoded() }) {
      if let contentType { req.headers.add(name: "Content-Type", value: contentType) }
      req.body = .bytes(Array(body))
    }
    let r = try await HTTPClient.shared.execute(req, timeout: timeout)
    let buf = try await r.body.collect(upTo: 64 << 20)
    return Answer(
      status: Int(r.status.code), headers: r.headers.map { ($0.name, $0.value) }, body: Data(buf.readableBytesView))
  }

  func get(_ path: String) async throws -> Answer { try await send(.GET, path) }

  func product(_ id: Int) async throws -> Product {
    let a = try await get("/products/\(id)")
    #expect(a.status == 200, "GET product \(id): \(a.status) \(a.text)")
    return Product(json: a.json.objectValue ?? [:])
  }

  func put(_ id: Int, _ body: JSON, query: String = "") async throws -> Answer {
    try await send(.PUT, "/products/\(id)\(query)", json: body)
  }
}

func tempPath(_ name: String) -> String {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-tests-\(UUID().uuidString)")
  try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  return dir.appendingPathComponent(name).path
}

extension Product {
  /// The product without the fields an update bumps.
  var withoutTimestamps: JSONObject {
    var o = json
    o.removeValue(forKey: "updated")
    o.removeValue(forKey: "updateTimestamp")
    return o
  }
}
