/// A decoded key press.
public enum Key: Hashable, Sendable {
  case char(Character)
  /// Ctrl with a lowercase letter (or one of " \\]^_").
  case ctrl(Character)
  case alt(Character)
  case enter, tab, backTab, backspace, delete, escape, insert
  case up, down, left, right, home, end, pageUp, pageDown
  case shiftUp, shiftDown, shiftLeft, shiftRight, ctrlLeft, ctrlRight, ctrlUp, ctrlDown, ctrlHome, ctrlEnd
  case function(Int)
  case unknown(Int32)
}

/// What the backend reports to the program loop.
public enum TerminalEvent: Equatable, Sendable {
  case key(Key)
  /// Bracketed paste: the pasted text verbatim (CR/CRLF turned into "\n"), never interpreted as keys.
  case paste(String)
  case resize(width: Int, height: Int)
}

/// How many colours the backend uses.
public enum ColorMode: Sendable {
  case none, eight, full256
}

/// The seam between the program loop and a real terminal.
public protocol TerminalBackend: AnyObject {
  var size: (width: Int, height: Int) { get }
  /// Draws only the runs changed since the last draw; repaints everything after a resize or `invalidate()`.
  func draw(_ screen: Screen, cursor: (x: Int, y: Int)?)
  func invalidate()
  /// The next event, or nil when `timeoutMilliseconds` passed without one (negative waits forever).
  func readEvent(timeoutMilliseconds: Int) -> TerminalEvent?
}

/// One raw input item as ncurses delivers it.
enum RawInput: Equatable, Sendable {
  /// A character (Unicode scalar value, or a C0/DEL byte).
  case char(UInt32)
  /// An ncurses KEY_* code.
  case key(Int32)
}

/// Turns raw input into events: control bytes, ESC prefixes (Alt), CSI/SS3 sequences ncurses did not
/// recognise, and bracketed paste (ESC[200~ ... ESC[201~). Pure apart from the `read` closure, so it
/// is testable without a terminal.
struct InputDecoder {
  /// Milliseconds to wait for the byte after ESC (ncurses has already waited its escdelay).
  var escapeTimeout = 25
  /// Idle milliseconds after which an unterminated paste is delivered as is.
  var pasteIdleTimeout = 1000
  /// Longest paste kept, in scalars; the rest is dropped.
  var maxPasteScalars = 4 << 20
  /// The key code the terminal gives for ESC[200~ when it recognises it itself (ncurses, through
  /// `define_key`), or nil.
  var pasteStartKeyCode: Int32?

  private var pending: [RawInput] = []

  /// Reads the next event. `read(timeout)` returns nil on timeout; `mapKey` turns an ncurses key code
  /// into an event (nil for codes to ignore). `readBytes(timeout)`, when given, reads raw input in
  /// bulk (nil on timeout or end of input): a paste's body is read with it, a chunk at a time,
  /// rather than one character per call (a 1 MB paste took 20 s that way).
  mutating func next(
    timeout: Int, read: (Int) -> RawInput?, readBytes: ((Int) -> [UInt8]?)? = nil,
    mapKey: (Int32) -> TerminalEvent?
  ) -> TerminalEvent? {
    while true {
      let input: RawInput
      if !pending.isEmpty {
        input = pending.removeFirst()
      } else if let got = read(timeout) {
        input = got
      } else {
        return nil
      }
      switch input {
      case .key(let code) where code == pasteStartKeyCode:
        if let readBytes, pending.isEmpty { return .paste(readPasteInBulk(readBytes)) }
        return .paste(readPaste(read))
      case .key(let code):
        if let event = mapKey(code) { return event }
        // Ignored code: keep waiting only when blocking, otherwise report it.
        return .key(.unknown(code))
      case .char(27):
        return escape(read: read, readBytes: readBytes, mapKey: mapKey)
      case .char(let v):
        return .key(InputDecoder.key(forChar: v))
      }
    }
  }

  static func key(forChar v: UInt32) -> Key {
    switch v {
    case 9: return .tab
    case 10, 13: return .enter
    case 8, 127: return .backspace
    case 27: return .escape
    case 0: return .ctrl(" ")
    case 1...26: return .ctrl(Character(Unicode.Scalar(v + 96)!))
    case 28...31: return .ctrl(Character(Unicode.Scalar(v + 64)!))
    default:
      guard let s = Unicode.Scalar(v), !(0x80...0x9F).contains(v) else { return .unknown(Int32(bitPattern: v)) }
      return .char(Character(s))
    }
  }

  private mutating func readNext(_ read: (Int) -> RawInput?, timeout: Int) -> RawInput? {
    if !pending.isEmpty { return pending.removeFirst() }
    return read(timeout)
  }

