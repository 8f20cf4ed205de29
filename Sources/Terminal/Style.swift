/// A terminal colour. `.default` is the terminal's own foreground/background.
public enum Color: Hashable, Sendable {
  case `default`, black, red, green, yellow, blue, magenta, cyan, white
  case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
  /// An xterm-256 palette index.
  case indexed(UInt8)
}

/// Visual attributes of a cell.
public struct Style: Hashable, Sendable {
  public var fg: Color = .default
  public var bg: Color = .default
  public var bold = false
  public var dim = false
  public var underline = false
  public var reverse = false

  public init(
    fg: Color = .default, bg: Color = .default, bold: Bool = false, dim: Bool = false,
    underline: Bool = false, reverse: Bool = false
  ) {
    self.fg = fg
    self.bg = bg
    self.bold = bold
    self.dim = dim
    self.underline = underline
    self.reverse = reverse
  }

  public static let plain = Style()
}

/// One screen cell: one grapheme of display width 1 or 2, or the right half (`text == ""`,
/// `width == 0`) of the wide cell to its left.
public struct Cell: Hashable, Sendable {
  /// The grapheme, stored inline (see `Glyph`): a cell is a plain value.
  @usableFromInline var glyph: Glyph
  /// 1 or 2 for a grapheme; 0 for the right half of a wide character.
  public var width: Int
  public var style: Style

  /// One sanitised grapheme; "" for the right half of a wide character.
  public var text: String {
    get { glyph.string }
    set { glyph = Glyph(newValue) }
  }

  /// Stores the values as given; `Screen` normalises cells written through its subscript.
  public init(text: String, width: Int, style: Style = .plain) {
    self.init(glyph: Glyph(text), width: width, style: style)
  }

  @inline(__always) @usableFromInline
  init(glyph: Glyph, width: Int, style: Style) {
    self.glyph = glyph
    self.width = width
    self.style = style
  }

  /// The first visible grapheme of `text` (sanitised) with its width; a blank when there is none.
  public init(_ text: String, style: Style = .plain) {
    let clean = sanitizeForTerminal(text)
    for c in clean {
      let w = graphemeWidth(c)
      if w > 0 {
        self.init(text: String(c), width: min(w, 2), style: style)
        return
      }
    }
    self.init(glyph: .space, width: 1, style: style)
  }

  /// A space in the plain style.
  public static let blank = Cell(glyph: .space, width: 1, style: .plain)

  /// A space with the given style.
  public static func blank(_ style: Style) -> Cell { Cell(glyph: .space, width: 1, style: style) }

  /// True for the right half of a wide character.
  public var isContinuation: Bool { width == 0 }

  static func continuation(_ style: Style) -> Cell { Cell(glyph: .empty, width: 0, style: style) }

  /// The character when the cell holds one ASCII character.
  var asciiByte: UInt8? { glyph.asciiByte }

  /// Compares the cells' words: a cell is 32 bytes with no padding, and equal fields are equal
  /// bytes (each enum case and each Bool has one representation). `changedRuns` compares every
  /// cell of a frame with the one before.
  @inline(__always)
  public static func == (a: Cell, b: Cell) -> Bool {
    if MemoryLayout<Cell>.size == 32 {
      let x = unsafeBitCast(a, to: (UInt64, UInt64, UInt64, UInt64).self)
      let y = unsafeBitCast(b, to: (UInt64, UInt64, UInt64, UInt64).self)
      return x.0 == y.0 && x.1 == y.1 && x.2 == y.2 && x.3 == y.3
    }
    return a.glyph == b.glyph && a.width == b.width && a.style == b.style
  }
}

/// A style as the terminal draws it: colour numbers (-1 = the terminal's own) and attributes.
public struct TerminalStyle: Hashable, Sendable {
  public var fg: Int32
  public var bg: Int32
  public var bold: Bool
  public var dim: Bool
  public var underline: Bool
  public var reverse: Bool

  /// The colours seen on the screen (reverse video swaps them).
  public var visibleColors: (fg: Int32, bg: Int32) { reverse ? (bg, fg) : (fg, bg) }
}

