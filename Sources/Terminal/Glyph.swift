import Synchronization

/// One grapheme as a plain value, so that a `Cell` holds no reference: copying, comparing and
/// clearing a screen of cells is then a matter of words, not of reference counts (a frame has
/// 12,000 cells at 200x60 and the view makes one per key).
///
/// Up to 15 UTF-8 bytes are stored inline, in two words (byte 15 is the length). A longer cluster
/// (an emoji sequence of four people is 25 bytes) is kept once in a table shared by the process and
/// the glyph holds its number, so equal graphemes are always equal glyphs.
@usableFromInline
struct Glyph: Hashable, Sendable {
  @usableFromInline var low: UInt64
  @usableFromInline var high: UInt64

  @usableFromInline static let tableMark: UInt64 = 0xFF

  @inline(__always) @usableFromInline
  init(low: UInt64, high: UInt64) {
    self.low = low
    self.high = high
  }

  /// One ASCII byte.
  @inline(__always) @usableFromInline
  static func ascii(_ byte: UInt8) -> Glyph { Glyph(low: UInt64(byte), high: 1 << 56) }

  static let space = Glyph.ascii(0x20)
  static let empty = Glyph(low: 0, high: 0)

  /// One Unicode scalar.
  @inline(__always)
  init(scalar: Unicode.Scalar) {
    var low: UInt64 = 0
    var count: UInt64 = 0
    for byte in UTF8.encode(scalar)! {
      low |= UInt64(byte) << (8 * count)
      count += 1
    }
    self.init(low: low, high: count << 56)
  }

  init(_ text: String) {
    let count = text.utf8.count
    if count > 15 {
      self.init(low: UInt64(GlyphTable.number(for: text)), high: Glyph.tableMark << 56)
      return
    }
    var low: UInt64 = 0
    var high: UInt64 = 0
    var i: UInt64 = 0
    for byte in text.utf8 {
      if i < 8 { low |= UInt64(byte) << (8 * i) } else { high |= UInt64(byte) << (8 * (i - 8)) }
      i += 1
    }
    self.init(low: low, high: high | (UInt64(count) << 56))
  }

  /// The number of UTF-8 bytes, or 0xFF for a cluster kept in the table.
  @inline(__always) var count: Int { Int(high >> 56) }

  var isEmpty: Bool { count == 0 }

  /// The byte when the glyph is one ASCII character.
  @inline(__always) var asciiByte: UInt8? { count == 1 && low < 0x80 ? UInt8(low) : nil }

  var string: String {
    let n = count
    if n == Int(Glyph.tableMark) { return GlyphTable.text(for: Int(low)) }
    if n == 0 { return "" }
    if let byte = asciiByte { return asciiStrings[Int(byte)] }
    var words = (low, high & 0x00FF_FFFF_FFFF_FFFF)
    return withUnsafeBytes(of: &words) { raw in String(decoding: raw.prefix(n), as: UTF8.self) }
  }
}

/// The strings of the 128 ASCII characters, made once.
let asciiStrings: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

/// Graphemes longer than 15 bytes, numbered in the order first seen. They are rare (long emoji
/// sequences) and few, so the table only grows by what a session shows.
enum GlyphTable {
  private struct Storage: ~Copyable {
    var texts: [String] = []
    var numbers: [String: Int] = [:]
  }
  private static let storage = Mutex(Storage())

  static func number(for text: String) -> Int {
    storage.withLock { s in
      if let n = s.numbers[text] { return n }
      s.texts.append(text)
      s.numbers[text] = s.texts.count - 1
      return s.texts.count - 1
    }
  }

  static func text(for number: Int) -> String {
    storage.withLock { s in number < s.texts.count ? s.texts[number] : "\u{FFFD}" }
  }
}