  private mutating func escape(
    read: (Int) -> RawInput?, readBytes: ((Int) -> [UInt8]?)?, mapKey: (Int32) -> TerminalEvent?
  ) -> TerminalEvent? {
    guard let next = readNext(read, timeout: escapeTimeout) else { return .key(.escape) }
    switch next {
    case .key(let code):
      // Alt + a special key: report the key itself.
      return mapKey(code) ?? .key(.unknown(code))
    case .char(UInt32(UInt8(ascii: "["))):
      return csi(read: read, readBytes: readBytes)
    case .char(UInt32(UInt8(ascii: "O"))):
      guard let final = readNext(read, timeout: escapeTimeout) else { return .key(.alt("O")) }
      if case .char(let f) = final, let key = InputDecoder.ss3(f) { return .key(key) }
      pending.insert(final, at: 0)
      return .key(.alt("O"))
    case .char(27):
      pending.insert(next, at: 0)
      return .key(.escape)
    case .char(let v):
      if v == 127 || v == 8 { return .key(.alt("\u{7F}")) }
      if v >= 0x20, v != 0x7F, !(0x80...0x9F).contains(v), let s = Unicode.Scalar(v) {
        return .key(.alt(Character(s)))
      }
      pending.insert(next, at: 0)
      return .key(.escape)
    }
  }

  private static func ss3(_ f: UInt32) -> Key? {
    switch f {
    case 0x41: return .up  // A
    case 0x42: return .down
    case 0x43: return .right
    case 0x44: return .left
    case 0x48: return .home  // H
    case 0x46: return .end  // F
    case 0x4D: return .enter  // M (keypad enter)
    case 0x50: return .function(1)  // P
    case 0x51: return .function(2)
    case 0x52: return .function(3)
    case 0x53: return .function(4)
    default: return nil
    }
  }

  /// After ESC [: reads parameter/intermediate bytes and the final byte.
  private mutating func csi(read: (Int) -> RawInput?, readBytes: ((Int) -> [UInt8]?)?) -> TerminalEvent? {
    var params: [UInt8] = []
    while true {
      guard let item = readNext(read, timeout: escapeTimeout) else { return .key(.alt("[")) }
      guard case .char(let v) = item, v < 0x80 else {
        pending.insert(item, at: 0)
        return .key(.unknown(27))
      }
      let b = UInt8(v)
      if (0x20...0x3F).contains(b) {
        if params.count > 32 { return .key(.unknown(27)) }
        params.append(b)
        continue
      }
      if (0x40...0x7E).contains(b) {
        if b == UInt8(ascii: "~") && params == Array("200".utf8) {
          // Bulk only when nothing is queued here: queued input must come first.
          if let readBytes, pending.isEmpty { return .paste(readPasteInBulk(readBytes)) }
          return .paste(readPaste(read))
        }
        return .key(InputDecoder.csiKey(params: params, final: b) ?? .unknown(27))
      }
      // Not a CSI byte: give up on the sequence.
      pending.insert(item, at: 0)
      return .key(.unknown(27))
    }
  }

