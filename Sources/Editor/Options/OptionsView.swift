import EcwidAPI
import Foundation
import ProductDocument
import Terminal

/// Drawing the Options section (its keys: OptionsKeys.swift; what they do: OptionsUpdate.swift and OptionEditing.swift).
extension OptionsState {
  // MARK: Display

  static func modifierText(_ choice: JSON) -> String {
    let raw = choice["priceModifier"]
    var n = raw?.numberValue?.double ?? Double(raw?.stringValue ?? "") ?? 0
    if n == 0 { n = 0 }  // no "-0"
    let type = choice["priceModifierType"]?.stringValue ?? "ABSOLUTE"
    switch type {
    case "ABSOLUTE": return String(format: "%+.2f", n)
    case "PERCENT": return (n >= 0 ? "+" : "") + plainNumber(n) + "%"
    default: return (n >= 0 ? "+" : "") + plainNumber(n) + " " + type
    }
  }

  static func plainNumber(_ n: Double) -> String {
    if n == n.rounded(), abs(n) < 1e15 { return String(Int(n)) }
    var s = String(format: "%.4f", n)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
  }

  func view(_ c: ScreenContext, into screen: inout Screen, top: Int, bottom: Int) -> (x: Int, y: Int)? {
    guard c.document != nil else { return nil }
    let width = c.width
    var cursor = drawBody(c, into: &screen, top: top, bottom: bottom)
    let all = c.optionValues
    let selected = max(0, min(self.selected, all.count - 1))
    guard all.indices.contains(selected) else { return cursor }
    let option = all[selected]
    let optionName = option["name"]?.stringValue ?? "option \(selected + 1)"
    if let highlighted = choosingType {
      let types = optionTypeChoices(for: option)
      let w = min(width, 40)
      let h = min(bottom - top, types.count + 2)
      let x = max(0, min(width - w, width / 3))
      drawBox(into: &screen, x: x, y: top + 1, width: w, height: h, title: "Type of “\(optionName)”")
      let firstType = scrollStart(selected: highlighted, count: types.count, rows: h - 2)
      for row in 0..<max(0, h - 2) {
        let k = firstType + row
        guard k < types.count else { break }
        let t = OptionType(rawValue: types[k])
        var label = types[k]
        if !t.isKnown { label += " (unknown, kept as it came)" } else if !t.hasChoices { label += " (no choices)" }
        screen.put(" " + label, x: x + 1, y: top + 2 + row, style: k == highlighted ? Theme.selected : Theme.popup, padTo: w - 2)
      }
      cursor = nil
    }
    if let confirm = confirming {
      switch confirm {
      case .deleteOption(let i):
        let name = all.indices.contains(i) ? all[i]["name"]?.stringValue ?? "" : ""
        drawDialog(into: &screen, width: c.width, height: c.height, title: "Delete option",
          lines: ["Delete the option “\(name)” and its choices?", "y  delete    any other key  keep"])
      case .changeType(_, let type, let n):
        drawDialog(into: &screen, width: c.width, height: c.height, title: "Change type",
          lines: [
            "A \(type) option has no choices:", "\(n) choice\(n == 1 ? "" : "s") of “\(optionName)” will go (u undoes).",
            "y  change the type    any other key  keep",
          ])
      }
      cursor = nil
    }
    return cursor
  }

