import Terminal

extension CommandMenuState {
  /// A box in the middle of the window: the filter (with the cursor), then the commands.
  func view(_ context: ScreenContext, into screen: inout Screen, top: Int, bottom: Int) -> (x: Int, y: Int)? {
    let (width, height) = (context.width, context.height)
    let items = filtered(context)
    let w = min(width - 2, 72)
    let rows = Self.rows(context)
    let h = min(height - 2, rows + 5)
    let x = max(0, (width - w) / 2)
    let y = max(0, (height - h) / 2)
    drawBox(into: &screen, x: x, y: y, width: w, height: h, title: "Commands: \(context.screenTitle) (Enter runs, Esc closes)")
    screen.put("> ", x: x + 2, y: y + 1, style: Theme.header)
    let cursorX = filter.draw(into: &screen, x: x + 4, y: y + 1, width: w - 6, style: Theme.input)
    let selected = max(0, min(self.selected, items.count - 1))
    let first = scrollStart(selected: selected, count: items.count, rows: h - 5)
    let keyWidth = 11
    for row in 0..<max(0, h - 5) {
      let i = first + row
      guard i < items.count else { break }
      let style = i == selected ? Theme.selected : Theme.popup
      let line = padRight(keyName(items[i].key), toWidth: keyWidth) + " " + items[i].title
      screen.put(truncate(line, toWidth: w - 4), x: x + 2, y: y + 3 + row, style: style, padTo: w - 4)
    }
    let count = items.isEmpty ? "no command matches" : "\(items.count) command\(items.count == 1 ? "" : "s")"
    screen.put(count, x: x + 2, y: y + h - 2, style: Theme.dim, maxWidth: w - 4)
    return (cursorX, y + 1)
  }
}
