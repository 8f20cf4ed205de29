import EcwidAPI
import ProductDocument
import Terminal

/// The review screen (every change, decided one by one), the conflict dialog and draft recovery.
extension Model {
  /// Changes in section order, the way the review screen lists them.
  var reviewChanges: [Change] {
    guard let document else { return [] }
    let order = Dictionary(uniqueKeysWithValues: Section.allCases.enumerated().map { ($1, $0) })
    return document.changes().enumerated().sorted { a, b in
      let sa = order[a.element.section] ?? 0
      let sb = order[b.element.section] ?? 0
      return sa != sb ? sa < sb : a.offset < b.offset
    }.map(\.element)
  }

  mutating func reviewKey(_ key: Key) -> [Command] {
    let changes = reviewChanges
    // Undo or a rejection may have shortened the list since the selection was made.
    review.selected = max(0, min(review.selected, changes.count - 1))
    switch key {
    case .down, .char("j"):
      review.selected = min(max(0, changes.count - 1), review.selected + 1)
      review.scroll = 0
    case .up, .char("k"):
      review.selected = max(0, review.selected - 1)
      review.scroll = 0
    case .char("y"):
      guard !changes.isEmpty else { return [] }
      review.accepted.insert(changes[review.selected].id)
      review.selected = min(changes.count - 1, review.selected + 1)
    case .char("n"):
      guard !changes.isEmpty else { return [] }
      let change = changes[review.selected]
      document?.revert(change)
      documentChanged()
      refreshDerived()
      message = StatusMessage("Rejected: \(change.label) (u undoes)")
      review.selected = min(review.selected, max(0, reviewChanges.count - 1))
    case .char("a"):
      review.accepted = Set(changes.map(\.id))
      message = StatusMessage("All \(changes.count) changes accepted")
    case .char("r"):
      guard !changes.isEmpty else { return [] }
      document?.revert(changes)
      documentChanged()
      refreshDerived()
      review.selected = 0
      message = StatusMessage("Rejected all changes (u undoes)")
    case .char("t"):
      review.showRequests.toggle()
      review.scroll = review.showRequests ? -10_000 : 0
    case .pageDown, .char(" "):
      review.scroll = max(0, review.scroll) + max(1, height - 4)
    case .pageUp:
      review.scroll = min(0, review.scroll) - max(1, height - 4)
    case .char("u"), .ctrl("z"):
      if document?.undo() == true {
        documentChanged()
        refreshDerived()
      }
    case .char("S"), .enter, .ctrl("s"):
      return beginSave()
    case .escape, .char("q"):
      page = .form
    default:
      break
    }
    return []
  }

  func drawReview(into screen: inout Screen, top: Int, bottom: Int) {
    guard let document else { return }
    let changes = reviewChanges
    let plan = review.showRequests ? document.plan(storeLanguages: languages.isEmpty ? nil : languages) : nil
    screen.put(
      " Review: \(changes.count) change\(changes.count == 1 ? "" : "s") · y/n accept/reject · a/r all · t requests · S save · Esc back",
      x: 0, y: top, style: Theme.header, maxWidth: width)
    var lines: [(String, Style, Bool)] = []  // text, style, selectable-row marker
    var rowOfChange: [Int] = []
    var lastSection: Section?
    if let plan {
      lines.append(("Requests the save will send, in order:", Theme.header, false))
      for (i, step) in plan.steps.enumerated() {
        // Shown whole, wrapped: these are the exact bytes that will be sent.
        let text = "\(i + 1). " + step.requestDescription(productId: productId)
        for (j, piece) in wrap(text, width: max(10, width - 4)).enumerated() {
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
      var text = "\(accepted) \(mark) \(change.label): "
      switch change.kind {
      case .added: text += short(change.new)
      case .removed: text += short(change.old)
      case .changed: text += "\(short(change.old)) → \(short(change.new))"
      case .moved: text += "position \(position(change.old)) → \(position(change.new))"
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

  mutating func conflictKey(_ key: Key) -> [Command] {
    guard let result = conflict.result else {
      page = .form
      return []
    }
    let count = result.conflicts.count
    switch key {
    case .down, .char("j"): conflict.selected = min(count - 1, conflict.selected + 1)
    case .up, .char("k"): conflict.selected = max(0, conflict.selected - 1)
    case .char("m"):
      conflict.choices[conflict.selected] = true
      conflict.selected = min(count - 1, conflict.selected + 1)
    case .char("t"):
      conflict.choices[conflict.selected] = false
      conflict.selected = min(count - 1, conflict.selected + 1)
    case .char("M"): for i in 0..<count { conflict.choices[i] = true }
    case .char("T"): for i in 0..<count { conflict.choices[i] = false }
    case .enter:
      let undecided = (0..<count).filter { conflict.choices[$0] == nil }.count
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
    case .escape, .char("q"):
      conflict = ConflictState()
      page = .form
      message = StatusMessage("Save cancelled; nothing sent, your edits are kept", .warning)
    default: break
    }
    return []
  }

  func drawConflict(into screen: inout Screen, top: Int, bottom: Int) {
    guard let result = conflict.result else { return }
    screen.put(
      " Conflict: the product changed on the server since you opened it. Decide each field: m mine · t theirs · Enter done",
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
      screen.put("   base:   " + short(c.base), x: 1, y: y + 1, style: Theme.dim, maxWidth: width - 2)
      screen.put("   mine:   " + short(c.mine), x: 1, y: y + 2, style: Theme.added, maxWidth: width - 2)
      screen.put("   theirs: " + short(c.theirs), x: 1, y: y + 3, style: Theme.moved, maxWidth: width - 2)
    }
  }

  // MARK: Recovery

  func drawRecover(into screen: inout Screen, top: Int, bottom: Int) {
    screen.put(
      " A draft of this product was left by an earlier session. r: recover it · d: discard it · q: decide later",
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
      screen.put(lines[i].0, x: 1, y: top + 1 + row, style: lines[i].1, maxWidth: width - 2)
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

/// A moved element's place counted from 1, as the gallery and option lists show it.
func position(_ value: JSON?) -> String {
  guard let index = value?.intValue else { return short(value) }
  return String(index + 1)
}