  static func csiKey(params: [UInt8], final: UInt8) -> Key? {
    let fields = params.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false).map {
      Int(String(decoding: $0, as: UTF8.self)) ?? 0
    }
    let first = fields.first ?? 0
    let modifier = fields.count > 1 ? fields[1] : 1
    let shift = modifier > 1 && ((modifier - 1) & 1) != 0
    let alt = modifier > 1 && ((modifier - 1) & 2) != 0
    let ctrl = modifier > 1 && ((modifier - 1) & 4) != 0
    switch final {
    case UInt8(ascii: "A"): return ctrl ? .ctrlUp : shift ? .shiftUp : .up
    case UInt8(ascii: "B"): return ctrl ? .ctrlDown : shift ? .shiftDown : .down
    case UInt8(ascii: "C"): return ctrl || alt ? .ctrlRight : shift ? .shiftRight : .right
    case UInt8(ascii: "D"): return ctrl || alt ? .ctrlLeft : shift ? .shiftLeft : .left
    case UInt8(ascii: "H"): return ctrl ? .ctrlHome : .home
    case UInt8(ascii: "F"): return ctrl ? .ctrlEnd : .end
    case UInt8(ascii: "Z"): return .backTab
    case UInt8(ascii: "P"): return .function(1)
    case UInt8(ascii: "Q"): return .function(2)
    case UInt8(ascii: "R"): return .function(3)
    case UInt8(ascii: "S"): return .function(4)
    case UInt8(ascii: "~"):
      switch first {
      case 1, 7: return ctrl ? .ctrlHome : .home
      case 4, 8: return ctrl ? .ctrlEnd : .end
      case 2: return .insert
      case 3: return .delete
      case 5: return .pageUp
      case 6: return .pageDown
      case 11...15: return .function(first - 10)
      case 17...21: return .function(first - 11)
      case 23, 24: return .function(first - 12)
      default: return nil
      }
    default: return nil
    }
  }

  /// Collects pasted text up to ESC[201~ (or an idle timeout) from raw bytes read in chunks.
  /// Whatever follows the end marker in the last chunk is queued as input. Linear in the paste.
  private mutating func readPasteInBulk(_ readBytes: (Int) -> [UInt8]?) -> String {
    let end: [UInt8] = [27, 0x5B, 0x32, 0x30, 0x31, 0x7E]  // ESC [ 2 0 1 ~
    let maxBytes = maxPasteScalars * 4
    var body: [UInt8] = []
    var overflow = false
    // The last bytes seen, so an end marker split across two chunks is found.
    var carry: [UInt8] = []
    while let chunk = readBytes(pasteIdleTimeout) {
      let window = carry + chunk
      if let at = InputDecoder.find(end, in: window) {
        let before = window[..<at]
        if !overflow { body.append(contentsOf: before) }
        let rest = window[(at + end.count)...]
        pending.append(contentsOf: String(decoding: rest, as: UTF8.self).unicodeScalars.map { .char($0.value) })
        carry = []
        return InputDecoder.pasteText(body, maxScalars: maxPasteScalars)
      }
      // Keep the last end.count - 1 bytes back: they may start the marker.
      let keep = min(end.count - 1, window.count)
      let settled = window[..<(window.count - keep)]
      if body.count + settled.count <= maxBytes {
        body.append(contentsOf: settled)
      } else {
        overflow = true
      }
      carry = Array(window[(window.count - keep)...])
    }
    if !overflow { body.append(contentsOf: carry) }
    return InputDecoder.pasteText(body, maxScalars: maxPasteScalars)
  }

  static func find(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
    guard hay.count >= needle.count else { return nil }
    var i = 0
    let last = hay.count - needle.count
    while i <= last {
      if hay[i] == needle[0] {
        var k = 1
        while k < needle.count && hay[i + k] == needle[k] { k += 1 }
        if k == needle.count { return i }
      }
      i += 1
    }
    return nil
  }

  /// A paste's bytes as text: CR and CRLF become "\n", invalid UTF-8 becomes U+FFFD, and only the
  /// first `maxScalars` scalars are kept.
  static func pasteText(_ bytes: [UInt8], maxScalars: Int) -> String {
    var normalized: [UInt8] = []
    normalized.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b == 13 {
        normalized.append(10)
        if i + 1 < bytes.count && bytes[i + 1] == 10 { i += 1 }
      } else {
        normalized.append(b)
      }
      i += 1
    }
    let text = String(decoding: normalized, as: UTF8.self)
    guard normalized.count > maxScalars else { return text }
    let scalars = text.unicodeScalars
    guard scalars.count > maxScalars else { return text }
    return String(String.UnicodeScalarView(scalars.prefix(maxScalars)))
  }

  /// Collects pasted text up to ESC[201~ (or an idle timeout). Keys and controls inside are text.
  private mutating func readPaste(_ read: (Int) -> RawInput?) -> String {
    var text = String.UnicodeScalarView()
    var count = 0
    let terminator: [UInt32] = [27, 0x5B, 0x32, 0x30, 0x31, 0x7E]  // ESC [ 2 0 1 ~
    var matched = 0
    var lastWasCR = false
    func append(_ v: UInt32) {
      guard count < maxPasteScalars else { return }
      if v == 13 {
        text.append("\n")
        lastWasCR = true
        count += 1
        return
      }
      if v == 10 && lastWasCR {
        lastWasCR = false
        return
      }
      lastWasCR = false
      if let s = Unicode.Scalar(v) {
        text.append(s)
        count += 1
      }
    }
    while let item = readNext(read, timeout: pasteIdleTimeout) {
      guard case .char(let v) = item else {
        // ncurses decoded part of the paste as a key: keep it out of the text.
        for k in 0..<matched { append(terminator[k]) }
        matched = 0
        continue
      }
      if v == terminator[matched] {
        matched += 1
        if matched == terminator.count { break }
        continue
      }
      if matched > 0 {
        for k in 0..<matched { append(terminator[k]) }
        matched = v == 27 ? 1 : 0
        if matched == 1 { continue }
      }
      append(v)
    }
    return String(text)
  }
}
