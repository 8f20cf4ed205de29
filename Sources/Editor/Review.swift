import EcwidAPI
import ProductDocument
import Terminal

/// Keys of the review's list of changes.
enum ReviewKeys {
  static let table = KeyTable(
    "review",
    [
      KeyBinding("↑ ↓ / j k", "select a change", keys: [.down, .up, .char("j"), .char("k")], menu: []) { m, key in
        m.selectChange(by: key == .down || key == .char("j") ? 1 : -1)
      },
      KeyBinding(
        "y / n", "accept / reject the change (rejecting reverts it)", keys: [.char("y"), .char("n")],
        hint: "y/n: accept/reject", hintRank: 40,
        menu: [("accept the change", .char("y")), ("reject the change (reverts it)", .char("n"))]
      ) { m, key in key == .char("y") ? m.acceptSelectedChange() : m.rejectSelectedChange() },
      KeyBinding(
        "a / r", "accept all / reject all", keys: [.char("a"), .char("r")], hint: "a/r: all", hintRank: 50,
        menu: [("accept all changes", .char("a")), ("reject all changes", .char("r"))]
      ) { m, key in key == .char("a") ? m.acceptAllChanges() : m.rejectAllChanges() },
      KeyBinding("u", "undo (a rejection)", keys: [.char("u")]) { m, _ in
        m.undoSaying()
        m.refreshDerived()
        return []
      },
      KeyBinding(
        "Enter / → / l", "the change in full, word by word (Esc back)", keys: [.enter, .right, .char("l")],
        hint: "Enter: details", hintRank: 30
      ) { m, _ in m.openChangeDetail() },
      KeyBinding("t", "show the exact HTTP requests the save sends", keys: [.char("t")], hint: "t: requests", hintRank: 60) {
        m, _ in
        m.review.showRequests.toggle()
        m.review.scroll = m.review.showRequests ? -10_000 : 0
        return []
      },
      KeyBinding("PgUp PgDn Space", "scroll", keys: [.pageUp, .pageDown, .char(" ")], menu: []) { m, key in
        m.scrollReview(down: key != .pageUp)
      },
      KeyBinding("S / Ctrl-S", "save now", keys: [.char("S"), .ctrl("s")], hint: "S: save", hintRank: 10) { m, _ in
        m.beginSave()
      },
      KeyBinding("Esc / q", "back to the editor", keys: [.escape, .char("q")], hint: "Esc: back", hintRank: 20) { m, _ in
        m.page = .form
        return []
      },
    ])
}

/// Keys of one change shown in full.
enum ReviewDetailKeys {
  static let table = KeyTable(
    "reviewDetail",
    [
      KeyBinding(
        "↑ ↓ / j k", "scroll a line", keys: [.down, .up, .char("j"), .char("k")], hint: "↑↓ PgUp PgDn: scroll",
        hintRank: 30, menu: []
      ) { m, key in m.scrollDetail(by: key == .down || key == .char("j") ? 1 : -1) },
      KeyBinding("PgUp PgDn Space", "scroll a page", keys: [.pageUp, .pageDown, .char(" ")], menu: []) { m, key in
        m.scrollDetail(by: (key == .pageUp ? -1 : 1) * max(1, m.height - 4))
      },
      KeyBinding(
        "g G / Home End", "top / bottom", keys: [.char("g"), .home, .char("G"), .end],
        menu: [("scroll to the top", .char("g")), ("scroll to the bottom", .char("G"))]
      ) { m, key in m.scrollDetail(to: key == .char("g") || key == .home ? 0 : -1) },
      KeyBinding(
        "y / n", "accept / reject the change (rejecting reverts it)", keys: [.char("y"), .char("n")],
        hint: "y/n: accept/reject", hintRank: 20,
        menu: [("accept the change", .char("y")), ("reject the change (reverts it)", .char("n"))]
      ) { m, key in key == .char("y") ? m.acceptShownChange() : m.rejectShownChange() },
      KeyBinding(
        "Esc / q / Enter / ← / h", "back to the list", keys: [.escape, .char("q"), .enter, .left, .char("h")],
        hint: "Esc: back to the list", hintRank: 10
      ) { m, _ in
        m.review.detail = nil
        return []
      },
      KeyBinding("S / Ctrl-S", "save now", keys: [.char("S"), .ctrl("s")]) { m, _ in
        m.review.detail = nil
        return m.beginSave()
      },
    ])
}

