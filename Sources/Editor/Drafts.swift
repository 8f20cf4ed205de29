import EcwidAPI
import Foundation
import ProductDocument
import Terminal

/// Keys of the recovery screen.
enum RecoverKeys {
  static let table = KeyTable(
    "recover",
    [
      KeyBinding("r / Enter", "recover the draft's changes", keys: [.char("r"), .enter], hint: "r: recover it") { m, _ in
        m.recoverShownDraft()
      },
      KeyBinding("d", "discard the draft", keys: [.char("d")], hint: "d: discard it") { m, _ in m.discardShownDraft() },
      KeyBinding(
        "Tab → n / Shift-Tab ← p", "next / previous draft, when several were left behind",
        keys: [.tab, .right, .char("n"), .backTab, .left, .char("p")],
        menu: [("show the next draft", .char("n")), ("show the previous draft", .char("p"))]
      ) { m, key in m.showDraft(offset: [.tab, .right, .char("n")].contains(key) ? 1 : -1) },
      KeyBinding("↑ ↓ / j k", "scroll the changes", keys: [.down, .up, .char("j"), .char("k")], menu: []) { m, key in
        m.recover.scroll = max(0, m.recover.scroll + (key == .down || key == .char("j") ? 1 : -1))
        return []
      },
      KeyBinding("q / Ctrl-C", "quit and keep the draft for later", keys: [.char("q"), .ctrl("c")], hint: "q: decide later") {
        m, _ in
        // Leaving keeps every draft untouched for next time.
        m.quitting = true
        return [.quit(code: 0)]
      },
    ])
}

/// Recovering drafts left behind by earlier runs: every one is listed, one is shown at a time.
extension Model {
  mutating func offerRecovery(_ drafts: [DraftJournalDraft], live: Product, selected: Int = 0) {
    guard !drafts.isEmpty else { return }
    let index = min(max(0, selected), drafts.count - 1)
    let draft = drafts[index]
    var recovered = Document(base: live)
    var conflicts: [Conflict] = []
    if draft.base == live {
      recovered.apply(.replaceProduct(draft.current))
    } else {
      let result = checkConflicts(base: draft.base, mine: draft.current, theirs: live)
      recovered.apply(.replaceProduct(result.merged))
      conflicts = result.conflicts
    }
    recover = RecoverState()
    recover.drafts = drafts
    recover.selectedDraft = index
    recover.draft = draft
    recover.live = live
    recover.recovered = recovered
    recover.changes = recovered.changes()
    recover.conflicts = conflicts
    page = .recover
  }

  /// r / Enter: the shown draft's changes become this run's edits.
  mutating func recoverShownDraft() -> [Command] {
    let drafts = recover.drafts
    var commands: [Command] = []
    if let recovered = recover.recovered {
      document = recovered
      documentChanged()
      var text = "Recovered \(recover.changes.count) change(s) from the draft journal"
      if drafts.count > 1 { text += "; \(drafts.count - 1) other draft(s) are kept for next time" }
      message = StatusMessage(text, .success)
      // The draft now lives on as this run's own; the ended run's file goes once that is written.
      if let source = recover.draft?.source { commands.append(.removeLeftBehindDraft(path: source)) }
    }
    recover = RecoverState()
    page = .form
    refreshDerived()
    return commands
  }

  /// d: the shown draft is removed; the next one left behind is shown, or the editor.
  mutating func discardShownDraft() -> [Command] {
    let drafts = recover.drafts
    let selected = recover.selectedDraft
    let discarded = recover.draft
    var commands: [Command] = []
    if let source = discarded?.source {
      commands.append(.removeLeftBehindDraft(path: source))
    } else if let productId {
      commands.append(.removeJournal(productId: productId))
    }
    var rest = drafts
    if selected < rest.count { rest.remove(at: selected) }
    if let live = recover.live, !rest.isEmpty {
      offerRecovery(rest, live: live, selected: selected)
      message = StatusMessage("Draft discarded; \(rest.count) more left behind")
    } else {
      recover = RecoverState()
      page = .form
      message = StatusMessage("Draft discarded")
    }
    return commands
  }

  /// Tab / Shift-Tab: the next or previous draft left behind.
  mutating func showDraft(offset: Int) -> [Command] {
    let drafts = recover.drafts
    if drafts.count > 1, let live = recover.live {
      offerRecovery(drafts, live: live, selected: (recover.selectedDraft + offset + drafts.count) % drafts.count)
    }
    return []
  }

  /// The list of drafts on the recovery screen (empty when there is only one).
  func recoverDraftListLines() -> [(String, Style)] {
    guard recover.drafts.count > 1 else { return [] }
    var lines: [(String, Style)] = [
      ("\(recover.drafts.count) drafts of this product were left behind (Tab: next, d: discard the shown one):", Theme.header)
    ]
    for (i, draft) in recover.drafts.enumerated() {
      let mark = i == recover.selectedDraft ? "▶" : " "
      let when = draft.savedAt.formatted(date: .abbreviated, time: .standard)
      let name = draft.current.name.map { "“\($0)” · " } ?? ""
      lines.append(
        ("\(mark) \(i + 1). \(name)saved \(when)\(draft.origin.map { " · \($0)" } ?? "")",
          i == recover.selectedDraft ? Theme.selected : Theme.value))
    }
    lines.append(("", Theme.dim))
    return lines
  }
}
