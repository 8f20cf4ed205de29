import EcwidAPI
import Foundation
import ProductDocument
import Terminal

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

  mutating func translationLanguageKey(_ key: Key, highlighted: Int) -> [Command] {
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
}
