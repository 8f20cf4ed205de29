import EcwidAPI
import EcwidSandbox
import ProductDocument
import ProductSamples
import Terminal
import Testing

@testable import Editor
import TestSupport

private let sampleLanguages = ["en", "fr", "de", "es", "ja", "ar", "zh_CN"]

private func translationsModel(
  _ product: Product? = nil, languages: [String] = sampleLanguages, width: Int = 80, height: Int = 24
) -> Model {
  let catalog = Sandbox.sampleCatalog()
  let product = product ?? catalog.products[0]
  var m = Model(storeLabel: "test", storeId: catalog.storeId, productId: product.id ?? 1, width: width, height: height)
  _ = m.updateThroughFrame(.loaded(.success(Loaded(product: product, languages: languages, draft: nil))))
  m.section = .translations
  return m
}


/// Selects the first row whose label starts with `label`.
private func select(_ m: inout Model, row label: String) {
  press(&m, .char("g"))
  for _ in 0..<5000 {
    let rows = m.translationData.rows
    let visible = m.visibleTranslationRows(total: rows.count)
    if rows[visible[m.translations.selected]].label.hasPrefix(label) { return }
    let before = m.translations.selected
    press(&m, .down)
    if m.translations.selected == before { break }
  }
  Issue.record("no row \(label)")
}

private func selectColumn(_ m: inout Model, _ language: String) {
  let columns = m.translationColumns(extras: m.translationData.extras)
  let target = columns.firstIndex(of: language)!
  while m.translations.column < target { press(&m, .right) }
  while m.translations.column > target { press(&m, .left) }
}

private func value(_ m: Model, _ path: FieldPath) -> String? { m.document!.current.value(at: path)?.stringValue }

/// The columns of the "│" separators in every row of the grid (from the cells, so wide characters count twice).
private func separatorColumns(_ screen: Screen, rows: Range<Int>) -> [[Int]] {
  rows.map { y in (0..<screen.width).filter { screen[$0, y].text == "│" } }
}

@Test func gridShowsEveryTranslatableText() {
  let m = translationsModel(width: 120, height: 40)
  let labels = m.translationData.rows.map(\.label)
  for wanted in [
    "Name", "Description", "Subtitle", "SEO title", "SEO description", "Ribbon text", "Option “Size”",
    "Option “Size” › choice “M”", "Attribute “Brand”", "Attribute “Brand” › value", "Image 3 alt", "Image 12 alt",
  ] {
    #expect(labels.contains(wanted), "missing row \(wanted)")
  }
  let lines = m.view().screen.lines()
  #expect(lines[3].contains("en (default)"))
  #expect(lines.contains { $0.hasPrefix(" Name") || $0.hasPrefix("●Name") || $0.contains("Name ") })
  #expect(lines.contains { $0.contains("Nordlys Merino Wool Sweater") || $0.contains("Nordlys Merino") })
  // Empty translations stand out.
  #expect(lines.contains { $0.contains("— missing") })
}

