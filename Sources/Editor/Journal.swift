import ProductDocument

/// What `update` has asked of the draft journal. The runtime only carries the writes out
/// (`.writeJournal`, `.removeJournal`) and answers with `.journalWritten` or `.journalWriteFailed`.
public struct JournalState: Equatable, Sendable {
  /// The document version last handed to the journal (written, removed, or nothing to write).
  public var version = 0
  /// Ticks (a tenth of a second each) since the last write was asked for.
  public var ticksSinceWrite = 0
  /// This run has written a draft of the open product since it was loaded (so a document that is
  /// clean again removes it; a draft found at load is left alone until the user decides).
  public var wroteDraft = false
  /// Why the last write failed; nil once a write succeeds.
  public var failure: String?

  /// Writes wait at least this many ticks after the previous one (about three a second while typing).
  static let ticksBetweenWrites = 3
}

extension Model {
  /// The journal's commands for the document as it is now, when its version moved since the last.
  mutating func journalCommands() -> [Command] {
    guard journal.version != documentVersion else { return [] }
    journal.version = documentVersion
    journal.ticksSinceWrite = 0
    guard let document, let productId else { return [] }
    // Media added by URL are entries of `current`, so an unchanged product has none pending.
    if document.current == document.base {
      guard journal.wroteDraft else { return [] }
      journal.wroteDraft = false
      return [.removeJournal(productId: productId)]
    }
    journal.wroteDraft = true
    return [
      .writeJournal(JournalDraft(storeId: storeId, productId: productId, base: document.base, current: document.current))
    ]
  }

  /// On a tick: the journal follows the document within a few tenths of a second of a change.
  mutating func journalTick() -> [Command] {
    journal.ticksSinceWrite += 1
    guard journal.ticksSinceWrite >= JournalState.ticksBetweenWrites else { return [] }
    return journalCommands()
  }

  /// Whatever `update` returns passes here: before the program stops, is suspended, or removes a
  /// draft it recovered, the newest draft is written first; a removed journal needs no write.
  mutating func withJournal(_ commands: [Command]) -> [Command] {
    guard !commands.isEmpty else { return commands }
    var flushAt: Int?
    for (i, command) in commands.enumerated() {
      switch command {
      case .removeJournal(let id) where id == productId:
        journal.version = documentVersion
        journal.wroteDraft = false
        return commands
      case .quit, .suspend, .removeLeftBehindDraft:
        if flushAt == nil { flushAt = i }
      default:
        break
      }
    }
    guard let flushAt else { return commands }
    let flush = journalCommands()
    guard !flush.isEmpty else { return commands }
    var out = commands
    out.insert(contentsOf: flush, at: flushAt)
    return out
  }

  mutating func journalWritten() {
    guard journal.failure != nil else { return }
    journal.failure = nil
    message = StatusMessage("The draft journal is written again", .success)
  }

  /// The editor keeps working; the failure is shown once (and again if the reason changes) and
  /// remembered for the quit question.
  mutating func journalWriteFailed(_ reason: String) {
    guard journal.failure != reason else { return }
    journal.failure = reason
    message = StatusMessage("Draft not saved, edits only in memory: \(reason)", .error)
  }

  /// The quit question's line for `y`: the draft is kept, or (when the journal cannot be
  /// written) the changes are lost.
  var quitKeepingDraftLines: [String] {
    guard journal.failure != nil else { return ["y  quit; the draft is kept and offered next time"] }
    return ["y  quit anyway: the draft could not be saved,", "   so these changes would be lost"]
  }
}
