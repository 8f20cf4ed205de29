import EcwidAPI
import Foundation

/// Deterministic fault injection for the sandbox, so clients can be tested against a flaky Ecwid.
///
/// Grammar: a comma-separated list of items (spaces ignored):
///
/// ```
/// seed=N                 seed of the dice (unsigned integer; default 0). Same seed, same faults.
/// latency=DUR[TRIGGER]   delay the answer by DUR: 250ms, 2s, 1.5s, or a bare number of seconds
/// 5xx[TRIGGER]           answer with that status (500…599), body {"errorCode":"INTERNAL_ERROR",…}
/// 429[TRIGGER]           answer 429 RATE_LIMITED with a Retry-After header
/// 4xx[TRIGGER]           answer with that client error (400…499) and the spec's message for it
/// NNN:CODE[TRIGGER]      answer status NNN with errorCode CODE (and the spec's message for the
///                        code), e.g. 409:WHOLESALE_PRICES_TOO_BIG, 402:NOT_AVAILABLE_ON_CURRENT_PLAN
/// drop[TRIGGER]          close the connection without any answer
/// malformed[TRIGGER]     a successful (2xx) answer gets a body that is not valid JSON
/// truncate[TRIGGER]      a successful (2xx) answer gets only the first half of its body
/// path=TEXT              only requests whose path contains TEXT are affected (may repeat: any)
/// method=M[|M…]          only these HTTP methods are affected, e.g. method=PUT|POST
/// retry-after=N          seconds sent in Retry-After of injected 429s (default 1)
///
/// TRIGGER:  @P   with probability P (0…1, or a percentage such as 20%) on each matching request
///           xN   on the first N matching requests only (e.g. 500x2: the first two fail, then all
///              succeed, which makes retry tests deterministic)
///           (none) on every matching request
/// ```
///
/// Example: `seed=7,latency=2s@0.5,500@0.2,429@0.1,drop@0.1,malformed@0.1,truncate@0.1,path=/products`.
///
/// Faults are decided before the request is authenticated or rate-limited (like a flaky proxy in
/// front of Ecwid), in the order written; the first of 5xx/429/drop that fires wins, latency adds
/// to it. `malformed`/`truncate` are decided when a 2xx answer is about to be sent. The sandbox's
/// own `/__sandbox/…` endpoints are never affected.
public struct FaultSpec: Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    case latency(Duration)
    case status(Int)
    /// Any 4xx/5xx answer with an explicit (or no) errorCode: every status and code of the spec
    /// pages can be produced on request.
    case answer(status: Int, code: String?)
    case drop
    case malformed
    case truncate
  }

  public enum Trigger: Sendable, Equatable {
    case probability(Double)
    case firstN(Int)
  }

  public struct Rule: Sendable, Equatable {
    public var kind: Kind
    public var trigger: Trigger
    public init(kind: Kind, trigger: Trigger) {
      self.kind = kind
      self.trigger = trigger
    }
  }

  public var seed: UInt64 = 0
  public var rules: [Rule] = []
  /// Substrings of the request path; empty = every path.
  public var paths: [String] = []
  /// Upper-case HTTP methods; empty = every method.
  public var methods: [String] = []
  /// Retry-After seconds of injected 429 answers.
  public var retryAfter: Int = 1

  public init() {}

  public static let help = """
    Fault injection (--faults), a comma-separated list:
      seed=N            seed of the dice (default 0): same seed, same faults
      latency=DUR[T]    delay answers by DUR (250ms, 2s, 1.5s; bare: seconds)
      500[T] … 599[T]   answer with that server error (INTERNAL_ERROR)
      429[T]            answer 429 RATE_LIMITED with Retry-After
      400[T] … 499[T]   answer with that client error and the spec's message
      NNN:CODE[T]       answer NNN with that errorCode, for example
                        409:WHOLESALE_PRICES_TOO_BIG, 422:VIDEO_UNAVAILABLE,
                        402:NOT_AVAILABLE_ON_CURRENT_PLAN
      drop[T]           close the connection without an answer
      malformed[T]      successful answers get a body that is not JSON
      truncate[T]       successful answers get the first half of their body
      path=TEXT         only requests whose path contains TEXT (repeatable)
      method=GET|PUT    only these methods
      retry-after=N     Retry-After seconds of injected 429s (default 1)
    Trigger T: @0.2 or @20% = with that probability; x2 = the first 2
    matching requests only; nothing = every matching request.
    Example:
      seed=7,latency=2s@0.5,500@0.2,429@0.1,drop@0.1,path=/products
    """

  public init(parse text: String) throws {
    self.init()
    let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    if items.isEmpty { throw FaultSpecError("empty fault specification") }
    for item in items {
      let lower = item.lowercased()
      if let v = Self.value(of: "seed", in: item) {
        guard let s = UInt64(v) else { throw FaultSpecError("seed must be an unsigned integer, got '\(v)'") }
        seed = s
      } else if let v = Self.value(of: "path", in: item) {
        guard !v.isEmpty else { throw FaultSpecError("path= needs a text") }
        paths.append(v)
      } else if let v = Self.value(of: "method", in: item) {
        let ms = v.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        guard !ms.isEmpty, ms.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isLetter) }) else {
          throw FaultSpecError("method= needs methods such as GET or PUT|POST, got '\(v)'")
        }
        methods.append(contentsOf: ms)
      } else if let v = Self.value(of: "retry-after", in: item) ?? Self.value(of: "retryafter", in: item) {
        guard let n = Int(v), n >= 0 else { throw FaultSpecError("retry-after must be whole seconds, got '\(v)'") }
        retryAfter = n
      } else if let v = Self.value(of: "latency", in: item) {
        let (durText, trigger) = try Self.splitTrigger(v, item: item)
        rules.append(Rule(kind: .latency(try Self.duration(durText)), trigger: trigger))
      } else if let colon = item.firstIndex(of: ":") {
        let (codeText, trigger) = try Self.splitTrigger(String(item[item.index(after: colon)...]), item: item)
        guard let status = Int(item[..<colon].trimmingCharacters(in: .whitespaces)), (400...599).contains(status) else {
          throw FaultSpecError("'\(item)': the status before ':' must be 400…599")
        }
        let code = codeText.trimmingCharacters(in: .whitespaces).uppercased()
        guard !code.isEmpty, code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
          throw FaultSpecError("'\(item)': the error code after ':' must be letters, digits and _")
        }
        rules.append(Rule(kind: .answer(status: status, code: code), trigger: trigger))
      } else {
        let (word, trigger) = try Self.splitTrigger(lower, item: item)
        let kind: Kind
        switch word {
        case "drop": kind = .drop
        case "malformed": kind = .malformed
        case "truncate", "truncated": kind = .truncate
        case "429": kind = .status(429)
        default:
          if let code = Int(word), (400...499).contains(code) {
            kind = .answer(status: code, code: nil)
            break
          }
          guard let code = Int(word), (500...599).contains(code) else {
            throw FaultSpecError(
              "unknown fault '\(item)' (expected seed=, latency=, 4xx, 5xx, NNN:CODE, drop, malformed, truncate, path=, method=, retry-after=)"
            )
          }
          kind = .status(code)
        }
        rules.append(Rule(kind: kind, trigger: trigger))
      }
    }
  }

  static func value(of key: String, in item: String) -> String? {
    let prefix = key + "="
    guard item.lowercased().hasPrefix(prefix) else { return nil }
    return String(item.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
  }

  /// Splits `500@0.2` / `500x2` / `500` into the word and its trigger.
  static func splitTrigger(_ s: String, item: String) throws -> (String, Trigger) {
    if let at = s.lastIndex(of: "@") {
      let word = String(s[..<at])
      var p = String(s[s.index(after: at)...])
      var scale = 1.0
      if p.hasSuffix("%") {
        p.removeLast()
        scale = 100
      }
      guard let v = Double(p), v.isFinite else { throw FaultSpecError("bad probability in '\(item)'") }
      let prob = v / scale
      guard (0...1).contains(prob) else { throw FaultSpecError("probability must be between 0 and 1 in '\(item)'") }
      return (word, .probability(prob))
    }
    // "x" followed by digits at the end: the first-N mode. ("latency=2s" has no x.)
    if let x = s.lastIndex(where: { $0 == "x" || $0 == "X" }), x != s.startIndex {
      let digits = s[s.index(after: x)...]
      if !digits.isEmpty, digits.allSatisfy(\.isNumber) {
        guard let n = Int(digits) else { throw FaultSpecError("bad count in '\(item)'") }
        return (String(s[..<x]), .firstN(n))
      }
    }
    return (s, .probability(1))
  }

  static func duration(_ s: String) throws -> Duration {
    let t = s.lowercased()
    var number = t
    var unit = 1.0
    if t.hasSuffix("ms") {
      number = String(t.dropLast(2))
      unit = 0.001
    } else if t.hasSuffix("s") {
      number = String(t.dropLast())
    } else if t.hasSuffix("m") {
      number = String(t.dropLast())
      unit = 60
    }
    guard let v = Double(number), v.isFinite, v >= 0 else { throw FaultSpecError("bad latency duration '\(s)'") }
    return .milliseconds(Int64((v * unit * 1000).rounded()))
  }

  public var description: String {
    var parts = ["seed=\(seed)"]
    for r in rules {
      let word: String
      switch r.kind {
      case .latency(let d):
        let ms = d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
        word = "latency=\(ms)ms"
      case .status(let s): word = String(s)
      case .answer(let s, let code): word = code.map { "\(s):\($0)" } ?? String(s)
      case .drop: word = "drop"
      case .malformed: word = "malformed"
      case .truncate: word = "truncate"
      }
      switch r.trigger {
      case .probability(let p): parts.append(p >= 1 ? word : "\(word)@\(p)")
      case .firstN(let n): parts.append("\(word)x\(n)")
      }
    }
    parts += paths.map { "path=\($0)" }
    if !methods.isEmpty { parts.append("method=\(methods.joined(separator: "|"))") }
    if retryAfter != 1 { parts.append("retry-after=\(retryAfter)") }
    return parts.joined(separator: ",")
  }
}

