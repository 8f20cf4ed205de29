import EcwidAPI
import Foundation
import ProductDocument
import ProductSync
import Synchronization
import Terminal

/// Which screen has the keyboard.
public enum Page: Equatable, Sendable {
  case picker
  case loading
  case form
  case review
  case conflict
  case recover
  case failed
}

/// A message: everything that can happen to the editor (keys, answers from commands, time).
public enum Msg: Sendable {
  case key(Key)
  case paste(String)
  case resize(width: Int, height: Int)
  case tick
  case searched(requestId: Int, Result<SearchResult, EcwidError>)
  case loaded(Result<Loaded, EcwidError>)
  case saveProgress(String)
  /// The product as it is on the server now, fetched just before saving.
  case remoteFetched(Result<Product, EcwidError>)
  case saved(PlanOutcome)
  case externalEditFinished(path: FieldPath, text: String?, error: String?)
  case cancelled
  /// The client waits during a load or save (see `ClientEvent`).
  case clientWaiting(ClientEvent)
  /// Time to look at the product on the server (the runtime's background check).
  case remoteCheckDue
  /// The product as the server has it, fetched by the background check.
  case remoteChecked(Result<Product, EcwidError>)
  /// The runtime wrote the draft journal (answer to `.writeJournal`).
  case journalWritten
  /// The draft journal could not be written (answer to `.writeJournal`): why.
  case journalWriteFailed(reason: String)
  /// The terminal went away (its pty closed without a SIGHUP reaching us): keep the draft, leave.
  case terminalClosed
  /// Count the changes and validate now (sent after the first frame of a product is drawn).
  case refreshDerived
}

/// What a load brings: the product, the store's languages and a journal left from an earlier run.
public struct Loaded: Sendable {
  public var product: Product
  public var languages: [String]
  public var draft: DraftJournalDraft?
  public var journalProblem: String?
  /// More drafts of this product left behind by ended runs (each is offered).
  public var otherDrafts: [DraftJournalDraft]
  /// Other running editors that have this product open ("pid 123 since 10:02:03").
  public var openElsewhere: [String]
  public init(
    product: Product, languages: [String], draft: DraftJournalDraft?, journalProblem: String? = nil,
    otherDrafts: [DraftJournalDraft] = [], openElsewhere: [String] = []
  ) {
    self.product = product
    self.languages = languages
    self.draft = draft
    self.journalProblem = journalProblem
    self.otherDrafts = otherDrafts
    self.openElsewhere = openElsewhere
  }
}

extension Loaded {
  /// The members of a product that the first screen of a plain load (the form's General
  /// section, no draft to offer) does not show: its media, options and other lists, nearly all
  /// of a big product's bytes. The runtime has the client read them last and draws that first
  /// screen from the rest while they are read (`Loaded.showsFirstScreenEarly`).
  public static let readLast: Set<String> = [
    "media", "galleryImages", "options", "attributes", "combinations", "files", "relatedProducts",
  ]

  /// True when this load opens on the General section with nothing to ask first: no draft to
  /// recover, no other editor, no journal problem. Only then is the first screen the same
  /// without the `readLast` members.
  public var showsFirstScreenEarly: Bool {
    draft == nil && otherDrafts.isEmpty && openElsewhere.isEmpty && journalProblem == nil
  }
}

/// The journal's content as the editor needs it (kept free of file I/O types).
public struct DraftJournalDraft: Sendable, Equatable {
  public var base: Product
  public var current: Product
  public var savedAt: Date
  /// Which run left it ("pid 123, started 10:02:03"), when known.
  public var origin: String?
  /// Where it is kept (removed once recovered or discarded); nil for this run's own draft.
  public var source: String?
  public init(base: Product, current: Product, savedAt: Date, origin: String? = nil, source: String? = nil) {
    self.base = base
    self.current = current
    self.savedAt = savedAt
    self.origin = origin
    self.source = source
  }
}

/// This run's draft of the open product, to be written to the draft journal.
public struct JournalDraft: Sendable {
  public var storeId: Int
  public var productId: Int
  public var base: Product
  public var current: Product
}

/// Work for the runtime: everything that touches the world. `update` only returns these.
public enum Command: Sendable {
  case search(requestId: Int, keyword: String?, sku: String?, offset: Int)
  case load(productId: Int)
  case fetchRemote(productId: Int)
  /// The background check: fetch the product and answer with `.remoteChecked`.
  case checkRemote(productId: Int)
  case runPlan(UpdatePlan, productId: Int)
  case externalEdit(path: FieldPath, text: String, suffix: String)
  /// Writes this run's draft of the product (update decides when: see `Journal.swift`).
  case writeJournal(JournalDraft)
  case removeJournal(productId: Int)
  /// Removes a draft left behind by an ended run (after this run's own draft has been written).
  case removeLeftBehindDraft(path: String)
  case cancelWork
  /// Sends the message once the frame after this update has been drawn: work the first frame of a
  /// product does not need (counting changes, validating) waits until the product is on screen.
  indirect case afterFrame(Msg)
  /// Ctrl-L: clear the terminal and draw the whole screen again.
  case redraw
  /// Ctrl-Z: stop as a shell job; `fg` brings the screen back.
  case suspend
  case quit(code: Int32)
}

