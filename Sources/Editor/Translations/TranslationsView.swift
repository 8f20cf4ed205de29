import EcwidAPI
import Foundation
import ProductDocument
import Terminal

/// Drawing the Translations section (its keys: TranslationsKeys.swift; what they do: TranslationsUpdate.swift and TranslationEditing.swift).
extension TranslationsState {
  func view(_ c: ScreenContext, into screen: inout Screen, top: Int, bottom: Int) -> (x: Int, y: Int)? {
    guard let document = c.document else { return nil }
    let width = c.width
    let translations = self
    let table = currentTable(c)
    let rows = table.rows
    let columns = c.translationColumns(extras: table.extras)
    let storeCount = c.storeLanguageColumns.count
    let visible = visibleRows(in: table, c)
    let layout = c.translationLayout(columns: columns.count)
    let selectedColumn = max(0, min(translations.column, columns.count - 1))
    var firstColumn = max(0, min(translations.columnScroll, columns.count - layout.visible))
    if selectedColumn < firstColumn { firstColumn = selectedColumn }
    if selectedColumn >= firstColumn + layout.visible { firstColumn = selectedColumn - layout.visible + 1 }
    let shownColumns = Array(firstColumn..<min(columns.count, firstColumn + layout.visible))

    var title = " \(rows.count) text\(rows.count == 1 ? "" : "s") × \(storeCount) language\(storeCount == 1 ? "" : "s")"
    if translations.filterMissing { title += " · only missing (\(visible.count))" }
    if firstColumn > 0 || shownColumns.last.map({ $0 < columns.count - 1 }) == true {
      title += " · columns \(firstColumn + 1)–\(firstColumn + shownColumns.count) of \(columns.count) (←→)"
    }
    screen.put(title, x: 0, y: top, style: Theme.header, maxWidth: width)
    if let lang = translations.translateLanguage {
      let badge = " TRANSLATE MODE → \(lang) "
      let w = displayWidth(badge)
      screen.put(badge, x: max(0, width - w), y: top, style: Theme.statusWarning)
    }

    // Column headers.
    let headerY = top + 1
    screen.put(" Text", x: 0, y: headerY, style: Theme.header, padTo: layout.labelW)
    for (k, c) in shownColumns.enumerated() {
      let x = layout.labelW + k * (layout.cellW + 1)
      let lang = columns[c]
      var name = lang.isEmpty ? "main" : lang
      var style = Theme.header
      if c == 0 && !lang.isEmpty { name += " (default)" }
      if c >= storeCount {
        name += " (not in store)"
        style = Theme.error
      }
      if c == selectedColumn { style = style.merging(reverse: true) }
      screen.put("│", x: x, y: headerY, style: Theme.border)
      screen.put(name, x: x + 1, y: headerY, style: style, padTo: layout.cellW)
    }

    let listTop = top + 2
    var listRows = bottom - listTop
    // Translate mode shows the source text of the selected row in full below the grid.
    var sourceLines: [[(String, Style)]] = []
    if let target = translations.translateLanguage, !visible.isEmpty {
      let row = rows[visible[max(0, min(translations.selected, visible.count - 1))]]
      let source = document.current.value(at: row.main)?.stringValue ?? ""
      let sourceLanguage = c.storeLanguageColumns.first.map { $0.isEmpty ? "main" : $0 } ?? "main"
      let room = max(1, min(8, listRows / 2 - 1))
      sourceLines = wrapSegments(
        [("\(row.label), \(sourceLanguage) → \(target): ", Theme.header), (source.isEmpty ? "(empty)" : source, Theme.value)],
        width: width - 2)
      if sourceLines.count > room {
        sourceLines = Array(sourceLines.prefix(room))
        sourceLines[room - 1].append((" …", Theme.dim))
      }
      listRows -= sourceLines.count + 1
    }
    guard listRows > 0 else { return nil }
    if !sourceLines.isEmpty {
      let y0 = listTop + listRows
      screen.put(String(repeating: "─", count: max(0, width)), x: 0, y: y0, style: Theme.border)
      for (k, line) in sourceLines.enumerated() {
        var x = 1
        for (text, style) in line {
          x += screen.put(text, x: x, y: y0 + 1 + k, style: style, maxWidth: max(0, width - 1 - x))
        }
      }
    }
    if visible.isEmpty {
      screen.put(
        translations.filterMissing ? "  Nothing is missing a translation. f shows every text." : "  No texts.",
        x: 0, y: listTop, style: Theme.dim, maxWidth: width)
      return nil
    }
    let selected = max(0, min(translations.selected, visible.count - 1))
    let first = scrollStart(selected: selected, count: visible.count, rows: listRows)
    var cursor: (x: Int, y: Int)?
    let current = document.current
    let rowEnd = min(width, layout.labelW + shownColumns.count * (layout.cellW + 1))
    let memo = translationsRowMemo.begin(
      RowMemo.FrameKey(
        numbers: [c.documentVersion, width, layout.labelW, layout.cellW, firstColumn, shownColumns.count, storeCount],
        texts: columns))
    for r in 0..<listRows {
      let p = first + r
      guard p < visible.count else { break }
      let rowIndex = visible[p]
      let row = rows[rowIndex]
      let y = listTop + r
      let isSelected = p == selected
      // The row being edited draws its editor (and places the cursor): never from the memo.
      let memoKey: RowMemo.RowKey? =
        isSelected && translations.editing != nil ? nil : RowMemo.RowKey(row: rowIndex, variant: isSelected ? selectedColumn : -1)
      if let memoKey, let cells = translationsRowMemo.cells(memoKey, in: memo) {
        screen.setCells(cells, x: 0, y: y)
        continue
      }
      defer { if let memoKey { translationsRowMemo.remember(memoKey, screen.cells(y: y, from: 0, to: rowEnd), in: memo) } }
      let mainValue = current.value(at: row.main)
      let translatedValue = current.value(at: row.translated)
      let mainText = mainValue?.stringValue ?? ""
      let rowChanged =
        mainValue != document.base.value(at: row.main) || translatedValue != document.base.value(at: row.translated)
      screen.put(
        padRight((rowChanged ? "●" : " ") + row.label, toWidth: layout.labelW), x: 0, y: y,
        style: isSelected ? Theme.selected : (rowChanged ? Theme.changedLabel : Theme.label))
      let translatedMap = translatedValue?.objectValue
      for (k, c) in shownColumns.enumerated() {
        let x = layout.labelW + k * (layout.cellW + 1)
        screen.put("│", x: x, y: y, style: Theme.border)
        let cellX = x + 1
        let lang = columns[c]
        if isSelected, let editing = translations.editing, editing.row == rowIndex,
          (editing.language == nil ? c == 0 : editing.language == lang)
        {
          cursor = (editing.edit.draw(into: &screen, x: cellX, y: y, width: layout.cellW), y)
          continue
        }
        let value = c == 0 ? mainText : (translatedMap?[lang]?.stringValue ?? "")
        var text = value
        var style = Theme.value
        if row.readOnly {
          style = Theme.dim
          if value.isEmpty { text = "—" }
        } else if c >= storeCount {
          style = value.isEmpty ? Theme.dim : Theme.error
          if value.isEmpty { text = "" }
        } else if value.isEmpty {
          if c > 0 && !mainText.isEmpty {
            text = "— missing"
            style = Theme.missing
          } else {
            text = "—"
            style = Theme.dim
          }
        } else if row.kind == .long || Self.hasLineBreak(value) {
          // Only the start can show: counting and copying a long text whole costs each frame.
          text = "\(characterCount(value)) ch: " + value.prefix(layout.cellW + 8)
        }
        if isSelected && c == selectedColumn { style = Theme.selected }
        screen.put(text, x: cellX, y: y, style: style, padTo: layout.cellW)
      }
    }
    if let highlighted = translations.choosingLanguage {
      let langs = c.translationLanguages
      let w = min(width, 34)
      let h = min(bottom - top, langs.count + 2)
      let x = max(0, (width - w) / 2)
      drawBox(into: &screen, x: x, y: top + 1, width: w, height: h, title: "Translate into")
      let firstLang = scrollStart(selected: highlighted, count: langs.count, rows: h - 2)
      for row in 0..<max(0, h - 2) {
        let k = firstLang + row
        guard k < langs.count else { break }
        let missing = missingRows(langs[k], in: table, c).count
        screen.put(
          padRight(" \(langs[k])  \(missing) missing", toWidth: w - 2), x: x + 1, y: top + 2 + row,
          style: k == highlighted ? Theme.selected : Theme.popup)
      }
      cursor = nil
    }
    return cursor
  }

  /// True when the text has a line break (read from its bytes where it has them in one piece).
  static func hasLineBreak(_ text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { $0.contains(0x0A) } ?? text.utf8.contains(0x0A)
  }
}

/// The grid's rows as the last frames drew them (see `RowMemo`).
let translationsRowMemo = RowMemo()
