// Display width, sanitising and truncation: the one place that decides how many terminal columns
// a string takes. Everything that becomes a cell goes through `sanitizeForTerminal` first.

// MARK: - Fast paths

/// True when every byte is printable ASCII (0x20...0x7E).
@inline(__always)
func isPrintableASCII(_ s: String) -> Bool {
  var s = s
  return s.withUTF8 { buf in
    for b in buf where b < 0x20 || b > 0x7E { return false }
    return true
  }
}

// MARK: - Width tables

/// East Asian Wide / Fullwidth ranges that are not emoji (emoji are handled via
/// `isEmojiPresentation`). Sorted, non-overlapping.
private let wideRanges: [ClosedRange<UInt32>] = [
  0x1100...0x115F,  // Hangul Jamo initial consonants
  0x2329...0x232A,  // angle brackets
  0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols & punctuation
  0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK compat
  0x3400...0x4DBF,  // CJK extension A
  0x4E00...0x9FFF,  // CJK unified ideographs
  0xA000...0xA4CF,  // Yi
  0xA960...0xA97F,  // Hangul Jamo extended A
  0xAC00...0xD7A3,  // Hangul syllables
  0xF900...0xFAFF,  // CJK compatibility ideographs
  0xFE10...0xFE19,  // vertical forms
  0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
  0xFF00...0xFF60,  // fullwidth forms
  0xFFE0...0xFFE6,  // fullwidth signs
  0x16FE0...0x16FE4,
  0x17000...0x18CFF,  // Tangut
  0x1AFF0...0x1B2FF,  // Kana supplement/extended
  0x1F200...0x1F202,
  0x1F210...0x1F23B,
  0x1F240...0x1F248,
  0x1F250...0x1F251,
  0x20000...0x2FFFD,  // CJK extensions B..F
  0x30000...0x3FFFD,  // CJK extension G..
]

@inline(__always)
private func isWideScalar(_ v: UInt32) -> Bool {
  if v < 0x1100 { return false }
  var lo = 0
  var hi = wideRanges.count - 1
  while lo <= hi {
    let mid = (lo + hi) >> 1
    let r = wideRanges[mid]
    if v < r.lowerBound {
      hi = mid - 1
    } else if v > r.upperBound {
      lo = mid + 1
    } else {
      return true
    }
  }
  return false
}

@inline(__always)
private func isRegionalIndicator(_ v: UInt32) -> Bool { v >= 0x1F1E6 && v <= 0x1F1FF }

private func isZeroWidthScalar(_ s: Unicode.Scalar) -> Bool {
  let v = s.value
  if v >= 0x1160 && v <= 0x11FF { return true }  // Hangul medial vowels / final consonants
  if v == 0x200B || v == 0x200C || v == 0x200D || v == 0x2060 || v == 0xFEFF { return true }
  switch s.properties.generalCategory {
  case .nonspacingMark, .enclosingMark, .format: return true
  default: return false
  }
}

/// Width of one grapheme that has already been sanitised.
@inline(__always)
func graphemeWidth(_ c: Character) -> Int {
  if let a = c.asciiValue {
    // "\r\n" is one ASCII Character; sanitised text never contains it, count it as one column.
    return a >= 0x20 && a != 0x7F ? 1 : (a == 0x0D || a == 0x0A ? 1 : 0)
  }
  // One scalar in a common range: no property look-ups (what slowGraphemeWidth would say).
  let scalars = c.unicodeScalars
  let first = scalars.first!
  if scalars.index(after: scalars.startIndex) == scalars.endIndex {
    if isCommonNarrow(first.value) { return 1 }
    if isCommonWide(first.value) { return 2 }
  }
  return slowGraphemeWidth(c)
}

/// Scalars that are printable, narrow, not emoji-presentation, not combining and that
/// `sanitizeForTerminal` keeps unchanged: Latin-1 and Latin extended, general punctuation
/// (dashes, quotes, "…", "•"), arrows, box drawing and block elements.
@inline(__always)
func isCommonNarrow(_ v: UInt32) -> Bool {
  (v >= 0x20 && v < 0x7F) || (v >= 0xA0 && v < 0x300 && v != 0xAD) || (v >= 0x2010 && v <= 0x2027)
    || (v >= 0x2030 && v <= 0x205E) || (v >= 0x2190 && v <= 0x21FF) || (v >= 0x2500 && v <= 0x259F)
}