public struct StatusMessage: Equatable, Sendable {
  public enum Kind: Sendable { case info, success, warning, error }
  public var text: String
  public var kind: Kind
  public init(_ text: String, _ kind: Kind = .info) {
    self.text = text
    self.kind = kind
  }
}

/// The whole state of the editor. `update` changes it; `view` draws it.
public struct Model: Sendable {
  public var storeLabel: String
  public var storeId: Int
  public var width: Int
  public var height: Int
  public var page: Page = .loading
  public var productId: Int?
  public var languages: [String] = []
  public var document: Document?
  /// Bumped on every change of the document (the draft journal is written when it moves).
  public var documentVersion = 0
  /// What has been asked of the draft journal, and whether its last write failed.
  public var journal = JournalState()
  public var section: Section = .general
  public var message: StatusMessage?
  /// The `?` overlay, when open.
  public var help: HelpState?
  /// The command menu (`:` or Ctrl-P), when open.
  public var commandMenu: CommandMenuState?
  public var busy: String?
  /// The client is waiting during the busy work (rate limit, backoff, slow answer): the status
  /// line counts it down; Esc cancels the work and with it the wait.
  public var wait: ClientWait?
  public var spinnerFrame = 0
  /// Ticks since the last key; derived figures are refreshed once typing pauses.
  public var idleTicks = 0
  public var confirmingQuit = false
  /// Asking whether to leave unsaved changes for the product list.
  public var confirmingBack = false
  public var quitting = false

  // Cached from the document so a keystroke does not diff the whole product.
  public var changeCount = 0
  public var issues: [ValidationIssue] = []
  public var derivedVersion = -1

  public var form = FormState()
  /// Field errors from the server after a failed save, by path (the form and the gallery show them).
  public var serverErrors: [FieldPath: String] = [:]
  public var picker = PickerState()
  public var review = ReviewState()
  public var conflict = ConflictState()
  public var recover = RecoverState()
  public var media = MediaState()
  public var options = OptionsState()
  public var translations = TranslationsState()
  public var variations = VariationsState()
  /// A pending save waits for the re-fetched product before it sends anything.
  public var saveAfterFetch = false
  /// A plan's requests are being sent (a cancel may come too late to stop them).
  public var planInFlight = false
  /// A save that failed after some of its requests were applied: what is left to send.
  public var partialSave: PartialSave?
  /// A background check of the product on the server is on its way.
  public var remoteCheckInFlight = false
  /// The server's `updateTimestamp` already looked at (announced once, not at every check).
  public var remoteSeenTimestamp: JSON?

  public init(storeLabel: String, storeId: Int, productId: Int?, width: Int = 80, height: Int = 24) {
    self.storeLabel = storeLabel
    self.storeId = storeId
    self.productId = productId
    self.width = width
    self.height = height
    page = productId == nil ? .picker : .loading
  }

  /// The first commands to run.
  public func start() -> [Command] {
    if let productId { return [.load(productId: productId)] }
    return [.search(requestId: 0, keyword: nil, sku: nil, offset: 0)]
  }

  public var errorCount: Int { issues.filter { $0.severity == .error }.count }

  /// Call after every document change. The new version number is unique in the process, not only
  /// in this model: a cache keyed by the version, such as a grid's `RowMemo`, can never take one
  /// copy of a model for another.
  mutating func documentChanged() {
    documentVersion = documentVersions.add(1, ordering: .relaxed).newValue
  }

  /// Recomputes the change count and validation when the document moved (on idle ticks and
  /// before review/save, never per keystroke on a large product).
  mutating func refreshDerived() {
    guard let document, derivedVersion != documentVersion else { return }
    changeCount = document.changes().count
    issues = document.validate(storeLanguages: languages.isEmpty ? nil : languages)
    derivedVersion = documentVersion
  }

  mutating func apply(_ edit: Edit, coalesceKey: String? = nil) {
    guard document != nil else { return }
    document!.apply(edit, coalesceKey: coalesceKey)
    documentChanged()
  }

  func issue(at path: FieldPath) -> ValidationIssue? {
    issues.first { $0.path == path } ?? issues.first { $0.path.starts(with: path) }
  }
}

/// The requests of a failed save that were not applied, so a retry sends only those.
public struct PartialSave: Sendable {
  public var remaining: [PlanStep]
  /// Media were added or removed by URL: the gallery on the server already differs from the draft.
  public var touchedMedia: Bool
  /// The document version when the save failed; any later edit means the plan is rebuilt.
  public var documentVersion: Int
}

private let documentVersions = Atomic<Int>(0)
