import Terminal

extension HelpState: Component {
  var keys: KeyTable<HelpState> { HelpKeys.table }

  /// Keys while the overlay is open: scrolling when it does not fit, any other key closes it.
  public mutating func update(_ message: HelpMsg, _ context: ScreenContext) -> [Effect] {
    switch message {
    case .key(let key):
      if Self.lines(context).count > Self.page(context), let effects = keys.run(key, on: &self, context) { return effects }
      return [.closeHelp]
    }
  }

  mutating func scroll(by rows: Int, _ context: ScreenContext) -> [Effect] {
    scroll = max(0, min(scroll + rows, Self.lines(context).count - Self.page(context)))
    return []
  }

  /// What the overlay lists: the screen's keys, then the keys every screen has.
  static func entries(_ context: ScreenContext) -> [(String, String)] {
    (context.screenKeys + [GlobalKeys.table.erased]).flatMap(\.reference)
  }

  static func boxWidth(_ context: ScreenContext) -> Int { min(context.width - 2, 80) }
  static func keyWidth(_ context: ScreenContext) -> Int { min(18, max(8, boxWidth(context) / 4)) }

  /// The overlay's lines: keys on the left, the description word-wrapped beside them (never cut).
  static func lines(_ context: ScreenContext) -> [(key: String, text: String)] {
    let keyWidth = keyWidth(context)
    let textWidth = max(8, boxWidth(context) - keyWidth - 5)
    var lines: [(String, String)] = []
    for (label, description) in entries(context) {
      let keys = label.isEmpty ? [""] : wordWrap(label, width: keyWidth)
      let texts = wordWrap(description, width: textWidth)
      for i in 0..<max(keys.count, texts.count) {
        lines.append((i < keys.count ? keys[i] : "", i < texts.count ? texts[i] : ""))
      }
    }
    return lines
  }

  /// Rows of keys the overlay shows at once (one fewer when it scrolls: the last row says so).
  static func page(_ context: ScreenContext) -> Int {
    let room = max(1, context.height - 4)
    let count = lines(context).count
    return count > room ? max(1, room - 1) : room
  }
}
