import EcwidAPI
import ProductDocument
import Terminal

extension ReviewState: Component {
  var keys: KeyTable<ReviewState> { detail == nil ? ReviewKeys.table : ReviewDetailKeys.table }

  public mutating func update(_ message: ReviewMsg, _ context: ScreenContext) -> [Effect] {
    switch message {
    case .key(let key): return dispatch(key, context)
    }
  }

  /// The changes in review order, with the selection kept inside them (undo or a rejection may
  /// have shortened the list since the selection was made).
  mutating func clampedChanges(_ context: ScreenContext) -> [Change] {
    let changes = ReviewState.changes(of: context.document)
    selected = max(0, min(selected, changes.count - 1))
    return changes
  }

  mutating func selectChange(by rows: Int, _ context: ScreenContext) -> [Effect] {
    let changes = clampedChanges(context)
    selected = max(0, min(max(0, changes.count - 1), selected + rows))
    scroll = 0
    return []
  }

  /// y: the selected change is accepted and the next one selected.
  mutating func acceptSelectedChange(_ context: ScreenContext) -> [Effect] {
    let changes = clampedChanges(context)
    guard !changes.isEmpty else { return [] }
    accepted.insert(changes[selected].id)
    selected = min(changes.count - 1, selected + 1)
    return []
  }

  /// n: the selected change is reverted in the draft (u undoes). The selection stays where it
  /// is; the list drawn after the revert keeps it inside the changes left.
  mutating func rejectSelectedChange(_ context: ScreenContext) -> [Effect] {
    let changes = clampedChanges(context)
    guard !changes.isEmpty else { return [] }
    let change = changes[selected]
    return [.revert([change]), .refreshDerived, .status(StatusMessage("Rejected: \(change.label) (u undoes)"))]
  }

  mutating func acceptAllChanges(_ context: ScreenContext) -> [Effect] {
    let changes = clampedChanges(context)
    accepted = Set(changes.map(\.id))
    return [.status(StatusMessage("All \(changes.count) changes accepted"))]
  }

  mutating func rejectAllChanges(_ context: ScreenContext) -> [Effect] {
    let changes = clampedChanges(context)
    guard !changes.isEmpty else { return [] }
    selected = 0
    return [.revert(changes), .refreshDerived, .status(StatusMessage("Rejected all changes (u undoes)"))]
  }

  /// PgUp / PgDn / Space: the list a page up or down.
  mutating func scrollList(down: Bool, _ context: ScreenContext) -> [Effect] {
    let page = max(1, context.height - 4)
    scroll = down ? max(0, scroll) + page : min(0, scroll) - page
    return []
  }

  mutating func openChangeDetail(_ context: ScreenContext) -> [Effect] {
    let changes = clampedChanges(context)
    guard !changes.isEmpty else { return [] }
    detail = changes[selected].id
    detailScroll = 0
    return []
  }

  // MARK: One change in full

  /// The index of the change shown in full; nil (and the detail closed) when it is gone.
  mutating func shownChangeIndex(_ changes: [Change]) -> Int? {
    guard let index = changes.firstIndex(where: { $0.id == detail }) else {
      detail = nil
      return nil
    }
    return index
  }

  /// Scrolls the change shown in full by `rows` (to the top when `to` is 0, to the end when -1).
  mutating func scrollDetail(by rows: Int = 0, to place: Int? = nil, _ context: ScreenContext) -> [Effect] {
    guard shownChangeIndex(clampedChanges(context)) != nil else { return [] }
    if let place {
      detailScroll = place < 0 ? Int.max / 2 : 0
    } else {
      detailScroll = max(0, detailScroll + rows)
    }
    return []
  }

  mutating func acceptShownChange(_ context: ScreenContext) -> [Effect] {
    let changes = clampedChanges(context)
    guard let index = shownChangeIndex(changes) else { return [] }
    accepted.insert(changes[index].id)
    detail = nil
    selected = min(changes.count - 1, index + 1)
    return [.status(StatusMessage("Accepted: \(ReviewText.label(changes[index]))"))]
  }

  mutating func rejectShownChange(_ context: ScreenContext) -> [Effect] {
    let changes = clampedChanges(context)
    guard let index = shownChangeIndex(changes) else { return [] }
    detail = nil
    selected = index
    return rejectSelectedChange(context)
  }
}