public struct FaultSpecError: Error, Sendable, CustomStringConvertible {
  public let message: String
  init(_ message: String) { self.message = message }
  public var description: String { "invalid fault specification: \(message)" }
}

/// The running dice of a `FaultSpec`.
final class FaultEngine: Sendable {
  enum Action: Equatable {
    case status(Int)
    case answer(status: Int, code: String?)
    case drop
  }

  struct Before {
    var latency: Duration?
    var action: Action?
  }

  let spec: FaultSpec
  private let state: Locked<(rng: SplitMix64, fired: [Int])>

  init(spec: FaultSpec) {
    self.spec = spec
    self.state = Locked((SplitMix64(seed: spec.seed), Array(repeating: 0, count: spec.rules.count)))
  }

  func applies(method: String, path: String) -> Bool {
    if !spec.methods.isEmpty && !spec.methods.contains(method.uppercased()) { return false }
    if !spec.paths.isEmpty && !spec.paths.contains(where: { path.contains($0) }) { return false }
    return true
  }

  /// Rolls one rule; must be called with the lock held.
  private static func fires(_ rule: FaultSpec.Rule, index: Int, state: inout (rng: SplitMix64, fired: [Int])) -> Bool {
    switch rule.trigger {
    case .probability(let p):
      let r = state.rng.nextUnit()
      guard r < p else { return false }
    case .firstN(let n):
      guard state.fired[index] < n else { return false }
    }
    state.fired[index] += 1
    return true
  }

