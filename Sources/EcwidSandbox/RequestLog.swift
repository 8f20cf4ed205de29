import EcwidAPI
import Foundation

/// One JSON line per request: time, method, path, query, body (parsed JSON, or text), status.
/// The token never appears: not the Authorization header (never written), not a `token`-like
/// query parameter, and any occurrence of a token's text anywhere in the line is replaced.
final class RequestLogger: Sendable {
  let path: String
  private let handle: Locked<FileHandle>

  init(path: String) throws {
    self.path = path
    let fm = FileManager.default
    if !fm.fileExists(atPath: path) {
      guard fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
        throw SandboxError("cannot create the request log \(path)")
      }
    }
    guard let h = FileHandle(forWritingAtPath: path) else { throw SandboxError("cannot open the request log \(path)") }
    _ = try? h.seekToEnd()
    handle = Locked(h)
  }

  static let secretQueryNames: Set<String> = ["token", "access_token", "accesstoken", "api_token", "apitoken", "authorization"]
  static let redacted = "[REDACTED]"

  static func entry(
    method: String, path: String, query: QueryParams, body: Data, contentType: String?, status: Int?,
    durationMs: Int, fault: String?, errorCode: String?
  ) -> JSONObject {
    var q = JSONObject()
    for (name, value) in query.pairs {
      q[name] = .string(secretQueryNames.contains(name.lowercased()) ? redacted : value)
    }
    var o: JSONObject = [
      "time": .string(EcwidTime.isoNow()), "method": .string(method), "path": .string(path), "query": .object(q),
      "body": bodyValue(body, contentType: contentType), "status": status.map(JSON.int) ?? .null,
      "durationMs": .int(durationMs),
    ]
    if let fault { o["fault"] = .string(fault) }
    if let errorCode { o["errorCode"] = .string(errorCode) }
    return o
  }

  static func bodyValue(_ body: Data, contentType: String?) -> JSON {
    if body.isEmpty { return .null }
    if let v = try? JSON.parse(body) { return v }
    if let ct = contentType?.lowercased(), ct.hasPrefix("image/") || ct.hasPrefix("application/octet-stream") {
      return .string("<\(body.count) bytes of \(ct)>")
    }
    let text = String(decoding: body, as: UTF8.self)
    return .string(text.count > 20_000 ? String(text.prefix(20_000)) + "…" : text)
  }

  func write(_ entry: JSONObject, secrets: [String]) {
    var line = JSON.object(entry).compactText
    for s in secrets where s.count >= 4 {
      line = line.replacingOccurrences(of: s, with: Self.redacted)
      // Also its JSON-escaped form, should the secret contain characters JSON escapes.
      let escaped = JSON.string(s).compactText.dropFirst().dropLast()
      if escaped != Substring(s) { line = line.replacingOccurrences(of: String(escaped), with: Self.redacted) }
    }
    let data = Data((line + "\n").utf8)
    handle.withLock { h in
      _ = try? h.seekToEnd()
      try? h.write(contentsOf: data)
    }
  }

  deinit {
    handle.withLock { try? $0.close() }
  }
}
