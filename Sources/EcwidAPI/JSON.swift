import Foundation
import OrderedCollections

/// An ordered JSON object. Key order is what the server sent, so that a product we never touched
/// re-encodes to the same text.
public typealias JSONObject = OrderedDictionary<String, JSON>

/// A JSON number kept as the text the server sent. Ecwid prices carry float noise
/// (`14.989999999999998`); keeping the text means a price the user never touched is never
/// rewritten, not even to an "equal" double.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
  public let text: String

  public init(text: String) { self.text = text }
  public init(_ value: Int) { self.text = String(value) }
  public init(_ value: Double) {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
      self.text = String(Int64(value))
    } else if value.isFinite {
      self.text = "\(value)"
    } else {
      self.text = "0"
    }
  }

  public var double: Double { Double(text) ?? 0 }
  /// The integer value when the number is integral (`5`, `5.0`, `5e2`).
  public var int: Int? {
    if let i = Int(text) { return i }
    let d = double
    guard d.isFinite, d == d.rounded(), abs(d) < 9e18 else { return nil }
    return Int(d)
  }
  public var isInteger: Bool { int != nil }
  public var description: String { text }

  // Two numbers are equal when they denote the same value: `10` and `10.0` are the same price.
  public static func == (a: JSONNumber, b: JSONNumber) -> Bool {
    a.text == b.text || a.double == b.double
  }
  public func hash(into hasher: inout Hasher) { hasher.combine(double) }
}

/// A JSON value that keeps object key order and number text exactly as decoded.
public enum JSON: Sendable, Hashable {
  case null
  case bool(Bool)
  case number(JSONNumber)
  case string(String)
  case array([JSON])
  case object(JSONObject)

  public static func int(_ v: Int) -> JSON { .number(JSONNumber(v)) }
  public static func double(_ v: Double) -> JSON { .number(JSONNumber(v)) }

  public var isNull: Bool { if case .null = self { return true } else { return false } }
  public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
  public var boolValue: Bool? {
    switch self {
    case .bool(let b): return b
    case .string(let s): return s == "true" ? true : (s == "false" ? false : nil)
    default: return nil
    }
  }
  public var numberValue: JSONNumber? {
    switch self {
    case .number(let n): return n
    case .string(let s):
      // Lenient: Ecwid sometimes sends ids and counts as strings.
      let t = s.trimmingCharacters(in: .whitespaces)
      return Double(t) != nil ? JSONNumber(text: t) : nil
    default: return nil
    }
  }
  public var doubleValue: Double? { numberValue?.double }
  public var intValue: Int? { numberValue?.int }
  public var arrayValue: [JSON]? { if case .array(let a) = self { return a } else { return nil } }
  public var objectValue: JSONObject? { if case .object(let o) = self { return o } else { return nil } }

  /// An id that may come as a number or a string (`"0"`, `123`), as text.
  public var idString: String? {
    switch self {
    case .string(let s): return s
    case .number(let n): return n.int.map(String.init) ?? n.text
    default: return nil
    }
  }

  public subscript(key: String) -> JSON? {
    get { objectValue?[key] }
    set {
      guard case .object(var o) = self else { return }
      o[key] = newValue
      self = .object(o)
    }
  }

  public subscript(index: Int) -> JSON? {
    guard case .array(let a) = self, a.indices.contains(index) else { return nil }
    return a[index]
  }

  /// A short name of the value's kind, for messages.
  public var kindName: String {
    switch self {
    case .null: return "null"
    case .bool: return "boolean"
    case .number: return "number"
    case .string: return "string"
    case .array: return "array"
    case .object: return "object"
    }
  }
}

// MARK: - Parsing

public struct JSONParseError: Error, Sendable, CustomStringConvertible, Equatable {
  public let offset: Int
  public let reason: String
  public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}

extension JSON {
  /// Parses JSON text. Strings are decoded to valid Unicode: invalid UTF-8 bytes and lone
  /// surrogate escapes (`\uD800`) become U+FFFD instead of failing the whole product.
  public static func parse(_ data: Data) throws(JSONParseError) -> JSON {
    try parse(data, twoThreadsFrom: 1 << 20)
  }

