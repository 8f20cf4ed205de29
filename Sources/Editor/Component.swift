import EcwidAPI
import ProductDocument
import Terminal

// How a screen is written
// =======================
//
// A screen (the picker, the review, a form section, an overlay) is a component: a value type
// that owns its state and nothing else, in a folder of its own (see `Picker/`):
//
//   Picker/PickerState.swift   the state, and the messages the screen handles (`PickerMsg`)
//   Picker/PickerKeys.swift    its key table: keys, descriptions, hints, and what each key does
//   Picker/PickerUpdate.swift  `update(_:_:)`: a message and the context in, effects out
//   Picker/PickerView.swift    `view(_:into:top:bottom:)`: draws the state, returns the cursor
//
// The rules:
// - `update` changes only the screen's own state. What it may read of the rest (the document,
//   the languages, the window size, the validation issues, …) comes in a `ScreenContext`, a
//   read-only copy the root makes for the call.
// - Anything shared is asked of the root by returning `Effect`s: an edit of the document, undo,
//   the status line, a `Command` for the runtime, another page. The root (`Model`, at the end
//   of `Update.swift`) applies them in order, in one place (`Model.perform`). This is Bubble Tea's
//   child returning a `Cmd`, or a TCA child sending an action to its parent.
// - The key table is data: `KeyTable<PickerState>(name: "picker", [...])` lists each binding's
//   keys, its description (for `?`, the command menu and the README, which scripts/gen-docs
//   makes from it), its hint and its action `(inout PickerState, Key, ScreenContext) -> [Effect]`.
//   The screen's `update` dispatches a key through it, so a key cannot be handled and not
//   described. The overlay, the hint line and the menu see every table through `AnyKeyTable`
//   (`table.erased`). Screens not yet components keep root tables, `KeyTable("media", [...])`,
//   whose actions are `(inout Model, Key) -> [Command]`.
// - `view` is pure: the state and the context in, cells out.
//
// The root composes the screens: it keeps one state per screen (`model.picker`, …), turns a
// `Msg` into the message of the one screen that owns it, calls `route(\.picker, message)`, and
// applies the effects that come back. A screen never writes another screen's state; the root
// may read any of them (to draw the title, or to know whether a key is text for a field).
//
// Adding a screen: make the folder with the four files, add a `Page` case (or an overlay flag)
// and a state property to `Model`, route its messages in `Model.handleKey` / `Model.update`, draw
// it in `Model.draw`, return its table from `Model.pageKeyTables` (Help.swift: the `?` overlay,
// the hint line and the menu read it there), and name it in `KeyReference` so the README lists
// it. Test it as Tests/EditorTests/ComponentTests.swift does: call `update` with `model.context`
// and say exactly which effects come back, then what `model.perform` made of them.

/// What a screen may read of the shared state while it updates or draws; it never writes it.
public struct ScreenContext: Sendable {
  public var width: Int
  public var height: Int
  /// The product being edited (nil on the picker before one is opened).
  public var document: Document?
  /// Bumped on every change of the document: a screen caching something derived from the
  /// document compares it with the version it computed the cache at.
  public var documentVersion: Int
  public var languages: [String]
  /// Validation issues and change count, as of the last refresh (they lag typing by a tick).
  public var issues: [ValidationIssue]
  public var changeCount: Int
  public var productId: Int?
  public var section: Section
  /// The running work's line ("Saving…"), when some runs.
  public var busy: String?
  public var message: StatusMessage?
  /// The screen's key tables as `?` and the command menu show them (global keys not included),
  /// and the screen's name for their titles; filled while one of those overlays is open.
  public var screenKeys: [AnyKeyTable]
  public var screenTitle: String
  /// Field errors from the server after a failed save, by path (the form and the gallery show them).
  public var serverErrors: [FieldPath: String] = [:]
}

