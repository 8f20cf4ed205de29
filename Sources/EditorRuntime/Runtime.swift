import DraftJournal
import EcwidAPI
import Editor
import Foundation
import ProductDocument
import ProductSync
import Terminal

/// How the editor is started.
public struct EditorOptions: Sendable {
  public var storeLabel: String
  public var productId: Int?
  public var journal: DraftJournal
  /// Where the UI's stderr goes while the screen is up (a crash message lands there).
  public var stderrLogPath: String?
  /// Seconds between background checks of the product on the server (0: never). Default:
  /// `$ECWID_EDIT_REMOTE_CHECK_SECONDS`, else 30 (two requests a minute, far inside Ecwid's 600).
  public var remoteCheckInterval: TimeInterval

  public init(
    storeLabel: String, productId: Int?, journal: DraftJournal = .standard(), stderrLogPath: String? = nil,
    remoteCheckInterval: TimeInterval? = nil
  ) {
    self.storeLabel = storeLabel
    self.productId = productId
    self.journal = journal
    self.stderrLogPath = stderrLogPath
    self.remoteCheckInterval =
      remoteCheckInterval ?? EditorOptions.remoteCheckInterval(from: ProcessInfo.processInfo.environment)
  }

  public static let defaultRemoteCheckInterval: TimeInterval = 30

  /// `ECWID_EDIT_REMOTE_CHECK_SECONDS` when it is a number of seconds (at least 0.2; 0 turns the
  /// check off), else the default.
  public static func remoteCheckInterval(from environment: [String: String]) -> TimeInterval {
    guard let text = environment["ECWID_EDIT_REMOTE_CHECK_SECONDS"], let v = Double(text), v.isFinite, v >= 0 else {
      return defaultRemoteCheckInterval
    }
    return v == 0 ? 0 : max(0.2, v)
  }
}

/// A big product's first look: the load as it will be, but without the product's
/// `Loaded.readLast` members, which are still being read.
struct FirstLook: Sendable {
  let productId: Int
  let loaded: Loaded
}

/// Messages posted by work running off the UI thread.
final class Mailbox: @unchecked Sendable {
  private let lock = NSLock()
  private var messages: [Msg] = []
  private var running = 0

  /// Counts the spawned work that has not ended: while any runs, the loop looks here often.
  func began() {
    lock.lock()
    running += 1
    lock.unlock()
  }

  func ended() {
    lock.lock()
    running -= 1
    lock.unlock()
  }

  /// How long the loop may wait for a key before looking here again: not at all when a message
  /// is waiting, a millisecond while work runs (its answer arrives here, not as a key; a
  /// look costs a few microseconds), else 40 ms.
  var keyWaitMilliseconds: Int {
    lock.lock()
    defer { lock.unlock() }
    return !messages.isEmpty || firstLook != nil ? 0 : running > 0 ? 1 : 40
  }

  private var firstLook: FirstLook?

  /// A big product's first look, for the loop to draw before the product's `.loaded` (posted
  /// before it, from the reading thread).
  func postFirstLook(_ look: FirstLook) {
    lock.lock()
    firstLook = look
    lock.unlock()
  }

  func takeFirstLook() -> FirstLook? {
    lock.lock()
    defer { lock.unlock() }
    let look = firstLook
    firstLook = nil
    return look
  }

  func post(_ msg: Msg) {
    lock.lock()
    messages.append(msg)
    lock.unlock()
  }

  func drain() -> [Msg] {
    lock.lock()
    defer { lock.unlock() }
    let out = messages
    messages.removeAll()
    return out
  }
}

/// The newest draft, where a signal handler can reach it to write the journal on the way out.
final class DraftBox: @unchecked Sendable {
  private let lock = NSLock()
  private var draft: DraftJournal.Draft?
  private var journal: DraftJournal?

  func set(_ draft: DraftJournal.Draft?, journal: DraftJournal) {
    lock.lock()
    self.draft = draft
    self.journal = journal
    lock.unlock()
  }

  func flush() {
    lock.lock()
    let (draft, journal) = (self.draft, self.journal)
    lock.unlock()
    if let draft, let journal { try? journal.write(draft) }
  }

  static let shared = DraftBox()
}