/// Scalars that are a wide grapheme on their own, known without property look-ups: CJK unified
/// ideographs (and extension A), Hangul syllables, hiragana and katakana.
@inline(__always)
func isCommonWide(_ v: UInt32) -> Bool {
  (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0xAC00 && v <= 0xD7A3)
    || (v >= 0x3041 && v <= 0x3096) || (v >= 0x30A1 && v <= 0x30FA)
}

/// True when every scalar is `isCommonNarrow`: then each scalar is a grapheme of width 1 and
/// sanitising changes nothing.
@inline(__always)
func isCommonNarrowText(_ s: String) -> Bool {
  for sc in s.unicodeScalars where !isCommonNarrow(sc.value) { return false }
  return true
}

/// Width of text that has already been sanitised.
@inline(__always)
func sanitizedWidth(_ s: String) -> Int {
  if isPrintableASCII(s) { return s.utf8.count }
  var total = 0
  for c in s { total += graphemeWidth(c) }
  return total
}

private func slowGraphemeWidth(_ c: Character) -> Int {
  var it = c.unicodeScalars.makeIterator()
  guard let first = it.next() else { return 0 }
  var count = 1
  var second: UInt32 = 0
  var hasVS16 = false
  var hasVS15 = false
  var hasZWJ = false
  var hasKeycap = false
  while let s = it.next() {
    count += 1
    if count == 2 { second = s.value }
    switch s.value {
    case 0xFE0F: hasVS16 = true
    case 0xFE0E: hasVS15 = true
    case 0x200D: hasZWJ = true
    case 0x20E3: hasKeycap = true
    default: break
    }
  }
  let v = first.value
  if isRegionalIndicator(v) {
    return count >= 2 && isRegionalIndicator(second) ? 2 : 1
  }
  let props = first.properties
  if props.isEmoji {
    if hasVS15 && !hasVS16 && !hasZWJ { return isWideScalar(v) ? 2 : 1 }
    if props.isEmojiPresentation { return 2 }
    if hasVS16 || hasKeycap { return 2 }
    if hasZWJ && v > 0x7F { return 2 }
  }
  if isWideScalar(v) { return 2 }
  if isZeroWidthScalar(first) { return 0 }
  return 1
}

// MARK: - Public width API

/// Display width in terminal columns after sanitising: CJK/fullwidth and emoji (including ZWJ
/// sequences, flags and VS16 presentation) take 2 columns, combining marks and zero-width
/// characters 0, everything else 1.
public func displayWidth(_ s: String) -> Int {
  if isPrintableASCII(s) { return s.utf8.count }
  return sanitizedWidth(sanitizeForTerminal(s))
}

/// Display width of one grapheme after sanitising (a control character becomes a 1-column picture).
public func displayWidth(_ c: Character) -> Int {
  if let a = c.asciiValue, a >= 0x20, a < 0x7F { return 1 }
  return displayWidth(String(c))
}

/// Cuts `s` (sanitised) to at most `toWidth` columns, never inside a grapheme; when it had to cut,
/// the result ends with `ellipsis` (dropped when the ellipsis alone does not fit).
public func truncate(_ s: String, toWidth: Int, ellipsis: String = "…") -> String {
  truncated(s, toWidth: toWidth, ellipsis: ellipsis).text
}

