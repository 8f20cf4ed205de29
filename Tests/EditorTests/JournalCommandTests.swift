import EcwidAPI
import ProductDocument
import Terminal
import Testing

@testable import Editor

/// The draft journal as `update` decides it: a `.writeJournal` command when the document moved,
/// written before a quit or a suspend, and a failed write answered with a message the user sees.
@Suite struct JournalCommandTests {
  func journalWrites(_ commands: [Command]) -> [JournalDraft] {
    commands.compactMap { if case .writeJournal(let d) = $0 { d } else { nil } }
  }

  func ticks(_ n: Int, _ model: inout Model) -> [Command] {
    (0..<n).flatMap { _ in model.update(.tick) }
  }

  func renamed(_ model: inout Model, to suffix: String) {
    press(&model, .enter, .end)
    type(&model, suffix)
    press(&model, .enter)
  }

  @Test func anEditIsJournaledOnTheNextTicksOnceAndNotAgain() throws {
    var model = EditorHarness.model()
    // Nothing is written for a product just opened and unchanged.
    #expect(journalWrites(ticks(10, &model)).isEmpty)
    renamed(&model, to: " Pro")
    let writes = journalWrites(ticks(JournalState.ticksBetweenWrites, &model))
    let draft = try #require(writes.first, "an edit is written within \(JournalState.ticksBetweenWrites) ticks")
    #expect(writes.count == 1)
    let name = try #require(model.document?.base.name)
    #expect(draft.current.name == name + " Pro")
    #expect(draft.base.name == name)
    #expect(draft.productId == model.productId)
    #expect(journalWrites(ticks(10, &model)).isEmpty, "an unchanged document is not written again")
  }

  @Test func quittingWritesTheNewestDraftBeforeLeaving() throws {
    var model = EditorHarness.model()
    let name = try #require(model.document?.base.name)
    renamed(&model, to: " X")
    // `q` asks; `y` quits keeping the draft: the draft (with " X") is written before the quit.
    press(&model, .char("q"))
    let commands = press(&model, .char("y"))
    let write = try #require(commands.firstIndex { if case .writeJournal = $0 { true } else { false } })
    let quit = try #require(commands.firstIndex { if case .quit = $0 { true } else { false } })
    #expect(write < quit)
    #expect(journalWrites(commands).first?.current.name == name + " X")
  }

  @Test func aFailedWriteIsShownOnTheStatusLineAndTheQuitQuestionWarns() throws {
    var model = EditorHarness.model(width: 120, height: 30)
    let name = try #require(model.document?.base.name)
    renamed(&model, to: " Pro")
    #expect(!journalWrites(ticks(JournalState.ticksBetweenWrites, &model)).isEmpty)
    let reason = "Cannot write the draft journal /nowhere/1003-1.json: Permission denied"
    _ = model.update(.journalWriteFailed(reason: reason))
    #expect(model.message?.kind == .error)
    #expect(EditorHarness.lines(model).last?.contains("Draft not saved, edits only in memory: Cannot write the draft journal") == true)
    // The editor keeps working: typing goes on.
    renamed(&model, to: "!")
    #expect(model.document?.current.name == name + " Pro!")
    // Quitting with unsaved changes says the draft could not be saved.
    press(&model, .char("q"))
    let text = EditorHarness.text(model)
    #expect(text.contains("the draft could not be saved"), "\(text)")
    #expect(!text.contains("the draft is kept and offered next time"))
    press(&model, .char("n"))
    // A later write that works clears the warning.
    _ = model.update(.journalWritten)
    #expect(model.journal.failure == nil)
    press(&model, .char("q"))
    #expect(EditorHarness.text(model).contains("the draft is kept and offered next time"))
  }

  @Test func discardingRemovesTheJournalWithoutWritingIt() {
    var model = EditorHarness.model()
    renamed(&model, to: " Gone")
    press(&model, .char("q"))
    let commands = press(&model, .char("D"))
    #expect(journalWrites(commands).isEmpty)
    #expect(commands.contains { if case .removeJournal = $0 { true } else { false } })
  }

  @Test func aClosedTerminalWritesTheDraftAndQuitsWith129() throws {
    var model = EditorHarness.model()
    let name = try #require(model.document?.base.name)
    renamed(&model, to: " Y")
    let commands = model.update(.terminalClosed)
    #expect(journalWrites(commands).first?.current.name == name + " Y")
    guard case .quit(let code)? = commands.last else {
      Issue.record("a closed terminal ends the program: \(commands)")
      return
    }
    #expect(code == 129)
  }
}
