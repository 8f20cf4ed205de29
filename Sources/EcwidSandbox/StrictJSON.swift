import Foundation

/// What a real JSON server (RFC 8259) refuses and our own `JSON.parse` forgives: the parser is
/// lenient on purpose (it reads stored files and server answers), the sandbox must not be. A
/// request body that is not strict JSON is answered 400 `WRONG_PARAMETER`, as Ecwid's "Request
/// parameters are malformed" row says, before anything is looked at.
///
/// Checked here: the bytes are valid UTF-8 (RFC 8259 §8.1), no number has a leading zero
/// (`007.5`, `-01`; §6), no lone surrogate escape (`"\uD800"`: §8.2 leaves its meaning
/// unpredictable, and the sandbox could only store it changed, as U+FFFD). A UTF-8 byte order
/// mark is ignored, as §8.1 allows a parser to. Everything else (`NaN`, `Infinity`, trailing
/// commas, single quotes, comments, unquoted keys, control characters in strings, a missing
/// value) is refused by `JSON.parse` itself.
enum StrictJSON {
  /// The reason `body` is not strict JSON, or nil when the strict parts are fine.
  static func violation(_ body: Data) -> String? {
    if String(validating: body, as: UTF8.self) == nil { return "the body is not valid UTF-8" }
    let bytes = [UInt8](body)
    var i = 0
    var inString = false
    while i < bytes.count {
      let b = bytes[i]
      if inString {
        if b == UInt8(ascii: "\\") {
          if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "u"), let v = hex4(bytes, i + 2) {
            if (0xD800...0xDBFF).contains(v) {
              let low = i + 7 < bytes.count && bytes[i + 6] == UInt8(ascii: "\\") && bytes[i + 7] == UInt8(ascii: "u")
                ? hex4(bytes, i + 8) : nil
              guard let low, (0xDC00...0xDFFF).contains(low) else {
                return "a lone surrogate escape at byte \(i) is not a Unicode character"
              }
              i += 12
              continue
            }
            if (0xDC00...0xDFFF).contains(v) { return "a lone surrogate escape at byte \(i) is not a Unicode character" }
            i += 6
            continue
          }
          i += 2
          continue
        }
        if b == UInt8(ascii: "\"") { inString = false }
        i += 1
        continue
      }
      if b == UInt8(ascii: "\"") {
        inString = true
        i += 1
        continue
      }
      // A number starts with '-' or a digit outside strings; a leading 0 must stand alone.
      let isDigit = { (c: UInt8) in c >= 0x30 && c <= 0x39 }
      if b == UInt8(ascii: "-") || isDigit(b) {
        let start = i
        if b == UInt8(ascii: "-") { i += 1 }
        if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "0"), isDigit(bytes[i + 1]) {
          return "a number with a leading zero at byte \(start) is not valid JSON"
        }
        while i < bytes.count, isDigit(bytes[i]) || [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"),
          UInt8(ascii: "+"), UInt8(ascii: "-")].contains(bytes[i]) {
          i += 1
        }
        continue
      }
      i += 1
    }
    return nil
  }

  private static func hex4(_ bytes: [UInt8], _ at: Int) -> UInt32? {
    guard at + 4 <= bytes.count else { return nil }
    var v: UInt32 = 0
    for c in bytes[at..<(at + 4)] {
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
}