/// `truncate` and the width of its result.
func truncated(_ s: String, toWidth: Int, ellipsis: String = "…") -> (text: String, width: Int) {
  guard toWidth > 0 else { return ("", 0) }
  // A long text (a description in a grid cell) is cut to its start before it is sanitised and
  // measured: only `toWidth` columns can show. Twice as many characters as columns, and some,
  // cover anything but a text made mostly of characters that sanitising removes; such a text
  // then shows shorter, still with the ellipsis.
  let keep = 2 * toWidth + 8
  var cut = false
  var source = s
  if s.utf8.count > 4 * keep {
    let head = s.prefix(keep)
    if head.endIndex < s.endIndex {
      source = String(head)
      cut = true
    }
  }
  let clean = sanitizeForTerminal(source)
  let ascii = isPrintableASCII(clean)
  if ascii && !cut && clean.utf8.count <= toWidth { return (clean, clean.utf8.count) }
  // The ellipsis, or nothing when it alone does not fit.
  var suffix = ""
  var suffixWidth = 0
  if ellipsis == "…" {
    (suffix, suffixWidth) = ("…", 1)
  } else {
    let cleanEllipsis = sanitizeForTerminal(ellipsis)
    (suffix, suffixWidth) = (cleanEllipsis, sanitizedWidth(cleanEllipsis))
  }
  if suffixWidth > toWidth { (suffix, suffixWidth) = ("", 0) }
  let budget = toWidth - suffixWidth
  if ascii {
    let n = min(budget, clean.utf8.count)
    return (String(decoding: clean.utf8.prefix(n), as: UTF8.self) + suffix, n + suffixWidth)
  }
  if let simple = truncatedByScalars(clean, toWidth: toWidth, budget: budget, cut: cut) {
    return simple.fits ? (clean, simple.width) : (String(decoding: clean.utf8.prefix(simple.bytes), as: UTF8.self) + suffix, simple.width + suffixWidth)
  }
  // One pass over the graphemes, ending as soon as the text is known not to fit: the bytes up to
  // the last grapheme that fits beside the ellipsis are kept.
  var fitting = Fitting(toWidth: toWidth, budget: budget)
  for c in clean {
    if !fitting.add(width: graphemeWidth(c), bytes: c.utf8.count) { break }
  }
  if !fitting.over && !cut { return (clean, fitting.used) }
  return (String(decoding: clean.utf8.prefix(fitting.keptBytes), as: UTF8.self) + suffix, fitting.keptWidth + suffixWidth)
}

/// `truncated` by scalars, for text whose scalars are each a grapheme of their own with a width
/// known without property look-ups (Latin, punctuation, arrows, box drawing: 1; CJK ideographs,
/// kana and Hangul syllables: 2), as far as it has to read: nil when a scalar that could join a
/// grapheme or needs a look-up comes first (the grapheme pass decides then). Iterating
/// Characters costs a grapheme-break check per character; a grid draws hundreds of cells a frame.
/// `fits`: the whole text fits (`width` is its width); otherwise `bytes` and `width` are the part
/// that fits in `budget`.
@inline(__always)
private func truncatedByScalars(_ clean: String, toWidth: Int, budget: Int, cut: Bool) -> (
  fits: Bool, bytes: Int, width: Int
)? {
  var fitting = Fitting(toWidth: toWidth, budget: budget)
  for scalar in clean.unicodeScalars {
    let w: Int
    if isCommonNarrow(scalar.value) {
      w = 1
    } else if isCommonWide(scalar.value) {
      w = 2
    } else {
      return nil
    }
    if !fitting.add(width: w, bytes: UTF8.width(scalar)) {
      return (false, fitting.keptBytes, fitting.keptWidth)
    }
  }
  return cut ? (false, fitting.keptBytes, fitting.keptWidth) : (true, fitting.bytes, fitting.used)
}

/// The running count of a truncation: the columns and bytes read so far, and the part that fits
/// beside the ellipsis (up to the first piece that does not).
private struct Fitting {
  let toWidth: Int
  let budget: Int
  var used = 0
  var bytes = 0
  var keptBytes = 0
  var keptWidth = 0
  var keeping = true

  init(toWidth: Int, budget: Int) {
    self.toWidth = toWidth
    self.budget = budget
  }

  /// True once the text is wider than `toWidth`.
  var over: Bool { used > toWidth }

  /// Counts one piece (a grapheme or a scalar); false once the text is known not to fit.
  @inline(__always)
  mutating func add(width w: Int, bytes count: Int) -> Bool {
    bytes += count
    if keeping && used + w <= budget {
      keptBytes = bytes
      keptWidth = used + w
    } else {
      keeping = false
    }
    used += w
    return used <= toWidth
  }
}

