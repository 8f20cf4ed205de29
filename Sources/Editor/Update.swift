import EcwidAPI
import Foundation
import ProductDocument
import ProductSync
import Terminal

/// Keys every section of the product form shares (after the section's own keys).
enum EditorKeys {
  static let table = KeyTable(
    "editorCommon",
    [
      KeyBinding(
        "Tab / Shift-Tab", "next / previous section", keys: [.tab, .backTab], hint: "Tab: section", hintRank: 30,
        menu: [("next section", .tab), ("previous section", .backTab)]
      ) { m, key in
        m.selectSection(offset: key == .tab ? 1 : -1)
        return []
      },
      KeyBinding(
        "1 … 9", "go to a section", keys: (1...9).map { .char(Character(String($0))) },
        menu: Section.allCases.map { ("go to \($0.title)", .char(Character(String($0.digit)))) }
      ) { m, key in
        m.goToSection(key)
        return []
      },
      KeyBinding("u", "undo (typing in a field is one step)", keys: [.char("u")]) { m, _ in
        m.undoSaying()
        return []
      },
      KeyBinding("Ctrl-R / Ctrl-Y", "redo", keys: [.ctrl("r"), .ctrl("y")]) { m, _ in
        m.redoSaying()
        return []
      },
      KeyBinding(
        "S / Ctrl-S", "review the changes, then save", keys: [.char("S"), .ctrl("s")], hint: "S: review & save",
        hintRank: 40
      ) { m, _ in m.openReview() },
      KeyBinding("o", "back to the product list (asks about unsaved changes)", keys: [.char("o")]) { m, _ in
        m.backToList()
      },
      KeyBinding(
        "q / Ctrl-C / Ctrl-Q", "quit (asks when there are unsaved changes)", keys: [.char("q"), .ctrl("c"), .ctrl("q")]
      ) { m, _ in m.requestQuit() },
    ])
}

extension Model {
  /// The one place the state changes: a message in, the new state and the work to do out.
  public mutating func update(_ msg: Msg) -> [Command] {
    let commands = withJournal(handle(msg))
    return commands
  }

  mutating func handle(_ msg: Msg) -> [Command] {
    switch msg {
    case .key(let key):
      idleTicks = 0
      return handleKey(key)
    case .paste(let text):
      idleTicks = 0
      return handlePaste(text)
    case .resize(let w, let h):
      width = max(1, w)
      height = max(1, h)
      return []
    case .tick:
      spinnerFrame &+= 1
      idleTicks += 1
      if busy == nil { wait = nil }
      wait?.ticks += 1
      // Counting changes diffs the whole product: do it when typing pauses, not between keys.
      if idleTicks >= 2 { refreshDerived() }
      return journalTick()
    case .searched(let requestId, let result):
      return route(\.picker, .searched(requestId: requestId, result))
    case .loaded(let result):
      wait = nil
      return loaded(result)
    case .refreshDerived:
      refreshDerived()
      return []
    case .saveProgress(let text):
      busy = text
      wait = nil
      return []
    case .clientWaiting(let event):
      clientWaiting(event)
      return []
    case .remoteFetched(let result):
      wait = nil
      return remoteFetched(result)
    case .saved(let outcome):
      wait = nil
      return saved(outcome)
    case .externalEditFinished(let path, let text, let error):
      if let error {
        message = StatusMessage(error, .error)
      } else if let text {
        if document?.current.value(at: path)?.stringValue != text {
          apply(.set(path, .string(text)))
          message = StatusMessage("Description updated (\(text.count) characters)", .success)
        } else {
          message = StatusMessage("Description unchanged")
        }
      }
      return []
    case .remoteCheckDue:
      return remoteCheckDue()
    case .remoteChecked(let result):
      return remoteChecked(result)
    case .journalWritten:
      journalWritten()
      return []
    case .journalWriteFailed(let reason):
      journalWriteFailed(reason)
      return []
    case .terminalClosed:
      // Nobody can answer a question any more: the draft is written (by `withJournal`) and kept.
      quitting = true
      return [.quit(code: 129)]
    case .cancelled:
      // Normally already handled when Esc was pressed; this covers work the runtime cancelled.
      if busy != nil || saveAfterFetch || planInFlight { cancelNow() }
      return []
    }
  }

  // MARK: Keys

