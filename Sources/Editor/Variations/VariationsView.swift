import EcwidAPI
import ProductDocument
import Terminal

/// Drawing the variations grid: only the rows and columns that fit are looked at, so a product
/// with 500 variations draws as fast as one with 6.
extension VariationsState {
  /// Columns wide enough for their title and their values (option columns: the choices).
  static func columnWidth(_ column: VariationColumn, options: [(name: String, choices: [String])]) -> Int {
    if case .option(let name) = column {
      let longest = (options.first { $0.name == name }?.choices.map { displayWidth($0) }.max() ?? 8)
      return min(16, max(displayWidth(name), longest, 3))
    }
    return max(column.width, displayWidth(column.title))
  }

  func view(_ c: ScreenContext, into screen: inout Screen, top: Int, bottom: Int) -> (x: Int, y: Int)? {
    guard c.document != nil else { return nil }
    let width = c.width
    let rows = rows(c)
    let all = c.combinationValues
    if all.isEmpty {
      drawEmpty(c, into: &screen, top: top)
      return nil
    }
    let options = c.variationOptions
    let columns = rows.columns
    let widths = columns.map { Self.columnWidth($0, options: options) }
    let currentColumn = max(0, min(column, columns.count - 1))
    let frozen = columns.indices.filter { columns[$0].isOption }
    let scrolling = columns.indices.filter { !columns[$0].isOption }
    let marker = 3
    var frozenWidth = marker
    for i in frozen { frozenWidth += widths[i] + 1 }
    // The first scrolling column shown: as far left as keeps the cursor's column in view.
    let room = max(1, width - frozenWidth)
    var first = scrolling.first ?? 0
    if let k = scrolling.firstIndex(of: currentColumn) {
      var start = k
      var used = widths[scrolling[k]] + 1
      while start > 0, used + widths[scrolling[start - 1]] + 1 <= room {
        start -= 1
        used += widths[scrolling[start]] + 1
      }
      first = scrolling[start]
    }
    var visible: [(column: Int, x: Int)] = []
    var x = marker
    for i in frozen {
      visible.append((i, x))
      x += widths[i] + 1
    }
    let firstShown = x
    for i in scrolling where i >= first {
      if x + min(widths[i], 3) > width { break }
      visible.append((i, x))
      x += widths[i] + 1
    }
    // Header.
    screen.fill(x: 0, y: top, width: width, height: 1, style: Theme.header)
    for (i, cx) in visible {
      let title = columns[i].numberKind != nil ? padLeft(columns[i].title, toWidth: widths[i]) : columns[i].title
      screen.put(title, x: cx, y: top, style: i == currentColumn ? Theme.header.merging(reverse: true) : Theme.header, maxWidth: min(widths[i], width - cx))
    }
    if first != scrolling.first { screen.put("◂", x: firstShown - 1, y: top, style: Theme.dim) }
    if let last = visible.last?.column, let end = scrolling.last, last < end { screen.put("▸", x: width - 1, y: top, style: Theme.dim) }
    // Rows.
    let body = max(0, bottom - top - 2)
    let shown = rows.shown
    let current = max(0, min(row, shown.count - 1))
    let start = scrollStart(selected: current, count: shown.count, rows: body)
    var cursor: (x: Int, y: Int)?
    if shown.isEmpty {
      screen.put(
        "No row matches the filter “\(filter)”: / changes it, an empty filter shows all \(rows.total)", x: 2,
        y: top + 1, style: Theme.dim, maxWidth: width - 3)
    }
    for r in 0..<body {
      let k = start + r
      guard k < shown.count else { break }
      let shownRow = shown[k]
      let y = top + 1 + r
      let combination = all[shownRow.index]
      let isCurrent = k == current
      let isSelected = selected.contains(shownRow.key)
      screen.put(isSelected ? "✓" : (rangeAnchor == shownRow.key ? "▸" : " "), x: 0, y: y, style: Theme.success)
      if rows.changedKeys.contains(shownRow.key) { screen.put("●", x: 1, y: y, style: Theme.changedLabel) }
      for (i, cx) in visible {
        let column = columns[i]
        let w = min(widths[i], width - cx)
        guard w > 0 else { continue }
        if isCurrent, i == currentColumn, let editing, editing.rowKey == shownRow.key {
          let style = editing.problem == nil ? Theme.input : Style(fg: .brightWhite, bg: .red, underline: true)
          cursor = (editing.field.draw(into: &screen, x: cx, y: y, width: widths[i], style: style), y)
          continue
        }
        let (text, dim) = Self.cellText(combination, column)
        var style = dim ? Theme.dim : (column.isOption ? Theme.label : Theme.value)
        if isSelected { style = Theme.changedLabel }
        let shownText = column.numberKind != nil ? padLeft(text, toWidth: w) : truncate(text, toWidth: w)
        screen.put(shownText, x: cx, y: y, style: style, maxWidth: w)
        if isCurrent {
          screen.setStyle(x: cx, y: y, width: w, style: i == currentColumn ? Theme.selected : style.merging(reverse: true))
        }
      }
    }
    drawFooter(rows, width: width, into: &screen, y: bottom - 1)
    if let confirming { drawConfirm(confirming, c, into: &screen) }
    if let choosingImage { drawImagePicker(choosingImage, rows, c, into: &screen, top: top, bottom: bottom) }
    return confirming == nil && choosingImage == nil ? cursor : nil
  }

