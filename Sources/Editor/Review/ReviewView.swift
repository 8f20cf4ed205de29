import EcwidAPI
import ProductDocument
import Terminal

/// Drawing the review: the list of changes (with the requests the save sends, on `t`), or one
/// change in full, word by word.
extension ReviewState {
  /// The lines of the detail view: the label, the whole old and new value, and the word-level
  /// difference ([-removed-] {+added+}, coloured where the terminal has colours).
  static func detailLines(_ change: Change, width: Int) -> [[(String, Style)]] {
    var lines: [[(String, Style)]] = []
    func text(_ value: JSON?) -> String {
      guard let value else { return "" }
      if case .string(let s) = value { return s }
      return ReviewText.readable(value, change: change)
    }
    func add(_ segments: [(String, Style)], indent: String = "  ") {
      lines += wrapSegments(segments, width: max(8, width), indent: indent)
    }
    lines.append([(ReviewText.label(change), Theme.header)])
    let old = change.kind == .moved ? "position \(position(change.old))" : text(change.old)
    let new = change.kind == .moved ? "position \(position(change.new))" : text(change.new)
    if change.kind != .added {
      lines.append([("Before:", Theme.removed)])
      add([(old.isEmpty ? "(empty)" : old, Theme.value)])
    }
    if change.kind != .removed {
      lines.append([("After:", Theme.added)])
      add([(new.isEmpty ? "(empty)" : new, Theme.value)])
    }
    if change.kind == .changed {
      lines.append([("Word by word: [-removed-] {+added+}", Theme.header)])
      var segments: [(String, Style)] = []
      // Markers enclose the words; the space after them stays outside.
      // A removal followed by its replacement reads [-old-]{+new+}, with one space after.
      func marked(_ t: String, _ open: String, _ close: String, _ style: Style, keepSpace: Bool) {
        var core = t
        var trailing = ""
        while let last = core.last, last.isWhitespace {
          trailing.insert(last, at: trailing.startIndex)
          core.removeLast()
        }
        segments.append((open + core + close, style))
        if keepSpace, !trailing.isEmpty { segments.append((trailing, Theme.value)) }
      }
      let parts = ReviewText.wordDiff(old, new)
      for (k, part) in parts.enumerated() {
        switch part {
        case .same(let t): segments.append((t, Theme.value))
        case .removed(let t):
          var replaced = false
          if k + 1 < parts.count, case .added = parts[k + 1] { replaced = true }
          marked(t, "[-", "-]", Theme.removed, keepSpace: !replaced)
        case .added(let t): marked(t, "{+", "+}", Theme.added, keepSpace: true)
        }
      }
      add(segments)
    }
    return lines
  }

  func drawDetail(_ change: Change, _ context: ScreenContext, into screen: inout Screen, top: Int, bottom: Int) {
    let width = context.width
    let title = " Change: "
    screen.put(
      title + hintLine(hintText([ReviewDetailKeys.table]), width: width - 1 - displayWidth(title)),
      x: 0, y: top, style: Theme.header, maxWidth: width)
    let lines = Self.detailLines(change, width: width - 2)
    let rows = bottom - top - 1
    guard rows > 0 else { return }
    let first = max(0, min(detailScroll, lines.count - rows))
    for row in 0..<rows {
      let i = first + row
      guard i < lines.count else { break }
      var x = 1
      for (text, style) in lines[i] {
        x += screen.put(text, x: x, y: top + 1 + row, style: style, maxWidth: max(0, width - 1 - x))
      }
    }
    if lines.count > rows {
      let more = " \(first + 1)–\(min(lines.count, first + rows)) of \(lines.count) lines "
      screen.put(more, x: max(0, width - displayWidth(more)), y: top, style: Theme.dim)
    }
  }

