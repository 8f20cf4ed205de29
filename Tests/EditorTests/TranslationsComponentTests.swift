import EcwidAPI
import ProductDocument
import ProductSamples
import Terminal
import Testing

@testable import Editor
import TestSupport

/// The Translations grid as a component (issue 14): its update changes only `TranslationsState`;
/// every write of the document and the status line come back as effects the root applies.
@Suite struct TranslationsComponentTests {
  static let languages = ["en", "fr", "de", "es", "ja", "ar", "zh_CN"]

  static func gridModel(_ product: Product = EditorHarness.product(), width: Int = 120, height: Int = 40) -> Model {
    var m = EditorHarness.model(product, width: width, height: height, languages: languages)
    press(&m, .char("4"))
    return m
  }

  /// Puts the grid's cursor on the row labelled `label`, in the column of `language`.
  static func select(_ m: inout Model, _ label: String, _ language: String) throws {
    let context = m.context
    m.translations.refresh(context)
    let rows = m.translations.table.rows
    m.translations.selected = try #require(rows.firstIndex { $0.label == label }, "no row \(label)")
    m.translations.column = try #require(context.translationColumns(extras: m.translations.table.extras).firstIndex(of: language))
  }

  static func set(_ effect: Effect?) -> (path: FieldPath, value: JSON?, coalesceKey: String?)? {
    guard case .apply(.set(let path, let value), let key)? = effect else { return nil }
    return (path, value, key)
  }

  static func status(_ effect: Effect?) -> StatusMessage?? {
    guard case .status(let message)? = effect else { return nil }
    return .some(message)
  }

  let frName: FieldPath = [.key("nameTranslated"), .key("fr")]

  @Test func typingAndEnterAreEditsTheRootAppliesAsOneUndoStep() throws {
    var m = Self.gridModel()
    try Self.select(&m, "Name", "fr")
    let before = try #require(m.document?.current.value(at: frName))
    var grid = m.translations
    #expect(grid.update(.key(.enter), m.context).isEmpty, "Enter opens the cell: nothing shared changes")
    #expect(grid.editing?.language == "fr" && grid.editing?.edit.text == before.stringValue)
    m.translations = grid
    _ = m.perform(grid.update(.key(.ctrl("u")), m.context))
    m.translations = grid
    let context = m.context
    let typed = grid.update(.paste("Pull"), context)
    // The grid did not write the document: it asked, with its session's coalesce key.
    #expect(context.document?.current.value(at: frName) == .string(""))
    let edit = try #require(Self.set(typed.first))
    #expect(typed.count == 1 && edit.path == frName && edit.value == .string("Pull"))
    #expect(edit.coalesceKey == grid.editing?.edit.coalesceKey && edit.coalesceKey != nil)
    // Enter before the root applied the typing: the text and the words for the status line.
    let committed = grid.update(.key(.enter), context)
    #expect(grid.editing == nil)
    #expect(committed.count == 2)
    #expect(Self.set(committed.first)?.value == .string("Pull"))
    #expect(Self.status(committed.last) == .some(StatusMessage("Name (fr) set")))
    m.translations = grid
    _ = m.perform(typed + committed)
    #expect(m.document?.current.value(at: frName) == .string("Pull"))
    #expect(m.message == StatusMessage("Name (fr) set"))
    press(&m, .char("u"))
    #expect(m.document?.current.value(at: frName) == before, "the session undoes as one step")
  }

  @Test func escPutsTheTextFromBeforeTheSessionBackThroughTheRoot() throws {
    var m = Self.gridModel()
    try Self.select(&m, "Name", "de")
    let before = try #require(m.document?.current.value(at: [.key("nameTranslated"), .key("de")]))
    press(&m, .enter)
    _ = m.update(.paste(" xx"))
    #expect(m.document?.current.value(at: [.key("nameTranslated"), .key("de")]) != before, "typing is applied")
    var grid = m.translations
    let effects = grid.update(.key(.escape), m.context)
    #expect(grid.editing == nil)
    #expect(effects.count == 2)
    let revert = try #require(Self.set(effects.first))
    #expect(revert.path == [.key("nameTranslated"), .key("de")] && revert.value == before)
    #expect(Self.status(effects.last) == .some(StatusMessage("Edit cancelled")))
    m.translations = grid
    _ = m.perform(effects)
    #expect(m.document?.current.value(at: [.key("nameTranslated"), .key("de")]) == before)
    #expect(m.message?.text == "Edit cancelled")
  }

