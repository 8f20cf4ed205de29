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
