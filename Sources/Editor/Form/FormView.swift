import EcwidAPI
import ProductDocument
import Terminal

/// Drawing the scalar sections' field list.
extension FormState {
  func view(_ c: ScreenContext, into screen: inout Screen, top: Int, bottom: Int) -> (x: Int, y: Int)? {
    guard let document = c.document else { return nil }
    let width = c.width
    let fields = c.formFields
    let rows = bottom - top
    guard rows > 0 else { return nil }
    let labelWidth = min(24, max(10, width / 4))
    let valueX = labelWidth + 3
    let valueWidth = max(1, width - valueX - 1)
    let selected = min(selectedIndex(c), max(0, fields.count - 1))
    let first = scrollStart(selected: selected, count: fields.count, rows: rows)
    var cursor: (x: Int, y: Int)?
    for row in 0..<rows {
      let i = first + row
      guard i < fields.count else { break }
      let spec = fields[i]
      let y = top + row
      let isSelected = i == selected
      let value = document.current.value(at: spec.path)
      let changed = value != document.base.value(at: spec.path)
      let problem = c.serverErrors[spec.path].map { ($0, Severity.error) }
        ?? c.fieldIssue(at: spec.path).map { ($0.message, $0.severity) }
      let labelStyle = isSelected ? Theme.selected : (changed ? Theme.changedLabel : Theme.label)
      screen.put((changed ? "●" : " ") + spec.label, x: 1, y: y, style: labelStyle, padTo: labelWidth + 1)
      if isSelected, let editing {
        cursor = (editing.edit.draw(into: &screen, x: valueX, y: y, width: valueWidth), y)
        continue
      }
      var text = FieldText.display(value, kind: spec.kind)
      if value == nil { text = "—" }
      var style = value == nil ? Theme.dim : Theme.value
      if let (problemText, severity) = problem {
        style = severity == .error ? Theme.error : Theme.warning
        text += "  ⚠ " + problemText
      }
      screen.put(text, x: valueX, y: y, style: style, maxWidth: valueWidth)
      if isSelected { screen.setStyle(x: valueX, y: y, width: valueWidth, style: style.merging(reverse: true)) }
    }
    if let choosing {
      drawChoicePopup(choosing, width: width, into: &screen, top: top, bottom: bottom, x: valueX)
    }
    return cursor
  }

  func drawChoicePopup(_ choosing: Choosing, width: Int, into screen: inout Screen, top: Int, bottom: Int, x: Int) {
    let w = min(width - x - 1, (choosing.values.map(displayWidth).max() ?? 10) + 4)
    let h = min(bottom - top, choosing.values.count + 2)
    guard w > 4, h > 2 else { return }
    drawBox(into: &screen, x: x, y: top + 1, width: w, height: h, title: choosing.spec.label)
    let first = scrollStart(selected: choosing.highlighted, count: choosing.values.count, rows: h - 2)
    for row in 0..<(h - 2) {
      let i = first + row
      guard i < choosing.values.count else { break }
      let style = i == choosing.highlighted ? Theme.selected : Theme.popup
      screen.put(" " + choosing.values[i], x: x + 1, y: top + 2 + row, style: style, padTo: w - 2)
    }
  }
}

/// The first row to show so that `selected` stays visible in `rows` rows.
func scrollStart(selected: Int, count: Int, rows: Int) -> Int {
  guard rows > 0, count > rows else { return 0 }
  let half = rows / 2
  return max(0, min(count - rows, selected - half))
}
