import EcwidAPI
import ProductDocument
import Terminal

extension ConflictState {
  /// Each conflicting field in a block of four rows: its label and decision, then base, mine, theirs.
  func view(_ context: ScreenContext, into screen: inout Screen, top: Int, bottom: Int) -> (x: Int, y: Int)? {
    guard let result else { return nil }
    let width = context.width
    screen.put(
      " Conflict: the product changed on the server since you opened it. Decide each field: " + hintText([ConflictKeys.table]),
      x: 0, y: top, style: Theme.warning, maxWidth: width)
    let blockHeight = 4
    let rows = max(1, (bottom - top - 1) / blockHeight)
    let first = scrollStart(selected: selected, count: result.conflicts.count, rows: rows)
    for row in 0..<rows {
      let i = first + row
      guard i < result.conflicts.count else { break }
      let c = result.conflicts[i]
      let y = top + 1 + row * blockHeight
      let choice = choices[i].map { $0 ? "keep mine" : "take theirs" } ?? "undecided"
      let style = i == selected ? Theme.selected : Theme.header
      screen.put(" \(c.label)  [\(choice)]", x: 1, y: y, style: style, padTo: width - 2)
      // Long values that start alike are shown from where they differ, cut with "…".
      let lines = differenceExcerpts(
        [c.base, c.mine, c.theirs], prefixes: ["   base:   ", "   mine:   ", "   theirs: "], room: max(1, width - 2))
      screen.put(lines[0], x: 1, y: y + 1, style: Theme.dim)
      screen.put(lines[1], x: 1, y: y + 2, style: Theme.added)
      screen.put(lines[2], x: 1, y: y + 3, style: Theme.moved)
    }
    return nil
  }
}