  /// A document of at least `twoThreadsFrom` bytes whose top level is an object is read by two
  /// threads, each taking about half of its members (a 2 MB product opens in about half the time).
  /// The result, and any error, is the one-thread reading's.
  static func parse(_ data: Data, twoThreadsFrom threshold: Int) throws(JSONParseError) -> JSON {
    let result: Result<JSON, JSONParseError> = data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      if bytes.count >= threshold, let split = JSONParser.splitTopObject(bytes), let v = split.parse() {
        return .success(v)
      }
      var parser = JSONParser(bytes: bytes)
      do throws(JSONParseError) {
        return .success(try parser.parseDocument())
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  public static func parse(_ text: String) throws(JSONParseError) -> JSON {
    try parse(Data(text.utf8))
  }
}

/// A top-level object cut between two of its members, for two threads to read.
struct JSONSplit {
  let bytes: UnsafeBufferPointer<UInt8>
  /// Where each member's key starts, in order.
  let members: [Int]
  /// The first member of the second half.
  let half: Int

  /// Both halves read at once, assembled in the document's order; nil when either half is not
  /// valid JSON (the caller reads it all again, on one thread, for the exact error).
  func parse() -> JSON? {
    nonisolated(unsafe) let bytes = self.bytes
    let members = self.members
    let half = self.half
    nonisolated(unsafe) var second: [(String, JSON)]?
    let done = DispatchSemaphore(value: 0)
    // A thread of its own: waiting here for work queued behind the caller's own pool could wait forever.
    let thread = Thread {
      second = JSONSplit.read(bytes, members[half...])
      done.signal()
    }
    thread.stackSize = 8 << 20  // as deep as the caller may nest
    thread.start()
    let first = JSONSplit.read(bytes, members[..<half])
    done.wait()
    guard let first, let second else { return nil }
    var o = JSONObject(minimumCapacity: members.count)
    for (key, value) in first { o[key] = value }
    for (key, value) in second { o[key] = value }  // a repeated key keeps its first place, the last value
    return .object(o)
  }

  static func read(_ bytes: UnsafeBufferPointer<UInt8>, _ starts: ArraySlice<Int>) -> [(String, JSON)]? {
    var parser = JSONParser(bytes: bytes)
    parser.depth = 1
    var out: [(String, JSON)] = []
    out.reserveCapacity(starts.count)
    do throws(JSONParseError) {
      for start in starts {
        parser.i = start
        let key = try parser.parseString()
        parser.skipWhitespace()
        parser.i += 1  // ':' (checked by the split)
        parser.skipWhitespace()
        out.append((key, try parser.parseValue()))
      }
    } catch {
      return nil
    }
    return out
  }
}

struct JSONParser {
  let bytes: UnsafeBufferPointer<UInt8>
  var i = 0
  var depth = 0
  static let maxDepth = 512
  /// The keys and values of the objects and arrays being read, innermost last: a container is
  /// built once, at its exact size, when its closing bracket is read (no growing, no rehashing
  /// as keys are added).
  var keyStack: [String] = []
  var valueStack: [JSON] = []

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    keyStack.reserveCapacity(64)
    valueStack.reserveCapacity(256)
  }

  func fail(_ reason: String) -> JSONParseError { JSONParseError(offset: i, reason: reason) }

  mutating func skipWhitespace() {
    while i < bytes.count {
      switch bytes[i] {
      case 0x20, 0x0A, 0x0D, 0x09: i += 1
      default: return
      }
    }
  }

  mutating func parseDocument() throws(JSONParseError) -> JSON {
    // A UTF-8 byte order mark is tolerated.
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
    skipWhitespace()
    let v = try parseValue()
    skipWhitespace()
    if i != bytes.count { throw fail("unexpected text after the JSON value") }
    return v
  }

  mutating func parseValue() throws(JSONParseError) -> JSON {
    guard i < bytes.count else { throw fail("unexpected end of input") }
    switch bytes[i] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
    case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
    case UInt8(ascii: "n"): try expectLiteral("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
    default: throw fail("unexpected character")
    }
  }

  mutating func expectLiteral(_ word: StaticString) throws(JSONParseError) {
    let n = word.utf8CodeUnitCount
    guard i + n <= bytes.count else { throw fail("unexpected end of input") }
    let p = word.utf8Start
    for k in 0..<n where bytes[i + k] != p[k] { throw fail("invalid literal") }
    i += n
  }

  /// Finds the members of a top-level object without reading their values into memory, and the
  /// member boundary nearest the middle of the bytes. Nil when the document is not one object
  /// of at least two members, or the skim finds it malformed (the one-thread reading then
  /// gives the error).
  static func splitTopObject(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONSplit? {
    var p = JSONParser(bytes: bytes)
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { p.i = 3 }
    p.skipWhitespace()
    guard p.i < bytes.count, bytes[p.i] == UInt8(ascii: "{") else { return nil }
    p.i += 1
    var members: [Int] = []
    while true {
      p.skipWhitespace()
      guard p.i < bytes.count, bytes[p.i] == UInt8(ascii: "\"") else { return nil }
      members.append(p.i)
      guard p.skimString() else { return nil }
      p.skipWhitespace()
      guard p.i < bytes.count, bytes[p.i] == UInt8(ascii: ":") else { return nil }
      p.i += 1
      p.skipWhitespace()
      guard p.skimValue() else { return nil }
      p.skipWhitespace()
      guard p.i < bytes.count else { return nil }
      if bytes[p.i] == UInt8(ascii: ",") {
        p.i += 1
        continue
      }
      guard bytes[p.i] == UInt8(ascii: "}") else { return nil }
      p.i += 1
      break
    }
    p.skipWhitespace()
    guard p.i == bytes.count, members.count >= 2 else { return nil }
    let middle = bytes.count / 2
    var half = 1
    for k in 1..<members.count where abs(members[k] - middle) < abs(members[half] - middle) { half = k }
    return JSONSplit(bytes: bytes, members: members, half: half)
  }

  /// Moves past one string (its quote first), escapes unread. False at the end of the input.
  mutating func skimString() -> Bool {
    i += 1
    while true {
      skipPlainStringBytes()
      guard i < bytes.count else { return false }
      switch bytes[i] {
      case UInt8(ascii: "\""):
        i += 1
        return true
      case UInt8(ascii: "\\"): i += 2
      default: i += 1
      }
    }
  }

  /// Moves past one value by its brackets and strings alone. False at the end of the input or
  /// on a bracket that closes the wrong kind.
  mutating func skimValue() -> Bool {
    guard i < bytes.count else { return false }
    switch bytes[i] {
    case UInt8(ascii: "\""): return skimString()
    case UInt8(ascii: "{"), UInt8(ascii: "["): break
    default:
      // A number or a literal: up to what ends it.
      while i < bytes.count {
        switch bytes[i] {
        case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: return true
        default: i += 1
        }
      }
      return true
    }
    var open: [UInt8] = []
    repeat {
      guard i < bytes.count else { return false }
      let b = bytes[i]
      switch b {
      case UInt8(ascii: "\""):
        guard skimString() else { return false }
        continue
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        open.append(b)
        guard open.count <= Self.maxDepth else { return false }
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        guard let last = open.popLast(), last == b - 2 else { return false }  // "{" + 2 == "}", "[" + 2 == "]"
      default:
        break
      }
      i += 1
    } while !open.isEmpty
    return true
  }

  mutating func parseObject() throws(JSONParseError) -> JSON {
    depth += 1
    if depth > Self.maxDepth { throw fail("nesting too deep") }
    defer { depth -= 1 }
    i += 1
    skipWhitespace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
      i += 1
      return .object(JSONObject())
    }
    // An object's keys and values each start where their stack was (an enclosing array's
    // elements are on the value stack only).
    let keyBase = keyStack.count
    let valueBase = valueStack.count
    defer {
      keyStack.removeSubrange(keyBase...)
      valueStack.removeSubrange(valueBase...)
    }
    while true {
      skipWhitespace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a key") }
      let key = try parseString()
      skipWhitespace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':'") }
      i += 1
      skipWhitespace()
      let value = try parseValue()
      keyStack.append(key)
      valueStack.append(value)
      skipWhitespace()
      guard i < bytes.count else { throw fail("unexpected end of input in object") }
      if bytes[i] == UInt8(ascii: ",") {
        i += 1
        continue
      }
      if bytes[i] == UInt8(ascii: "}") {
        i += 1
        return .object(object(keysFrom: keyBase, valuesFrom: valueBase))
      }
      throw fail("expected ',' or '}'")
    }
  }

  /// The object of the keys and values read since `keyBase` and `valueBase`. A repeated key
  /// keeps its first place and the last value.
  func object(keysFrom keyBase: Int, valuesFrom valueBase: Int) -> JSONObject {
    let count = keyStack.count - keyBase
    let keys = keyStack[keyBase...]
    let values = valueStack[valueBase...]
    if count <= 15 {
      // Small objects keep no hash table: their keys are compared in turn, as a lookup would.
      var unique = true
      check: for a in keys.indices {
        for b in keyBase..<a where keyStack[a] == keyStack[b] {
          unique = false
          break check
        }
      }
      if unique { return JSONObject(uncheckedUniqueKeys: keys, values: values) }
    }
    var o = JSONObject(minimumCapacity: count)
    for (key, value) in zip(keys, values) { o[key] = value }
    return o
  }

  mutating func parseArray() throws(JSONParseError) -> JSON {
    depth += 1
    if depth > Self.maxDepth { throw fail("nesting too deep") }
    defer { depth -= 1 }
    i += 1
    skipWhitespace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
      i += 1
      return .array([])
    }
    let base = valueStack.count
    defer { valueStack.removeSubrange(base...) }
    while true {
      skipWhitespace()
      let value = try parseValue()
      valueStack.append(value)
      skipWhitespace()
      guard i < bytes.count else { throw fail("unexpected end of input in array") }
      if bytes[i] == UInt8(ascii: ",") {
        i += 1
        continue
      }
      if bytes[i] == UInt8(ascii: "]") {
        i += 1
        return .array(Array(valueStack[base...]))
      }
      throw fail("expected ',' or ']'")
    }
  }

  mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
    let start = i
    if bytes[i] == UInt8(ascii: "-") { i += 1 }
    var digits = 0
    while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
      i += 1
      digits += 1
    }
    if digits == 0 { throw fail("invalid number") }
    if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
      i += 1
      var frac = 0
      while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
        i += 1
        frac += 1
      }
      if frac == 0 { throw fail("invalid number") }
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
      i += 1
      if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
      var exp = 0
      while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
        i += 1
        exp += 1
      }
      if exp == 0 { throw fail("invalid number") }
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    return JSONNumber(text: text)
  }

  /// Moves `i` past the bytes that end nothing in a string (no quote, backslash or control
  /// character), eight at a time.
  mutating func skipPlainStringBytes() {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let raw = UnsafeRawPointer(bytes.baseAddress!)
    while i + 8 <= bytes.count {
      let v = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      let quote = v ^ (ones &* 0x22)
      let slash = v ^ (ones &* 0x5C)
      // A byte is zero in `quote` or `slash`, or below 0x20 in `v`: the classic "has a byte less
      // than n" test, which may only err towards stopping early.
      let stop =
        ((quote &- ones) & ~quote & highs) | ((slash &- ones) & ~slash & highs) | ((v &- ones &* 0x20) & ~v & highs)
      if stop != 0 { return }
      i += 8
    }
  }

  mutating func parseString() throws(JSONParseError) -> String {
    i += 1
    let start = i
    // Fast path: no escapes.
    skipPlainStringBytes()
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        i += 1
        return s
      }
      if b == UInt8(ascii: "\\") { break }
      if b < 0x20 { throw fail("control character in string") }
      i += 1
    }
    guard i < bytes.count else { throw fail("unterminated string") }
    var out: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[start..<i]))
    out.reserveCapacity(out.count + 32)
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        i += 1
        return String(decoding: out, as: UTF8.self)
      }
      if b < 0x20 { throw fail("control character in string") }
      if b != UInt8(ascii: "\\") {
        out.append(b)
        i += 1
        continue
      }
      i += 1
      guard i < bytes.count else { throw fail("unterminated escape") }
      let e = bytes[i]
      i += 1
      switch e {
      case UInt8(ascii: "\""): out.append(0x22)
      case UInt8(ascii: "\\"): out.append(0x5C)
      case UInt8(ascii: "/"): out.append(0x2F)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = try parseHex4()
        if (0xD800...0xDBFF).contains(scalar) {
          // A high surrogate needs its low half; without it the text gets U+FFFD.
          if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
            let save = i
            i += 2
            let low = try parseHex4()
            if (0xDC00...0xDFFF).contains(low) {
              scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else {
              scalar = 0xFFFD
              i = save
            }
          } else {
            scalar = 0xFFFD
          }
        } else if (0xDC00...0xDFFF).contains(scalar) {
          scalar = 0xFFFD
        }
        let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        out.append(contentsOf: Array(String(Character(u)).utf8))
      default: throw fail("invalid escape")
      }
    }
    throw fail("unterminated string")
  }

  mutating func parseHex4() throws(JSONParseError) -> UInt32 {
    guard i + 4 <= bytes.count else { throw fail("short \\u escape") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let c = bytes[i]
      v <<= 4
      switch c {
      case 0x30...0x39: v |= UInt32(c - 0x30)
      case 0x41...0x46: v |= UInt32(c - 0x41 + 10)
      case 0x61...0x66: v |= UInt32(c - 0x61 + 10)
      default: throw fail("invalid \\u escape")
      }
      i += 1
    }
    return v
  }
}

