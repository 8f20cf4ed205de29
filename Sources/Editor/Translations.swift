import EcwidAPI
import Foundation
import ProductDocument
import Terminal

/// The Translations section: one row per translatable text, one column per store language.
public struct TranslationsState: Equatable, Sendable {
  /// Position of the selected row in the visible (possibly filtered) rows.
  public var selected = 0
  /// Selected column: the store's languages (default first), then languages the store does not have.
  public var column = 0
  /// First language column shown (the label column always stays).
  public var columnScroll = 0
  /// Only rows that miss a translation (in the translate-mode language when there is one).
  public var filterMissing = false
  /// Translate mode: Enter edits, and after Enter the cursor goes to the next row missing this language.
  public var translateLanguage: String?
  public var editing: TranslationEditing?
  /// The language picker of translate mode: the highlighted entry.
  public var choosingLanguage: Int?
  /// The rows, derived from the document when its version changes (see `refreshTranslationTable`).
  var table = TranslationTable()
  public init() {}
  var isTyping: Bool { editing != nil }
}

public struct TranslationEditing: Equatable, Sendable {
  /// Index into all rows (not the filtered ones).
  public var row: Int
  /// nil = the main (default language) value.
  public var language: String?
  public var field: TextField
  public var original: String?
  public var mirrorOriginal: String?
  public var coalesceKey: String
}

/// One row of the grid: a translatable text of the product (see `ProductDocument`).
typealias TranslationRow = TranslatableText

struct TranslationTableKey: Equatable {
  var version: Int
  var languages: [String]
  var fingerprint: [Int]
}

/// The grid's rows and the rows missing each language, derived from the document once per document
/// version (not per keystroke, not per draw) by `update`; drawing reads the visible rows' values.
struct TranslationTable: Equatable, Sendable {
  var key: TranslationTableKey?
  var rows: [TranslationRow] = []
  /// Languages the product has that the store does not.
  var extras: [String] = []
  /// Rows (indices) missing a translation, by language ("\u{0}any": in any of the store's others).
  var missing: [String: [Int]] = [:]
  /// How many times the rows were built (tests check scrolling does not rebuild).
  var builds = 0

  static func missingKey(_ language: String?) -> String { language ?? "\u{0}any" }

  static func missingRows(_ rows: [TranslationRow], product: Product, languages: [String], language: String?) -> [Int] {
    let wanted = language.map { [$0] } ?? Array(languages.dropFirst())
    return rows.indices.filter { i in wanted.contains { product.missesTranslation(rows[i], language: $0) } }
  }
}

/// Keys of the translation grid (the common editor keys follow them).
enum TranslationKeys {
  static let table = KeyTable(
    "translations",
    [
      KeyBinding(
        "↑ ↓ / j k", "select a text", keys: [.down, .up, .char("j"), .char("k")], hint: "↑↓←→: cell", menu: []
      ) { m, key in m.selectTranslationRow(by: key == .down || key == .char("j") ? 1 : -1) },
      KeyBinding(
        "← → / h l", "select a language column (columns scroll)", keys: [.left, .right, .char("h"), .char("l")], menu: []
      ) { m, key in m.selectTranslationColumn(by: key == .right || key == .char("l") ? 1 : -1) },
      KeyBinding(
        "PgUp PgDn / Ctrl-D", "page up / down", keys: [.pageUp, .pageDown, .ctrl("d")], hint: "PgUp/PgDn g G", hintRank: 90,
        menu: []
      ) { m, key in m.selectTranslationRow(by: key == .pageUp ? -m.translationPageRows : m.translationPageRows) },
      KeyBinding(
        "g G / Home End", "first / last text", keys: [.char("g"), .home, .char("G"), .end],
        menu: [("select the first text", .char("g")), ("select the last text", .char("G"))]
      ) { m, key in m.selectTranslationRow(to: key == .char("g") || key == .home ? 0 : -1) },
      KeyBinding("Enter / e", "edit the cell (long texts open $EDITOR)", keys: [.enter, .char("e")], hint: "Enter: edit") {
        m, _ in m.editSelectedTranslation()
      },
      KeyBinding("f", "show only texts missing a translation (again: all)", keys: [.char("f")], hint: "f: only missing") {
        m, _ in m.toggleMissingFilter()
      },
      KeyBinding(
        "L", "translate mode: pick a language, go missing row after row", keys: [.char("L")], hint: "L: translate mode"
      ) { m, _ in m.chooseTranslateLanguage() },
      KeyBinding("Esc", "leave translate mode / the filter", keys: [.escape]) { m, _ in m.leaveTranslateModeOrFilter() },
      KeyBinding("x / Delete", "remove the translation in the cell", keys: [.char("x"), .delete]) { m, _ in
        m.removeSelectedTranslation()
      },
      .note("In a cell", "Enter keeps (then next missing row in translate mode), Esc cancels"),
    ])
}

