import EcwidAPI
import Foundation

/// A value guarded by a lock, for the few pieces of state shared between request handlers that
/// are not worth an actor hop (counters, the rate limiter, the fault dice).
final class Locked<State>: @unchecked Sendable {
  private var state: State
  private let lock = NSLock()

  init(_ state: State) { self.state = state }

  func withLock<R>(_ body: (inout State) throws -> R) rethrows -> R {
    lock.lock()
    defer { lock.unlock() }
    return try body(&state)
  }
}

/// An error answer of the API: an HTTP status and Ecwid's optional body
/// `{"errorMessage": "…", "errorCode": "…"}`.
struct APIError: Error, Sendable {
  var status: Int
  var code: String?
  var message: String
  var headers: [(String, String)] = []

  init(_ status: Int, _ code: String?, _ message: String, headers: [(String, String)] = []) {
    self.status = status
    self.code = code
    self.message = message
    self.headers = headers
  }

  var body: JSON {
    var o: JSONObject = ["errorMessage": .string(message)]
    if let code { o["errorCode"] = .string(code) }
    return .object(o)
  }

  static func badRequest(_ message: String, code: String? = "WRONG_PARAMETER") -> APIError {
    APIError(400, code, message)
  }
  static func productNotFound(_ id: String) -> APIError {
    APIError(404, "PRODUCT_NOT_FOUND", "Product #\(id) not found")
  }
  static func notFound(_ message: String, code: String? = nil) -> APIError { APIError(404, code, message) }
  static func conflict(_ code: String?, _ message: String) -> APIError { APIError(409, code, message) }
  static func unprocessable(_ code: MediaErrorCode) -> APIError { APIError(422, code.rawValue, code.message) }
  static func internalError(_ message: String) -> APIError { APIError(500, "INTERNAL_ERROR", message) }
}

/// Error thrown by `Sandbox.init` and `start()` (bad data file, cannot bind…).
public struct SandboxError: Error, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

// MARK: - Query strings

/// The decoded query of a request. `+` is a space and `%XX` escapes are decoded, as browsers and
/// HTTP clients encode them.
struct QueryParams: Sendable {
  var pairs: [(name: String, value: String)] = []

  init(_ query: String?) {
    guard let query, !query.isEmpty else { return }
    for part in query.split(separator: "&", omittingEmptySubsequences: true) {
      let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = Self.decode(String(kv[0]))
      let value = kv.count > 1 ? Self.decode(String(kv[1])) : ""
      pairs.append((name, value))
    }
  }

  static func decode(_ s: String) -> String {
    let plus = s.replacingOccurrences(of: "+", with: " ")
    return plus.removingPercentEncoding ?? plus
  }

  /// The last value given for `name` (later parameters win, as in most servers).
  subscript(name: String) -> String? { pairs.last { $0.name == name }?.value }

  func bool(_ name: String) -> Bool { self[name]?.lowercased() == "true" }

  func int(_ name: String) throws(APIError) -> Int? {
    guard let raw = self[name], !raw.isEmpty else { return nil }
    guard let v = Int(raw.trimmingCharacters(in: .whitespaces)) else {
      throw .badRequest("Parameter '\(name)' must be an integer, got '\(raw)'")
    }
    return v
  }
}

// MARK: - Time

enum EcwidTime {
  /// Ecwid's `updated`/`created` text: `2024-09-04 07:20:12 +0000`.
  static func text(_ unix: Int) -> String {
    var t = time_t(unix)
    var parts = tm()
    gmtime_r(&t, &parts)
    return String(
      format: "%04d-%02d-%02d %02d:%02d:%02d +0000", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
  }

  static var now: Int { Int(Date().timeIntervalSince1970) }

  /// ISO 8601 with milliseconds, for the request log.
  static func isoNow() -> String {
    let d = Date().timeIntervalSince1970
    let secs = Int(d)
    let ms = Int((d - Double(secs)) * 1000)
    let base = text(secs)  // "yyyy-MM-dd HH:mm:ss +0000"
    let date = base.prefix(10)
    let time = base.dropFirst(11).prefix(8)
    return "\(date)T\(time).\(String(format: "%03d", ms))Z"
  }
}

// MARK: - Deterministic hashing (the seeded generator is EcwidAPI's `SplitMix64`)

/// FNV-1a, for ids derived from URLs (stable across runs and platforms, unlike `Hasher`).
func fnv1a(_ s: String) -> UInt64 {
  var h: UInt64 = 0xCBF2_9CE4_8422_2325
  for b in s.utf8 {
    h ^= UInt64(b)
    h = h &* 0x100_0000_01B3
  }
  return h
}

// MARK: - JSON helpers

extension JSON {
  /// A JSON number from a Double, written the way Ecwid writes prices (`89.95`, `10`).
  static func num(_ d: Double) -> JSON { .number(JSONNumber(d)) }
}

extension JSONObject {
  /// Sets a key only if it is already present (keeps the shape of products that lack it).
  mutating func setIfPresent(_ key: String, _ value: JSON) {
    if self[key] != nil { self[key] = value }
  }
}