// MARK: - Serialising

extension JSON {
  /// Compact JSON text, keys in their kept order.
  public func encoded() -> Data {
    var out: [UInt8] = []
    out.reserveCapacity(4096)
    write(into: &out, indent: nil, level: 0)
    return Data(out)
  }

  /// Pretty JSON text with two-space indentation, keys in their kept order.
  public func prettyText() -> String {
    var out: [UInt8] = []
    write(into: &out, indent: 2, level: 0)
    return String(decoding: out, as: UTF8.self)
  }

  public var compactText: String { String(decoding: encoded(), as: UTF8.self) }

  /// Byte size of the compact encoding.
  public var encodedSize: Int { encoded().count }

  func write(into out: inout [UInt8], indent: Int?, level: Int) {
    switch self {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .number(let n): out.append(contentsOf: n.text.utf8)
    case .string(let s): JSON.writeString(s, into: &out)
    case .array(let a):
      if a.isEmpty {
        out.append(contentsOf: "[]".utf8)
        return
      }
      out.append(UInt8(ascii: "["))
      for (k, v) in a.enumerated() {
        if k > 0 { out.append(UInt8(ascii: ",")) }
        JSON.newline(&out, indent, level + 1)
        v.write(into: &out, indent: indent, level: level + 1)
      }
      JSON.newline(&out, indent, level)
      out.append(UInt8(ascii: "]"))
    case .object(let o):
      if o.isEmpty {
        out.append(contentsOf: "{}".utf8)
        return
      }
      out.append(UInt8(ascii: "{"))
      var first = true
      for (k, v) in o {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        JSON.newline(&out, indent, level + 1)
        JSON.writeString(k, into: &out)
        out.append(UInt8(ascii: ":"))
        if indent != nil { out.append(UInt8(ascii: " ")) }
        v.write(into: &out, indent: indent, level: level + 1)
      }
      JSON.newline(&out, indent, level)
      out.append(UInt8(ascii: "}"))
    }
  }