  @Test func aRefusedRemovalIsOnlyAStatusMessage() throws {
    var m = Self.gridModel()
    try Self.select(&m, "Name", "en")
    let document = m.document?.current
    var grid = m.translations
    let effects = grid.update(.key(.char("x")), m.context)
    #expect(effects.count == 1)
    #expect(Self.status(effects.first) == .some(StatusMessage("That is the main text; edit it with Enter", .warning)))
    #expect(grid == m.translations, "nothing of the grid's own changed either")
    _ = m.perform(effects)
    #expect(m.document?.current == document)
    #expect(m.message?.kind == .warning)
  }

  @Test func movingTheCursorChangesOnlyTheGridAndALongTextAsksForTheEditor() throws {
    let m = Self.gridModel()
    var grid = m.translations
    let context = m.context
    #expect(grid.update(.key(.char("j")), context).isEmpty)
    #expect(grid.selected == 1)
    #expect(grid.update(.key(.char("l")), context).isEmpty)
    #expect(grid.column == 1)
    // Description (row 1) is a long text: Enter asks the root to run $EDITOR on the fr translation.
    let effects = grid.update(.key(.enter), context)
    guard case .run(.externalEdit(let path, let text, let suffix))? = effects.first, effects.count == 1 else {
      Issue.record("expected $EDITOR, got \(effects)")
      return
    }
    #expect(path == [.key("descriptionTranslated"), .key("fr")] && suffix == ".html")
    #expect(text == context.document?.current.value(at: path)?.stringValue)
    #expect(grid.editing == nil)
  }