extension Model {
  var translationTableKey: TranslationTableKey {
    let json = document?.current.json
    return TranslationTableKey(
      version: documentVersion, languages: languages,
      fingerprint: [
        json?["options"]?.arrayValue?.count ?? -1, json?["media"]?["images"]?.arrayValue?.count ?? -1,
        json?["attributes"]?.arrayValue?.count ?? -1, json?.count ?? -1,
      ])
  }

  /// The store's languages, default first (one unnamed column when the store's are unknown).
  var storeLanguageColumns: [String] { languages.isEmpty ? [""] : languages }

  var translationData: (rows: [TranslationRow], extras: [String]) {
    guard let document else { return ([], []) }
    if translations.table.key == translationTableKey { return (translations.table.rows, translations.table.extras) }
    // Not derived yet (a model changed outside `update`): the same rows, built for this call.
    let rows = document.current.translatableTexts
    return (rows, document.current.translationLanguages(of: rows, beyond: storeLanguageColumns))
  }

  /// Rows (indices into all rows) missing `language` (nil: any of the store's other languages).
  func missingTranslationRows(language: String?) -> [Int] {
    guard let document else { return [] }
    let table = translations.table
    if table.key == translationTableKey, let done = table.missing[TranslationTable.missingKey(language)] { return done }
    return TranslationTable.missingRows(
      translationData.rows, product: document.current, languages: storeLanguageColumns, language: language)
  }

  /// Derives the grid's rows when the document (or the store's languages) changed, and the missing
  /// rows the screen needs (the filter, translate mode, the language list), while the grid is shown.
  mutating func refreshTranslationTable() {
    guard page == .form, section == .translations, let document else { return }
    let key = translationTableKey
    if translations.table.key != key {
      let rows = document.current.translatableTexts
      translations.table = TranslationTable(
        key: key, rows: rows, extras: document.current.translationLanguages(of: rows, beyond: storeLanguageColumns),
        builds: translations.table.builds + 1)
    }
    var needed: [String?] = []
    if translations.filterMissing { needed.append(translations.translateLanguage) }
    if let language = translations.translateLanguage { needed.append(language) }
    if translations.choosingLanguage != nil { needed += translationLanguages.map { Optional($0) } }
    for language in needed where translations.table.missing[TranslationTable.missingKey(language)] == nil {
      translations.table.missing[TranslationTable.missingKey(language)] = TranslationTable.missingRows(
        translations.table.rows, product: document.current, languages: storeLanguageColumns, language: language)
    }
  }

  /// The language of each column: the store's, then those only the product has.
  func translationColumns(extras: [String]) -> [String] { storeLanguageColumns + extras }

  /// Indices (into all rows) of the rows shown.
  func visibleTranslationRows(total: Int) -> [Int] {
    guard translations.filterMissing, document != nil else { return Array(0..<total) }
    var list = missingTranslationRows(language: translations.translateLanguage)
    if let editing = translations.editing, !list.contains(editing.row) {
      list.append(editing.row)
      list.sort()
    }
    return list
  }

  /// The hint line of a cell, the language list or translate mode (nil: the key table's hints).
  var translationsHint: String? {
    if translations.editing != nil { return "Enter: keep · Esc: cancel · ←→ Home End: move in the text" }
    if translations.choosingLanguage != nil { return "↑↓: language · Enter: translate into it · Esc: cancel" }
    if let lang = translations.translateLanguage {
      return "Translating into \(lang): Enter edits; Enter keeps and opens the next missing · Esc: stop · ?: help"
    }
    return nil
  }

  var translationPageRows: Int { max(1, height - 6) }