  func drawEmpty(_ c: ScreenContext, into screen: inout Screen, top: Int) {
    let options = c.variationOptions
    let lines: [String]
    if options.isEmpty {
      lines = [
        "This product has no variations.",
        "",
        "Variations come from options with choices (Size, Color…): add them in section 3 (Options),",
        "then come back here and press n to create one variation per combination of choices.",
        "Each variation can then have its own SKU, price, stock, weight and image.",
      ]
    } else {
      let count = options.reduce(1) { $0 * $1.choices.count }
      lines = [
        "This product has no variations yet.",
        "",
        "Its options (\(options.map(\.name).joined(separator: ", "))) make \(count) combination\(count == 1 ? "" : "s"):",
        "press n to see them and create one variation each.",
      ]
    }
    for (i, line) in lines.enumerated() {
      screen.put(line, x: 2, y: top + 1 + i, style: i == 0 ? Theme.header : Theme.value, maxWidth: c.width - 3)
    }
  }

  func drawFooter(_ rows: VariationRows, width: Int, into screen: inout Screen, y: Int) {
    let stock = rows.stock.map { s in s == s.rounded() ? String(Int(s)) : String(s) } ?? "∞"
    var parts = [
      "Stock \(stock)", "\(rows.shown.count) of \(rows.total) rows", "\(rows.changed) changed",
    ]
    if rows.deleted > 0 { parts.append("\(rows.deleted) deleted") }
    if !selected.isEmpty { parts.append("\(selected.count) selected") }
    if !filter.isEmpty { parts.append("filter: \(filter)") }
    screen.fill(x: 0, y: y, width: width, height: 1, style: Theme.tab)
    screen.put(" " + parts.joined(separator: " · "), x: 0, y: y, style: Theme.tab, maxWidth: width)
  }

  func drawConfirm(_ confirming: VariationsConfirm, _ c: ScreenContext, into screen: inout Screen) {
    do {
      let room = max(1, c.height - 8)
      switch confirming {
      case .create(let missing):
        var lines = ["Create \(missing.count) variation\(missing.count == 1 ? "" : "s") (sent when you save):"]
        let labels = missing.map { $0.map { "\($0.name)=\($0.value)" }.joined(separator: " · ") }
        lines += labels.prefix(room - 2).map { "  + " + $0 }
        if labels.count > room - 2 { lines.append("  … and \(labels.count - (room - 2)) more") }
        lines.append("y  create them    any other key: no")
        drawDialog(into: &screen, width: c.width, height: c.height, title: "Missing variations", lines: lines)
      case .delete(let keys, let labels):
        var lines = ["Delete \(keys.count) variation\(keys.count == 1 ? "" : "s") (sent when you save):"]
        lines += labels.prefix(room - 2).map { "  − " + $0 }
        if labels.count > room - 2 { lines.append("  … and \(labels.count - (room - 2)) more") }
        lines.append("y  delete them    any other key: no")
        drawDialog(into: &screen, width: c.width, height: c.height, title: "Delete variations", lines: lines)
      }
    }
  }

  func drawImagePicker(
    _ highlighted: Int, _ rows: VariationRows, _ c: ScreenContext, into screen: inout Screen, top: Int, bottom: Int
  ) {
    let width = c.width
    let entries = ["no image of its own"] + c.galleryImageURLs.enumerated().map { "\($0.offset + 1)  \($0.element)" }
    let w = min(width - 4, 70)
    let h = min(bottom - top, entries.count + 2)
    let x = max(0, (width - w) / 2)
    let label = currentRow(rows).map { Combination(json: c.combinationValues[$0.index].objectValue ?? [:]).label } ?? ""
    drawBox(into: &screen, x: x, y: top + 1, width: w, height: h, title: "Image of \(label)")
    let first = scrollStart(selected: highlighted, count: entries.count, rows: h - 2)
    for r in 0..<max(0, h - 2) {
      let k = first + r
      guard k < entries.count else { break }
      screen.put(
        padRight(" " + truncate(entries[k], toWidth: w - 3), toWidth: w - 2), x: x + 1, y: top + 2 + r,
        style: k == highlighted ? Theme.selected : Theme.popup)
    }
  }

  /// The fill or filter prompt, over the status line; returns where the cursor goes.
  func viewPrompt(_ c: ScreenContext, into screen: inout Screen, y: Int) -> (x: Int, y: Int)? {
    guard let prompt else { return nil }
    let width = c.width
    let label: String
    switch prompt.kind {
    case .fill(let column):
      // Counted from the selection, not by walking 500 rows on every frame of typing.
      let n = selected.isEmpty ? 1 : selected.count
      label = " Fill \(column.label) of \(n) row\(n == 1 ? "" : "s"): "
    case .filter:
      label = " Filter: "
    }
    let style = prompt.problem == nil ? Theme.status : Theme.statusError
    screen.fill(x: 0, y: y, width: width, height: 1, style: style)
    let used = screen.put(label, x: 0, y: y, style: style)
    let fieldWidth = max(1, width - used - 1)
    return (prompt.field.draw(into: &screen, x: used, y: y, width: fieldWidth, style: Theme.input), y)
  }
}
