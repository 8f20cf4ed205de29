import EcwidAPI
import Foundation
import ProductDocument
import Terminal

/// Drawing the recovery screen: the drafts left behind, the shown one's changes against the
/// product as the server has it now, and what changed on the server meanwhile.
extension RecoverState {
  func view(_ context: ScreenContext, into screen: inout Screen, top: Int, bottom: Int) -> (x: Int, y: Int)? {
    let width = context.width
    screen.put(
      " A draft of this product was left by an earlier session. " + hintText([RecoverKeys.table]),
      x: 0, y: top, style: Theme.warning, maxWidth: width)
    var lines: [(String, Style)] = draftListLines()
    if let draft = draft {
      lines.append(("Draft saved \(draft.savedAt.formatted(date: .abbreviated, time: .standard))", Theme.dim))
    }
    lines.append(("Its changes against the product as it is on the server now:", Theme.header))
    for change in changes {
      lines.append(("  \(change.label): \(short(change.old)) → \(short(change.new))", Theme.value))
    }
    if changes.isEmpty { lines.append(("  (none: the server already has them)", Theme.dim)) }
    if !conflicts.isEmpty {
      lines.append(("Also changed on the server since the draft (the draft's value is kept):", Theme.warning))
      for c in conflicts {
        lines.append(("  \(c.label): theirs \(short(c.theirs)), draft \(short(c.mine))", Theme.warning))
      }
    }
    let rows = bottom - top - 1
    for row in 0..<max(0, rows) {
      let i = scroll + row
      guard i < lines.count else { break }
      screen.put(truncate(lines[i].0, toWidth: max(1, width - 2)), x: 1, y: top + 1 + row, style: lines[i].1)
    }
    return nil
  }

  /// The list of drafts on the recovery screen (empty when there is only one).
  func draftListLines() -> [(String, Style)] {
    guard drafts.count > 1 else { return [] }
    var lines: [(String, Style)] = [
      ("\(drafts.count) drafts of this product were left behind (Tab: next, d: discard the shown one):", Theme.header)
    ]
    for (i, draft) in drafts.enumerated() {
      let mark = i == selectedDraft ? "▶" : " "
      let when = draft.savedAt.formatted(date: .abbreviated, time: .standard)
      let name = draft.current.name.map { "“\($0)” · " } ?? ""
      lines.append(
        ("\(mark) \(i + 1). \(name)saved \(when)\(draft.origin.map { " · \($0)" } ?? "")",
          i == selectedDraft ? Theme.selected : Theme.value))
    }
    lines.append(("", Theme.dim))
    return lines
  }
}
