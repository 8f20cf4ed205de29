import ProductDocument
import Terminal

/// Keys that work on every screen: help, the command menu, redraw, suspend.
enum GlobalKeys {
  static let table = KeyTable(
    "global",
    [
      KeyBinding("?", "this help: the keys of the screen you are on", keys: [.char("?")], menu: []) { m, _ in
        m.help = HelpState()
        return []
      },
      KeyBinding(": / Ctrl-P", "command menu: type to filter, Enter runs the command", keys: [.char(":"), .ctrl("p")], menu: []) {
        m, _ in
        m.commandMenu = CommandMenuState()
        return []
      },
      KeyBinding("Ctrl-L", "redraw the whole screen", keys: [.ctrl("l")]) { _, _ in [.redraw] },
      KeyBinding("Ctrl-Z", "suspend to the shell (fg brings the editor back)", keys: [.ctrl("z")]) { _, _ in [.suspend] },
    ])
}

/// Keys while a long piece of work runs (loading, saving).
enum BusyKeys {
  static let table = KeyTable(
    "busy",
    [
      KeyBinding(
        "Esc / Ctrl-C", "cancel the running work (a request already sent may still apply)", keys: [.escape, .ctrl("c")]
      ) { m, _ in
        m.cancelNow()
        return [.cancelWork]
      }
    ])
}

enum LoadingKeys {
  static let table = KeyTable(
    "loading",
    [KeyBinding("q / Ctrl-C", "quit", keys: [.char("q"), .ctrl("c")]) { _, _ in [.quit(code: 0)] }])
}

enum FailedKeys {
  static let table = KeyTable(
    "failed",
    [
      KeyBinding("r", "try again", keys: [.char("r")], hint: "r: try again") { m, _ in m.retryLoad() },
      KeyBinding("q / Esc / Ctrl-C", "quit", keys: [.char("q"), .escape, .ctrl("c")], hint: "q: quit") { _, _ in
        [.quit(code: 1)]
      },
    ])
}

/// Every key of every screen, for the `?` overlay and the README's key reference (scripts/gen-docs
/// reads the tables named here).
public enum KeyReference {
  public static var editorCommon: [(String, String)] { EditorKeys.table.reference }
  public static var form: [(String, String)] { FormKeys.table.reference }
  public static var options: [(String, String)] { OptionKeys.table.reference }
  public static var optionChoices: [(String, String)] { ChoiceKeys.table.reference }
  public static var translations: [(String, String)] { TranslationKeys.table.reference }
  public static var variations: [(String, String)] { VariationKeys.table.reference }
  public static var media: [(String, String)] { MediaKeys.table.reference }
  public static var review: [(String, String)] { ReviewKeys.table.reference }
  public static var reviewDetail: [(String, String)] { ReviewDetailKeys.table.reference }
  public static var conflict: [(String, String)] { ConflictKeys.table.reference }
  public static var recover: [(String, String)] { RecoverKeys.table.reference }
  public static var picker: [(String, String)] { PickerKeys.table.reference }
  public static var loading: [(String, String)] { LoadingKeys.table.reference }
  public static var failed: [(String, String)] { FailedKeys.table.reference }
  public static var busy: [(String, String)] { BusyKeys.table.reference }
  public static var commandMenu: [(String, String)] { MenuKeys.table.reference }
  public static var help: [(String, String)] { HelpKeys.table.reference }
  public static var global: [(String, String)] { GlobalKeys.table.reference }

  /// Every table, for tests that walk them.
  public static var tables: [AnyKeyTable] {
    [
      EditorKeys.table.erased, FormKeys.table.erased, OptionKeys.table.erased, ChoiceKeys.table.erased,
      VariationKeys.table.erased, TranslationKeys.table.erased, MediaKeys.table.erased, ReviewKeys.table.erased,
      ReviewDetailKeys.table.erased, ConflictKeys.table.erased, RecoverKeys.table.erased, PickerKeys.table.erased,
      LoadingKeys.table.erased, FailedKeys.table.erased, BusyKeys.table.erased, MenuKeys.table.erased,
      HelpKeys.table.erased, GlobalKeys.table.erased,
    ]
  }
}

extension Model {
  var helpTitle: String {
    if busy != nil { return "while waiting" }
    switch page {
    case .picker: return "product picker"
    case .form: return section.title
    case .review: return review.detail == nil ? "review" : "change in full"
    case .conflict: return "conflicts"
    case .recover: return "recover draft"
    case .loading, .failed: return "editor"
    }
  }

  /// The tables of the screen as it is now, most specific first, without the global keys: what
  /// the dispatch consults (after the global keys) and what the menu lists.
  public var screenKeyTables: [AnyKeyTable] {
    busy != nil ? [BusyKeys.table.erased] : pageKeyTables
  }

  /// The tables of the page, busy or not (the hint line shows these).
  var pageKeyTables: [AnyKeyTable] {
    switch page {
    case .picker: return [picker.keys.erased]
    case .review: return [review.keys.erased]
    case .conflict: return [conflict.keys.erased]
    case .recover: return [recover.keys.erased]
    case .form where section == .media: return [media.keys.erased] + rootKeyTables.map(\.erased)
    case .form where FormState.sections.contains(section): return [form.keys.erased] + rootKeyTables.map(\.erased)
    case .form where section == .options: return [options.keys.erased] + rootKeyTables.map(\.erased)
    case .form where section == .variations: return [variations.keys.erased] + rootKeyTables.map(\.erased)
    case .form where section == .translations: return [translations.keys.erased] + rootKeyTables.map(\.erased)
    default: return rootKeyTables.map(\.erased)
    }
  }

  /// The tables of a page whose keys the root still runs itself (not yet a component), most
  /// specific first; empty for a page that is a component (it dispatches its own keys).
  var rootKeyTables: [KeyTable<Model>] {
    switch page {
    case .picker, .review, .conflict, .recover: return []
    case .loading: return [LoadingKeys.table]
    case .failed: return [FailedKeys.table]
    case .form:
      switch section {
      case .media: return [EditorKeys.table]  // the gallery dispatches its own (MediaState)
      case .options: return [EditorKeys.table]  // the Options section dispatches its own (OptionsState)
      case .translations: return [EditorKeys.table]  // the grid dispatches its own (TranslationsState)
      case .variations: return [EditorKeys.table]  // the grid dispatches its own (VariationsState)
      default: return [EditorKeys.table]  // the scalar sections dispatch their own (FormState)
      }
    }
  }

  /// Runs the binding of `key` in the root's tables; a key no table lists does nothing.
  mutating func dispatch(_ key: Key, in tables: [KeyTable<Model>]) -> [Command] {
    for table in tables {
      if let commands = table.run(key, on: &self) { return commands }
    }
    return []
  }
}
