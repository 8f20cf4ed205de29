import ProductDocument
import Terminal

/// Keys that work on every screen: help, the command menu, redraw, suspend.
enum GlobalKeys {
  static let table = KeyTable(
    "global",
    [
      KeyBinding("?", "this help: the keys of the screen you are on", keys: [.char("?")], menu: []) { m, _ in
        m.openHelp()
      },
      KeyBinding(": / Ctrl-P", "command menu: type to filter, Enter runs the command", keys: [.char(":"), .ctrl("p")], menu: []) {
        m, _ in m.openCommandMenu()
      },
      KeyBinding("Ctrl-L", "redraw the whole screen", keys: [.ctrl("l")]) { _, _ in [.redraw] },
      KeyBinding("Ctrl-Z", "suspend to the shell (fg brings the editor back)", keys: [.ctrl("z")]) { _, _ in [.suspend] },
    ])
}

/// Keys while the help overlay is open.
enum HelpKeys {
  static let table = KeyTable(
    "help",
    [
      KeyBinding("↑ ↓ / j k", "scroll the help a line, when it does not fit", keys: [.down, .up, .char("j"), .char("k")], menu: []) {
        m, key in m.scrollHelp(by: key == .down || key == .char("j") ? 1 : -1)
      },
      KeyBinding("PgUp PgDn", "scroll the help a page", keys: [.pageDown, .pageUp], menu: []) { m, key in
        m.scrollHelp(by: (key == .pageDown ? 1 : -1) * max(1, m.helpPage))
      },
      .note("any other key", "closes the help"),
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
  public static var tables: [KeyTable] {
    [
      EditorKeys.table, FormKeys.table, OptionKeys.table, ChoiceKeys.table, VariationKeys.table, TranslationKeys.table,
      MediaKeys.table,
      ReviewKeys.table, ReviewDetailKeys.table, ConflictKeys.table, RecoverKeys.table, PickerKeys.table,
      LoadingKeys.table, FailedKeys.table, BusyKeys.table, MenuKeys.table, HelpKeys.table, GlobalKeys.table,
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
  public var screenKeyTables: [KeyTable] {
    busy != nil ? [BusyKeys.table] : pageKeyTables
  }

  /// The tables of the page, busy or not (the hint line shows these).
  var pageKeyTables: [KeyTable] {
    switch page {
    case .picker: return [PickerKeys.table]
    case .loading: return [LoadingKeys.table]
    case .failed: return [FailedKeys.table]
    case .review: return [review.detail == nil ? ReviewKeys.table : ReviewDetailKeys.table]
    case .conflict: return [ConflictKeys.table]
    case .recover: return [RecoverKeys.table]
    case .form:
      switch section {
      case .media: return [MediaKeys.table, EditorKeys.table]
      case .options: return [options.focus == .choices ? ChoiceKeys.table : OptionKeys.table, EditorKeys.table]
      case .translations: return [TranslationKeys.table, EditorKeys.table]
      case .variations: return [VariationKeys.table, EditorKeys.table]
      default: return [FormKeys.table, EditorKeys.table]
      }
    }
  }

  /// What the `?` overlay lists: the screen's keys, then the keys every screen has.
  var helpEntries: [(String, String)] {
    (screenKeyTables + [GlobalKeys.table]).flatMap(\.reference)
  }

  /// Runs the binding of `key` in the screen's tables; a key no table lists does nothing.
  mutating func dispatch(_ key: Key, in tables: [KeyTable]) -> [Command] {
    for table in tables {
      if let binding = table.binding(for: key) { return binding.run(&self, key) }
    }
    return []
  }

  mutating func openHelp() -> [Command] {
    showHelp = true
    helpScroll = 0
    return []
  }

  /// Keys while the overlay is open: scrolling when it does not fit, any other key closes it.
  mutating func helpKey(_ key: Key) -> [Command] {
    if helpLines.count > helpPage, let binding = HelpKeys.table.binding(for: key) { return binding.run(&self, key) }
    showHelp = false
    return []
  }

  mutating func scrollHelp(by rows: Int) -> [Command] {
    helpScroll = max(0, min(helpScroll + rows, helpLines.count - helpPage))
    return []
  }

  // MARK: The overlay

  var helpBoxWidth: Int { min(width - 2, 80) }
  var helpKeyWidth: Int { min(18, max(8, helpBoxWidth / 4)) }

  /// The overlay's lines: keys on the left, the description word-wrapped beside them (never cut).
  var helpLines: [(key: String, text: String)] {
    let keyWidth = helpKeyWidth
    let textWidth = max(8, helpBoxWidth - keyWidth - 5)
    var lines: [(String, String)] = []
    for (label, description) in helpEntries {
      let keys = label.isEmpty ? [""] : wordWrap(label, width: keyWidth)
      let texts = wordWrap(description, width: textWidth)
      for i in 0..<max(keys.count, texts.count) {
        lines.append((i < keys.count ? keys[i] : "", i < texts.count ? texts[i] : ""))
      }
    }
    return lines
  }

  /// Rows of keys the overlay shows at once (one fewer when it scrolls: the last row says so).
  var helpPage: Int {
    let room = max(1, height - 4)
    return helpLines.count > room ? max(1, room - 1) : room
  }

  func drawHelp(into screen: inout Screen) {
    let lines = helpLines
    let w = helpBoxWidth
    let page = helpPage
    let scrolls = lines.count > page
    let h = min(height - 2, (scrolls ? page + 1 : lines.count) + 2)
    let x = max(0, (width - w) / 2)
    let y = max(0, (height - h) / 2)
    let close = scrolls ? "↑↓ PgUp PgDn scroll, other keys close" : "any key closes"
    drawBox(into: &screen, x: x, y: y, width: w, height: h, title: "Keys: \(helpTitle) (\(close))")
    let first = scrolls ? max(0, min(helpScroll, lines.count - page)) : 0
    let keyWidth = helpKeyWidth
    for row in 0..<min(page, lines.count - first) {
      let line = lines[first + row]
      screen.put(line.key, x: x + 2, y: y + 1 + row, style: Theme.header, maxWidth: keyWidth)
      screen.put(line.text, x: x + 3 + keyWidth, y: y + 1 + row, style: Theme.popup, maxWidth: w - keyWidth - 4)
    }
    if scrolls {
      let last = min(lines.count, first + page)
      let more = last < lines.count ? "↓ more" : "end"
      screen.put("\(more) · lines \(first + 1)–\(last) of \(lines.count)", x: x + 2, y: y + h - 2, style: Theme.dim, maxWidth: w - 4)
    }
  }
}