  mutating func handleKey(_ key: Key) -> [Command] {
    // Ctrl-Z (suspend, as in vim and less; undo is `u`) and Ctrl-L (redraw) work everywhere,
    // even in a field and over a dialog.
    if key == .ctrl("z") || key == .ctrl("l") { return dispatch(key, in: [GlobalKeys.table]) }
    if help != nil { return route(\.help!, .key(key)) }
    if commandMenu != nil { return route(\.commandMenu!, .key(key)) }
    if confirmingQuit {
      switch key {
      case .char("y"), .char("Y"):
        quitting = true
        return [.quit(code: 0)]
      case .char("D"):
        quitting = true
        if let productId { return [.removeJournal(productId: productId), .quit(code: 0)] }
        return [.quit(code: 0)]
      default:
        confirmingQuit = false
        message = StatusMessage("Still editing")
        return []
      }
    }
    if confirmingBack { return confirmBackKey(key) }
    // `?` and the command menu, unless the key is text for a field (the menu also waits for an
    // open question or popup to be answered).
    if !isTyping, key == .char("?") || (!isAsking && (key == .char(":") || key == .ctrl("p"))) {
      return dispatch(key, in: [GlobalKeys.table])
    }
    if busy != nil { return dispatch(key, in: [BusyKeys.table]) }
    switch page {
    case .picker:
      return route(\.picker, .key(key))
    case .review:
      return route(\.review, .key(key))
    case .conflict:
      return route(\.conflict, .key(key))
    case .recover:
      return route(\.recover, .key(key))
    case .form:
      if let done = formModalKey(key) { return done }
    case .loading, .failed:
      break
    }
    return dispatch(key, in: rootKeyTables)
  }

  /// A key on the product form goes to the section's component (each section is one: the scalar
  /// sections' fields, the gallery, options, translations, variations), which applies it or
  /// returns nil for the keys every section shares (`EditorKeys`); its effects are applied here.
  mutating func formModalKey(_ key: Key) -> [Command]? {
    switch section {
    case .media:
      // The gallery is a component: its keys and prompts, or nil for the keys every section shares.
      let context = self.context
      if let effects = media.handle(key, context) { return perform(effects) }
    case .options:
      // The Options section is a component: its keys and prompts, or nil for the shared keys.
      let context = self.context
      if let effects = options.handle(key, context) { return perform(effects) }
    case .translations:
      // The grid is a component: its keys, its cell and its language list, or nil for the shared keys.
      let context = self.context
      if let effects = translations.handle(key, context) { return perform(effects) }
    case .variations:
      // The grid is a component: its keys and prompts, or nil for the keys every section shares;
      // then it brings its rows up to the document its effects changed.
      let context = self.context
      if let effects = variations.handle(key, context) { return perform(effects) + route(\.variations, .refresh) }
    default:
      // The scalar sections are a component: their field, popup and keys, or nil for the keys
      // every section shares.
      let context = self.context
      if let effects = form.handle(key, context) { return perform(effects) }
    }
    return nil
  }

  /// Loads the product again after a failed load.
  mutating func retryLoad() -> [Command] {
    guard let productId else { return [] }
    page = .loading
    busy = "Loading product \(productId)…"
    return [.load(productId: productId)]
  }

  /// Stops waiting for the running work at once, so an answer already on its way (say, the
  /// re-read before a save) cannot start anything after the user said stop.
  mutating func cancelNow() {
    // A cancel cannot call back a request that has left, so during a save it never claims that
    // nothing was sent.
    let wasSaving = planInFlight || saveAfterFetch
    planInFlight = false
    busy = nil
    wait = nil
    saveAfterFetch = false
    message = StatusMessage(
      wasSaving
        ? "Cancelled; the store may still apply a request already sent. Edits kept; S re-checks and saves"
        : "Cancelled", .warning)
  }

  /// True while keys are text for a field, so single-letter commands are off.
  var isTyping: Bool {
    if form.editing != nil { return true }
    if page == .picker && picker.typing { return true }
    if page == .form && section == .media && media.isTyping { return true }
    if page == .form && section == .options && options.isTyping { return true }
    if page == .form && section == .translations && translations.isTyping { return true }
    if page == .form && section == .variations && variations.isTyping { return true }
    if commandMenu != nil { return true }
    return false
  }

  /// True while a question or a popup waits for its answer (y/n, a type, a language).
  var isAsking: Bool {
    confirmingQuit || confirmingBack || form.choosing != nil || media.isAsking || options.isAsking
      || translations.choosingLanguage != nil || variations.isAsking
  }