/// Runs the editor in the terminal until the user quits; returns the exit status.
public func runEditor(client: EcwidClient, options: EditorOptions) async -> Int32 {
  guard isatty(0) != 0, isatty(1) != 0 else {
    FileHandle.standardError.write(Data("ecwid-edit: the editor needs a terminal (stdin and stdout must be a tty)\n".utf8))
    return 2
  }
  // The product is asked for before anything else is set up: the terminal, the journal and the
  // loop's thread are ready well before the answer comes.
  let ahead = options.productId.map { FetchAhead.start(productId: $0, client: client) }
  let terminal: NcursesTerminal
  do {
    terminal = try NcursesTerminal(stderrLogPath: options.stderrLogPath)
  } catch {
    FileHandle.standardError.write(Data("ecwid-edit: cannot start the terminal: \(error)\n".utf8))
    return 2
  }
  RuntimeSignals.install { _ in DraftBox.shared.flush() }
  let code = await runEditorLoop(client: client, terminal: terminal, options: options, ahead: ahead)
  terminal.restore()
  return code
}

/// What the runtime needs of a terminal beyond drawing and reading keys: job control, handing the
/// terminal to `$EDITOR`, and noticing that it went away. `NcursesTerminal` is the real one; tests
/// drive the same loop with a scripted backend.
public protocol EditorTerminal: TerminalBackend {
  /// True once after the process was stopped and continued from outside.
  func takeContinued() -> Bool
  /// Ctrl-Z: stops the program as a shell job until `fg`.
  func suspendToShell()
  /// Runs `argv` with the terminal handed over (for `$EDITOR`).
  func runInForeground(_ argv: [String]) -> ChildOutcome
  /// True when the terminal has been closed (its pty's other side is gone).
  func hungUp() -> Bool
}

/// Runs the editor's loop on `terminal` (on a thread of its own, with a big stack) until the user
/// quits; returns the exit status. The caller sets the terminal up and restores it.
///
/// `ahead`: the first product's requests, already sent (`FetchAhead.start`); its first `.load`
/// takes their answer instead of asking again.
func runEditorLoop(
  client: EcwidClient, terminal: any EditorTerminal, options: EditorOptions, ahead: FetchAhead?
) async -> Int32 {
  let runtime = RuntimeLoop(client: client, terminal: terminal, options: options)
  runtime.ahead = ahead
  return await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
    let thread = Thread {
      let code = runtime.loop()
      continuation.resume(returning: code)
    }
    thread.stackSize = 8 << 20
    thread.start()
  }
}

public func runEditorLoop(client: EcwidClient, terminal: any EditorTerminal, options: EditorOptions) async -> Int32 {
  await runEditorLoop(client: client, terminal: terminal, options: options, ahead: nil)
}

/// Owns the model and the terminal: reads events, runs `update`, draws `view`, runs commands.
final class RuntimeLoop: @unchecked Sendable {
  let client: EcwidClient
  let terminal: any EditorTerminal
  let options: EditorOptions
  let mailbox = Mailbox()
  var model: Model
  var work: [Task<Void, Never>] = []
  var done = false
  var exitCode: Int32 = 0
  /// The document version the signal-time draft (`DraftBox`) holds.
  var boxedVersion = -1
  /// The product this run has marked as open in the journal (see `DraftJournal.claim`).
  var claimedProduct: Int?
  /// Messages for after the next frame (`Command.afterFrame`).
  var afterFrame: [Msg] = []
  /// The first product's requests, sent before the loop started (taken by its first `.load`).
  var ahead: FetchAhead?
  /// A copy of the model with a big product's first look loaded (`FirstLook`): drawn instead of
  /// the loading screen until the whole product is in. Keys typed meanwhile wait in `held` and
  /// go to the whole product, in order, once it is loaded (Ctrl-C acts at once, as on the
  /// loading screen). A wait of the client (a slow answer, a 429) ends the look: the loading
  /// screen says what is awaited, and the held keys go to it.
  var firstLookModel: Model?
  var held: [TerminalEvent] = []

  init(client: EcwidClient, terminal: any EditorTerminal, options: EditorOptions) {
    self.client = client
    self.terminal = terminal
    self.options = options
    let size = terminal.size
    model = Model(
      storeLabel: options.storeLabel, storeId: client.config.storeId, productId: options.productId,
      width: size.width, height: size.height)
    boxedVersion = model.documentVersion
  }

