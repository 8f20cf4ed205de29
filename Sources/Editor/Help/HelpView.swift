import Terminal

extension HelpState {
  /// A box in the middle of the window over the screen it describes (the cursor is hidden).
  func view(_ context: ScreenContext, into screen: inout Screen, top: Int, bottom: Int) -> (x: Int, y: Int)? {
    let (width, height) = (context.width, context.height)
    let lines = Self.lines(context)
    let w = Self.boxWidth(context)
    let page = Self.page(context)
    let scrolls = lines.count > page
    let h = min(height - 2, (scrolls ? page + 1 : lines.count) + 2)
    let x = max(0, (width - w) / 2)
    let y = max(0, (height - h) / 2)
    let close = scrolls ? "↑↓ PgUp PgDn scroll, other keys close" : "any key closes"
    drawBox(into: &screen, x: x, y: y, width: w, height: h, title: "Keys: \(context.screenTitle) (\(close))")
    let first = scrolls ? max(0, min(scroll, lines.count - page)) : 0
    let keyWidth = Self.keyWidth(context)
    for row in 0..<min(page, lines.count - first) {
      let line = lines[first + row]
      screen.put(line.key, x: x + 2, y: y + 1 + row, style: Theme.header, maxWidth: keyWidth)
      screen.put(line.text, x: x + 3 + keyWidth, y: y + 1 + row, style: Theme.popup, maxWidth: w - keyWidth - 4)
    }
    if scrolls {
      let last = min(lines.count, first + page)
      let more = last < lines.count ? "↓ more" : "end"
      screen.put("\(more) · lines \(first + 1)–\(last) of \(lines.count)", x: x + 2, y: y + h - 2, style: Theme.dim, maxWidth: w - 4)
    }
    return nil
  }
}