  static func newline(_ out: inout [UInt8], _ indent: Int?, _ level: Int) {
    guard let indent else { return }
    out.append(0x0A)
    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
  }

  static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  static func writeString(_ s: String, into out: inout [UInt8]) {
    var s = s
    s.withUTF8 { writeString(utf8: $0, into: &out) }
  }

  /// Copies the bytes that need no escape as whole stretches: a 200 KB description is a handful of
  /// appends, not 200,000 (the sandbox answers with, and the journal writes, whole products).
  static func writeString(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var clean = 0
    var i = 0
    let count = bytes.count
    while i < count {
      if let base = bytes.baseAddress, i + 8 <= count, !mayNeedEscape(UnsafeRawPointer(base + i)) {
        i += 8
        continue
      }
      let b = bytes[i]
      i += 1
      guard b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F else { continue }
      if clean < i - 1 { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<(i - 1)])) }
      clean = i
      out.append(0x5C)
      switch b {
      case 0x22: out.append(0x22)
      case 0x5C: out.append(0x5C)
      case 0x0A: out.append(UInt8(ascii: "n"))
      case 0x0D: out.append(UInt8(ascii: "r"))
      case 0x09: out.append(UInt8(ascii: "t"))
      default: out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
      }
    }
    if clean < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean...])) }
    out.append(UInt8(ascii: "\""))
  }

  /// Whether any of the eight bytes at `p` is a quote, a backslash, DEL or a control character
  /// (the bytes `writeString` escapes): word-at-a-time tests for a zero byte and for a byte below
  /// 0x20, exact in whether any byte qualifies.
  @inline(__always)
  static func mayNeedEscape(_ p: UnsafeRawPointer) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let v = p.loadUnaligned(as: UInt64.self)
    let quote = v ^ (ones &* 0x22)
    let slash = v ^ (ones &* 0x5C)
    let del = v ^ (ones &* 0x7F)
    let hit =
      ((quote &- ones) & ~quote) | ((slash &- ones) & ~slash) | ((del &- ones) & ~del) | ((v &- ones &* 0x20) & ~v)
    return hit & highs != 0
  }
}