/// Keys of the conflict screen.
enum ConflictKeys {
  static let table = KeyTable(
    "conflict",
    [
      KeyBinding("↑ ↓ / j k", "select a field", keys: [.down, .up, .char("j"), .char("k")], menu: []) { m, key in
        m.selectConflict(by: key == .down || key == .char("j") ? 1 : -1)
      },
      KeyBinding(
        "m / t", "keep mine / take theirs for this field", keys: [.char("m"), .char("t")], hint: "m/t: mine/theirs",
        menu: [("keep mine for this field", .char("m")), ("take theirs for this field", .char("t"))]
      ) { m, key in m.decideConflict(keepMine: key == .char("m"), everyField: false) },
      KeyBinding(
        "M / T", "keep mine / take theirs for every field", keys: [.char("M"), .char("T")],
        menu: [("keep mine for every field", .char("M")), ("take theirs for every field", .char("T"))]
      ) { m, key in m.decideConflict(keepMine: key == .char("M"), everyField: true) },
      KeyBinding("Enter", "use these decisions and go back to review", keys: [.enter], hint: "Enter: done") { m, _ in
        m.finishConflicts()
      },
      KeyBinding(
        "Esc / q", "cancel the save (nothing is sent, nothing lost)", keys: [.escape, .char("q")], hint: "Esc: cancel the save"
      ) { m, _ in m.cancelConflicts() },
    ])
}

/// The review screen (every change, decided one by one), the conflict dialog and draft recovery.
extension Model {
  /// Changes in the form's order: section by section, and within a section field by field as
  /// the form lists them (price before quantity), elements by their place in the product.
  var reviewChanges: [Change] {
    guard let document else { return [] }
    let order = Dictionary(uniqueKeysWithValues: Section.allCases.enumerated().map { ($1, $0) })
    var fieldsBySection: [Section: [FieldSpec]] = [:]
    func rank(_ change: Change) -> [Int] {
      let fields =
        fieldsBySection[change.section]
        ?? {
          let f = FieldCatalogue.fields(for: change.section, product: document.current)
          fieldsBySection[change.section] = f
          return f
        }()
      let path = change.kind == .removed ? change.basePath : change.path
      let field = fields.firstIndex { path.starts(with: $0.path) || $0.path.starts(with: path) } ?? fields.count
      let indices = path.compactMap { component -> Int? in
        if case .index(let i) = component { return i }
        return nil
      }
      return [order[change.section] ?? 0, field] + indices
    }
    return document.changes().enumerated().map { (rank($0.element), $0.offset, $0.element) }
      .sorted { a, b in
        a.0 != b.0 ? a.0.lexicographicallyPrecedes(b.0) : a.1 < b.1
      }.map(\.2)
  }

  /// The changes in review order, with the selection kept inside them (undo or a rejection may
  /// have shortened the list since the selection was made).
  mutating func clampedReviewChanges() -> [Change] {
    let changes = reviewChanges
    review.selected = max(0, min(review.selected, changes.count - 1))
    return changes
  }

  mutating func selectChange(by rows: Int) -> [Command] {
    let changes = clampedReviewChanges()
    review.selected = max(0, min(max(0, changes.count - 1), review.selected + rows))
    review.scroll = 0
    return []
  }

  /// y: the selected change is accepted and the next one selected.
  mutating func acceptSelectedChange() -> [Command] {
    let changes = clampedReviewChanges()
    guard !changes.isEmpty else { return [] }
    review.accepted.insert(changes[review.selected].id)
    review.selected = min(changes.count - 1, review.selected + 1)
    return []
  }

