@testable import Editor

/// What the grid's older tests read of it, now through the component (TranslationsState) and the
/// context the root gives it: read-only, so the tests say what the screen shows, not how it is kept.
extension Model {
  var translationData: (rows: [TranslationRow], extras: [String]) {
    let table = translations.currentTable(context)
    return (table.rows, table.extras)
  }

  func visibleTranslationRows(total: Int) -> [Int] {
    translations.visibleRows(in: translations.currentTable(context), context)
  }

  func translationColumns(extras: [String]) -> [String] { context.translationColumns(extras: extras) }

  func nextMissingRow(from row: Int, language: String) -> Int? {
    let context = self.context
    let missing = translations.missingRows(language, in: translations.currentTable(context), context)
    return TranslationsState.nextMissingRow(from: row, in: missing)
  }
}
