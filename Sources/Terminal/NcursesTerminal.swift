import CNcurses
import CNcursesShim

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Errors from starting the terminal.
public enum TerminalError: Error, Sendable, CustomStringConvertible {
  case notATerminal
  case cannotInitialise(term: String?)
  case alreadyActive

  public var description: String {
    switch self {
    case .notATerminal: return "standard input and output must be a terminal"
    case .cannotInitialise(let term): return "cannot initialise the terminal (TERM=\(term ?? "unset"))"
    case .alreadyActive: return "the terminal is already in use"
    }
  }
}

/// The ncursesw backend: the only ncurses caller. Not thread-safe; use it from one thread.
public final class NcursesTerminal: TerminalBackend {
  public let colorMode: ColorMode
  private let stderrLogPath: String?
  private let colorCount: Int
  private let maxPairs: Int
  private let defaultColorsOK: Bool
  private var pairs: [PairKey: Int32] = [:]
  private var nextPair: Int32 = 1
  private var last: Screen?
  private var needsFullRepaint = true
  private var decoder: InputDecoder = {
    var d = InputDecoder()
    d.pasteStartKeyCode = Int32(EE_KEY_PASTE_START)
    return d
  }()
  private var keyCache: [Int32: Key] = [:]
  private let replacementFits: Bool

  private struct PairKey: Hashable {
    var fg: Int32
    var bg: Int32
  }

  public init(stderrLogPath: String? = nil) throws {
    let noColor = !(getenv("NO_COLOR").map { String(cString: $0) } ?? "").isEmpty
    let rc: Int32 =
      if let stderrLogPath {
        stderrLogPath.withCString { ee_init(noColor ? 0 : 1, $0) }
      } else {
        ee_init(noColor ? 0 : 1, nil)
      }
    switch rc {
    case Int32(EE_INIT_OK): break
    case Int32(EE_INIT_NOT_A_TTY): throw TerminalError.notATerminal
    case Int32(EE_INIT_ALREADY_ACTIVE): throw TerminalError.alreadyActive
    default: throw TerminalError.cannotInitialise(term: getenv("TERM").map { String(cString: $0) })
    }
    self.stderrLogPath = stderrLogPath
    let colors = Int(ee_colors())
    if noColor || ee_has_colors() == 0 || colors < 8 {
      colorMode = .none
    } else if colors >= 256 {
      colorMode = .full256
    } else {
      colorMode = .eight
    }
    colorCount = colors
    maxPairs = Int(min(ee_color_pairs(), 32767))
    defaultColorsOK = ee_default_colors_ok() != 0
    replacementFits = ee_wcwidth(0xFFFD) == 1
  }

  deinit { ee_restore() }

  public var size: (width: Int, height: Int) {
    (Int(ee_width()), Int(ee_height()))
  }

  public func invalidate() { needsFullRepaint = true }

  /// Leaves curses mode (for running $EDITOR); `resume()` re-enters.
  public func suspend() { ee_suspend() }

  public func resume() {
    if let stderrLogPath {
      stderrLogPath.withCString { ee_resume($0) }
    } else {
      ee_resume(nil)
    }
    needsFullRepaint = true
  }

  /// Idempotent: disables bracketed paste, ends curses mode and restores stderr.
  public func restore() { ee_restore() }

  // MARK: Input