  /// n: the selected change is reverted in the draft (u undoes).
  mutating func rejectSelectedChange() -> [Command] {
    let changes = clampedReviewChanges()
    guard !changes.isEmpty else { return [] }
    let change = changes[review.selected]
    document?.revert(change)
    documentChanged()
    refreshDerived()
    message = StatusMessage("Rejected: \(change.label) (u undoes)")
    review.selected = min(review.selected, max(0, reviewChanges.count - 1))
    return []
  }

  mutating func acceptAllChanges() -> [Command] {
    let changes = clampedReviewChanges()
    review.accepted = Set(changes.map(\.id))
    message = StatusMessage("All \(changes.count) changes accepted")
    return []
  }

  mutating func rejectAllChanges() -> [Command] {
    let changes = clampedReviewChanges()
    guard !changes.isEmpty else { return [] }
    document?.revert(changes)
    documentChanged()
    refreshDerived()
    review.selected = 0
    message = StatusMessage("Rejected all changes (u undoes)")
    return []
  }

  /// PgUp / PgDn / Space: the list a page up or down.
  mutating func scrollReview(down: Bool) -> [Command] {
    let page = max(1, height - 4)
    review.scroll = down ? max(0, review.scroll) + page : min(0, review.scroll) - page
    return []
  }

  mutating func openChangeDetail() -> [Command] {
    let changes = clampedReviewChanges()
    guard !changes.isEmpty else { return [] }
    review.detail = changes[review.selected].id
    review.detailScroll = 0
    return []
  }

  // MARK: One change in full

  /// The index of the change shown in full; nil (and the detail closed) when it is gone.
  mutating func shownChangeIndex(_ changes: [Change]) -> Int? {
    guard let index = changes.firstIndex(where: { $0.id == review.detail }) else {
      review.detail = nil
      return nil
    }
    return index
  }

  /// Scrolls the change shown in full by `rows` (to the top when `to` is 0, to the end when -1).
  mutating func scrollDetail(by rows: Int = 0, to place: Int? = nil) -> [Command] {
    guard shownChangeIndex(clampedReviewChanges()) != nil else { return [] }
    if let place {
      review.detailScroll = place < 0 ? Int.max / 2 : 0
    } else {
      review.detailScroll = max(0, review.detailScroll + rows)
    }
    return []
  }

  mutating func acceptShownChange() -> [Command] {
    let changes = clampedReviewChanges()
    guard let index = shownChangeIndex(changes) else { return [] }
    review.accepted.insert(changes[index].id)
    review.detail = nil
    review.selected = min(changes.count - 1, index + 1)
    message = StatusMessage("Accepted: \(ReviewText.label(changes[index]))")
    return []
  }

  mutating func rejectShownChange() -> [Command] {
    let changes = clampedReviewChanges()
    guard let index = shownChangeIndex(changes) else { return [] }
    review.detail = nil
    review.selected = index
    return rejectSelectedChange()
  }

