import EcwidAPI
import ProductDocument
import Terminal

extension RecoverState: Component {
  var keys: KeyTable<RecoverState> { RecoverKeys.table }

  public mutating func update(_ message: RecoverMsg, _ context: ScreenContext) -> [Effect] {
    switch message {
    case .key(let key): return dispatch(key, context)
    }
  }

  /// r / Enter: the shown draft's changes become this run's edits.
  mutating func recoverShownDraft() -> [Effect] {
    var effects: [Effect] = []
    if let recovered {
      var text = "Recovered \(changes.count) change(s) from the draft journal"
      if drafts.count > 1 { text += "; \(drafts.count - 1) other draft(s) are kept for next time" }
      effects += [.replaceDocument(recovered), .status(StatusMessage(text, .success))]
      // The draft now lives on as this run's own; the ended run's file goes once that is written.
      if let source = draft?.source { effects.append(.run(.removeLeftBehindDraft(path: source))) }
    }
    self = RecoverState()
    return effects + [.goTo(.form), .refreshDerived]
  }

  /// d: the shown draft is removed; the next one left behind is shown, or the editor.
  mutating func discardShownDraft(_ context: ScreenContext) -> [Effect] {
    var effects: [Effect] = []
    if let source = draft?.source {
      effects.append(.run(.removeLeftBehindDraft(path: source)))
    } else if let productId = context.productId {
      effects.append(.run(.removeJournal(productId: productId)))
    }
    var rest = drafts
    if selectedDraft < rest.count { rest.remove(at: selectedDraft) }
    if let live, !rest.isEmpty {
      self = RecoverState(offering: rest, live: live, selected: selectedDraft)
      return effects + [.status(StatusMessage("Draft discarded; \(rest.count) more left behind"))]
    }
    self = RecoverState()
    return effects + [.goTo(.form), .status(StatusMessage("Draft discarded"))]
  }

  /// Tab / Shift-Tab: the next or previous draft left behind.
  mutating func showDraft(offset: Int) -> [Effect] {
    if drafts.count > 1, let live {
      self = RecoverState(offering: drafts, live: live, selected: (selectedDraft + offset + drafts.count) % drafts.count)
    }
    return []
  }
}