/// Truncates (with ellipsis) and pads with spaces to exactly `toWidth` columns.
public func padRight(_ s: String, toWidth: Int) -> String {
  guard toWidth > 0 else { return "" }
  let (t, w) = truncated(s, toWidth: toWidth)
  return w >= toWidth ? t : t + spaces(toWidth - w)
}

/// `count` spaces (made once for counts up to 512).
public func spaces(_ count: Int) -> String {
  guard count > 0 else { return "" }
  return count < spaceStrings.count ? spaceStrings[count] : String(repeating: " ", count: count)
}

private let spaceStrings: [String] = (0..<512).map { String(repeating: " ", count: $0) }

// MARK: - Sanitising

private let replacement: Unicode.Scalar = "\u{FFFD}"

@inline(__always)
private func isEmojiForJoin(_ s: Unicode.Scalar) -> Bool {
  s.value == 0xFE0F || (s.value > 0x7F && s.properties.isEmoji)
}

/// Makes remote text safe to show: C0 controls become control pictures ("␛" for ESC; tab becomes a
/// space, newline "⏎"), DEL "␡", C1 controls and noncharacters/unassigned code points "�"; bidi
/// controls and zero-width/format characters are removed (a ZWJ inside an emoji sequence and emoji
/// tag sequences are kept). The result contains nothing a terminal interprets as control.
/// Printable ASCII is returned unchanged.
public func sanitizeForTerminal(_ s: String) -> String {
  if isPrintableASCII(s) { return s }
  // Nothing to change (the common case: accents, dashes, "…", box drawing, CJK): no copy.
  var clean = true
  for sc in s.unicodeScalars {
    let v = sc.value
    if isCommonNarrow(v) || (v >= 0x3040 && v <= 0x9FFF) { continue }
    clean = false
    break
  }
  if clean { return s }
  let scalars = Array(s.unicodeScalars)
  var out = String.UnicodeScalarView()
  var lastKept: Unicode.Scalar? = nil
  var i = 0
  let n = scalars.count
  @inline(__always) func emit(_ x: Unicode.Scalar) {
    out.append(x)
    lastKept = x
  }
  while i < n {
    let sc = scalars[i]
    let v = sc.value
    defer { i += 1 }
    // Common printable ranges first.
    if (v >= 0x20 && v < 0x7F) || (v >= 0xA0 && v < 0x300 && v != 0xAD) || (v >= 0x3040 && v <= 0x9FFF) {
      emit(sc)
      continue
    }
    switch v {
    case 0x09:
      emit(" ")
    case 0x0A:
      emit("⏎")
    case 0x0D:
      if i + 1 < n && scalars[i + 1].value == 0x0A { continue }
      emit("⏎")
    case 0x1B:
      emit("␛")
    case 0x00..<0x20:
      emit(Unicode.Scalar(0x2400 + v)!)
    case 0x7F:
      emit("␡")
    case 0x80...0x9F:
      emit(replacement)
    case 0xAD:
      continue  // soft hyphen
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
      continue  // bidi controls
    case 0x200B, 0x200C, 0x2060...0x2064, 0xFEFF, 0x180E, 0xFFF9...0xFFFB:
      continue  // zero-width / invisible
    case 0x200D:
      if let prev = lastKept, isEmojiForJoin(prev), i + 1 < n, isEmojiForJoin(scalars[i + 1]),
        scalars[i + 1].value != 0xFE0F
      {
        emit(sc)
      }
    case 0x2028, 0x2029:
      emit("⏎")
    case 0xE0020...0xE007F:
      // Emoji tag sequences (subdivision flags) only.
      if let prev = lastKept, prev.value == 0x1F3F4 || (prev.value >= 0xE0020 && prev.value <= 0xE007F) {
        emit(sc)
      }
    case 0xFDD0...0xFDEF:
      emit(replacement)
    default:
      if v & 0xFFFE == 0xFFFE {
        emit(replacement)
        continue
      }
      switch sc.properties.generalCategory {
      case .format:
        continue
      case .unassigned, .surrogate:
        emit(replacement)
      case .control:
        emit(replacement)
      default:
        emit(sc)
      }
    }
  }
  return String(out)
}
