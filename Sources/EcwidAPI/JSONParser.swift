import Foundation

// MARK: - Parsing (see `JSON.parse`)

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
    guard let (first, second) = JSONSplit.readBoth(bytes, members[..<half], members[half...]) else { return nil }
    var o = JSONObject(minimumCapacity: members.count)
    for (key, value) in first { o[key] = value }
    for (key, value) in second { o[key] = value }  // a repeated key keeps its first place, the last value
    return .object(o)
  }

  /// Reads in two steps: first every member whose key is not in `later`, handed to `early` as
  /// one object in the document's order, then the members in `later` (two threads share them
  /// when they are big). With no member in `later`, one step: `parse()`, and no `early`. Nil when
  /// a key or a value is not valid JSON, before `early` is called for an early one (the caller
  /// reads it all again, on one thread, for the exact error).
  func parse(readingLast later: Set<String>, early: (JSONObject) -> Void) -> JSON? {
    var keys: [String] = []
    keys.reserveCapacity(members.count)
    var parser = JSONParser(bytes: bytes)
    parser.depth = 1
    for start in members {
      parser.i = start
      guard let key = try? parser.parseString() else { return nil }
      keys.append(key)
    }
    let lateIndices = keys.indices.filter { later.contains(keys[$0]) }
    guard !lateIndices.isEmpty else { return parse() }
    let earlyIndices = keys.indices.filter { !later.contains(keys[$0]) }
    guard let earlyMembers = JSONSplit.read(bytes, ArraySlice(earlyIndices.map { members[$0] })) else { return nil }
    var values = [JSON?](repeating: nil, count: members.count)
    var first = JSONObject(minimumCapacity: earlyIndices.count)
    for (index, (key, value)) in zip(earlyIndices, earlyMembers) {
      values[index] = value
      first[key] = value
    }
    early(first)

    // The later members cut where their bytes are about halved (a member ends where the next
    // one starts).
    let lateStarts = lateIndices.map { members[$0] }
    let sizes = lateIndices.map { ($0 + 1 < members.count ? members[$0 + 1] : bytes.count) - members[$0] }
    let total = sizes.reduce(0, +)
    var cut = 0
    var before = 0
    while cut < sizes.count, before + sizes[cut] / 2 < total / 2 {
      before += sizes[cut]
      cut += 1
    }
    let lateMembers: [(String, JSON)]
    if cut == 0 || cut == lateStarts.count || total < JSONSplit.twoThreadsFrom {
      guard let all = JSONSplit.read(bytes, lateStarts[...]) else { return nil }
      lateMembers = all
    } else {
      guard let (a, b) = JSONSplit.readBoth(bytes, lateStarts[..<cut], lateStarts[cut...], yielding: true) else { return nil }
      lateMembers = a + b
    }
    for (index, (_, value)) in zip(lateIndices, lateMembers) { values[index] = value }
    var o = JSONObject(minimumCapacity: members.count)
    for (key, value) in zip(keys, values) { o[key] = value! }  // a repeated key keeps its first place, the last value
    return .object(o)
  }

  /// Below this many bytes, a step's members are read on one thread.
  static let twoThreadsFrom = 256 << 10

  /// Two runs of members read at once, the second on a thread of its own; nil when either is not
  /// valid JSON. `yielding`: both on threads of their own that give way to the process's other
  /// threads (nice 10), for a reading that nobody watches: the first look is drawn meanwhile.
  static func readBoth(
    _ bytes: UnsafeBufferPointer<UInt8>, _ firstStarts: ArraySlice<Int>, _ secondStarts: ArraySlice<Int>,
    yielding: Bool = false
  ) -> ([(String, JSON)], [(String, JSON)])? {
    nonisolated(unsafe) let bytes = bytes
    nonisolated(unsafe) var first: [(String, JSON)]?
    nonisolated(unsafe) var second: [(String, JSON)]?
    let done = DispatchSemaphore(value: 0)
    // Threads of their own: waiting here for work queued behind the caller's own pool could wait forever.
    func spawn(_ body: @escaping @Sendable () -> Void) {
      let thread = Thread {
        // On Linux the nice value is per thread: 0 is this thread.
        if yielding { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10) }
        body()
        done.signal()
      }
      thread.stackSize = 8 << 20  // as deep as the caller may nest
      thread.start()
    }
    spawn { second = JSONSplit.read(bytes, secondStarts) }
    if yielding {
      spawn { first = JSONSplit.read(bytes, firstStarts) }
      done.wait()
    } else {
      first = JSONSplit.read(bytes, firstStarts)
    }
    done.wait()
    guard let first, let second else { return nil }
    return (first, second)
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
    let raw = UnsafeRawPointer(bytes.baseAddress!)
    while i + 8 <= bytes.count {
      let v = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      if WordScan.endsOrEscapes(v) != 0 { return }
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

/// Eight bytes at a time: which of the bytes in a word matter to a JSON string. Each test marks
/// the high bit of a byte that qualifies; a mark may also land on a byte above a qualifying one,
/// never on a word with none, so "any mark" is exact.
enum WordScan {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let highs: UInt64 = 0x8080_8080_8080_8080

  /// Marks bytes equal to `byte` (0x01...0x7F).
  @inline(__always)
  static func equal(_ v: UInt64, _ byte: UInt8) -> UInt64 {
    let x = v ^ (ones &* UInt64(byte))
    return (x &- ones) & ~x & highs
  }

  /// Marks bytes below `limit` (0x01...0x80).
  @inline(__always)
  static func below(_ v: UInt64, _ limit: UInt8) -> UInt64 {
    (v &- ones &* UInt64(limit)) & ~v & highs
  }

  /// A quote, a backslash or a control character: what ends a string's plain stretch when reading.
  @inline(__always)
  static func endsOrEscapes(_ v: UInt64) -> UInt64 {
    equal(v, 0x22) | equal(v, 0x5C) | below(v, 0x20)
  }
}