  func loop() -> Int32 {
    run(model.start())
    render()
    var lastTick = Date()
    var lastRemoteCheck = Date()
    while !done {
      var changed = false
      // While a request is out, its answer waits in the mailbox until this read times out: wait
      // briefly then, so a loaded product is drawn within a few milliseconds of arriving.
      if let event = terminal.readEvent(timeoutMilliseconds: mailbox.keyWaitMilliseconds) {
        take(event)
        changed = true
        // Take whatever else is already waiting before drawing (key repeat, pastes).
        var extra = 0
        while extra < 64, !done, let more = terminal.readEvent(timeoutMilliseconds: 0) {
          take(more)
          extra += 1
        }
      }
      if terminal.takeContinued() { changed = true }  // stopped and continued from outside
      if let look = mailbox.takeFirstLook(), model.page == .loading, model.productId == look.productId {
        var copy = model
        _ = copy.update(.loaded(.success(look.loaded)))  // a look only: its commands are not run
        firstLookModel = copy
        changed = true
      }
      for msg in mailbox.drain() {
        process(msg)
        changed = true
      }
      if firstLookModel != nil, model.page != .loading { endFirstLook() }
      let now = Date()
      if now.timeIntervalSince(lastTick) >= 0.1 {
        lastTick = now
        if terminal.hungUp() {
          // The terminal went away without a SIGHUP reaching us: keep the draft and leave.
          process(.terminalClosed)
          break
        }
        // A tick can change what is drawn: the counts, a busy line, or the status line (a journal
        // write the tick asked for may have failed).
        let before = (model.changeCount, model.issues.count, model.busy != nil, model.message)
        process(.tick)
        if before != (model.changeCount, model.issues.count, model.busy != nil, model.message) || model.busy != nil {
          changed = true
        }
      }
      if options.remoteCheckInterval > 0, now.timeIntervalSince(lastRemoteCheck) >= options.remoteCheckInterval {
        lastRemoteCheck = now
        process(.remoteCheckDue)
      }
      boxDraftIfNeeded()
      if changed && !done { render() }
      while !afterFrame.isEmpty && !done {
        let later = afterFrame
        afterFrame = []
        for msg in later { process(msg) }
        render()
      }
    }
    for task in work { task.cancel() }
    if let claimedProduct { options.journal.release(storeId: model.storeId, productId: claimedProduct) }
    return exitCode
  }

  func message(for event: TerminalEvent) -> Msg {
    switch event {
    case .key(let key): return .key(key)
    case .paste(let text): return .paste(text)
    case .resize(let w, let h): return .resize(width: w, height: h)
    }
  }

  /// An event from the terminal: to the model, or held while a first look is drawn.
  func take(_ event: TerminalEvent) {
    if firstLookModel != nil {
      switch event {
      case .resize(let width, let height):
        _ = firstLookModel?.update(.resize(width: width, height: height))
      case .key(.ctrl("c")):
        break
      default:
        held.append(event)
        return
      }
    }
    process(message(for: event))
  }

  func process(_ msg: Msg) {
    // A slow or rate-limited load shows the loading screen and its wait, as ever: the look was
    // for a load about to end.
    if firstLookModel != nil, case .clientWaiting = msg { endFirstLook() }
    run(model.update(msg))
  }

  /// The look gives way to the model itself; the keys typed on it go to the model, in order.
  func endFirstLook() {
    firstLookModel = nil
    let keys = held
    held = []
    for event in keys where !done { process(message(for: event)) }
  }

  func render() {
    let (screen, cursor) = (firstLookModel ?? model).view()
    terminal.draw(screen, cursor: cursor)
  }

  /// The signal-time copy of the draft follows every document version (a signal must flush the
  /// newest draft, not the one of the last write). When the journal file is written is decided by
  /// `update` (`.writeJournal`).
  func boxDraftIfNeeded() {
    guard boxedVersion != model.documentVersion else { return }
    boxedVersion = model.documentVersion
    guard let document = model.document, let productId = model.productId, document.current != document.base else {
      DraftBox.shared.set(nil, journal: options.journal)
      return
    }
    DraftBox.shared.set(
      DraftJournal.Draft(storeId: model.storeId, productId: productId, base: document.base, current: document.current),
      journal: options.journal)
  }

  func run(_ commands: [Command]) {
    for command in commands { run(command) }
  }

