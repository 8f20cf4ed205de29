import Foundation

/// Why a file is not strict JSON, and where: line and column (both from 1; columns count
/// characters, not bytes).
public struct StrictJSONError: Error, Sendable, Equatable, CustomStringConvertible {
  public let line: Int
  public let column: Int
  public let reason: String
  public init(line: Int, column: Int, reason: String) {
    self.line = line
    self.column = column
    self.reason = reason
  }
  public var description: String { "line \(line), column \(column): \(reason)" }
}

/// Strict reading of JSON a person wrote (`ecwid-edit apply`'s file). Unlike `JSON.parse`, which
/// is lenient with what a server sends, nothing is repaired: invalid UTF-8, a lone surrogate
/// escape (`"\ud800"`) and a number with leading zeros (`007`) are refused, and every error
/// names its line and column.
public enum StrictJSON {
  public static func parse(_ data: Data) throws(StrictJSONError) -> JSON {
    let scan: StrictJSONError? = data.withUnsafeBytes { raw in
      var scanner = StrictScanner(bytes: raw.bindMemory(to: UInt8.self))
      return scanner.run()
    }
    if let scan { throw scan }
    do {
      return try JSON.parse(data)
    } catch {
      let (line, column) = position(of: error.offset, in: data)
      throw StrictJSONError(line: line, column: column, reason: error.reason)
    }
  }

  /// Line and column (from 1) of a byte offset; columns count UTF-8 characters.
  public static func position(of offset: Int, in data: Data) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    var k = 0
    for b in data {
      if k >= offset { break }
      if b == 0x0A {
        line += 1
        column = 1
      } else if b & 0xC0 != 0x80 {
        column += 1
      }
      k += 1
    }
    return (line, column)
  }
}

/// One pass over the bytes: UTF-8 validity everywhere, escapes inside strings, number shapes
/// outside them. The structure itself is left to the parser.
struct StrictScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  var i = 0
  var line = 1
  var lineStart = 0

  init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  func error(at offset: Int, _ reason: String) -> StrictJSONError {
    var column = 1
    var k = lineStart
    while k < offset && k < bytes.count {
      if bytes[k] & 0xC0 != 0x80 { column += 1 }
      k += 1
    }
    return StrictJSONError(line: line, column: column, reason: reason)
  }

  /// The length of the valid UTF-8 sequence at `i`, or nil.
  func utf8Length(at i: Int) -> Int? {
    let b0 = bytes[i]
    if b0 < 0x80 { return 1 }
    func cont(_ k: Int) -> Bool { i + k < bytes.count && bytes[i + k] & 0xC0 == 0x80 }
    switch b0 {
    case 0xC2...0xDF: return cont(1) ? 2 : nil
    case 0xE0...0xEF:
      guard cont(1), cont(2) else { return nil }
      let b1 = bytes[i + 1]
      if b0 == 0xE0 && b1 < 0xA0 { return nil }  // overlong
      if b0 == 0xED && b1 >= 0xA0 { return nil }  // an encoded surrogate
      return 3
    case 0xF0...0xF4:
      guard cont(1), cont(2), cont(3) else { return nil }
      let b1 = bytes[i + 1]
      if b0 == 0xF0 && b1 < 0x90 { return nil }
      if b0 == 0xF4 && b1 >= 0x90 { return nil }
      return 4
    default: return nil
    }
  }

  mutating func run() -> StrictJSONError? {
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
    var inString = false
    while i < bytes.count {
      let b = bytes[i]
      if b >= 0x80 {
        guard let n = utf8Length(at: i) else { return error(at: i, "invalid UTF-8 (byte 0x\(String(b, radix: 16, uppercase: true)))") }
        i += n
        continue
      }
      if b == 0x0A {
        line += 1
        lineStart = i + 1
        i += 1
        continue
      }
      if inString {
        if b == UInt8(ascii: "\"") {
          inString = false
        } else if b == UInt8(ascii: "\\"), i + 1 < bytes.count {
          if bytes[i + 1] == UInt8(ascii: "u") {
            if let e = checkUnicodeEscape() { return e }
            continue
          }
          i += 1
        }
        i += 1
        continue
      }
      if b == UInt8(ascii: "\"") {
        inString = true
        i += 1
        continue
      }
      if b == UInt8(ascii: "-") || (b >= 0x30 && b <= 0x39) {
        let start = i
        if b == UInt8(ascii: "-") { i += 1 }
        if i + 1 < bytes.count, bytes[i] == 0x30, bytes[i + 1] >= 0x30, bytes[i + 1] <= 0x39 {
          return error(at: start, "a number cannot start with 0 (write it without leading zeros)")
        }
        while i < bytes.count, isNumberByte(bytes[i]) { i += 1 }
        continue
      }
      i += 1
    }
    return nil
  }

  func isNumberByte(_ c: UInt8) -> Bool {
    (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
      || c == UInt8(ascii: "+") || c == UInt8(ascii: "-")
  }

  func hex4(at k: Int) -> UInt32? {
    guard k + 4 <= bytes.count else { return nil }
    var v: UInt32 = 0
    for j in 0..<4 {
      let c = bytes[k + j]
      v <<= 4
      switch c {
      case 0x30...0x39: v |= UInt32(c - 0x30)
      case 0x41...0x46: v |= UInt32(c - 0x41 + 10)
      case 0x61...0x66: v |= UInt32(c - 0x61 + 10)
      default: return nil
      }
    }
    return v
  }

  /// At `\u`: a surrogate must come as a high/low pair. Leaves `i` after the escape(s).
  mutating func checkUnicodeEscape() -> StrictJSONError? {
    let start = i
    guard let v = hex4(at: i + 2) else { return error(at: start, "invalid \\u escape") }
    i += 6
    if (0xDC00...0xDFFF).contains(v) {
      return error(at: start, "lone surrogate \\u\(String(v, radix: 16)) (a low surrogate with no high one before it)")
    }
    if (0xD800...0xDBFF).contains(v) {
      guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u"),
        let low = hex4(at: i + 2), (0xDC00...0xDFFF).contains(low)
      else {
        return error(at: start, "lone surrogate \\u\(String(v, radix: 16)) (a high surrogate must be followed by a low one)")
      }
      i += 6
    }
    return nil
  }
}
