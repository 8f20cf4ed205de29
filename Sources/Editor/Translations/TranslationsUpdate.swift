import EcwidAPI
import Foundation
import ProductDocument
import Terminal

/// The grid as a component: its keys and pastes change only `TranslationsState`; the document and
/// the status line change through the effects it returns (typing in a cell: TranslationEditing.swift).
extension TranslationsState: Component {
  var keys: KeyTable<TranslationsState> { TranslationKeys.table }

  public mutating func update(_ message: TranslationsMsg, _ context: ScreenContext) -> [Effect] {
    switch message {
    case .key(let key): return handle(key, context) ?? []
    case .paste(let text): return paste(text, context)
    }
  }

  /// A key of the grid, of the cell being typed into or of the language list; nil when none has it
  /// (the keys every section shares have it then).
  mutating func handle(_ key: Key, _ c: ScreenContext) -> [Effect]? {
    // Typing needs no rows (the session keeps its row's paths): a keystroke does no work for the grid.
    if var editing {
      self.editing = nil  // taken out while the key changes it: its text is changed in place, not copied
      let outcome = editing.edit.handle(key)
      return edited(editing, outcome, c)
    }
    refresh(c)
    defer { refresh(c) }
    if let highlighted = choosingLanguage { return languageKey(key, highlighted: highlighted, c) }
    return keys.run(key, on: &self, c)
  }

  /// A paste goes into the cell being typed into (the root sends one only then).
  mutating func paste(_ text: String, _ c: ScreenContext) -> [Effect] {
    guard var editing else { return [] }
    self.editing = nil
    let outcome = editing.edit.paste(text)
    return edited(editing, outcome, c)
  }

  /// What the grid's keys work on: every row (the derived table, current after `refresh`), the rows
  /// shown, the language columns and the selected row's place among the rows shown.
  func grid(_ c: ScreenContext) -> (rows: [TranslationRow], visible: [Int], columns: [String], pos: Int) {
    let visible = visibleRows(in: table, c)
    return (table.rows, visible, c.translationColumns(extras: table.extras), max(0, min(selected, visible.count - 1)))
  }

  /// Moves the row selection by `rows`, or to the first (0) or last (-1) row shown.
  mutating func selectRow(by rows: Int = 0, to place: Int? = nil, _ c: ScreenContext) -> [Effect] {
    guard c.document != nil else { return [] }
    let grid = grid(c)
    let last = max(0, grid.visible.count - 1)
    selected = place.map { $0 < 0 ? last : 0 } ?? max(0, min(last, grid.pos + rows))
    return []
  }

  mutating func selectColumn(by offset: Int, _ c: ScreenContext) -> [Effect] {
    guard c.document != nil else { return [] }
    let count = c.translationColumns(extras: table.extras).count
    column = max(0, min(count - 1, column + offset))
    scrollColumns(count: count, c)
    return []
  }

  mutating func scrollColumns(count: Int, _ c: ScreenContext) {
    let layout = c.translationLayout(columns: count)
    if column < columnScroll { columnScroll = column }
    if column >= columnScroll + layout.visible { columnScroll = column - layout.visible + 1 }
    columnScroll = max(0, min(columnScroll, count - layout.visible))
  }

  /// f: only the rows missing a translation, or all rows again; the selection stays on its row.
  mutating func toggleMissingFilter(_ c: ScreenContext) -> [Effect] {
    guard c.document != nil else { return [] }
    let grid = grid(c)
    let row = grid.visible.isEmpty ? 0 : grid.visible[grid.pos]
    filterMissing.toggle()
    if filterMissing { _ = missing(translateLanguage, c) }
    let now = visibleRows(in: table, c)
    selected = now.firstIndex(where: { $0 >= row }) ?? max(0, now.count - 1)
    guard filterMissing else { return [.status(StatusMessage("All \(grid.rows.count) texts"))] }
    let lang = translateLanguage.map { " in \($0)" } ?? ""
    return [
      .status(
        StatusMessage(
          now.isEmpty
            ? "Nothing is missing a translation\(lang)"
            : "\(now.count) text\(now.count == 1 ? "" : "s") missing a translation\(lang) (f shows all)"))
    ]
  }

