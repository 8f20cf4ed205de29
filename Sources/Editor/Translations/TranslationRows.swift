import EcwidAPI
import Foundation
import ProductDocument
import Terminal

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