  /// The lines of the detail view: the label, the whole old and new value, and the word-level
  /// difference ([-removed-] {+added+}, coloured where the terminal has colours).
  func reviewDetailLines(_ change: Change, width: Int) -> [[(String, Style)]] {
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

  func drawReviewDetail(_ change: Change, into screen: inout Screen, top: Int, bottom: Int) {
    let title = " Change: "
    screen.put(
      title + hintLine(hintText([ReviewDetailKeys.table]), width: width - 1 - displayWidth(title)),
      x: 0, y: top, style: Theme.header, maxWidth: width)
    let lines = reviewDetailLines(change, width: width - 2)
    let rows = bottom - top - 1
    guard rows > 0 else { return }
    let first = max(0, min(review.detailScroll, lines.count - rows))
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

  func drawReview(into screen: inout Screen, top: Int, bottom: Int) {
    guard let document else { return }
    let changes = reviewChanges
    if let id = review.detail, let change = changes.first(where: { $0.id == id }) {
      drawReviewDetail(change, into: &screen, top: top, bottom: bottom)
      return
    }
    let plan = review.showRequests ? document.plan(storeLanguages: languages.isEmpty ? nil : languages) : nil
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
    for issue in issues where issue.severity == .error {
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
      let accepted = review.accepted.contains(change.id) ? "✓" : " "
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
      lines.append((text, style, i == review.selected))
    }
    if changes.isEmpty { lines.append(("No changes: the draft equals the product on the server.", Theme.dim, false)) }
    let rows = bottom - top - 1
    guard rows > 0 else { return }
    let selectedLine = rowOfChange.isEmpty ? 0 : rowOfChange[min(review.selected, rowOfChange.count - 1)]
    let first = max(0, min(lines.count - rows, scrollStart(selected: selectedLine, count: lines.count, rows: rows) + review.scroll))
    for row in 0..<rows {
      let i = first + row
      guard i < lines.count else { break }
      let (text, style, selected) = lines[i]
      screen.put(text, x: 1, y: top + 1 + row, style: selected ? Theme.selected : style, maxWidth: width - 2)
      if selected { screen.setStyle(x: 1, y: top + 1 + row, width: width - 2, style: Theme.selected) }
    }
  }

  // MARK: Conflicts

  var conflictCount: Int { conflict.result?.conflicts.count ?? 0 }

  mutating func selectConflict(by rows: Int) -> [Command] {
    conflict.selected = max(0, min(conflictCount - 1, conflict.selected + rows))
    return []
  }

  /// m / t: this field (then the next one); M / T: every field.
  mutating func decideConflict(keepMine: Bool, everyField: Bool) -> [Command] {
    let count = conflictCount
    guard count > 0 else { return [] }
    if everyField {
      for i in 0..<count { conflict.choices[i] = keepMine }
    } else {
      conflict.choices[conflict.selected] = keepMine
      conflict.selected = min(count - 1, conflict.selected + 1)
    }
    return []
  }

  /// Enter: the decisions are taken into the draft and the review shows what the save sends.
  mutating func finishConflicts() -> [Command] {
    guard let result = conflict.result else { return [] }
    let undecided = (0..<result.conflicts.count).filter { conflict.choices[$0] == nil }.count
    if undecided > 0 {
      message = StatusMessage("\(undecided) field(s) still to decide: m keeps yours, t takes theirs", .warning)
      return []
    }
    var merged = result.merged
    for (i, c) in result.conflicts.enumerated() where conflict.choices[i] == false {
      merged.setValue(c.theirs, at: c.path)
    }
    document?.takeRemote(merged, theirs: result.theirs)
    documentChanged()
    refreshDerived()
    conflict = ConflictState()
    review = ReviewState()
    page = .review
    message = StatusMessage("Decided. The review now shows what the save sends on top of their version", .success)
    return []
  }

  mutating func cancelConflicts() -> [Command] {
    conflict = ConflictState()
    page = .form
    message = StatusMessage("Save cancelled; nothing sent, your edits are kept", .warning)
    return []
  }

  func drawConflict(into screen: inout Screen, top: Int, bottom: Int) {
    guard let result = conflict.result else { return }
    screen.put(
      " Conflict: the product changed on the server since you opened it. Decide each field: " + hintText([ConflictKeys.table]),
      x: 0, y: top, style: Theme.warning, maxWidth: width)
    let blockHeight = 4
    let rows = max(1, (bottom - top - 1) / blockHeight)
    let first = scrollStart(selected: conflict.selected, count: result.conflicts.count, rows: rows)
    for row in 0..<rows {
      let i = first + row
      guard i < result.conflicts.count else { break }
      let c = result.conflicts[i]
      let y = top + 1 + row * blockHeight
      let choice = conflict.choices[i].map { $0 ? "keep mine" : "take theirs" } ?? "undecided"
      let style = i == conflict.selected ? Theme.selected : Theme.header
      screen.put(padRight(" \(c.label)  [\(choice)]", toWidth: width - 2), x: 1, y: y, style: style)
      // Cut with "…" so a long value says it goes on.
      let room = max(1, width - 2)
      screen.put(truncate("   base:   " + short(c.base), toWidth: room), x: 1, y: y + 1, style: Theme.dim)
      screen.put(truncate("   mine:   " + short(c.mine), toWidth: room), x: 1, y: y + 2, style: Theme.added)
      screen.put(truncate("   theirs: " + short(c.theirs), toWidth: room), x: 1, y: y + 3, style: Theme.moved)
    }
  }

  // MARK: Recovery

  func drawRecover(into screen: inout Screen, top: Int, bottom: Int) {
    screen.put(
      " A draft of this product was left by an earlier session. " + hintText([RecoverKeys.table]),
      x: 0, y: top, style: Theme.warning, maxWidth: width)
    var lines: [(String, Style)] = recoverDraftListLines()
    if let draft = recover.draft {
      lines.append(("Draft saved \(draft.savedAt.formatted(date: .abbreviated, time: .standard))", Theme.dim))
    }
    lines.append(("Its changes against the product as it is on the server now:", Theme.header))
    for change in recover.changes {
      lines.append(("  \(change.label): \(short(change.old)) → \(short(change.new))", Theme.value))
    }
    if recover.changes.isEmpty { lines.append(("  (none: the server already has them)", Theme.dim)) }
    if !recover.conflicts.isEmpty {
      lines.append(("Also changed on the server since the draft (the draft's value is kept):", Theme.warning))
      for c in recover.conflicts {
        lines.append(("  \(c.label): theirs \(short(c.theirs)), draft \(short(c.mine))", Theme.warning))
      }
    }
    let rows = bottom - top - 1
    for row in 0..<max(0, rows) {
      let i = recover.scroll + row
      guard i < lines.count else { break }
      screen.put(truncate(lines[i].0, toWidth: max(1, width - 2)), x: 1, y: top + 1 + row, style: lines[i].1)
    }
  }
}

/// A value in one line for lists: strings quoted, long values cut.
func short(_ value: JSON?) -> String {
  guard let value else { return "∅" }
  let text: String
  if case .string(let s) = value { text = "“" + s + "”" } else { text = value.compactText }
  if text.count > 160 { return String(text.prefix(157)) + "…" }
  return text
}

/// Cuts text into pieces of at most `width` display columns, never inside a character.
func wrap(_ text: String, width: Int) -> [String] {
  var pieces: [String] = []
  var current = ""
  var used = 0
  for c in text {
    let w = displayWidth(c)
    if used + w > width, !current.isEmpty {
      pieces.append(current)
      current = ""
      used = 0
    }
    current.append(c)
    used += w
  }
  if !current.isEmpty || pieces.isEmpty { pieces.append(current) }
  return pieces
}

/// Cuts text into pieces of at most `first` (then `rest`) display columns, never inside a
/// character, and never ending a piece with a space (the space starts the next piece), so that the
/// drawn lines joined back give the text byte for byte even when trailing blanks are not visible.
func wrapKeepingSpaces(_ text: String, first: Int, rest: Int) -> [String] {
  var pieces: [String] = []
  var current = ""
  var used = 0
  var limit = max(1, first)
  for c in text {
    let w = displayWidth(c)
    if used + w > limit, !current.isEmpty {
      // Move trailing spaces to the next piece (unless the piece is nothing but spaces).
      var carried = ""
      while let last = current.last, last == " ", current.count > 1 {
        carried.insert(last, at: carried.startIndex)
        current.removeLast()
      }
      pieces.append(current)
      current = carried
      used = displayWidth(carried)
      limit = max(1, rest)
      while used + w > limit, !current.isEmpty {
        pieces.append(String(current.prefix(limit)))
        current = String(current.dropFirst(limit))
        used = current.count
      }
    }
    current.append(c)
    used += w
  }
  if !current.isEmpty || pieces.isEmpty { pieces.append(current) }
  return pieces
}

/// A moved element's place counted from 1, as the gallery and option lists show it.
func position(_ value: JSON?) -> String {
  guard let index = value?.intValue else { return short(value) }
  return String(index + 1)
}