// MARK: - Codable bridge (for callers that mix in Codable types)

extension JSON: Codable {
  struct CodingKeyName: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public init(from decoder: Decoder) throws {
    if let c = try? decoder.container(keyedBy: CodingKeyName.self) {
      var o = JSONObject()
      for k in c.allKeys { o[k.stringValue] = try c.decode(JSON.self, forKey: k) }
      self = .object(o)
      return
    }
    if var a = try? decoder.unkeyedContainer() {
      var arr: [JSON] = []
      while !a.isAtEnd { arr.append(try a.decode(JSON.self)) }
      self = .array(arr)
      return
    }
    let s = try decoder.singleValueContainer()
    if s.decodeNil() {
      self = .null
    } else if let b = try? s.decode(Bool.self) {
      self = .bool(b)
    } else if let i = try? s.decode(Int.self) {
      self = .int(i)
    } else if let d = try? s.decode(Double.self) {
      self = .double(d)
    } else {
      self = .string(try s.decode(String.self))
    }
  }

  public func encode(to encoder: Encoder) throws {
    switch self {
    case .null:
      var s = encoder.singleValueContainer()
      try s.encodeNil()
    case .bool(let b):
      var s = encoder.singleValueContainer()
      try s.encode(b)
    case .number(let n):
      var s = encoder.singleValueContainer()
      if let i = Int(n.text) { try s.encode(i) } else { try s.encode(n.double) }
    case .string(let str):
      var s = encoder.singleValueContainer()
      try s.encode(str)
    case .array(let a):
      var c = encoder.unkeyedContainer()
      for v in a { try c.encode(v) }
    case .object(let o):
      var c = encoder.container(keyedBy: CodingKeyName.self)
      for (k, v) in o { try c.encode(v, forKey: CodingKeyName(stringValue: k)) }
    }
  }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral,
  ExpressibleByFloatLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .int(value) }
  public init(floatLiteral value: Double) { self = .double(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(arrayLiteral elements: JSON...) { self = .array(elements) }
  public typealias Key = String
  public typealias Value = JSON
  public init(dictionaryLiteral elements: (String, JSON)...) {
    var o = JSONObject()
    for (k, v) in elements { o[k] = v }
    self = .object(o)
  }
  public init(nilLiteral: ()) { self = .null }
}

extension OrderedDictionary where Key == String, Value == JSON {
  /// Where the object's keys and values are kept, read in place (no copy, no retain). Two objects
  /// whose keys and values are each at one address are the same object, however big, and equal
  /// without being read. Nil where there is no contiguous storage to point at.
  public var storageAddresses: (keys: UnsafeRawPointer?, values: UnsafeRawPointer?) {
    let keys = self.keys.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    let values = self.values.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    return (keys, values)
  }
}