  /// Faults decided when a request arrives: latency, an error status, or a dropped connection.
  func before(method: String, path: String) -> Before {
    guard applies(method: method, path: path) else { return Before() }
    return state.withLock { st in
      var out = Before()
      for (i, rule) in spec.rules.enumerated() {
        switch rule.kind {
        case .latency(let d):
          if Self.fires(rule, index: i, state: &st) { out.latency = (out.latency ?? .zero) + d }
        case .status(let code):
          if out.action == nil, Self.fires(rule, index: i, state: &st) { out.action = .status(code) }
        case .answer(let status, let code):
          if out.action == nil, Self.fires(rule, index: i, state: &st) { out.action = .answer(status: status, code: code) }
        case .drop:
          if out.action == nil, Self.fires(rule, index: i, state: &st) { out.action = .drop }
        case .malformed, .truncate:
          continue
        }
      }
      return out
    }
  }

  /// A fault for a successful answer about to be sent: `.malformed` or `.truncate`, or nil.
  func after(method: String, path: String) -> FaultSpec.Kind? {
    guard applies(method: method, path: path) else { return nil }
    return state.withLock { st in
      for (i, rule) in spec.rules.enumerated() {
        switch rule.kind {
        case .malformed, .truncate:
          if Self.fires(rule, index: i, state: &st) { return rule.kind }
        default:
          continue
        }
      }
      return nil
    }
  }

  static func malformed(_ body: Data) -> Data {
    // An unquoted word right after the opening brace: no JSON parser accepts it.
    var out = Data("{ sandbox-malformed-json ".utf8)
    out.append(body.dropFirst())
    return out
  }

  static func truncated(_ body: Data) -> Data {
    Data(body.prefix(max(0, min(body.count - 1, body.count / 2))))
  }
}