extension Style {
  /// How the terminal shows this style with `mode` colours (`colors` of them; `defaultColors`:
  /// whether the terminal's own colours can be used). The backend draws exactly this, so tests
  /// can check what a screen looks like under xterm-256color, xterm and NO_COLOR.
  ///
  /// - Without colours, a base-colour background (selection, bars, badges) becomes reverse video;
  ///   the subtle grey backgrounds (popups, input fields) are dropped, so they never look selected.
  /// - A foreground that maps to its background's colour (red on dark red, with 8 colours) is
  ///   replaced by white or black, whichever is readable on it.
  /// - With 8 colours the dark grey of dim text maps to the terminal's own foreground (it would be
  ///   black, unreadable on a dark terminal); the dim attribute still marks it.
  public func terminalStyle(mode: ColorMode, colors: Int, defaultColors: Bool = true) -> TerminalStyle {
    guard mode != .none else {
      let strongBackground: Bool
      switch bg {
      case .default: strongBackground = false
      case .indexed(let i): strongBackground = i < 16
      default: strongBackground = true
      }
      return TerminalStyle(
        fg: -1, bg: -1, bold: bold, dim: dim, underline: underline, reverse: strongBackground ? !reverse : reverse)
    }
    var fgNumber = Style.colorNumber(fg, background: false, colors: colors, defaultColors: defaultColors)
    let bgNumber = Style.colorNumber(bg, background: true, colors: colors, defaultColors: defaultColors)
    if colors < 16, fg == .brightBlack { fgNumber = defaultColors ? -1 : 7 }
    if fgNumber == bgNumber && fgNumber >= 0 {
      fgNumber = Style.readable(on: bgNumber, colors: colors)
    }
    return TerminalStyle(fg: fgNumber, bg: bgNumber, bold: bold, dim: dim, underline: underline, reverse: reverse)
  }

  /// White on dark colours, black on light ones.
  static func readable(on background: Int32, colors: Int) -> Int32 {
    let base = background < 16 ? background & 7 : downsampleColor(UInt8(background), toColors: 8)
    let dark: Set<Int32> = [0, 1, 4, 5]
    if dark.contains(base) { return colors >= 16 ? 15 : 7 }
    return 0
  }

  /// The colour number of `color` on a terminal of `colors` colours.
  public static func colorNumber(_ color: Color, background: Bool, colors: Int, defaultColors: Bool) -> Int32 {
    let n: Int32
    switch color {
    case .default: return defaultColors ? -1 : (background ? 0 : 7)
    case .black: n = 0
    case .red: n = 1
    case .green: n = 2
    case .yellow: n = 3
    case .blue: n = 4
    case .magenta: n = 5
    case .cyan: n = 6
    case .white: n = 7
    case .brightBlack: n = 8
    case .brightRed: n = 9
    case .brightGreen: n = 10
    case .brightYellow: n = 11
    case .brightBlue: n = 12
    case .brightMagenta: n = 13
    case .brightCyan: n = 14
    case .brightWhite: n = 15
    case .indexed(let i): n = Int32(i)
    }
    if Int(n) < colors { return n }
    return downsampleColor(UInt8(n), toColors: colors)
  }
}

/// Maps an xterm-256 index to one of the 8 (or 16) base colours.
public func downsampleColor(_ index: UInt8, toColors colors: Int) -> Int32 {
  let i = Int32(index)
  if i < 16 { return colors >= 16 ? i : i & 7 }
  var r: Int32
  var g: Int32
  var b: Int32
  if i >= 232 {
    let level = (i - 232) * 10 + 8
    r = level
    g = level
    b = level
  } else {
    let c = i - 16
    let steps: [Int32] = [0, 95, 135, 175, 215, 255]
    r = steps[Int(c / 36)]
    g = steps[Int((c / 6) % 6)]
    b = steps[Int(c % 6)]
  }
  let bright = max(r, g, b) > 200
  let threshold = max(r, g, b) / 2
  var base: Int32 = 0
  if r > threshold && r >= 64 { base |= 1 }
  if g > threshold && g >= 64 { base |= 2 }
  if b > threshold && b >= 64 { base |= 4 }
  if colors >= 16 && bright && base != 0 { return base + 8 }
  return base
}