  func view(_ context: ScreenContext, into screen: inout Screen, top: Int, bottom: Int) -> (x: Int, y: Int)? {
    guard let document = context.document else { return nil }
    let (width, languages, productId) = (context.width, context.languages, context.productId)
    let changes = ReviewState.changes(of: document)
    if let id = detail, let change = changes.first(where: { $0.id == id }) {
      drawDetail(change, context, into: &screen, top: top, bottom: bottom)
      return nil
    }
    // Undo or a rejection may have shortened the list since the selection was made.
    let selected = max(0, min(self.selected, changes.count - 1))
    let plan = showRequests ? document.plan(storeLanguages: languages.isEmpty ? nil : languages) : nil
    // The keys most needed come first; a narrow window drops from the end, and `?: help` always stays.
    let title = " Review: \(changes.count) change\(changes.count == 1 ? "" : "s") · "
    screen.put(
      title
        + hintLine(hintText([ReviewKeys.table]), width: width - 1 - displayWidth(title)),
      x: 0, y: top, style: Theme.header, maxWidth: width)
    var lines: [(String, Style, Bool)] = []  // text, style, selectable-row marker
    var rowOfChange: [Int] = []
    var lastSection: Section?
    if let plan {
      lines.append(("Requests the save will send, in order:", Theme.header, false))
      for (i, step) in plan.steps.enumerated() {
        // Shown whole, wrapped: these are the exact bytes that will be sent.
        // Continuation lines are indented by three columns: they wrap three columns earlier, so
        // no character is cut at the right edge (lines are drawn from x 1 to width - 1).
        let text = "\(i + 1). " + step.requestDescription(productId: productId)
        let room = max(10, width - 2)
        for (j, piece) in wrapKeepingSpaces(text, first: room, rest: room - 3).enumerated() {
          lines.append(((j == 0 ? "" : "   ") + piece, Theme.value, false))
        }
      }
      if plan.steps.isEmpty { lines.append(("(none)", Theme.dim, false)) }
      lines.append(("", Theme.value, false))
    }
    let warnings = (plan ?? document.plan(storeLanguages: languages.isEmpty ? nil : languages)).warnings
    for w in warnings { lines.append(("⚠ " + w, Theme.warning, false)) }
    for issue in context.issues where issue.severity == .error {
      lines.append(("✗ \(issue.path.text): \(issue.message)", Theme.error, false))
    }
    for (i, change) in changes.enumerated() {
      if change.section != lastSection {
        lines.append((change.section.title, Theme.header, false))
        lastSection = change.section
      }
      let mark: String
      let style: Style
      switch change.kind {
      case .added: (mark, style) = ("+", Theme.added)
      case .removed: (mark, style) = ("-", Theme.removed)
      case .changed: (mark, style) = ("~", Theme.warning)
      case .moved: (mark, style) = ("↕", Theme.moved)
      }
      let accepted = accepted.contains(change.id) ? "✓" : " "
      let prefix = "\(accepted) \(mark) \(ReviewText.label(change)): "
      let room = max(10, width - 2)
      let text: String
      switch change.kind {
      case .added: text = ReviewText.line(prefix: prefix, old: nil, new: ReviewText.readable(change.new, change: change), width: room)
      case .removed: text = ReviewText.line(prefix: prefix, old: ReviewText.readable(change.old, change: change), new: nil, width: room)
      case .changed:
        text = ReviewText.line(
          prefix: prefix, old: ReviewText.readable(change.old, change: change),
          new: ReviewText.readable(change.new, change: change), width: room)
      case .moved: text = ReviewText.line(prefix: prefix, old: "position \(position(change.old))", new: "position \(position(change.new))", width: room)
      }
      rowOfChange.append(lines.count)
      lines.append((text, style, i == selected))
    }
    if changes.isEmpty { lines.append(("No changes: the draft equals the product on the server.", Theme.dim, false)) }
    let rows = bottom - top - 1
    guard rows > 0 else { return nil }
    let selectedLine = rowOfChange.isEmpty ? 0 : rowOfChange[min(selected, rowOfChange.count - 1)]
    let first = max(0, min(lines.count - rows, scrollStart(selected: selectedLine, count: lines.count, rows: rows) + scroll))
    for row in 0..<rows {
      let i = first + row
      guard i < lines.count else { break }
      let (text, style, selected) = lines[i]
      screen.put(text, x: 1, y: top + 1 + row, style: selected ? Theme.selected : style, maxWidth: width - 2)
      if selected { screen.setStyle(x: 1, y: top + 1 + row, width: width - 2, style: Theme.selected) }
    }
    return nil
  }
}
