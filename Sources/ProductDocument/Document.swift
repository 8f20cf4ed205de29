import EcwidAPI

/// An editable product: the fetched version (`base`), the edited one (`current`), and an
/// undo history. Fields no edit touched keep the exact JSON the server sent. A history step keeps
/// only what it changed (see `HistoryStep`), so a long edit of a big product stays small.
public struct Document: Sendable {
  public private(set) var base: Product
  public private(set) var current: Product
  private var undoStack: [HistoryStep] = []
  private var redoStack: [HistoryStep] = []
  private var lastCoalesceKey: String?

  public init(base: Product) {
    self.base = base
    self.current = base
  }

  /// Media added by URL that are not saved yet. Removed existing media are simply absent from `current`.
  public var pendingMedia: [PendingMedia] { current.pendingMedia }

  /// Applies an edit as one undo step; consecutive edits with the same non-nil `coalesceKey`
  /// (typing in one field) form one step. A refused write (a path that does not fit the
  /// product's shape) changes nothing and is returned, for the status line.
  @discardableResult
  public mutating func apply(_ edit: Edit, coalesceKey: String? = nil) -> FieldPathError? {
    var next = current
    if let refused = next.apply(edit) { return refused }
    next.followOptions(after: edit, from: current)
    commit(next, coalesceKey: coalesceKey)
    return nil
  }

  /// Replaces `current` as one undoable step (no step when nothing changed).
  private mutating func commit(_ next: Product, coalesceKey: String?) {
    if next == current {
      return
    }
    let coalesce = coalesceKey != nil && coalesceKey == lastCoalesceKey && !undoStack.isEmpty
    if coalesce, let step = undoStack.popLast() {
      // The step now goes from `next` back to where the coalesced edits started.
      undoStack.append(HistoryStep(from: next, to: step.applied(to: current)))
    } else {
      undoStack.append(HistoryStep(from: next, to: current))
    }
    redoStack.removeAll()
    current = next
    lastCoalesceKey = coalesceKey
  }

  @discardableResult public mutating func undo() -> Bool {
    guard let step = undoStack.popLast() else { return false }
    let previous = step.applied(to: current)
    redoStack.append(HistoryStep(from: previous, to: current))
    current = previous
    lastCoalesceKey = nil
    return true
  }

  @discardableResult public mutating func redo() -> Bool {
    guard let step = redoStack.popLast() else { return false }
    let next = step.applied(to: current)
    undoStack.append(HistoryStep(from: next, to: current))
    current = next
    lastCoalesceKey = nil
    return true
  }

  public var canUndo: Bool { !undoStack.isEmpty }
  public var canRedo: Bool { !redoStack.isEmpty }
  /// What the undo and redo history holds, as a count of stored JSON values (each stored value
  /// with everything inside it). Deterministic, for tests and the benchmark.
  public var historySize: Int {
    (undoStack + redoStack).reduce(0) { $0 + $1.size }
  }
  /// Whether anything would be saved: the edited product differs from the fetched one.
  public var isDirty: Bool { !changes().isEmpty }

  public func changes() -> [Change] { diff(base: base, current: current) }

  /// Reverts one change on its own, as an undoable step.
  public mutating func revert(_ change: Change) {
    var next = current
    next.revert(change, base: base)
    commit(next, coalesceKey: nil)
  }

  /// Reverts several changes as one undoable step.
  public mutating func revert(_ changes: [Change]) {
    var next = current
    for change in changes {
      next.revert(change, base: base)
    }
    commit(next, coalesceKey: nil)
  }

  public func validate(storeLanguages: [String]?) -> [ValidationIssue] {
    Validator(base: base, current: current, storeLanguages: storeLanguages).issues()
  }

  public func plan(storeLanguages: [String]?) -> UpdatePlan {
    UpdatePlan.make(base: base, current: current, storeLanguages: storeLanguages)
  }

  /// After a successful save: the saved product becomes both versions; history and pending media are cleared.
  public mutating func rebase(onto product: Product) {
    base = product
    current = product
    undoStack.removeAll()
    redoStack.removeAll()
    lastCoalesceKey = nil
  }

  /// After a conflict check: `theirs` (the product as the server has it now) becomes the base and
  /// `merged` the edited product, as one undoable step. Without `theirs`, only the server-maintained
  /// fields of the base follow `merged`.
  public mutating func takeRemote(_ merged: Product, theirs: Product? = nil) {
    if let theirs {
      base = theirs
    } else {
      for key in serverMaintainedKeys {
        if let v = merged.json[key] { base.json[key] = v }
      }
    }
    undoStack.append(HistoryStep(from: merged, to: current))
    redoStack.removeAll()
    current = merged
    lastCoalesceKey = nil
  }

  /// Takes a conflict check's result: base becomes their product, current the merge.
  public mutating func takeRemote(_ result: ConflictResult) {
    takeRemote(result.merged, theirs: result.theirs)
  }
}