  /// How many language columns fit, and their width.
  func translationLayout(columns: Int) -> (labelW: Int, cellW: Int, visible: Int) {
    let labelW = min(32, max(12, width / 4))
    let avail = max(4, width - labelW)
    let minCell = 16
    let visible = max(1, min(columns, avail / (minCell + 1)))
    let cellW = max(3, min(40, avail / visible - 1))
    return (labelW, cellW, visible)
  }

  /// Keys of a cell being typed into or the language list; nil when neither is open (the grid's
  /// key table has the key then).
  mutating func translationsModalKey(_ key: Key) -> [Command]? {
    guard document != nil else { return nil }
    if translations.editing != nil { return translationEditingKey(key) }
    if let highlighted = translations.choosingLanguage { return translationLanguageKey(key, highlighted: highlighted) }
    return nil
  }

  /// What the grid's keys work on: every row, the rows shown, the language columns and the
  /// selected row's place among the rows shown.
  var translationGrid: (data: (rows: [TranslationRow], extras: [String]), visible: [Int], columns: [String], pos: Int) {
    let data = translationData
    let visible = visibleTranslationRows(total: data.rows.count)
    return (data, visible, translationColumns(extras: data.extras), max(0, min(translations.selected, visible.count - 1)))
  }

  /// Moves the row selection by `rows`, or to the first (0) or last (-1) row shown.
  mutating func selectTranslationRow(by rows: Int = 0, to place: Int? = nil) -> [Command] {
    guard document != nil else { return [] }
    let grid = translationGrid
    let last = max(0, grid.visible.count - 1)
    translations.selected = place.map { $0 < 0 ? last : 0 } ?? max(0, min(last, grid.pos + rows))
    return []
  }

  mutating func selectTranslationColumn(by offset: Int) -> [Command] {
    guard document != nil else { return [] }
    let count = translationGrid.columns.count
    translations.column = max(0, min(count - 1, translations.column + offset))
    scrollTranslationColumns(count: count)
    return []
  }

  /// f: only the rows missing a translation, or all rows again; the selection stays on its row.
  mutating func toggleMissingFilter() -> [Command] {
    guard document != nil else { return [] }
    let grid = translationGrid
    let row = grid.visible.isEmpty ? 0 : grid.visible[grid.pos]
    translations.filterMissing.toggle()
    let now = visibleTranslationRows(total: grid.data.rows.count)
    translations.selected = now.firstIndex(where: { $0 >= row }) ?? max(0, now.count - 1)
    if translations.filterMissing {
      let lang = translations.translateLanguage.map { " in \($0)" } ?? ""
      message = StatusMessage(
        now.isEmpty
          ? "Nothing is missing a translation\(lang)"
          : "\(now.count) text\(now.count == 1 ? "" : "s") missing a translation\(lang) (f shows all)")
    } else {
      message = StatusMessage("All \(grid.data.rows.count) texts")
    }
    return []
  }

  /// L: asks for the language of translate mode.
  mutating func chooseTranslateLanguage() -> [Command] {
    guard !translationLanguages.isEmpty else {
      message = StatusMessage("The store has only one language", .warning)
      return []
    }
    translations.choosingLanguage = translations.translateLanguage.flatMap { translationLanguages.firstIndex(of: $0) } ?? 0
    return []
  }

  /// Esc: translate mode off, else the filter off.
  mutating func leaveTranslateModeOrFilter() -> [Command] {
    if translations.translateLanguage != nil {
      translations.translateLanguage = nil
      message = StatusMessage("Translate mode off")
    } else if translations.filterMissing {
      translations.filterMissing = false
      message = StatusMessage("All \(translationData.rows.count) texts")
    }
    return []
  }

  mutating func editSelectedTranslation() -> [Command] {
    guard document != nil else { return [] }
    let grid = translationGrid
    guard !grid.visible.isEmpty else { return [] }
    let row = grid.data.rows[grid.visible[grid.pos]]
    if row.readOnly { return refuseAttributeName(row) }
    return startTranslationEditing(row: grid.visible[grid.pos], rows: grid.data.rows, columns: grid.columns)
  }

  /// x: the selected cell's translation is removed (the main text is not a translation).
  mutating func removeSelectedTranslation() -> [Command] {
    guard let document else { return [] }
    let grid = translationGrid
    guard !grid.visible.isEmpty else { return [] }
    let column = min(translations.column, grid.columns.count - 1)
    guard column > 0 else {
      message = StatusMessage("That is the main text; edit it with Enter", .warning)
      return []
    }
    let row = grid.data.rows[grid.visible[grid.pos]]
    if row.readOnly { return refuseAttributeName(row) }
    let lang = grid.columns[column]
    guard document.current.value(at: row.translated + [.key(lang)]) != nil else { return [] }
    setTranslation(row, language: lang, value: nil, coalesceKey: nil)
    message = StatusMessage("\(row.label): \(lang) translation removed (u undoes)")
    return []
  }