  mutating func handlePaste(_ text: String) -> [Command] {
    // A paste is text, never commands: it goes into the field being edited, or nowhere.
    if commandMenu != nil { return route(\.commandMenu!, .paste(text)) }
    if form.editing != nil { return route(\.form, .paste(text)) }
    if page == .picker && picker.typing {
      return route(\.picker, .paste(text))
    }
    if page == .form && section == .media && media.isTyping {
      return route(\.media, .paste(text))
    }
    if page == .form && section == .options && options.isTyping {
      return route(\.options, .paste(text))
    }
    if page == .form && section == .translations && translations.isTyping {
      return route(\.translations, .paste(text))
    }
    if page == .form && section == .variations && variations.isTyping {
      return route(\.variations, .paste(text))
    }
    message = StatusMessage("Paste ignored: open a field first (Enter)", .warning)
    return []
  }

  mutating func requestQuit() -> [Command] {
    refreshDerived()
    if let document, document.isDirty {
      confirmingQuit = true
      return []
    }
    quitting = true
    if let productId { return [.removeJournal(productId: productId), .quit(code: 0)] }
    return [.quit(code: 0)]
  }

  mutating func goToSection(_ key: Key) {
    guard case .char(let c) = key, let n = Int(String(c)), let target = Section.allCases.first(where: { $0.digit == n })
    else { return }
    if section != target {
      section = target
      message = nil  // a message is about the section it came from
    }
  }

  mutating func selectSection(offset: Int) {
    let all = Section.allCases
    let i = all.firstIndex(of: section) ?? 0
    section = all[(i + offset + all.count) % all.count]
    message = nil  // a message is about the section it came from
  }

  // MARK: Loading

  mutating func loaded(_ result: Result<Loaded, EcwidError>) -> [Command] {
    busy = nil
    switch result {
    case .failure(let error):
      page = .failed
      message = StatusMessage(error.sentence, .error)
      return []
    case .success(let loaded):
      languages = loaded.languages
      productId = loaded.product.id ?? productId
      document = Document(base: loaded.product)
      documentChanged()
      // Nothing to write for an unchanged product, and a draft found here waits for the user.
      journal.version = documentVersion
      journal.wroteDraft = false
      page = .form
      form = FormState()
      serverErrors = [:]
      media = MediaState()
      options = OptionsState()
      translations = TranslationsState()
      variations = VariationsState()
      if let problem = loaded.journalProblem {
        message = StatusMessage(problem, .warning)
      } else {
        message = StatusMessage("Opened “\(loaded.product.name ?? "product")”. ? for keys")
      }
      if !loaded.openElsewhere.isEmpty {
        message = StatusMessage(
          "Also open in another ecwid-edit (\(loaded.openElsewhere.joined(separator: "; "))): "
            + "this run keeps its own draft, and saving checks for their changes", .warning)
      }
      let drafts = ([loaded.draft].compactMap { $0 } + loaded.otherDrafts).filter { $0.current != $0.base }
      if !drafts.isEmpty { offerRecovery(drafts, live: loaded.product) }
      // Validating a huge product takes longer than drawing it: the product shows first.
      return [.afterFrame(.refreshDerived)]
    }
  }

  // MARK: Save

  mutating func openReview() -> [Command] {
    guard document != nil else { return [] }
    // A field being typed is kept first, as Enter keeps it (the form says how).
    let committed = route(\.form, .commitPending)
    if form.editing != nil { return committed }  // not a valid value yet: the field says why
    refreshDerived()
    review = ReviewState()
    page = .review
    return []
  }

  mutating func beginSave() -> [Command] {
    guard let document, let productId else { return [] }
    refreshDerived()
    if let first = issues.first(where: { $0.severity == .error }) {
      message = StatusMessage(
        "Not saved: \(errorCount) error\(errorCount == 1 ? "" : "s") — \(first.message)", .error)
      jump(to: first.path)
      return []
    }
    if !document.isDirty {
      message = StatusMessage("Nothing to save")
      return []
    }
    busy = "Checking the product on the server…"
    saveAfterFetch = true
    return [.fetchRemote(productId: productId)]
  }