  func drawBody(_ c: ScreenContext, into screen: inout Screen, top: Int, bottom: Int) -> (x: Int, y: Int)? {
    guard let document = c.document else { return nil }
    let width = c.width
    let all = c.optionValues
    let count = all.count
    let selected = max(0, min(self.selected, count - 1))
    var y = top
    var cursor: (x: Int, y: Int)?
    let others = c.translationLanguages.count
    screen.put(
      " \(count) option\(count == 1 ? "" : "s") · \(focus == .options ? "→ choices of the selected option" : "← back to the options")",
      x: 0, y: y, style: Theme.header, maxWidth: width)
    y += 1
    if document.current.hasCombinations {
      let n = document.current.json["combinations"]?.arrayValue?.count ?? 0
      screen.put(
        " ⚠ This product has \(n) variation\(n == 1 ? "" : "s"): changing options can rebuild them on save",
        x: 0, y: y, style: Theme.warning, maxWidth: width)
      y += 1
    }
    // Columns of the option list.
    let typeW = 10, reqW = 4, choicesW = 7, langW = 6
    let defaultW = max(8, min(20, width / 6))
    let nameW = max(6, width - 2 - 3 - typeW - reqW - choicesW - defaultW - langW - 7)
    func optionLine(_ n: String, _ name: String, _ type: String, _ req: String, _ ch: String, _ def: String, _ lang: String) -> String {
      padRight(n, toWidth: 3) + " " + padRight(name, toWidth: nameW) + " " + padRight(type, toWidth: typeW) + " "
        + padRight(req, toWidth: reqW) + " " + padRight(ch, toWidth: choicesW) + " " + padRight(def, toWidth: defaultW)
        + " " + padRight(lang, toWidth: langW)
    }
    screen.put("  " + optionLine("#", "Option", "Type", "Req", "Choices", "Default", "Langs"), x: 0, y: y, style: Theme.header,
      maxWidth: width)
    y += 1
    if count == 0 {
      screen.put("  No options. a adds one.", x: 0, y: y, style: Theme.dim, maxWidth: width)
      return nil
    }
    let remaining = bottom - y
    let choices = c.choiceValues(selected)
    let type = optionType(all[selected])
    let choiceArea = type.hasChoices ? max(3, min(choices.count + 2, remaining / 2)) : 2
    let listRows = max(1, min(count, remaining - choiceArea))
    let first = scrollStart(selected: selected, count: count, rows: listRows)
    let nameX = 2 + 3 + 1
    for row in 0..<listRows {
      let i = first + row
      guard i < count else { break }
      let option = all[i]
      let t = optionType(option)
      let name = option["name"]?.stringValue ?? ""
      let optionChoices = option["choices"]?.arrayValue ?? []
      var def = "—"
      if t.hasDefaultChoice, let d = option["defaultChoice"]?.intValue {
        def = optionChoices.indices.contains(d) ? optionChoices[d]["text"]?.stringValue ?? "#\(d + 1)" : "#\(d + 1)?"
      } else if !t.hasDefaultChoice {
        def = ""
      }
      let typeText = t.isKnown ? t.rawValue : "\(t.rawValue)?"
      let line = optionLine(
        "\(i + 1)", name, typeText, option["required"]?.boolValue == true ? "yes" : "no",
        t.hasChoices ? "\(optionChoices.count)" : "—", def, others > 0 ? "\(c.translatedCount(option["nameTranslated"]))/\(others)" : "")
      let changed = option != document.base.value(at: optionPath(i))
      let isSelected = i == selected
      let style: Style = isSelected ? (focus == .options ? Theme.selected : Theme.changedLabel) : Theme.value
      let ly = y + row
      screen.put((changed ? "●" : " ") + (isSelected ? "›" : " ") + line, x: 0, y: ly, style: style, maxWidth: width)
      if !t.isKnown {
        screen.put(typeText, x: nameX + nameW + 1, y: ly, style: Theme.warning, padTo: typeW)
      }
      if isSelected, let editing = editing, case .optionName(let e) = editing.target, e == i {
        cursor = (editing.edit.draw(into: &screen, x: nameX, y: ly, width: nameW), ly)
      }
    }
    y += listRows
    guard y < bottom else { return cursor }
    // The choices of the selected option.
    let option = all[selected]
    let optionName = option["name"]?.stringValue ?? "option \(selected + 1)"
    guard type.hasChoices else {
      screen.put(
        " “\(optionName)” is a \(type.rawValue) option: the customer types or picks the value; it has no choices",
        x: 0, y: y, style: Theme.dim, maxWidth: width)
      return cursor
    }
    let focusNote = focus == .choices ? "" : " (→ to edit)"
    screen.put(
      " Choices of “\(optionName)” (\(type.rawValue))\(focusNote)", x: 0, y: y, style: Theme.header, maxWidth: width)
    y += 1
    guard y < bottom else { return cursor }
    let modW = 12
    let textW = max(6, width - 4 - modW - langW - 4)
    screen.put(
      "    " + padRight("Choice", toWidth: textW) + " " + padRight("Price", toWidth: modW) + " " + "Langs", x: 0, y: y,
      style: Theme.header, maxWidth: width)
    y += 1
    let choiceRows = bottom - y
    if choices.isEmpty {
      if choiceRows > 0 { screen.put("    No choices. → then a adds one.", x: 0, y: y, style: Theme.dim, maxWidth: width) }
      return cursor
    }
    let selectedChoice = max(0, min(self.choice, choices.count - 1))
    let firstChoice = scrollStart(selected: selectedChoice, count: choices.count, rows: choiceRows)
    let defaultIndex = type.hasDefaultChoice ? option["defaultChoice"]?.intValue : nil
    for row in 0..<max(0, choiceRows) {
      let j = firstChoice + row
      guard j < choices.count else { break }
      let choice = choices[j]
      let cy = y + row
      let isSelected = focus == .choices && j == selectedChoice
      let changed = choice != document.base.value(at: choicePath(selected, j))
      let text = choice["text"]?.stringValue ?? ""
      let line = (changed ? "●" : " ") + (isSelected ? "›" : " ") + (defaultIndex == j ? "*" : " ") + " "
        + padRight(text, toWidth: textW) + " " + padRight(OptionsState.modifierText(choice), toWidth: modW) + " "
        + (others > 0 ? "\(c.translatedCount(choice["textTranslated"]))/\(others)" : "")
      screen.put(line, x: 0, y: cy, style: isSelected ? Theme.selected : Theme.value, maxWidth: width)
      if isSelected, let editing = editing {
        switch editing.target {
        case .choiceText(_, let e) where e == j:
          cursor = (editing.edit.draw(into: &screen, x: 4, y: cy, width: textW), cy)
        case .priceModifier(_, let e) where e == j:
          cursor = (editing.edit.draw(into: &screen, x: 4 + textW + 1, y: cy, width: modW), cy)
        default: break
        }
      }
    }
    return cursor
  }
}

