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
  /// threads, each taking about half of its members (about 1.2× faster than one thread for a 2 MB
  /// product on a 2-core VM, where two parses side by side each run almost as long as one alone).
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

  /// Reads a top-level object of at least `threshold` bytes in two steps, so that a caller can
  /// show what it needs first: every member whose key is not in `later` is handed to `early` as
  /// soon as it is read (one object, in the document's order), then the members in `later` are
  /// read (two threads share them when they are big). The value, and any error, is `parse`'s;
  /// `early` is called at most once, and not at all for a smaller document, one that is not an
  /// object, one with no member in `later`, or one whose early members are not valid JSON.
  public static func parse(
    _ data: Data, readingLast later: Set<String>, from threshold: Int = 1 << 20, early: (JSONObject) -> Void
  ) throws(JSONParseError) -> JSON {
    var split = false
    let staged: JSON? = data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      guard bytes.count >= threshold, let members = JSONParser.splitTopObject(bytes) else { return nil }
      split = true
      return members.parse(readingLast: later, early: early)
    }
    if let staged { return staged }
    // Split but not valid: the one-thread reading gives the exact error, without skimming again.
    return try parse(data, twoThreadsFrom: split ? Int.max : threshold)
  }

  public static func parse(_ text: String) throws(JSONParseError) -> JSON {
    try parse(Data(text.utf8))
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
  /// (the bytes `writeString` escapes).
  @inline(__always)
  static func mayNeedEscape(_ p: UnsafeRawPointer) -> Bool {
    let v = p.loadUnaligned(as: UInt64.self)
    return WordScan.endsOrEscapes(v) | WordScan.equal(v, 0x7F) != 0
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