/// What a screen asks the root to do with the shared things. The root applies a screen's
/// effects in order (`Model.perform`), and turns those that touch the world into `Command`s.
public enum Effect: Sendable {
  /// Changes the document; consecutive edits with the same coalesce key undo as one step.
  case apply(Edit, coalesceKey: String? = nil)
  /// Reverts changes of the document to the base, as one undoable step (the review's reject).
  case revert([Change])
  /// Takes the server's version as the new base with `merged` as the draft (conflicts decided).
  case takeRemote(Product, theirs: Product)
  /// Replaces the whole document (a recovered draft becomes this run's edits).
  case replaceDocument(Document)
  /// Undoes / redoes one step of the document and says what it was in the status line.
  case undo
  case redo
  /// Recomputes the change count and the validation now (not at the next idle tick).
  case refreshDerived
  /// Sets the status line (nil clears it).
  case status(StatusMessage?)
  /// Sets the status line to what the validation (as of the last refresh) says about the field
  /// at a path, as "label: issue", or to `otherwise` when it says nothing (a field just set).
  case issueStatus(at: FieldPath, label: String, otherwise: StatusMessage)
  /// Sets the busy line: keys other than Esc wait while it is set; nil ends the wait.
  case busy(String?)
  /// Work for the runtime (a search, a load, `$EDITOR`, …).
  case run(Command)
  /// Shows another page, as it is (the review, the form, …).
  case goTo(Page)
  /// Shows a section of the product form.
  case showSection(Section)
  /// Shows the field at a path: its section, with the field selected.
  case jump(to: FieldPath)
  /// Sets (or, with nil, clears) the server's error shown at a field.
  case serverError(FieldPath, String?)
  /// Opens a product by id: the document is dropped and the product loaded.
  case openProduct(id: Int)
  /// Opens the review of the changes (S on a form section).
  case openReview
  /// Starts the save: re-read the product, check for conflicts, send the plan.
  case save
  /// Closes the help overlay / the command menu (the overlay that returns it).
  case closeHelp
  case closeCommandMenu
  /// Handles a key as if it had been pressed (the command menu runs a command this way).
  case key(Key)
  /// Quits with an exit code (the terminal is restored first).
  case quit(code: Int32)
}

/// A screen: its own state, the messages it handles, its key table and its view.
protocol Component: KeyTarget, Sendable where KeyContext == ScreenContext, KeyOutput == [Effect] {
  /// What the screen handles: its keys, a paste, answers to the commands it asked for.
  associatedtype Message
  /// The screen's key table as the screen is now (the review's list and its change in full
  /// differ): it drives the dispatch, the `?` overlay, the hint line and the command menu.
  var keys: KeyTable<Self> { get }
  /// Changes the screen's own state; everything else it wants done comes back as effects.
  mutating func update(_ message: Message, _ context: ScreenContext) -> [Effect]
  /// Draws the screen between rows `top` and `bottom`; returns where the cursor goes, if shown.
  func view(_ context: ScreenContext, into screen: inout Screen, top: Int, bottom: Int) -> (x: Int, y: Int)?
}

extension Component {
  /// Runs the binding of `key` in the screen's table; a key the table does not list does nothing.
  mutating func dispatch(_ key: Key, _ context: ScreenContext) -> [Effect] {
    keys.run(key, on: &self, context) ?? []
  }
}

/// A screen whose keys go first to what it has open (a field being typed into, a prompt, a
/// question, a list to pick from), then to its key table: the Options section.
protocol PromptingComponent: Component {
  /// The key's effects when something the screen has open takes it; nil otherwise.
  mutating func modalKey(_ key: Key, _ context: ScreenContext) -> [Effect]?
}

extension PromptingComponent {
  /// A key of what is open, else of the table; nil when neither has it (the keys every section
  /// shares have it then).
  mutating func handle(_ key: Key, _ context: ScreenContext) -> [Effect]? {
    if let done = modalKey(key, context) { return done }
    return keys.run(key, on: &self, context)
  }
}
