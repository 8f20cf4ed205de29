import EcwidAPI
import Foundation
import ProductDocument
import Terminal

/// One row of the grid: a translatable text of the product (see `ProductDocument`).
typealias TranslationRow = TranslatableText

struct TranslationTableKey: Equatable {
  var version: Int
  var languages: [String]
  var fingerprint: [Int]
}

/// The grid's rows and the rows missing each language, derived from the document once per document
/// version (not per keystroke, not per draw) by the grid's `update`; drawing reads the visible rows' values.
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

  /// The rows of the product in `c` (an empty table without one).
  init(_ c: ScreenContext, builds: Int) {
    self.builds = builds
    guard let product = c.document?.current else { return }
    key = c.translationTableKey
    rows = product.translatableTexts
    extras = product.translationLanguages(of: rows, beyond: c.storeLanguageColumns)
  }

  init() {}
}

/// What the grid reads of the shared state (from the read-only context).
extension ScreenContext {
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

  /// The language of each column: the store's, then those only the product has.
  func translationColumns(extras: [String]) -> [String] { storeLanguageColumns + extras }

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

  /// A cell's text: the main text (language nil) or one translation.
  func translationValue(_ row: TranslationRow, language: String?) -> String? {
    guard let document else { return nil }
    guard let language else { return document.current.value(at: row.main)?.stringValue }
    return document.current.value(at: row.translated + [.key(language)])?.stringValue
  }
}

extension TranslationsState {
  /// The table for the document in `c`: the derived one when it is current, else one built for
  /// this call (a draw after edits the root applied since the grid's last message).
  func currentTable(_ c: ScreenContext) -> TranslationTable {
    table.key == c.translationTableKey ? table : TranslationTable(c, builds: table.builds)
  }

  /// Derives the grid's rows when the document (or the store's languages) changed, and the missing
  /// rows the grid needs (the filter, translate mode, the language list). Cheap when nothing moved.
  mutating func refresh(_ c: ScreenContext) {
    guard c.document != nil else { return }
    if table.key != c.translationTableKey { table = TranslationTable(c, builds: table.builds + 1) }
    var needed: [String?] = []
    if filterMissing { needed.append(translateLanguage) }
    if let language = translateLanguage { needed.append(language) }
    if choosingLanguage != nil { needed += c.translationLanguages.map { Optional($0) } }
    for language in needed { _ = missing(language, c) }
  }

  /// Rows (indices into all rows) of the derived table missing `language` (nil: any of the store's
  /// other languages), kept for the next call. The table must be current (`refresh` first).
  mutating func missing(_ language: String?, _ c: ScreenContext) -> [Int] {
    let key = TranslationTable.missingKey(language)
    if let done = table.missing[key] { return done }
    let rows = missingRows(language, in: table, c)
    table.missing[key] = rows
    return rows
  }

  /// Rows of `t` missing `language`, from its cache or worked out now.
  func missingRows(_ language: String?, in t: TranslationTable, _ c: ScreenContext) -> [Int] {
    if let done = t.missing[TranslationTable.missingKey(language)] { return done }
    guard let product = c.document?.current else { return [] }
    return TranslationTable.missingRows(t.rows, product: product, languages: c.storeLanguageColumns, language: language)
  }

  /// Indices (into all rows of `t`) of the rows shown.
  func visibleRows(in t: TranslationTable, _ c: ScreenContext) -> [Int] {
    guard filterMissing, c.document != nil else { return Array(0..<t.rows.count) }
    var list = missingRows(translateLanguage, in: t, c)
    if let editing, !list.contains(editing.row) {
      list.append(editing.row)
      list.sort()
    }
    return list
  }

  /// The next row (index into all rows) in `missing` after `row`, wrapping around.
  static func nextMissingRow(from row: Int, in missing: [Int], includingCurrent: Bool = false) -> Int? {
    missing.first(where: { includingCurrent ? $0 >= row : $0 > row }) ?? missing.first
  }

  /// The hint line of a cell, the language list or translate mode (nil: the key table's hints).
  var hint: String? {
    if choosingLanguage != nil { return "↑↓: language · Enter: translate into it · Esc: cancel" }
    if let lang = translateLanguage {
      return "Translating into \(lang): Enter edits; Enter keeps and opens the next missing · Esc: stop · ?: help"
    }
    return nil
  }
}
