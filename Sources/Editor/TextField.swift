import Terminal

/// A one-line text editor with a real cursor: insert anywhere, delete, word moves, Home/End, and
/// Unicode-safe (the cursor moves by grapheme, never inside one).
public struct TextField: Equatable, Sendable {
  public private(set) var characters: [Character]
  /// Cursor position as an index into `characters` (0...count).
  public private(set) var cursor: Int
  /// First visible character when the text is wider than the field.
  public private(set) var scroll = 0

  public init(_ text: String = "") {
    characters = Array(text)
    cursor = characters.count
  }

  public var text: String { String(characters) }

  public enum Outcome: Equatable { case edited, moved, ignored }

  /// Handles one key; returns what happened so the caller knows whether the text changed.
  @discardableResult
  public mutating func handle(_ key: Key) -> Outcome {
    switch key {
    case .char(let c):
      insert(String(c))
      return .edited
    case .left:
      cursor = max(0, cursor - 1)
    case .right:
      cursor = min(characters.count, cursor + 1)
    case .home, .ctrl("a"):
      cursor = 0
    case .end, .ctrl("e"):
      cursor = characters.count
    case .ctrlLeft, .alt("b"):
      cursor = wordStart(before: cursor)
    case .ctrlRight, .alt("f"):
      cursor = wordEnd(after: cursor)
    case .backspace:
      guard cursor > 0 else { return .ignored }
      characters.remove(at: cursor - 1)
      cursor -= 1
      return .edited
    case .delete, .ctrl("d"):
      guard cursor < characters.count else { return .ignored }
      characters.remove(at: cursor)
      return .edited
    case .ctrl("w"), .alt("\u{7f}"):
      let start = wordStart(before: cursor)
      guard start < cursor else { return .ignored }
      characters.removeSubrange(start..<cursor)
      cursor = start
      return .edited
    case .ctrl("u"):
      guard cursor > 0 else { return .ignored }
      characters.removeSubrange(0..<cursor)
      cursor = 0
      return .edited
    case .ctrl("k"):
      guard cursor < characters.count else { return .ignored }
      characters.removeSubrange(cursor...)
      return .edited
    default:
      return .ignored
    }
    return .moved
  }

  /// Inserts text at the cursor (a paste: newlines and tabs become spaces in a one-line field).
  public mutating func insert(_ text: String) {
    let clean = text.map { c -> Character in (c == "\n" || c == "\r" || c == "\r\n" || c == "\t") ? " " : c }
    characters.insert(contentsOf: clean, at: cursor)
    cursor += clean.count
  }

  public mutating func setText(_ text: String) {
    characters = Array(text)
    cursor = characters.count
    scroll = 0
  }

  private func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

  private func wordStart(before index: Int) -> Int {
    var i = index
    while i > 0, !isWordCharacter(characters[i - 1]) { i -= 1 }
    while i > 0, isWordCharacter(characters[i - 1]) { i -= 1 }
    return i
  }

  private func wordEnd(after index: Int) -> Int {
    var i = index
    while i < characters.count, !isWordCharacter(characters[i]) { i += 1 }
    while i < characters.count, isWordCharacter(characters[i]) { i += 1 }
    return i
  }

  /// Keeps the cursor inside a field `width` columns wide (call before drawing). Looks at no more
  /// than the field's width of text before the cursor, so a long (pasted) text costs no more than a
  /// short one.
  public mutating func scrollToCursor(width: Int) {
    guard width > 1 else { return }
    if cursor < scroll { scroll = cursor }
    // The leftmost start from which the text up to the cursor fits with one spare column.
    var start = cursor
    var used = 0
    while start > scroll {
      let w = displayWidth(characters[start - 1])
      if used + w > width - 1 { break }
      used += w
      start -= 1
    }
    scroll = max(scroll, start)
  }

  private func columns(from start: Int, to end: Int) -> Int {
    var total = 0
    for i in start..<end { total += displayWidth(characters[i]) }
    return total
  }

  /// Draws the field and returns the cursor's screen column.
  public func draw(into screen: inout Screen, x: Int, y: Int, width: Int, style: Style) -> Int {
    var field = self
    field.scrollToCursor(width: width)
    screen.fill(x: x, y: y, width: width, height: 1, style: style)
    // Only what fits: a megabyte of text after the window is not turned into a string per frame.
    var end = field.scroll
    var used = 0
    while end < field.characters.count, used <= width {
      used += displayWidth(field.characters[end])
      end += 1
    }
    let visible = String(field.characters[field.scroll..<end])
    screen.put(visible, x: x, y: y, style: style, maxWidth: width)
    return x + min(width - 1, field.columns(from: field.scroll, to: field.cursor))
  }
}
