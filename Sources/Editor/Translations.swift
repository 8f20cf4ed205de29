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
  let cache = TranslationRowCache()
  public init() {}
  var isTyping: Bool { editing != nil }
}

public struct TranslationEditing: Equatable, Sendable {
  /// Index into all rows (not the filtered ones).
  public var row: Int
  /// nil = the main (default language) value.
  public var language: String?
  /// The text as typed so far (see `TextEdit`).
  public var edit: TextEdit
  /// The text before this edit, and the default language's translation of a main text (Esc puts
  /// both back).
  public var original: String?
  public var mirrorOriginal: String?
  public var field: TextField { edit.field }
}

/// One translatable text of the product.
struct TranslationRow: Sendable, Equatable {
  enum Kind: Sendable, Equatable { case text, long, imageAlt(Int) }
  var label: String
  /// The main value (the default language), e.g. `name`.
  var main: FieldPath
  /// The map of translations by language, e.g. `nameTranslated`.
  var translated: FieldPath
  var kind: Kind
  /// Shown, not edited: an attribute's name belongs to the product type (the API ignores a name
  /// sent with the attribute's id or alias).
  var readOnly = false
}

struct TranslationCacheKey: Equatable {
  var version: Int
  var languages: [String]
  var fingerprint: [Int]
}

/// Rows are derived from the document once per document version (not per keystroke); drawing
/// reads the values of the visible rows only.
final class TranslationRowCache: @unchecked Sendable, Equatable {
  private let lock = NSLock()
  private var key: TranslationCacheKey?
  private var rows: [TranslationRow] = []
  private var extras: [String] = []
  private var missing: [String: [Int]] = [:]
  /// How many times the rows were rebuilt (tests check scrolling does not rebuild).
  private(set) var builds = 0

  static func == (a: TranslationRowCache, b: TranslationRowCache) -> Bool { true }

  private func refresh(_ key: TranslationCacheKey, product: Product, languages: [String]) {
    guard self.key != key else { return }
    self.key = key
    builds += 1
    rows = TranslationRowCache.buildRows(product)
    var seen = Set(languages)
    var found: [String] = []
    for row in rows {
      for lang in product.value(at: row.translated)?.objectValue?.keys ?? [] where !seen.contains(lang) {
        seen.insert(lang)
        found.append(lang)
      }
    }
    extras = found
    missing = [:]
  }

  func snapshot(_ key: TranslationCacheKey, product: Product, languages: [String]) -> (rows: [TranslationRow], extras: [String]) {
    lock.lock()
    defer { lock.unlock() }
    refresh(key, product: product, languages: languages)
    return (rows, extras)
  }

  /// Rows missing a translation in `language` (nil: in any of `others`).
  func missingRows(_ key: TranslationCacheKey, product: Product, languages: [String], language: String?) -> [Int] {
    lock.lock()
    defer { lock.unlock() }
    refresh(key, product: product, languages: languages)
    let others = Array(languages.dropFirst())
    let cacheKey = language ?? "\u{0}any"
    if let done = missing[cacheKey] { return done }
    var out: [Int] = []
    for (i, row) in rows.enumerated() {
      let wanted = language.map { [$0] } ?? others
      if wanted.contains(where: { TranslationRowCache.isMissing(row, language: $0, product: product) }) { out.append(i) }
    }
    missing[cacheKey] = out
    return out
  }

  static func isMissing(_ row: TranslationRow, language: String, product: Product) -> Bool {
    guard !row.readOnly, let main = product.value(at: row.main)?.stringValue, !main.isEmpty else { return false }
    return (product.value(at: row.translated + [.key(language)])?.stringValue ?? "").isEmpty
  }

  static func seoDescriptionKey(_ product: Product) -> String {
    product.json["seoDecriptionTranslated"] != nil && product.json["seoDescriptionTranslated"] == nil
      ? "seoDecriptionTranslated" : "seoDescriptionTranslated"
  }