@Test func cjkAndArabicKeepColumnsAligned() {
  for (w, h) in [(80, 24), (120, 40)] {
    var m = translationsModel(width: w, height: h)
    selectColumn(&m, "zh_CN")  // scrolls so that ja, ar, zh_CN are visible
    let screen = m.view().screen
    let lines = screen.lines()
    #expect(lines[3].contains("zh_CN"))
    #expect(lines[3].contains("ar"))
    #expect(lines.contains { $0.contains("诺德利斯") })
    #expect(lines.contains { $0.contains("كنزة") })
    let columns = separatorColumns(screen, rows: 3..<(h - 2))
    #expect(!columns[0].isEmpty)
    for row in columns { #expect(row == columns[0], "misaligned at \(w)x\(h)") }
    // Every row is exactly the screen width in display columns.
    for line in lines { #expect(displayWidth(line) <= w) }
    // The label column stays while the languages scroll.
    #expect(lines[3].hasPrefix(" Text"))
  }
}

@Test func editingACellSetsTheTranslatedKey() {
  var m = translationsModel()
  select(&m, row: "Name")
  selectColumn(&m, "fr")
  press(&m, .enter)
  #expect(m.translations.isTyping)
  press(&m, .ctrl("u"))
  type(&m, "Pull Nordlys")
  let cursor = m.view().cursor
  #expect(cursor != nil)
  press(&m, .enter)
  #expect(value(m, [.key("nameTranslated"), .key("fr")]) == "Pull Nordlys")
  #expect(value(m, [.key("name")]) == "Nordlys Merino Wool Sweater")
  // An option's choice and an image's alt text.
  select(&m, row: "Option “Size” › choice “M”")
  selectColumn(&m, "de")
  press(&m, .enter)
  type(&m, "M")
  press(&m, .enter)
  #expect(value(m, [.key("options"), .index(1), .key("choices"), .index(2), .key("textTranslated"), .key("de")]) == "M")
  select(&m, row: "Image 4 alt")
  selectColumn(&m, "es")
  press(&m, .enter)
  type(&m, "Gris brezo")
  press(&m, .enter)
  #expect(
    value(m, [.key("media"), .key("images"), .index(3), .key("alt"), .key("translated"), .key("es")]) == "Gris brezo")
  // The default column is the main value.
  select(&m, row: "Subtitle")
  selectColumn(&m, "en")
  press(&m, .enter, .ctrl("u"))
  type(&m, "Warm")
  press(&m, .enter)
  #expect(value(m, [.key("subtitle")]) == "Warm")
}

@Test func misspeltSeoDescriptionKeyIsReadAndWrittenBack() {
  var product = Sandbox.sampleCatalog().products[0]
  let map = product.json["seoDescriptionTranslated"]!
  product.json.removeValue(forKey: "seoDescriptionTranslated")
  product.json["seoDecriptionTranslated"] = map
  var m = translationsModel(product)
  select(&m, row: "SEO description")
  selectColumn(&m, "fr")
  let lines = m.view().screen.lines()
  #expect(lines.contains { $0.contains("Un pull") })
  selectColumn(&m, "de")
  press(&m, .enter)
  type(&m, "Ein warmer Pullover")
  press(&m, .enter)
  #expect(value(m, [.key("seoDecriptionTranslated"), .key("de")]) == "Ein warmer Pullover")
  #expect(m.document!.current.json["seoDescriptionTranslated"] == nil)
}

@Test func filterShowsOnlyRowsMissingATranslation() {
  var m = translationsModel(width: 120, height: 40)
  let all = m.translationData.rows
  press(&m, .char("f"))
  #expect(m.translations.filterMissing)
  let visible = m.visibleTranslationRows(total: all.count)
  #expect(visible.count < all.count)
  #expect(!visible.isEmpty)
  let product = m.document!.current
  for i in visible {
    #expect(sampleLanguages.dropFirst().contains { product.missesTranslation(all[i], language: $0) })
  }
  // Name is translated everywhere: not shown.
  #expect(!visible.contains(0))
  #expect(m.view().screen.lines()[2].contains("only missing"))
  press(&m, .char("f"))
  #expect(m.visibleTranslationRows(total: all.count).count == all.count)
}

@Test func translateModeJumpsToTheNextMissingRow() {
  var m = translationsModel(width: 120, height: 40)
  press(&m, .char("L"))
  #expect(m.translations.choosingLanguage == 0)
  press(&m, .down, .down, .down)  // fr de es ja
  press(&m, .enter)
  #expect(m.translations.translateLanguage == "ja")
  #expect(m.view().screen.lines()[2].contains("TRANSLATE MODE → ja"))
  let rows = m.translationData.rows
  let product = m.document!.current
  let missing = rows.indices.filter { product.missesTranslation(rows[$0], language: "ja") }
  #expect(missing.count >= 2)
  #expect(m.translations.selected == missing[0])
  #expect(m.translationColumns(extras: []).firstIndex(of: "ja") == m.translations.column)
  press(&m, .enter)
  type(&m, "テスト")
  press(&m, .enter)
  #expect(value(m, rows[missing[0]].translated + [.key("ja")]) == "テスト")
  #expect(m.translations.selected == missing[1])
  // One Enter kept the text and opened the next missing cell, ready for typing (issue 12).
  if rows[missing[1]].kind == .long {
    #expect(m.message?.text.contains("next missing: \(rows[missing[1]].label)") == true)
  } else {
    #expect(m.translations.editing?.row == missing[1])
    #expect(m.translations.editing?.language == "ja")
    #expect(m.message?.text.contains("now: \(rows[missing[1]].label)") == true)
    press(&m, .escape)  // cancels the open cell
    #expect(m.translations.editing == nil)
    #expect(m.translations.translateLanguage == "ja")
  }
  press(&m, .escape)
  #expect(m.translations.translateLanguage == nil)
}

@Test func typingThenUndoRevertsTheWholeTyping() {
  var m = translationsModel()
  select(&m, row: "Name")
  selectColumn(&m, "de")
  press(&m, .enter, .ctrl("u"))
  type(&m, "Neuer Name")
  #expect(value(m, [.key("nameTranslated"), .key("de")]) == "Neuer Name")  // applied while typing
  press(&m, .enter)
  press(&m, .char("u"))
  #expect(value(m, [.key("nameTranslated"), .key("de")]) == "Nordlys Merinowoll-Pullover")
  #expect(m.document!.canUndo == false)
  // Esc restores the value from before the session.
  press(&m, .enter)
  type(&m, " xx")
  press(&m, .escape)
  #expect(value(m, [.key("nameTranslated"), .key("de")]) == "Nordlys Merinowoll-Pullover")
}

@Test func pastedNewlineAndQGoIntoTheCellAsText() {
  var m = translationsModel()
  select(&m, row: "Subtitle")
  selectColumn(&m, "fr")
  press(&m, .enter, .ctrl("u"))
  let commands = m.update(.paste("ligne un\nq"))
  #expect(commands.isEmpty)
  #expect(!m.quitting)
  #expect(m.translations.isTyping)
  press(&m, .enter)
  #expect(value(m, [.key("subtitleTranslated"), .key("fr")]) == "ligne un q")
}

@Test func longTextsOpenTheExternalEditor() {
  var m = translationsModel()
  select(&m, row: "Description")
  selectColumn(&m, "fr")
  let commands = press(&m, .enter)
  guard case .externalEdit(let path, let text, _)? = commands.first else {
    Issue.record("expected $EDITOR")
    return
  }
  #expect(path == [.key("descriptionTranslated"), .key("fr")])
  #expect(text.contains("laine mérinos"))
  #expect(!m.translations.isTyping)
  _ = m.update(.externalEditFinished(path: path, text: "<p>Nouveau</p>", error: nil))
  #expect(value(m, [.key("descriptionTranslated"), .key("fr")]) == "<p>Nouveau</p>")
}

@Test func languageNotInTheStoreGetsAMarkedColumn() {
  var product = Sandbox.sampleCatalog().products[0]
  var names = product.json["nameTranslated"]!.objectValue!
  names["it"] = .string("Maglione")
  product.json["nameTranslated"] = .object(names)
  var m = translationsModel(product, width: 120, height: 40)
  #expect(m.translationData.extras == ["it"])
  selectColumn(&m, "it")
  let lines = m.view().screen.lines()
  #expect(lines[3].contains("it (not in store)"))
  #expect(lines.contains { $0.contains("Maglione") })
  select(&m, row: "Name")
  press(&m, .enter)
  #expect(!m.translations.isTyping)
  #expect(m.message?.kind == .error)
  press(&m, .char("x"))
  #expect(m.document!.current.value(at: [.key("nameTranslated"), .key("it")]) == nil)
}

@Test(.heavy) func scrollingAHugeProductDoesNotRebuildRows() {
  let product = SampleProducts.huge(seed: 7)
  var m = translationsModel(product, languages: SampleProducts.hugeLanguages, width: 120, height: 40)
  _ = m.view()
  press(&m, .down, .up)  // the first message on the grid derives its rows
  let builds = m.translations.table.builds
  #expect(builds == 1, "the rows are derived once the grid is shown")
  let total = m.translationData.rows.count
  #expect(total > 1_000)
  for _ in 0..<20 { press(&m, .pageDown) }
  press(&m, .char("G"))
  for _ in 0..<19 { press(&m, .right) }
  let screen = m.view().screen
  #expect(m.translations.table.builds == builds)
  #expect(m.translations.selected == total - 1)
  #expect(screen.lines().contains { $0.contains("Image 1000 alt") })
  #expect(screen.lines()[3].contains("es_419"))
}