  @Test func translateModeCommitOpensTheNextMissingCellWithoutTouchingTheDocument() throws {
    var m = Self.gridModel()
    press(&m, .char("L"))
    let ja: Int = try #require(m.context.translationLanguages.firstIndex(of: "ja"))
    m.translations.choosingLanguage = ja
    press(&m, .enter)
    let context = m.context
    var grid = m.translations
    let rows = grid.table.rows
    let missing = rows.indices.filter { context.document!.current.missesTranslation(rows[$0], language: "ja") }
    let shortNext = try #require(
      missing.indices.first { i in i + 1 < missing.count && rows[missing[i]].kind != .long && rows[missing[i + 1]].kind != .long
      })
    grid.selected = missing[shortNext]
    #expect(grid.update(.key(.enter), context).isEmpty)
    _ = grid.update(.paste("テスト"), context)
    let effects = grid.update(.key(.enter), context)
    let path = rows[missing[shortNext]].translated + [.key("ja")]
    #expect(Self.set(effects.first)?.path == path || effects.contains { if case .apply(.setImageAlt(_, "ja", "テスト"), _) = $0 { true } else { false } })
    let said = try #require(Self.status(effects.last)).map(\.text) ?? ""
    #expect(said.hasSuffix("now: \(rows[missing[shortNext + 1]].label)"), "\(said)")
    #expect(grid.editing?.row == missing[shortNext + 1] && grid.editing?.language == "ja")
    #expect(grid.selected == missing[shortNext + 1])
    #expect(context.document?.current == m.document?.current, "the grid wrote nothing of the document")
  }

  @Test func renamingAChoiceInTheDefaultLanguageRenamesItInTheVariationsInTheSameStep() throws {
    let tee = EditorHarness.product(named: "Everyday Crew")
    var m = Self.gridModel(tee)
    let context = m.context
    m.translations.refresh(context)
    let rows = m.translations.table.rows
    let row = try #require(rows.firstIndex { $0.label.hasSuffix("› choice “XS”") }, "the tee has a choice XS")
    let uses = try #require(context.document?.current.combinationIndices(option: "Size", value: "XS")).count
    #expect(uses > 0)
    m.translations.selected = row
    m.translations.column = 0
    press(&m, .enter, .ctrl("u"))
    _ = m.update(.paste("XXS"))
    var grid = m.translations
    let effects = grid.update(.key(.enter), m.context)
    #expect(
      effects.contains {
        if case .apply(.renameInCombinations(option: "Size", value: "XS", to: "XXS"), let key) = $0 {
          return key == m.translations.editing?.edit.coalesceKey
        }
        return false
      }, "\(effects)")
    #expect(Self.status(effects.last) == .some(StatusMessage("Option “Size” › choice “XXS” (en) set")))
    m.translations = grid
    _ = m.perform(effects)
    #expect(m.document?.current.combinationIndices(option: "Size", value: "XXS").count == uses)
    press(&m, .char("u"))
    #expect(m.document?.current.combinationIndices(option: "Size", value: "XS").count == uses, "one undo step")
  }

  @Test func renamingAnOptionSaysItsNewNameAndItsVariationsFollow() throws {
    var m = Self.gridModel(EditorHarness.product(named: "Everyday Crew"))
    let uses = try #require(m.document?.current.combinationIndices(option: "Size", value: nil)).count
    #expect(uses > 0)
    try Self.select(&m, "Option “Size”", "en")
    press(&m, .enter, .ctrl("u"))
    _ = m.update(.paste("Taille"))
    press(&m, .enter)
    #expect(m.message == StatusMessage("Option “Taille” (en) set"))
    #expect(m.document?.current.combinationIndices(option: "Taille", value: nil).count == uses)
    #expect(m.document?.current.combinationIndices(option: "Size", value: nil).isEmpty == true)
  }

  /// With only the missing rows shown, the row just translated leaves the list once the root applied
  /// it: the cursor is on the next missing row of the list as it is then, not one further (also
  /// when the typing and the Enter come to the grid before the root applied any of it).
  @Test func translateModeUnderTheFilterKeepsTheCursorOnTheNextMissingRow() throws {
    var m = Self.gridModel()
    press(&m, .char("L"))
    let ja: Int = try #require(m.context.translationLanguages.firstIndex(of: "ja"))
    m.translations.choosingLanguage = ja
    press(&m, .enter, .char("f"))
    let rows = m.translationData.rows
    let missing = m.visibleTranslationRows(total: rows.count)
    try #require(missing.count >= 3 && rows[missing[0]].kind != .long && rows[missing[1]].kind != .long)
    press(&m, .char("g"), .enter)
    #expect(m.translations.editing?.row == missing[0])
    var grid = m.translations
    let context = m.context
    let effects = grid.update(.paste("テスト"), context) + grid.update(.key(.enter), context)
    m.translations = grid
    _ = m.perform(effects)
    #expect(m.translations.editing?.row == missing[1])
    let now = m.visibleTranslationRows(total: rows.count)
    #expect(now == Array(missing.dropFirst()))
    #expect(now[m.translations.selected] == missing[1], "the cursor is on the cell being typed into")
  }

  /// The benchmark scrolls this grid on the huge product: a scroll key finds the rows derived for
  /// the document the draw gets (no rows built per key or per draw), also under the filter.
  @Test(.heavy) func scrollingTheHugeProductDrawsFromTheRowsDerivedOnce() {
    var m = EditorHarness.model(SampleProducts.huge(seed: 7), width: 120, height: 40, languages: SampleProducts.hugeLanguages)
    press(&m, .char("4"), .char("j"))
    let builds = m.translations.table.builds
    #expect(builds == 1)
    press(&m, .char("f"))
    let cached = m.translations.table.missing.count
    #expect(cached == 1, "the filter's rows are worked out once")
    for key in [Key.pageDown, .down, .down, .up, .char("G"), .char("g"), .right, .left] {
      press(&m, key)
      #expect(m.translations.table.key == m.context.translationTableKey, "the draw after \(key) reads the derived rows")
    }
    #expect(m.translations.table.builds == builds && m.translations.table.missing.count == cached)
  }
}