  func run(_ command: Command) {
    let client = self.client
    let mailbox = self.mailbox
    switch command {
    case .search(let requestId, let keyword, let sku, let offset):
      spawn {
        do {
          let found = try await client.searchProducts(
            keyword: keyword, sku: sku, offset: offset, limit: PickerState.pageSize)
          mailbox.post(.searched(requestId: requestId, .success(found)))
        } catch {
          mailbox.post(.searched(requestId: requestId, .failure(asEcwidError(error))))
        }
      }
    case .load(let productId):
      let journal = options.journal
      let storeId = model.storeId
      // This run has the product open now (and no other one it had before).
      if let previous = claimedProduct, previous != productId { journal.release(storeId: storeId, productId: previous) }
      claimedProduct = productId
      let claimed: Result<[String], any Error> = Result {
        try journal.claim(storeId: storeId, productId: productId).map { owner in
          "pid \(owner.pid), open since \(owner.since.formatted(date: .omitted, time: .standard))"
        }
      }
      let elsewhere = (try? claimed.get()) ?? []
      let claimProblem: String? = if case .failure(let error) = claimed { "\(error)" } else { nil }
      let sent = ahead?.productId == productId ? ahead : nil
      ahead = nil
      spawnReportingWaits {
        // The journal is read while the product is on its way: it decides whether a big
        // product's first look may be drawn before the rest is read (only on a plain open).
        var draft: DraftJournalDraft?
        var problems: [String] = claimProblem.map { [$0] } ?? []
        do {
          if let found = try journal.read(storeId: storeId, productId: productId) {
            draft = DraftJournalDraft(base: found.base, current: found.current, savedAt: found.savedAt)
          }
        } catch {
          problems.append("The draft journal could not be read (\(error)); it was left in place.")
        }
        var others: [DraftJournalDraft] = []
        for left in journal.leftBehind(storeId: storeId, productId: productId) {
          guard let found = left.draft else {
            problems.append(left.problem ?? "A draft at \(left.url.path) could not be read; it was left in place.")
            continue
          }
          let origin = left.run.map {
            "left by pid \($0.pid), started \($0.startedAt.formatted(date: .omitted, time: .standard))"
          }
          others.append(
            DraftJournalDraft(
              base: found.base, current: found.current, savedAt: found.savedAt, origin: origin ?? "left by an earlier version",
              source: left.url.path))
        }
        // What the load brings besides the product and the languages.
        let journalState = Loaded(
          product: Product(json: [:]), languages: [], draft: draft,
          journalProblem: problems.isEmpty ? nil : problems.joined(separator: " "), otherDrafts: others,
          openElsewhere: elsewhere)
        let firstLook = sent?.firstLook ?? FirstLookRelay()
        if journalState.showsFirstScreenEarly {
          firstLook.deliver { product, languages in
            var look = journalState
            (look.product, look.languages) = (product, languages)
            mailbox.postFirstLook(FirstLook(productId: productId, loaded: look))
          }
        }
        do {
          let fetched: FetchedProduct
          if let sent {
            fetched = try await sent.answer(events: { mailbox.post(.clientWaiting($0)) }).get()
          } else {
            fetched = try await FetchAhead.fetch(productId: productId, client: client, firstLook: firstLook)
          }
          firstLook.close()
          var whole = journalState
          (whole.product, whole.languages) = (fetched.product, fetched.languages)
          mailbox.post(.loaded(.success(whole)))
        } catch {
          firstLook.close()
          mailbox.post(.loaded(.failure(asEcwidError(error))))
        }
      }
    case .checkRemote(let productId):
      spawn {
        do {
          mailbox.post(.remoteChecked(.success(try await client.productWithCombinations(id: productId))))
        } catch {
          mailbox.post(.remoteChecked(.failure(asEcwidError(error))))
        }
      }
    case .fetchRemote(let productId):
      spawnReportingWaits {
        do {
          mailbox.post(.remoteFetched(.success(try await client.productWithCombinations(id: productId))))
        } catch {
          mailbox.post(.remoteFetched(.failure(asEcwidError(error))))
        }
      }
    case .runPlan(let plan, let productId):
      spawn {
        let outcome = await ProductSync.runPlan(plan, productId: productId, client: client) { progress in
          if case .started(let step, let total, let description) = progress {
            mailbox.post(.saveProgress("Saving \(step)/\(total): \(description)"))
          }
          if case .batchProgress(let step, let done, let total) = progress {
            mailbox.post(.saveProgress("Saving \(step)/\(plan.steps.count): variations \(done)/\(total) done"))
          }
          if case .waiting(let event) = progress { mailbox.post(.clientWaiting(event)) }
        }
        mailbox.post(.saved(outcome))
      }
    case .externalEdit(let path, let text, let suffix):
      process(externalEdit(path: path, text: text, suffix: suffix))
    case .writeJournal(let draft):
      do {
        try options.journal.write(
          DraftJournal.Draft(storeId: draft.storeId, productId: draft.productId, base: draft.base, current: draft.current))
        process(.journalWritten)
      } catch {
        process(.journalWriteFailed(reason: "\(error)"))
      }
    case .removeJournal(let productId):
      options.journal.remove(storeId: model.storeId, productId: productId)
      DraftBox.shared.set(nil, journal: options.journal)
      boxedVersion = model.documentVersion
    case .removeLeftBehindDraft(let path):
      // `update` puts this run's draft write (holding the recovered edits) before this command.
      options.journal.removeLeftBehind(URL(fileURLWithPath: path))
    case .cancelWork:
      for task in work { task.cancel() }
      work.removeAll()
      mailbox.post(.cancelled)
    case .afterFrame(let msg):
      afterFrame.append(msg)
    case .redraw:
      // The next draw clears the terminal and paints every cell (whatever wrote over it).
      terminal.invalidate()
    case .suspend:
      // `update` puts the draft write before this command.
      terminal.suspendToShell()
      // Back after `fg`: the window may have changed meanwhile.
      let size = terminal.size
      process(.resize(width: size.width, height: size.height))
    case .quit(let code):
      exitCode = code
      done = true
    }
  }