  mutating func remoteFetched(_ result: Result<Product, EcwidError>) -> [Command] {
    guard saveAfterFetch, let productId, document != nil else {
      busy = nil
      return []
    }
    switch result {
    case .failure(let error):
      busy = nil
      saveAfterFetch = false
      message = StatusMessage("Not saved: \(error.sentence) Your edits are kept; press S to try again.", .error)
      return []
    case .success(let theirs):
      if let partial = partialSave {
        partialSave = nil
        if partial.touchedMedia, partial.documentVersion == documentVersion,
          Model.remoteHasOnlyMyChanges(base: document!.base, mine: document!.current, theirs: theirs)
        {
          // Media already added or removed must not be sent twice: send only what is left.
          busy = "Saving the \(partial.remaining.count) request(s) not applied yet…"
          planInFlight = true
          return [.runPlan(UpdatePlan(steps: partial.remaining, productId: productId), productId: productId)]
        }
      }
      let check = checkConflicts(base: document!.base, mine: document!.current, theirs: theirs)
      if !check.conflicts.isEmpty {
        busy = nil
        saveAfterFetch = false
        conflict = ConflictState()
        conflict.result = check
        page = .conflict
        message = StatusMessage(
          "Someone changed this product meanwhile: \(check.conflicts.count) field(s) need your decision", .warning)
        return []
      }
      if check.remoteChanged {
        document!.takeRemote(check)
        documentChanged()
      }
      let plan = document!.plan(storeLanguages: languages.isEmpty ? nil : languages)
      if plan.isEmpty {
        busy = nil
        saveAfterFetch = false
        message = StatusMessage("Nothing left to save: the server already has these values", .success)
        if check.remoteChanged {
          document!.rebase(onto: theirs)
          documentChanged()
        }
        return [.removeJournal(productId: productId)]
      }
      busy = "Saving: \(plan.steps.count) request\(plan.steps.count == 1 ? "" : "s")…"
      planInFlight = true
      return [.runPlan(plan, productId: productId)]
    }
  }

  mutating func saved(_ outcome: PlanOutcome) -> [Command] {
    let cancelledByUser = planInFlight == false && outcome.error?.kind == .cancelled
    planInFlight = false
    busy = nil
    saveAfterFetch = false
    guard let productId, document != nil else { return [] }
    let total = outcome.applied.count + outcome.notApplied.count
    if outcome.succeeded {
      partialSave = nil
      document!.rebase(onto: outcome.product ?? document!.current)
      documentChanged()
      serverErrors = [:]
      page = .form
      refreshDerived()
      message = StatusMessage("Saved: \(total) request\(total == 1 ? "" : "s") sent, product re-read", .success)
      return [.removeJournal(productId: productId)]
    }
    let error = outcome.error!
    if cancelledByUser {
      // The cancel message already says what the user needs to know; only remember what is left.
      rememberPartialSave(outcome)
      return []
    }
    var text = "Save failed: " + error.sentence.trimmingCharacters(in: CharacterSet(charactersIn: "."))
    if total > 1 { text += " (\(outcome.applied.count) of \(total) requests applied)" }
    text += ". Edits kept; S retries."
    message = StatusMessage(text, .error)
    rememberPartialSave(outcome)
    if let path = Model.fieldPath(for: error) {
      serverErrors[path] = error.mediaFailures.isEmpty ? error.sentence : Model.mediaFailureLine(error)
      page = .form
      jump(to: path)
    }
    return []
  }

  /// After a save that stopped part way, what is left to send (see `PartialSave`).
  mutating func rememberPartialSave(_ outcome: PlanOutcome) {
    guard !outcome.applied.isEmpty else { return }
    let touchedMedia = outcome.applied.contains { step in
      switch step {
      case .addMedia, .removeMedia: return true
      default: return false
      }
    }
    partialSave = PartialSave(remaining: outcome.notApplied, touchedMedia: touchedMedia, documentVersion: documentVersion)
  }

  /// True when every updatable field outside the gallery is on the server either as fetched or
  /// as in the draft: nobody else changed the product since the failed save.
  static func remoteHasOnlyMyChanges(base: Product, mine: Product, theirs: Product) -> Bool {
    let keys = Product.updatableFields.subtracting(["media", "galleryImages"])
    return keys.allSatisfy { key in
      let remote = theirs.json[key]
      return remote == base.json[key] || remote == mine.json[key]
    }
  }

  /// The field a server error is about, when its code says so. A 409 whose code the client does
  /// not know is not guessed at: it stays in the status line.
  static func fieldPath(for error: EcwidError) -> FieldPath? {
    if let field = error.field { return [.key(field)] }
    if error.status == 409 { return nil }
    let text = (error.errorMessage ?? "").lowercased()
    let candidates = [
      "sku", "price", "compareToPrice", "costPrice", "quantity", "weight", "ribbon", "wholesalePrices", "options",
      "name", "description", "seoTitle", "seoDescription", "attributes", "media", "dimensions", "shipping", "tax",
    ]
    for c in candidates where text.contains(c.lowercased()) { return [.key(c)] }
    return nil
  }

  /// Shows the field at `path`: its section, and the field selected.
  mutating func jump(to path: FieldPath) {
    page = .form
    // A field of a scalar section: the form selects it and asks for its section.
    let shown = form.update(.show(path), context)
    if !shown.isEmpty {
      _ = perform(shown)
      return
    }
    guard case .key(let top)? = path.first else { return }
    switch top {
    case "translations": section = .translations
    case "media", "galleryImages": section = .media
    case "options": section = .options
    default: section = Section.of(topLevelKey: top)
    }
  }
}