  mutating func refuseAttributeName(_ row: TranslationRow) -> [Command] {
    message = StatusMessage(
      "\(row.label): attribute names belong to the product type and are changed there (Ecwid ignores them here); the value is editable",
      .warning)
    return []
  }

  mutating func scrollTranslationColumns(count: Int) {
    let layout = translationLayout(columns: count)
    let c = translations.column
    if c < translations.columnScroll { translations.columnScroll = c }
    if c >= translations.columnScroll + layout.visible { translations.columnScroll = c - layout.visible + 1 }
    translations.columnScroll = max(0, min(translations.columnScroll, count - layout.visible))
  }

  private mutating func translationLanguageKey(_ key: Key, highlighted: Int) -> [Command] {
    let langs = translationLanguages
    switch key {
    case .down, .char("j"): translations.choosingLanguage = min(langs.count - 1, highlighted + 1)
    case .up, .char("k"): translations.choosingLanguage = max(0, highlighted - 1)
    case .escape, .char("q"): translations.choosingLanguage = nil
    case .enter:
      translations.choosingLanguage = nil
      let lang = langs[highlighted]
      translations.translateLanguage = lang
      let data = translationData
      translations.column = storeLanguageColumns.firstIndex(of: lang) ?? 0
      scrollTranslationColumns(count: data.extras.count + storeLanguageColumns.count)
      let visible = visibleTranslationRows(total: data.rows.count)
      let current = visible.isEmpty ? 0 : visible[max(0, min(translations.selected, visible.count - 1))]
      if let next = nextMissingRow(from: current, language: lang, includingCurrent: true) {
        let now = visibleTranslationRows(total: data.rows.count)
        translations.selected = now.firstIndex(of: next) ?? translations.selected
        message = StatusMessage("Translating into \(lang): Enter edits; Enter again keeps and goes on")
      } else {
        message = StatusMessage("Every text already has a \(lang) translation")
      }
    default: break
    }
    return []
  }

  /// The next row (index into all rows) missing `language`, after `row` (wrapping around).
  func nextMissingRow(from row: Int, language: String, includingCurrent: Bool = false) -> Int? {
    guard document != nil else { return nil }
    let missing = missingTranslationRows(language: language)
    guard !missing.isEmpty else { return nil }
    if let next = missing.first(where: { includingCurrent ? $0 >= row : $0 > row }) { return next }
    return missing.first
  }

  // MARK: Editing a cell

  func translationValue(_ row: TranslationRow, language: String?) -> String? {
    guard let document else { return nil }
    guard let language else { return document.current.value(at: row.main)?.stringValue }
    return document.current.value(at: row.translated + [.key(language)])?.stringValue
  }

  /// Sets the main text (language nil) or one translation; nil removes it.
  mutating func setTranslation(_ row: TranslationRow, language: String?, value: String?, coalesceKey: String?) {
    if case .imageAlt(let index) = row.kind {
      apply(.setImageAlt(index: index, language: language, text: value), coalesceKey: coalesceKey)
      return
    }
    let path = language.map { row.translated + [.key($0)] } ?? row.main
    apply(.set(path, value.map(JSON.string)), coalesceKey: coalesceKey)
  }

  mutating func startTranslationEditing(row index: Int, rows: [TranslationRow], columns: [String]) -> [Command] {
    guard rows.indices.contains(index) else { return [] }
    let row = rows[index]
    let column = max(0, min(translations.column, columns.count - 1))
    let lang = columns[column]
    if column >= storeLanguageColumns.count {
      message = StatusMessage(
        "“\(lang)” is not a language of the store: it cannot be saved; x removes this translation", .error)
      return []
    }
    let language: String? = column == 0 ? nil : lang
    let value = translationValue(row, language: language)
    let path = language.map { row.translated + [.key($0)] } ?? row.main
    if row.kind == .long || (value ?? "").utf8.contains(0x0A) || (value ?? "").count > 200 {
      return [.externalEdit(path: path, text: value ?? "", suffix: row.kind == .long ? ".html" : ".txt")]
    }
    let mirror = language == nil && !lang.isEmpty ? translationValue(row, language: lang) : nil
    translations.editing = TranslationEditing(
      row: index, language: language, field: TextField(value ?? ""), original: value, mirrorOriginal: mirror,
      coalesceKey: "translation:\(path.text):\(documentVersion)")
    return []
  }