  public func readEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
    let timeout = Int32(clamping: timeoutMilliseconds)
    let event = decoder.next(
      timeout: Int(timeout),
      read: { ms in
        var value: UInt32 = 0
        switch ee_read(Int32(clamping: ms), &value) {
        case Int32(EE_READ_CHAR): return .char(value)
        case Int32(EE_READ_KEY): return .key(Int32(bitPattern: value))
        default: return nil
        }
      },
      readBytes: { ms in
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let n = buffer.withUnsafeMutableBufferPointer { ee_read_bytes($0.baseAddress, $0.count, Int32(clamping: ms)) }
        return n > 0 ? Array(buffer[..<n]) : nil
      },
      mapKey: { [unowned self] code in self.event(forKeyCode: code) })
    if case .resize = event { needsFullRepaint = true }
    return event
  }

  private func event(forKeyCode code: Int32) -> TerminalEvent? {
    if code == KEY_RESIZE {
      let s = size
      return .resize(width: s.width, height: s.height)
    }
    return .key(key(forKeyCode: code))
  }

  private func key(forKeyCode code: Int32) -> Key {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_IC: return .insert
    case KEY_DC: return .delete
    case KEY_BACKSPACE: return .backspace
    case KEY_BTAB: return .backTab
    case KEY_ENTER: return .enter
    case KEY_SR: return .shiftUp
    case KEY_SF: return .shiftDown
    case KEY_SLEFT: return .shiftLeft
    case KEY_SRIGHT: return .shiftRight
    case KEY_SHOME: return .home
    case KEY_SEND: return .end
    case KEY_A1: return .home
    case KEY_C1: return .end
    case KEY_A3: return .pageUp
    case KEY_C3: return .pageDown
    case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
    default:
      if let cached = keyCache[code] { return cached }
      let name = ee_keyname(code).map { String(cString: $0) } ?? ""
      let key = NcursesTerminal.extendedKey(named: name) ?? .unknown(code)
      keyCache[code] = key
      return key
    }
  }

  /// Keys from xterm's extended terminfo capabilities (modifier suffix: 2 shift, 3 alt, 5 ctrl, 6 ctrl-shift, 7 ctrl-alt).
  static func extendedKey(named name: String) -> Key? {
    var base = Substring(name)
    var modifier = 2
    if let last = base.last, last.isNumber, let m = Int(String(last)) {
      modifier = m
      base = base.dropLast()
    }
    let ctrl = modifier >= 5
    let alt = modifier == 3 || modifier == 4 || modifier == 7
    switch base {
    case "kUP": return ctrl ? .ctrlUp : .shiftUp
    case "kDN": return ctrl ? .ctrlDown : .shiftDown
    case "kLFT": return ctrl || alt ? .ctrlLeft : .shiftLeft
    case "kRIT": return ctrl || alt ? .ctrlRight : .shiftRight
    case "kHOM": return ctrl ? .ctrlHome : .home
    case "kEND": return ctrl ? .ctrlEnd : .end
    case "kDC": return .delete
    case "kIC": return .insert
    case "kPRV": return .pageUp
    case "kNXT": return .pageDown
    default: return nil
    }
  }

  // MARK: Drawing

  public func draw(_ screen: Screen, cursor: (x: Int, y: Int)?) {
    guard ee_is_active() != 0 else { return }
    let runs: [Screen.Run]
    if needsFullRepaint || last == nil {
      ee_clear_all()
      runs = screen.changedRuns(from: nil)
      needsFullRepaint = false
    } else {
      runs = screen.changedRuns(from: last)
    }
    let physical = size
    for run in runs where run.y < physical.height {
      drawRun(run, columns: physical.width)
    }
    if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < physical.width, cursor.y < physical.height {
      ee_cursor(1, Int32(cursor.y), Int32(cursor.x))
    } else {
      ee_cursor(0, 0, 0)
    }
    ee_flush()
    last = screen
  }

  private func drawRun(_ run: Screen.Run, columns: Int) {
    let y = Int32(run.y)
    var x = run.x
    var coveredUpTo = run.x  // columns before this are already covered by a wide glyph
    withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: 8) { buf in
      for cell in run.cells {
        defer { x += 1 }
        guard x < columns else { return }
        if x < coveredUpTo { continue }
        let attrs = styleFlags(cell.style)
        let pair = pairNumber(cell.style)
        if cell.width == 0 || cell.glyph.isEmpty {
          buf[0] = wchar_t(0x20)
          _ = ee_put_cell(y, Int32(x), buf.baseAddress, 1, attrs, pair)
          continue
        }
        if let byte = cell.asciiByte, byte >= 0x20, byte < 0x7F, cell.width == 1 {
          buf[0] = wchar_t(byte)
          _ = ee_put_cell(y, Int32(x), buf.baseAddress, 1, attrs, pair)
          continue
        }
        let text = sanitizeForTerminal(cell.text)
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { continue }
        if first.value < 0x80 && cell.width == 1 && text.utf8.count == 1 {
          buf[0] = wchar_t(first.value)
          _ = ee_put_cell(y, Int32(x), buf.baseAddress, 1, attrs, pair)
          continue
        }
        let firstWidth = Int(ee_wcwidth(first.value))
        if cell.width >= 2 && x + 1 < columns {
          if firstWidth == 2 {
            buf[0] = wchar_t(first.value)
            var n = 1
            // Only combining marks the terminal attaches to this cell; an emoji ZWJ sequence is drawn as
            // its first emoji (ncurses cannot put two spacing characters in one cell).
            while n < 5, let s = scalars.next(), ee_wcwidth(s.value) == 0, s.value != 0x200D {
              buf[n] = wchar_t(s.value)
              n += 1
            }
            _ = ee_put_cell(y, Int32(x), buf.baseAddress, Int32(n), attrs, pair)
            coveredUpTo = x + 2
            continue
          }
          if let second = scalars.next(), firstWidth == 1, ee_wcwidth(second.value) == 1 {
            // e.g. a flag: two regional indicators the terminal may join into one glyph.
            buf[0] = wchar_t(first.value)
            _ = ee_put_cell(y, Int32(x), buf.baseAddress, 1, attrs, pair)
            buf[0] = wchar_t(second.value)
            _ = ee_put_cell(y, Int32(x + 1), buf.baseAddress, 1, attrs, pair)
            coveredUpTo = x + 2
            continue
          }
          // The terminal thinks it is narrow (or unknown): draw it narrow; the continuation becomes a space.
          putNarrow(text, firstWidth: firstWidth, y: y, x: x, attrs: attrs, pair: pair, buf: buf)
          continue
        }
        if cell.width >= 2 {
          buf[0] = wchar_t(0x20)  // wide glyph at the physical last column
          _ = ee_put_cell(y, Int32(x), buf.baseAddress, 1, attrs, pair)
          continue
        }
        putNarrow(text, firstWidth: firstWidth, y: y, x: x, attrs: attrs, pair: pair, buf: buf)
      }
    }
  }

  private func putNarrow(
    _ text: String, firstWidth: Int, y: Int32, x: Int, attrs: Int32, pair: Int32,
    buf: UnsafeMutableBufferPointer<wchar_t>
  ) {
    var n = 0
    if firstWidth == 1 {
      for s in text.unicodeScalars {
        if n == 0 {
          buf[0] = wchar_t(s.value)
          n = 1
        } else if n < 5, ee_wcwidth(s.value) == 0, s.value != 0x200D {
          buf[n] = wchar_t(s.value)
          n += 1
        } else {
          break
        }
      }
    } else {
      buf[0] = wchar_t(replacementFits ? 0xFFFD : 0x3F)
      n = 1
    }
    _ = ee_put_cell(y, Int32(x), buf.baseAddress, Int32(n), attrs, pair)
  }

  private func styleFlags(_ style: Style) -> Int32 {
    // Style.terminalStyle decides colours and attributes for every mode (tests render with it).
    let drawn = style.terminalStyle(mode: colorMode, colors: colorCount, defaultColors: defaultColorsOK)
    var flags: Int32 = 0
    if drawn.bold { flags |= Int32(EE_STYLE_BOLD) }
    if drawn.dim { flags |= Int32(EE_STYLE_DIM) }
    if drawn.underline { flags |= Int32(EE_STYLE_UNDERLINE) }
    if drawn.reverse { flags |= Int32(EE_STYLE_REVERSE) }
    return flags
  }

  private func pairNumber(_ style: Style) -> Int32 {
    guard colorMode != .none, style.fg != .default || style.bg != .default else { return 0 }
    let drawn = style.terminalStyle(mode: colorMode, colors: colorCount, defaultColors: defaultColorsOK)
    let key = PairKey(fg: drawn.fg, bg: drawn.bg)
    if let pair = pairs[key] { return pair }
    guard Int(nextPair) < maxPairs, ee_init_pair(nextPair, key.fg, key.bg) == 0 else { return 0 }
    let pair = nextPair
    nextPair += 1
    pairs[key] = pair
    return pair
  }

  /// Maps an xterm-256 index to one of the 8 (or 16) base colours.
  static func downsample(_ index: UInt8, toColors colors: Int) -> Int32 {
    downsampleColor(index, toColors: colors)
  }

  // MARK: Restoring from anywhere

  /// Restores the terminal (as `restore()`) from a thread other than the UI's, for a runtime that
  /// ends the program on a signal.
  public static func restoreFromAnyThread() { ee_restore() }

  /// The terminal's async-signal-safe reset (the sequences written with write(2), termios and
  /// stderr restored), for a runtime's crash handler to call.
  public static var emergencyRestore: @convention(c) () -> Void { ee_emergency_restore }
}
