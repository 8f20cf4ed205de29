import Terminal

/// A one-line text editor with a real cursor: insert anywhere, delete, word moves, Home/End, and
/// Unicode-safe (the cursor moves by grapheme, never inside one).
public struct TextField: Equatable, Sendable {
  public private(set) var characters: [Character]
  /// Cursor position as an index into `characters` (0...count).
  public private(set) var cursor: Int
  /// First visible character when the text is wider than the field.
  public private(set) var scroll = 0
  /// The text: `characters` joined, kept in step edit by edit, so that the next key after a
  /// megabyte paste does not join a million characters again (issue 13).
  public private(set) var text: String
  /// Where the cursor is in `text`, in UTF-8 bytes.
  private(set) var cursorOffset: Int

  public init(_ text: String = "") {
    self.text = text
    characters = Array(text)
    cursor = characters.count
    cursorOffset = text.utf8.count
  }

  public enum Outcome: Equatable { case edited, moved, ignored }

  /// Handles one key; returns what happened so the caller knows whether the text changed.
  @discardableResult
  public mutating func handle(_ key: Key) -> Outcome {
    switch key {
    case .char(let c):
      insert(String(c))
      return .edited
    case .left:
      moveCursor(to: max(0, cursor - 1))
    case .right:
      moveCursor(to: min(characters.count, cursor + 1))
    case .home, .ctrl("a"):
      moveCursor(to: 0)
    case .end, .ctrl("e"):
      moveCursor(to: characters.count)
    case .ctrlLeft, .alt("b"):
      moveCursor(to: wordStart(before: cursor))
    case .ctrlRight, .alt("f"):
      moveCursor(to: wordEnd(after: cursor))
    case .backspace:
      guard cursor > 0 else { return .ignored }
      remove(cursor - 1..<cursor)
      return .edited
    case .delete, .ctrl("d"):
      guard cursor < characters.count else { return .ignored }
      remove(cursor..<cursor + 1)
      return .edited
    case .ctrl("w"), .alt("\u{7f}"):
      let start = wordStart(before: cursor)
      guard start < cursor else { return .ignored }
      remove(start..<cursor)
      return .edited
    case .ctrl("u"):
      guard cursor > 0 else { return .ignored }
      remove(0..<cursor)
      return .edited
    case .ctrl("k"):
      guard cursor < characters.count else { return .ignored }
      remove(cursor..<characters.count)
      return .edited
    default:
      return .ignored
    }
    return .moved
  }

  /// Inserts text at the cursor (a paste: newlines and tabs become spaces in a one-line field).
  public mutating func insert(_ text: String) {
    let clean = text.map { c -> Character in (c == "\n" || c == "\r" || c == "\r\n" || c == "\t") ? " " : c }
    let joined = String(clean)
    replaceText(cursorOffset..<cursorOffset, with: joined)
    characters.insert(contentsOf: clean, at: cursor)
    cursor += clean.count
    cursorOffset += joined.utf8.count
  }

  public mutating func setText(_ text: String) {
    self.text = text
    characters = Array(text)
    cursor = characters.count
    cursorOffset = text.utf8.count
    scroll = 0
  }

  /// The UTF-8 length of `characters[range]`.
  private func utf8Count(_ range: Range<Int>) -> Int {
    var n = 0
    for i in range { n += characters[i].utf8.count }
    return n
  }

  private mutating func moveCursor(to index: Int) {
    if index == 0 {
      cursorOffset = 0
    } else if index == characters.count {
      cursorOffset = text.utf8.count
    } else if index < cursor {
      cursorOffset -= utf8Count(index..<cursor)
    } else {
      cursorOffset += utf8Count(cursor..<index)
    }
    cursor = index
  }

  /// Removes characters (the cursor is at one end of them, or after them) and leaves the cursor
  /// where they began.
  private mutating func remove(_ range: Range<Int>) {
    moveCursor(to: range.upperBound)
    let length = utf8Count(range)
    replaceText(cursorOffset - length..<cursorOffset, with: "")
    characters.removeSubrange(range)
    cursor = range.lowerBound
    cursorOffset -= length
  }

  /// Replaces UTF-8 bytes of `text` (their bounds are between characters of `characters`, so
  /// between scalars of `text`, though maybe inside one of its graphemes): an append at the end
  /// costs the appended bytes, anything else one copy of the bytes.
  private mutating func replaceText(_ bytes: Range<Int>, with new: String) {
    let count = text.utf8.count
    if bytes == count..<count {
      text += new
      return
    }
    var new = new
    text = text.withUTF8 { old in
      new.withUTF8 { inserted in
        String(unsafeUninitializedCapacity: count - bytes.count + inserted.count) { out in
          var at = 0
          for part in [
            UnsafeBufferPointer(rebasing: old[..<bytes.lowerBound]), inserted,
            UnsafeBufferPointer(rebasing: old[bytes.upperBound...]),
          ] {
            _ = UnsafeMutableBufferPointer(rebasing: out[at...]).initialize(from: part)
            at += part.count
          }
          return at
        }
      }
    }
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