  private mutating func translationEditingKey(_ key: Key) -> [Command] {
    guard var editing = translations.editing else { return [] }
    switch key {
    case .enter:
      return commitTranslationEditing()
    case .escape:
      let rows = translationData.rows
      if rows.indices.contains(editing.row) {
        let row = rows[editing.row]
        if translationValue(row, language: editing.language) != editing.original {
          setTranslation(row, language: editing.language, value: editing.original, coalesceKey: editing.coalesceKey)
        }
        if editing.language == nil, let lang = languages.first, translationValue(row, language: lang) != editing.mirrorOriginal {
          setTranslation(row, language: lang, value: editing.mirrorOriginal, coalesceKey: editing.coalesceKey)
        }
      }
      translations.editing = nil
      message = StatusMessage("Edit cancelled")
      return []
    default:
      let outcome = editing.field.handle(key)
      translations.editing = editing
      if outcome == .edited { applyTranslationEditing() }
      return []
    }
  }

  mutating func translationsPaste(_ text: String) -> [Command] {
    guard translations.editing != nil else { return [] }
    translations.editing!.field.insert(text)
    applyTranslationEditing()
    return []
  }

  /// Applies the text typed so far (one undo step per editing session).
  private mutating func applyTranslationEditing() {
    guard let editing = translations.editing else { return }
    let rows = translationData.rows
    guard rows.indices.contains(editing.row) else { return }
    let row = rows[editing.row]
    let text = editing.field.text
    let value: String? = text.isEmpty && editing.original == nil ? nil : text
    if translationValue(row, language: editing.language) != value {
      setTranslation(row, language: editing.language, value: value, coalesceKey: editing.coalesceKey)
    }
    // The default language's entry of the translations follows the main text when it is there.
    if editing.language == nil, editing.mirrorOriginal != nil, let lang = languages.first,
      translationValue(row, language: lang) != value
    {
      setTranslation(row, language: lang, value: value, coalesceKey: editing.coalesceKey)
    }
  }

  private mutating func commitTranslationEditing() -> [Command] {
    guard let editing = translations.editing else { return [] }
    applyTranslationEditing()
    translations.editing = nil
    let data = translationData
    let rows = data.rows
    let label = rows.indices.contains(editing.row) ? rows[editing.row].label : "Text"
    let lang = editing.language ?? languages.first ?? "main"
    // Enter on an empty cell that was empty sets nothing, and says so.
    let nothing = editing.field.text.isEmpty && (editing.original ?? "").isEmpty
    message = StatusMessage(nothing ? "Nothing typed: \(label) still has no \(lang) text" : "\(label) (\(lang)) set")
    guard let target = translations.translateLanguage, editing.language == target else { return [] }
    let next = nextMissingRow(from: editing.row, language: target)
    guard let next, next != editing.row else {
      message = StatusMessage(
        nothing
          ? "Skipped \(label); no other text misses a \(target) translation"
          : "\(label) (\(target)) set · every text has a \(target) translation now", nothing ? .info : .success)
      return []
    }
    let visible = visibleTranslationRows(total: rows.count)
    translations.selected = visible.firstIndex(of: next) ?? translations.selected
    translations.column = storeLanguageColumns.firstIndex(of: target) ?? translations.column
    let done = nothing ? "Skipped \(label)" : "\(label) (\(target)) set"
    // The next missing cell opens ready for typing (a long text waits for Enter: it opens $EDITOR).
    let value = translationValue(rows[next], language: target) ?? ""
    if rows[next].kind == .long || value.utf8.contains(0x0A) || value.count > 200 {
      message = StatusMessage("\(done) · next missing: \(rows[next].label) (Enter opens $EDITOR)")
      return []
    }
    let commands = startTranslationEditing(row: next, rows: rows, columns: translationColumns(extras: data.extras))
    message = StatusMessage("\(done) · now: \(rows[next].label)")
    return commands
  }
}