  /// Like `spawn`, with the client's waits (rate limit, backoff, slow answer) posted to the model
  /// so the status line can count them down; cancelling the work ends the wait.
  func spawnReportingWaits(_ body: @escaping @Sendable () async -> Void) {
    let mailbox = self.mailbox
    spawn {
      await EcwidClient.observingEvents({ event in mailbox.post(.clientWaiting(event)) }) {
        await body()
      }
    }
  }

  func spawn(_ body: @escaping @Sendable () async -> Void) {
    work.removeAll { $0.isCancelled }
    let mailbox = self.mailbox
    mailbox.began()
    work.append(
      Task.detached {
        await body()
        mailbox.ended()
      })
  }

  /// Opens `$VISUAL`/`$EDITOR` (default vi) on the text, with the terminal handed over meanwhile.
  func externalEdit(path: FieldPath, text: String, suffix: String) -> Msg {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ecwid-edit-\(getpid())")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let file = directory.appendingPathComponent((path.text.replacingOccurrences(of: "/", with: "_")) + suffix)
    defer { try? FileManager.default.removeItem(at: directory) }
    do {
      try Data(text.utf8).write(to: file, options: .atomic)
    } catch {
      return .externalEditFinished(path: path, text: nil, error: "Cannot write a temporary file: \(error)")
    }
    let environment = ProcessInfo.processInfo.environment
    let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
    // The editor gets the terminal: its own process group in the foreground, curses mode left
    // meanwhile, the screen repainted after.
    var failure: String?
    switch terminal.runInForeground(["/bin/sh", "-c", editor + " \"$1\"", "sh", file.path]) {
    case .exited(0): break
    case .exited(127): failure = "Cannot run \(editor): not found; the text was not changed"
    case .exited(let code): failure = "\(editor) exited with status \(code); the text was not changed"
    case .signalled(let sig): failure = "\(editor) was ended by signal \(sig); the text was not changed"
    case .cannotRun(let why): failure = "Cannot run \(editor): \(why)"
    }
    if let failure { return .externalEditFinished(path: path, text: nil, error: failure) }
    guard let data = try? Data(contentsOf: file) else {
      return .externalEditFinished(path: path, text: nil, error: "The edited file disappeared; the text was not changed")
    }
    var edited = String(decoding: data, as: UTF8.self)
    // Editors add a final newline; keep the text as it was when only that differs.
    if edited.hasSuffix("\n") && !text.hasSuffix("\n") { edited.removeLast() }
    return .externalEditFinished(path: path, text: edited, error: nil)
  }
}

func asEcwidError(_ error: any Error) -> EcwidError {
  if let e = error as? EcwidError { return e }
  if error is CancellationError { return EcwidError(kind: .cancelled) }
  return EcwidError(kind: .invalidResponse, detail: String(describing: error))
}
