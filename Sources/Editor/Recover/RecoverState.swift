import EcwidAPI
import ProductDocument
import Terminal

/// The recovery screen: drafts left behind by earlier runs (every one is listed, one is shown at
/// a time, rebuilt on the product as the server has it now), to recover or discard.
public struct RecoverState: Sendable {
  public var draft: DraftJournalDraft?
  public var live: Product?
  /// The document the journal would give, rebuilt on the live product.
  public var recovered: Document?
  public var changes: [Change] = []
  public var conflicts: [Conflict] = []
  public var scroll = 0
  /// Every draft left behind for this product, and which one is shown.
  public var drafts: [DraftJournalDraft] = []
  public var selectedDraft = 0
  public init() {}

  /// The screen offering `drafts` (the one at `selected` shown) against the live product.
  init(offering drafts: [DraftJournalDraft], live: Product, selected: Int = 0) {
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
    self.drafts = drafts
    selectedDraft = index
    self.draft = draft
    self.live = live
    self.recovered = recovered
    changes = recovered.changes()
    self.conflicts = conflicts
  }
}

/// What the recovery screen handles.
public enum RecoverMsg: Sendable {
  case key(Key)
}

extension Model {
  /// Shows the recovery screen for drafts left behind (nothing when there are none).
  mutating func offerRecovery(_ drafts: [DraftJournalDraft], live: Product) {
    guard !drafts.isEmpty else { return }
    recover = RecoverState(offering: drafts, live: live)
    page = .recover
  }
}