  /// L: asks for the language of translate mode.
  mutating func chooseTranslateLanguage(_ c: ScreenContext) -> [Effect] {
    let languages = c.translationLanguages
    guard !languages.isEmpty else { return [.status(StatusMessage("The store has only one language", .warning))] }
    choosingLanguage = translateLanguage.flatMap { languages.firstIndex(of: $0) } ?? 0
    return []
  }

  /// Esc: translate mode off, else the filter off.
  mutating func leaveTranslateModeOrFilter(_ c: ScreenContext) -> [Effect] {
    if translateLanguage != nil {
      translateLanguage = nil
      return [.status(StatusMessage("Translate mode off"))]
    } else if filterMissing {
      filterMissing = false
      return [.status(StatusMessage("All \(currentTable(c).rows.count) texts"))]
    }
    return []
  }

  mutating func editSelected(_ c: ScreenContext) -> [Effect] {
    guard c.document != nil else { return [] }
    let grid = grid(c)
    guard !grid.visible.isEmpty else { return [] }
    let row = grid.rows[grid.visible[grid.pos]]
    if row.readOnly { return refuseAttributeName(row) }
    return startEditing(row: grid.visible[grid.pos], rows: grid.rows, columns: grid.columns, c)
  }

  /// x: the selected cell's translation is removed (the main text is not a translation).
  mutating func removeSelectedTranslation(_ c: ScreenContext) -> [Effect] {
    guard let document = c.document else { return [] }
    let grid = grid(c)
    guard !grid.visible.isEmpty else { return [] }
    let column = min(self.column, grid.columns.count - 1)
    guard column > 0 else { return [.status(StatusMessage("That is the main text; edit it with Enter", .warning))] }
    let row = grid.rows[grid.visible[grid.pos]]
    if row.readOnly { return refuseAttributeName(row) }
    let lang = grid.columns[column]
    guard document.current.value(at: row.translated + [.key(lang)]) != nil else { return [] }
    return [
      Self.set(row, language: lang, value: nil, coalesceKey: nil),
      .status(StatusMessage("\(row.label): \(lang) translation removed (u undoes)")),
    ]
  }

  func refuseAttributeName(_ row: TranslationRow) -> [Effect] {
    [
      .status(
        StatusMessage(
          "\(row.label): attribute names belong to the product type and are changed there (Ecwid ignores them here); the value is editable",
          .warning))
    ]
  }

  /// The language list of translate mode: ↑↓ choose, Enter starts translating into the language.
  mutating func languageKey(_ key: Key, highlighted: Int, _ c: ScreenContext) -> [Effect] {
    let languages = c.translationLanguages
    switch key {
    case .down, .char("j"): choosingLanguage = min(languages.count - 1, highlighted + 1)
    case .up, .char("k"): choosingLanguage = max(0, highlighted - 1)
    case .escape, .char("q"): choosingLanguage = nil
    case .enter:
      choosingLanguage = nil
      let lang = languages[highlighted]
      translateLanguage = lang
      column = c.storeLanguageColumns.firstIndex(of: lang) ?? 0
      scrollColumns(count: table.extras.count + c.storeLanguageColumns.count, c)
      _ = missing(lang, c)
      let visible = visibleRows(in: table, c)
      let current = visible.isEmpty ? 0 : visible[max(0, min(selected, visible.count - 1))]
      guard let next = Self.nextMissingRow(from: current, in: missing(lang, c), includingCurrent: true) else {
        return [.status(StatusMessage("Every text already has a \(lang) translation"))]
      }
      selected = visible.firstIndex(of: next) ?? selected
      return [.status(StatusMessage("Translating into \(lang): Enter edits; Enter again keeps and goes on"))]
    default: break
    }
    return []
  }
}
