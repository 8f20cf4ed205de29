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
  /// One sanitised grapheme; "" for the right half of a wide character.
  public var text: String
  /// 1 or 2 for a grapheme; 0 for the right half of a wide character.
  public var width: Int
  public var style: Style

  /// Stores the values as given; `Screen` normalises cells written through its subscript.
  public init(text: String, width: Int, style: Style = .plain) {
    self.text = text
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
    self.init(text: " ", width: 1, style: style)
  }

  /// A space in the plain style.
  public static let blank = Cell(text: " ", width: 1, style: .plain)

  /// A space with the given style.
  public static func blank(_ style: Style) -> Cell { Cell(text: " ", width: 1, style: style) }

  /// True for the right half of a wide character.
  public var isContinuation: Bool { width == 0 }

  static func continuation(_ style: Style) -> Cell { Cell(text: "", width: 0, style: style) }
}