// MARK: Screens: routing a message to the one that owns it, and applying what it returns

/// The root's side of the component contract (see Component.swift): the context a screen reads,
/// routing a message to the screen that owns it, and the one place a screen's effects are applied.
extension Model: KeyTarget {
  public typealias KeyContext = Void
  public typealias KeyOutput = [Command]

  /// What screens may read of the shared state, as of now.
  var context: ScreenContext {
    // Only the `?` overlay and the command menu read the screen's key tables, and a context is
    // made several times per key: the tables are gathered while one of them is open.
    let overlay = help != nil || commandMenu != nil
    return ScreenContext(
      width: width, height: height, document: document, documentVersion: documentVersion, languages: languages,
      issues: issues, changeCount: changeCount, productId: productId, section: section, busy: busy, message: message,
      screenKeys: overlay ? screenKeyTables : [], screenTitle: overlay ? helpTitle : "", serverErrors: serverErrors)
  }

  /// Hands a message to the screen at `path` and applies the effects it returns.
  mutating func route<Child: Component>(_ path: WritableKeyPath<Model, Child>, _ message: Child.Message) -> [Command] {
    let context = self.context
    let effects = self[keyPath: path].update(message, context)
    return perform(effects)
  }

  /// Applies a screen's effects in order: the one place screens change shared state.
  mutating func perform(_ effects: [Effect]) -> [Command] {
    var commands: [Command] = []
    for effect in effects {
      switch effect {
      case .apply(let edit, let coalesceKey):
        apply(edit, coalesceKey: coalesceKey)
      case .revert(let changes):
        document?.revert(changes)
        documentChanged()
      case .takeRemote(let merged, let theirs):
        document?.takeRemote(merged, theirs: theirs)
        documentChanged()
      case .replaceDocument(let replacement):
        document = replacement
        documentChanged()
      case .undo:
        undoSaying()
      case .redo:
        redoSaying()
      case .refreshDerived:
        refreshDerived()
      case .status(let status):
        message = status
      case .issueStatus(let path, let label, let otherwise):
        if let issue = issue(at: path) {
          message = StatusMessage("\(label): \(issue.message)", issue.severity == .error ? .error : .warning)
        } else {
          message = otherwise
        }
      case .busy(let text):
        busy = text
      case .run(let command):
        commands.append(command)
      case .goTo(let target):
        page = target
      case .showSection(let target):
        section = target
      case .jump(let path):
        jump(to: path)
      case .serverError(let path, let text):
        serverErrors[path] = text
      case .openProduct(let id):
        // The product left for the list stays journaled until now (its newest draft is written
        // first); it must not be written under the new product's id.
        commands += journalCommands()
        document = nil
        documentChanged()
        productId = id
        page = .loading
        busy = "Loading product \(id)…"
        commands.append(.load(productId: id))
      case .openReview:
        commands += openReview()
      case .save:
        commands += beginSave()
      case .closeHelp:
        help = nil
      case .closeCommandMenu:
        commandMenu = nil
      case .key(let key):
        commands += handleKey(key)
      case .quit(let code):
        quitting = true
        commands.append(.quit(code: code))
      }
    }
    return commands
  }

  // MARK: Between the form and the picker

  /// From the editor back to the product list; asks first when there are unsaved changes (the
  /// draft is kept either way unless the user discards it).
  mutating func backToList() -> [Command] {
    _ = route(\.form, .commitPending)
    refreshDerived()
    if let document, document.isDirty {
      confirmingBack = true
      return []
    }
    return showPicker(discarding: false)
  }

  mutating func confirmBackKey(_ key: Key) -> [Command] {
    confirmingBack = false
    switch key {
    case .char("y"), .char("Y"): return showPicker(discarding: false)
    case .char("D"): return showPicker(discarding: true)
    default:
      message = StatusMessage("Still editing")
      return []
    }
  }

  private mutating func showPicker(discarding: Bool) -> [Command] {
    var commands: [Command] = []
    if discarding {
      document = nil
      documentChanged()
      if let productId { commands.append(.removeJournal(productId: productId)) }
      message = StatusMessage("Changes discarded · Enter opens a product")
    } else if document?.isDirty == true {
      message = StatusMessage("Your changes are kept as a draft; opening the product again offers them")
    } else {
      message = StatusMessage("Enter opens a product · / searches")
    }
    page = .picker
    return commands + route(\.picker, .shown)
  }
}
