import EcwidAPI
import ProductDocument
import Terminal

extension ConflictState: Component {
  var keys: KeyTable<ConflictState> { ConflictKeys.table }

  public mutating func update(_ message: ConflictMsg, _ context: ScreenContext) -> [Effect] {
    switch message {
    case .key(let key): return dispatch(key, context)
    }
  }

  var count: Int { result?.conflicts.count ?? 0 }

  mutating func select(by rows: Int) -> [Effect] {
    selected = max(0, min(count - 1, selected + rows))
    return []
  }

  /// m / t: this field (then the next one); M / T: every field.
  mutating func decide(keepMine: Bool, everyField: Bool) -> [Effect] {
    let count = count
    guard count > 0 else { return [] }
    if everyField {
      for i in 0..<count { choices[i] = keepMine }
    } else {
      choices[selected] = keepMine
      selected = min(count - 1, selected + 1)
    }
    return []
  }

  /// Enter: the decisions are taken into the draft and the review shows what the save sends.
  mutating func finish() -> [Effect] {
    guard let result else { return [] }
    let undecided = (0..<result.conflicts.count).filter { choices[$0] == nil }.count
    if undecided > 0 {
      return [.status(StatusMessage("\(undecided) field(s) still to decide: m keeps yours, t takes theirs", .warning))]
    }
    var merged = result.merged
    for (i, c) in result.conflicts.enumerated() where choices[i] == false {
      merged.setValue(c.theirs, at: c.path)
    }
    self = ConflictState()
    return [
      .takeRemote(merged, theirs: result.theirs), .openReview,
      .status(StatusMessage("Decided. The review now shows what the save sends on top of their version", .success)),
    ]
  }

  mutating func cancel() -> [Effect] {
    self = ConflictState()
    return [.goTo(.form), .status(StatusMessage("Save cancelled; nothing sent, your edits are kept", .warning))]
  }
}