  static func buildRows(_ product: Product) -> [TranslationRow] {
    let json = product.json
    var rows: [TranslationRow] = [
      TranslationRow(label: "Name", main: [.key("name")], translated: [.key("nameTranslated")], kind: .text),
      TranslationRow(label: "Description", main: [.key("description")], translated: [.key("descriptionTranslated")], kind: .long),
      TranslationRow(label: "Subtitle", main: [.key("subtitle")], translated: [.key("subtitleTranslated")], kind: .text),
      TranslationRow(label: "SEO title", main: [.key("seoTitle")], translated: [.key("seoTitleTranslated")], kind: .text),
      TranslationRow(
        label: "SEO description", main: [.key("seoDescription")], translated: [.key(seoDescriptionKey(product))], kind: .text),
      TranslationRow(label: "Ribbon text", main: [.key("ribbon"), .key("text")], translated: [.key("ribbonTranslated")], kind: .text),
    ]
    for (i, option) in (json["options"]?.arrayValue ?? []).enumerated() {
      let path: FieldPath = [.key("options"), .index(i)]
      let label = "Option “\(option["name"]?.stringValue ?? "#\(i + 1)")”"
      rows.append(TranslationRow(label: label, main: path + [.key("name")], translated: path + [.key("nameTranslated")], kind: .text))
      for (j, choice) in (option["choices"]?.arrayValue ?? []).enumerated() {
        let cp = path + [.key("choices"), .index(j)]
        rows.append(
          TranslationRow(
            label: label + " › choice “\(choice["text"]?.stringValue ?? "#\(j + 1)")”", main: cp + [.key("text")],
            translated: cp + [.key("textTranslated")], kind: .text))
      }
    }
    for (i, attribute) in (json["attributes"]?.arrayValue ?? []).enumerated() {
      let path: FieldPath = [.key("attributes"), .index(i)]
      let name = attribute["name"]?.stringValue ?? attribute["alias"]?.stringValue ?? "#\(i + 1)"
      rows.append(
        TranslationRow(
          label: "Attribute “\(name)”", main: path + [.key("name")], translated: path + [.key("nameTranslated")], kind: .text,
          readOnly: true))
      rows.append(
        TranslationRow(
          label: "Attribute “\(name)” › value", main: path + [.key("value")], translated: path + [.key("valueTranslated")],
          kind: .text))
    }
    let images = json["media"]?["images"]?.arrayValue ?? []
    for i in images.indices {
      let path: FieldPath = [.key("media"), .key("images"), .index(i), .key("alt")]
      rows.append(
        TranslationRow(label: "Image \(i + 1) alt", main: path + [.key("main")], translated: path + [.key("translated")], kind: .imageAlt(i)))
    }
    return rows
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
  var translationCacheKey: TranslationCacheKey {
    let json = document?.current.json
    return TranslationCacheKey(
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
    return translations.cache.snapshot(translationCacheKey, product: document.current, languages: storeLanguageColumns)
  }

  /// The language of each column: the store's, then those only the product has.
  func translationColumns(extras: [String]) -> [String] { storeLanguageColumns + extras }

  /// Indices (into all rows) of the rows shown.
  func visibleTranslationRows(total: Int) -> [Int] {
    guard translations.filterMissing, let document else { return Array(0..<total) }
    var list = translations.cache.missingRows(
      translationCacheKey, product: document.current, languages: storeLanguageColumns,
      language: translations.translateLanguage)
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
    guard let document else { return nil }
    let missing = translations.cache.missingRows(
      translationCacheKey, product: document.current, languages: storeLanguageColumns, language: language)
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
      row: index, language: language,
      edit: TextEdit(value ?? "", coalesceKey: "translation:\(path.text):\(documentVersion)"), original: value,
      mirrorOriginal: mirror)
    return []
  }

  private mutating func translationEditingKey(_ key: Key) -> [Command] {
    guard var editing = translations.editing else { return [] }
    let outcome = editing.edit.handle(key)
    return translationEdited(editing, outcome)
  }

  mutating func translationsPaste(_ text: String) -> [Command] {
    guard var editing = translations.editing else { return [] }
    let outcome = editing.edit.paste(text)
    return translationEdited(editing, outcome)
  }

  /// What a translation cell does with its text component's outcome.
  private mutating func translationEdited(_ editing: TranslationEditing, _ outcome: TextEdit.Outcome) -> [Command] {
    translations.editing = editing
    switch outcome {
    case .committed, .refused:
      return commitTranslationEditing()
    case .reverted:
      let rows = translationData.rows
      if rows.indices.contains(editing.row) {
        let row = rows[editing.row]
        if translationValue(row, language: editing.language) != editing.original {
          setTranslation(row, language: editing.language, value: editing.original, coalesceKey: editing.edit.coalesceKey)
        }
        if editing.language == nil, let lang = languages.first, translationValue(row, language: lang) != editing.mirrorOriginal {
          setTranslation(row, language: lang, value: editing.mirrorOriginal, coalesceKey: editing.edit.coalesceKey)
        }
      }
      translations.editing = nil
      message = StatusMessage("Edit cancelled")
    case .edited, .invalid:
      applyTranslationEditing()
    case .moved, .ignored:
      break
    }
    return []
  }

  /// Applies the text typed so far (one undo step per editing session).
  private mutating func applyTranslationEditing() {
    guard let editing = translations.editing else { return }
    let rows = translationData.rows
    guard rows.indices.contains(editing.row) else { return }
    let row = rows[editing.row]
    let text = editing.edit.text
    let value: String? = text.isEmpty && editing.original == nil ? nil : text
    if translationValue(row, language: editing.language) != value {
      setTranslation(row, language: editing.language, value: value, coalesceKey: editing.edit.coalesceKey)
    }
    // The default language's entry of the translations follows the main text when it is there.
    if editing.language == nil, editing.mirrorOriginal != nil, let lang = languages.first,
      translationValue(row, language: lang) != value
    {
      setTranslation(row, language: lang, value: value, coalesceKey: editing.edit.coalesceKey)
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
    let nothing = editing.edit.text.isEmpty && (editing.original ?? "").isEmpty
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
