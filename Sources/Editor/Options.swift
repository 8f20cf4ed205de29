import EcwidAPI
import Foundation
import ProductDocument
import Terminal

/// The Options section: the product's options (top) and the selected option's choices (below).
public struct OptionsState: Equatable, Sendable {
  public enum Focus: Equatable, Sendable { case options, choices }
  /// The selected option.
  public var selected = 0
  /// The selected choice of the selected option.
  public var choice = 0
  public var focus: Focus = .options
  /// A text field open on an option name, a choice text or a price modifier.
  public var editing: OptionEditing?
  /// The type picker: the highlighted entry of `optionTypeChoices`.
  public var choosingType: Int?
  /// A question waiting for y/n.
  public var confirming: OptionsConfirm?
  public init() {}
  var isTyping: Bool { editing != nil }
}

public struct OptionEditing: Equatable, Sendable {
  public enum Target: Equatable, Sendable {
    case optionName(Int)
    case choiceText(option: Int, choice: Int)
    case priceModifier(option: Int, choice: Int)
  }
  public var target: Target
  public var field: TextField
  /// The value before this editing session (Esc puts it back).
  public var original: JSON?
  /// The default language's entry of the `...Translated` map, kept equal to the main text.
  public var mirrorOriginal: JSON?
  public var coalesceKey: String
  /// The text is a placeholder ("New option", "New choice", "0"): the first typed character
  /// replaces it; moving the cursor first keeps it for editing.
  public var placeholder = false
}

public enum OptionsConfirm: Equatable, Sendable {
  case deleteOption(Int)
  case changeType(option: Int, type: String, choices: Int)
}

enum OptionsHelp {
  static let entries: [(String, String)] = [
    ("↑ ↓ / j k", "select an option (or a choice)"),
    ("→ / ←, Esc", "into the option's choices / back to the options"),
    ("Enter / e", "edit the option name (choice text in the choices)"),
    ("a", "add an option (a choice, in the choices)"),
    ("x", "delete the option (asks) / the choice"),
    ("J K / Shift-↑↓", "move the option (or choice) down / up"),
    ("D", "duplicate the option"),
    ("t", "change the option type (SELECT, RADIO, … SIZE)"),
    ("Space / r", "toggle required"),
    ("*", "make the choice the default (a saved default cannot be cleared)"),
    ("p", "edit the choice's price modifier (a number)"),
    ("%", "switch the modifier between ABSOLUTE and PERCENT"),
    ("g G", "first / last"),
    ("", "Translations of names: section 4 (Translations)"),
  ]
}

/// The option types the picker offers (an unknown type is kept and offered as it came).
let knownOptionTypes = OptionType.known.map(\.rawValue)

extension Model {
  var optionValues: [JSON] { document?.current.json["options"]?.arrayValue ?? [] }

  func optionPath(_ i: Int) -> FieldPath { [.key("options"), .index(i)] }
  func choicePath(_ i: Int, _ j: Int) -> FieldPath { [.key("options"), .index(i), .key("choices"), .index(j)] }

  func choiceValues(_ option: Int) -> [JSON] {
    let options = optionValues
    guard options.indices.contains(option) else { return [] }
    return options[option]["choices"]?.arrayValue ?? []
  }

  func optionType(_ option: JSON) -> OptionType { OptionType(rawValue: option["type"]?.stringValue ?? "SELECT") }

  var optionsHint: String {
    if options.editing != nil { return "Enter: keep · Esc: cancel · ←→ Home End: move in the text" }
    if options.choosingType != nil { return "↑↓: type · Enter: set · Esc: cancel" }
    if options.focus == .choices {
      return "←/Esc: options · a: add · x: delete · J/K: move · e: text · p: price · %: abs/% · *: default · ?: help"
    }
    return "→: choices · a: add · x: delete · J/K: move · D: duplicate · e: name · t: type · r: required · ?: help"
  }

  /// Handles a key on the options section; nil lets the common editor keys have it.
  mutating func optionsKey(_ key: Key) -> [Command]? {
    guard document != nil else { return nil }
    if options.editing != nil { return optionEditingKey(key) }
    if let highlighted = options.choosingType { return optionTypeKey(key, highlighted: highlighted) }
    if let confirm = options.confirming { return optionsConfirmKey(key, confirm) }
    clampOptionsSelection()
    return options.focus == .options ? optionListKey(key) : choiceListKey(key)
  }

  mutating func clampOptionsSelection() {
    let count = optionValues.count
    options.selected = max(0, min(options.selected, count - 1))
    let choices = choiceValues(options.selected).count
    options.choice = max(0, min(options.choice, choices - 1))
    if count == 0 { options.focus = .options }
  }

  private mutating func optionListKey(_ key: Key) -> [Command]? {
    let all = optionValues
    let count = all.count
    let i = options.selected
    switch key {
    case .down, .char("j"): options.selected = min(max(0, count - 1), i + 1); options.choice = 0
    case .up, .char("k"): options.selected = max(0, i - 1); options.choice = 0
    case .home, .char("g"): options.selected = 0; options.choice = 0
    case .end, .char("G"): options.selected = max(0, count - 1); options.choice = 0
    case .pageDown: options.selected = min(max(0, count - 1), i + max(1, height / 3)); options.choice = 0
    case .pageUp: options.selected = max(0, i - max(1, height / 3)); options.choice = 0
    case .right, .char("l"):
      guard count > 0 else { return [] }
      guard optionType(all[i]).hasChoices else {
        message = StatusMessage("A \(optionType(all[i]).rawValue) option has no choices", .warning)
        return []
      }
      options.focus = .choices
    case .char("a"):
      let name = uniqueOptionName("New option")
      let at = count == 0 ? 0 : i + 1
      let session = "option-add:\(documentVersion)"
      let new: JSONObject = ["type": "SELECT", "name": .string(name), "required": false, "choices": .array([])]
      apply(.addOption(new, at: at), coalesceKey: session)
      options.selected = at
      options.choice = 0
      startOptionEditing(.optionName(at), coalesceKey: session, placeholder: true)
      message = StatusMessage("Option added: type its name, Enter keeps it")
    case .char("x"), .delete:
      guard count > 0 else { return [] }
      options.confirming = .deleteOption(i)
    case .char("J"), .shiftDown:
      guard i < count - 1 else { return moveRefused(count == 0 ? nil : "It is the last option") }
      apply(.moveOption(from: i, to: i + 1))
      options.selected = i + 1
      message = StatusMessage(moveMessage("Option", all[i]["name"]?.stringValue, down: true, to: i + 1, of: count))
    case .char("K"), .shiftUp:
      guard i > 0, count > 0 else { return moveRefused(count == 0 ? nil : "It is the first option") }
      apply(.moveOption(from: i, to: i - 1))
      options.selected = i - 1
      message = StatusMessage(moveMessage("Option", all[i]["name"]?.stringValue, down: false, to: i - 1, of: count))
    case .char("D"):
      guard count > 0 else { return [] }
      apply(.duplicateOption(i))
      options.selected = i + 1
      let name = optionValues[i + 1]["name"]?.stringValue ?? ""
      message = StatusMessage("Duplicated as “\(name)”")
    case .enter, .char("e"):
      guard count > 0 else { return [] }
      startOptionEditing(.optionName(i))
    case .char("t"):
      guard count > 0 else { return [] }
      let types = optionTypeChoices(for: all[i])
      let current = all[i]["type"]?.stringValue ?? "SELECT"
      options.choosingType = types.firstIndex(of: current) ?? 0
    case .char(" "), .char("r"):
      guard count > 0 else { return [] }
      let now = all[i]["required"]?.boolValue ?? false
      apply(.set(optionPath(i) + [.key("required")], .bool(!now)))
      message = StatusMessage("“\(all[i]["name"]?.stringValue ?? "Option")” is \(now ? "optional" : "required") now")
    default:
      return nil
    }
    return []
  }

  private mutating func choiceListKey(_ key: Key) -> [Command]? {
    let i = options.selected
    let option = optionValues[i]
    let choices = choiceValues(i)
    let count = choices.count
    let j = options.choice
    switch key {
    case .left, .escape, .char("h"):
      options.focus = .options
    case .down, .char("j"): options.choice = min(max(0, count - 1), j + 1)
    case .up, .char("k"): options.choice = max(0, j - 1)
    case .home, .char("g"): options.choice = 0
    case .end, .char("G"): options.choice = max(0, count - 1)
    case .pageDown: options.choice = min(max(0, count - 1), j + max(1, height / 3))
    case .pageUp: options.choice = max(0, j - max(1, height / 3))
    case .char("a"):
      let at = count == 0 ? 0 : j + 1
      let session = "choice-add:\(i):\(documentVersion)"
      let new: JSONObject = ["text": .string("New choice"), "priceModifier": .int(0), "priceModifierType": "ABSOLUTE"]
      apply(.addChoice(option: i, new, at: at), coalesceKey: session)
      options.choice = at
      startOptionEditing(.choiceText(option: i, choice: at), coalesceKey: session, placeholder: true)
      message = StatusMessage("Choice added: type its text, Enter keeps it")
    case .char("x"), .delete:
      guard count > 0 else { return [] }
      let text = choices[j]["text"]?.stringValue ?? "choice"
      apply(.removeChoice(option: i, choice: j))
      options.choice = max(0, min(j, count - 2))
      message = StatusMessage("Choice “\(text)” deleted (u undoes)")
    case .char("J"), .shiftDown:
      guard j < count - 1 else { return moveRefused(count == 0 ? nil : "It is the last choice") }
      apply(.moveChoice(option: i, from: j, to: j + 1))
      options.choice = j + 1
      message = StatusMessage(moveMessage("Choice", choices[j]["text"]?.stringValue, down: true, to: j + 1, of: count))
    case .char("K"), .shiftUp:
      guard j > 0, count > 0 else { return moveRefused(count == 0 ? nil : "It is the first choice") }
      apply(.moveChoice(option: i, from: j, to: j - 1))
      options.choice = j - 1
      message = StatusMessage(moveMessage("Choice", choices[j]["text"]?.stringValue, down: false, to: j - 1, of: count))
    case .char("D"):
      apply(.duplicateOption(i))
      options.selected = i + 1
      options.focus = .options
      message = StatusMessage("Option duplicated")
    case .enter, .char("e"):
      guard count > 0 else { return [] }
      startOptionEditing(.choiceText(option: i, choice: j))
    case .char("p"):
      guard count > 0 else { return [] }
      startOptionEditing(.priceModifier(option: i, choice: j))
    case .char("%"):
      guard count > 0 else { return [] }
      let now = choices[j]["priceModifierType"]?.stringValue ?? "ABSOLUTE"
      let next = now == "PERCENT" ? "ABSOLUTE" : "PERCENT"
      apply(.set(choicePath(i, j) + [.key("priceModifierType")], .string(next)))
      message = StatusMessage("Price modifier is \(next == "PERCENT" ? "a percentage" : "an absolute amount") now")
    case .char("*"):
      guard count > 0 else { return [] }
      let type = optionType(option)
      guard type.hasDefaultChoice else {
        message = StatusMessage("A \(type.rawValue) option has no default choice (SELECT, RADIO and SIZE have)", .warning)
        return []
      }
      let text = choices[j]["text"]?.stringValue ?? "choice"
      if option["defaultChoice"]?.intValue == j {
        // The API keeps a default choice when null is sent or the key is left out: a default
        // that is on the server cannot be cleared, only moved to another choice.
        guard !defaultChoiceIsOnServer(option) else {
          message = StatusMessage(
            "“\(text)” stays the default: Ecwid's API cannot clear a default choice; * on another choice makes that one the default",
            .warning)
          return []
        }
        apply(.set(optionPath(i) + [.key("defaultChoice")], nil))
        message = StatusMessage("“\(text)” is no longer the default")
      } else {
        apply(.set(optionPath(i) + [.key("defaultChoice")], .int(j)))
        message = StatusMessage("“\(text)” is the default choice")
      }
    case .char("t"), .char(" "), .char("r"):
      options.focus = .options
      return optionListKey(key)
    default:
      return nil
    }
    return []
  }

  /// True when the fetched product has a default choice for this option (matched by name).
  func defaultChoiceIsOnServer(_ option: JSON) -> Bool {
    guard let document, let name = option["name"]?.stringValue else { return false }
    let fetched = document.base.json["options"]?.arrayValue ?? []
    return fetched.contains { $0["name"]?.stringValue == name && $0["defaultChoice"] != nil && $0["defaultChoice"] != .null }
  }

  private mutating func moveRefused(_ why: String?) -> [Command] {
    if let why { message = StatusMessage(why + ": it cannot move further") }
    return []
  }

  private mutating func optionsConfirmKey(_ key: Key, _ confirm: OptionsConfirm) -> [Command] {
    options.confirming = nil
    guard key == .char("y") || key == .char("Y") else {
      message = StatusMessage("Kept")
      return []
    }
    switch confirm {
    case .deleteOption(let i):
      let name = optionValues.indices.contains(i) ? optionValues[i]["name"]?.stringValue ?? "option" : "option"
      apply(.removeOption(i))
      options.selected = max(0, min(i, optionValues.count - 1))
      options.choice = 0
      options.focus = .options
      message = StatusMessage("Option “\(name)” deleted (u undoes)")
    case .changeType(let i, let type, let n):
      apply(.setOptionType(option: i, type: type))
      options.focus = .options
      message = StatusMessage("Type is \(type); \(n) choice\(n == 1 ? "" : "s") removed (u undoes)")
    }
    return []
  }

  /// The picker's entries: the known types, and the option's unknown type (kept as it came).
  func optionTypeChoices(for option: JSON) -> [String] {
    var all = knownOptionTypes
    if let current = option["type"]?.stringValue, !all.contains(current) { all.insert(current, at: 0) }
    return all
  }

  private mutating func optionTypeKey(_ key: Key, highlighted: Int) -> [Command] {
    let i = options.selected
    guard optionValues.indices.contains(i) else {
      options.choosingType = nil
      return []
    }
    let option = optionValues[i]
    let types = optionTypeChoices(for: option)
    switch key {
    case .down, .char("j"): options.choosingType = min(types.count - 1, highlighted + 1)
    case .up, .char("k"): options.choosingType = max(0, highlighted - 1)
    case .escape, .char("q"): options.choosingType = nil
    case .enter, .char(" "):
      options.choosingType = nil
      let type = types[highlighted]
      guard type != (option["type"]?.stringValue ?? "SELECT") else { return [] }
      let choices = option["choices"]?.arrayValue?.count ?? 0
      if !OptionType(rawValue: type).hasChoices && choices > 0 {
        options.confirming = .changeType(option: i, type: type, choices: choices)
        return []
      }
      apply(.setOptionType(option: i, type: type))
      message = StatusMessage("Type is \(type)")
    default: break
    }
    return []
  }

  func uniqueOptionName(_ wanted: String) -> String {
    document?.current.uniqueOptionName(wanted) ?? wanted
  }

  // MARK: Editing

  func optionEditingPath(_ target: OptionEditing.Target) -> FieldPath {
    switch target {
    case .optionName(let i): return optionPath(i) + [.key("name")]
    case .choiceText(let i, let j): return choicePath(i, j) + [.key("text")]
    case .priceModifier(let i, let j): return choicePath(i, j) + [.key("priceModifier")]
    }
  }

  /// The default language's entry of the name's translations, when it is there (kept in step).
  func optionMirrorPath(_ target: OptionEditing.Target) -> FieldPath? {
    guard let lang = languages.first else { return nil }
    let path: FieldPath
    switch target {
    case .optionName(let i): path = optionPath(i) + [.key("nameTranslated"), .key(lang)]
    case .choiceText(let i, let j): path = choicePath(i, j) + [.key("textTranslated"), .key(lang)]
    case .priceModifier: return nil
    }
    return document?.current.value(at: path) != nil ? path : nil
  }

  mutating func startOptionEditing(_ target: OptionEditing.Target, coalesceKey: String? = nil, placeholder: Bool = false) {
    guard let document else { return }
    let path = optionEditingPath(target)
    let value = document.current.value(at: path)
    let text: String
    if case .priceModifier = target {
      text = value?.numberValue?.text ?? value?.stringValue ?? "0"
    } else {
      text = value?.stringValue ?? ""
    }
    let mirror = optionMirrorPath(target)
    options.editing = OptionEditing(
      target: target, field: TextField(text), original: value,
      mirrorOriginal: mirror.flatMap { document.current.value(at: $0) },
      coalesceKey: coalesceKey ?? "options:\(path.text):\(documentVersion)",
      placeholder: placeholder || (value?.numberValue?.double == 0 && { if case .priceModifier = target { return true } else { return false } }()))
  }

  private mutating func optionEditingKey(_ key: Key) -> [Command] {
    guard var editing = options.editing else { return [] }
    let isPrice: Bool = { if case .priceModifier = editing.target { return true } else { return false } }()
    switch key {
    case .enter, .tab:
      return commitOptionEditing()
    case .escape:
      let path = optionEditingPath(editing.target)
      if document?.current.value(at: path) != editing.original {
        apply(.set(path, editing.original), coalesceKey: editing.coalesceKey)
      }
      if let mirror = optionMirrorPath(editing.target), document?.current.value(at: mirror) != editing.mirrorOriginal {
        apply(.set(mirror, editing.mirrorOriginal), coalesceKey: editing.coalesceKey)
      }
      options.editing = nil
      message = StatusMessage("Edit cancelled")
      return []
    case .char:
      // Typing over a placeholder replaces it.
      if editing.placeholder { editing.field = TextField("") }
      editing.placeholder = false
      editing.field.handle(key)
      if isPrice { message = FieldText.numberProblem(editing.field.text, integer: false).map { StatusMessage("Price modifier: \($0)", .error) } }
    default:
      if editing.placeholder, key == .backspace || key == .delete || key == .ctrl("w") || key == .ctrl("u") {
        editing.field = TextField("")
        editing.placeholder = false
        options.editing = editing
        applyOptionEditing()
        return []
      }
      editing.placeholder = false
      if editing.field.handle(key) != .edited {
        options.editing = editing
        return []
      }
    }
    options.editing = editing
    applyOptionEditing()
    return []
  }

  mutating func optionsPaste(_ text: String) -> [Command] {
    guard options.editing != nil else { return [] }
    if options.editing!.placeholder { options.editing!.field = TextField("") }
    options.editing!.placeholder = false
    options.editing!.field.insert(text)
    applyOptionEditing()
    return []
  }

  /// Applies the text typed so far (a price only when it is a number), so the journal has it.
  private mutating func applyOptionEditing(committing: Bool = false) {
    guard let editing = options.editing else { return }
    let path = optionEditingPath(editing.target)
    let text = editing.field.text
    let value: JSON
    if case .priceModifier = editing.target {
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      // Empty text is 0, but only when kept (not while the field is being retyped).
      guard let number = trimmed.isEmpty ? (committing ? .int(0) : nil) : FieldText.parseNumber(trimmed, integer: false)
      else { return }
      value = number
    } else {
      value = .string(text)
    }
    if document?.current.value(at: path) != value {
      apply(.set(path, value), coalesceKey: editing.coalesceKey)
    }
    if let mirror = optionMirrorPath(editing.target), document?.current.value(at: mirror) != value {
      apply(.set(mirror, value), coalesceKey: editing.coalesceKey)
    }
  }

  private mutating func commitOptionEditing() -> [Command] {
    guard let editing = options.editing else { return [] }
    let text = editing.field.text.trimmingCharacters(in: .whitespaces)
    switch editing.target {
    case .priceModifier:
      if let problem = FieldText.numberProblem(text, integer: false) {
        message = StatusMessage("The price modifier must be a number (5, -2.50, 0): \(problem)", .error)
        return []
      }
      applyOptionEditing(committing: true)
      options.editing = nil
      message = StatusMessage("Price modifier set")
    case .optionName:
      if text.isEmpty {
        message = StatusMessage("An option needs a name", .error)
        return []
      }
      applyOptionEditing()
      options.editing = nil
      message = StatusMessage("Option name set")
    case .choiceText:
      if text.isEmpty {
        message = StatusMessage("A choice needs a text", .error)
        return []
      }
      applyOptionEditing()
      options.editing = nil
      message = StatusMessage("Choice text set")
    }
    return []
  }

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

  /// How many of the store's other languages have a non-empty entry in `map`.
  func translatedCount(_ map: JSON?) -> Int {
    guard let object = map?.objectValue else { return 0 }
    return translationLanguages.filter { !(object[$0]?.stringValue ?? "").isEmpty }.count
  }

  func drawOptions(into screen: inout Screen, top: Int, bottom: Int) -> (x: Int, y: Int)? {
    guard document != nil else { return nil }
    var cursor = drawOptionsBody(into: &screen, top: top, bottom: bottom)
    let all = optionValues
    let selected = max(0, min(options.selected, all.count - 1))
    guard all.indices.contains(selected) else { return cursor }
    let option = all[selected]
    let optionName = option["name"]?.stringValue ?? "option \(selected + 1)"
    if let highlighted = options.choosingType {
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
        screen.put(padRight(" " + label, toWidth: w - 2), x: x + 1, y: top + 2 + row,
          style: k == highlighted ? Theme.selected : Theme.popup)
      }
      cursor = nil
    }
    if let confirm = options.confirming {
      switch confirm {
      case .deleteOption(let i):
        let name = all.indices.contains(i) ? all[i]["name"]?.stringValue ?? "" : ""
        drawDialog(into: &screen, title: "Delete option",
          lines: ["Delete the option “\(name)” and its choices?", "y  delete    any other key  keep"])
      case .changeType(_, let type, let n):
        drawDialog(into: &screen, title: "Change type",
          lines: [
            "A \(type) option has no choices:", "\(n) choice\(n == 1 ? "" : "s") of “\(optionName)” will go (u undoes).",
            "y  change the type    any other key  keep",
          ])
      }
      cursor = nil
    }
    return cursor
  }

  private func drawOptionsBody(into screen: inout Screen, top: Int, bottom: Int) -> (x: Int, y: Int)? {
    guard let document else { return nil }
    let all = optionValues
    let count = all.count
    let selected = max(0, min(options.selected, count - 1))
    var y = top
    var cursor: (x: Int, y: Int)?
    let others = translationLanguages.count
    screen.put(
      " \(count) option\(count == 1 ? "" : "s") · \(options.focus == .options ? "→ choices of the selected option" : "← back to the options")",
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
    let choices = choiceValues(selected)
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
        t.hasChoices ? "\(optionChoices.count)" : "—", def, others > 0 ? "\(translatedCount(option["nameTranslated"]))/\(others)" : "")
      let changed = option != document.base.value(at: optionPath(i))
      let isSelected = i == selected
      let style: Style = isSelected ? (options.focus == .options ? Theme.selected : Theme.changedLabel) : Theme.value
      let ly = y + row
      screen.put((changed ? "●" : " ") + (isSelected ? "›" : " ") + line, x: 0, y: ly, style: style, maxWidth: width)
      if !t.isKnown {
        screen.put(padRight(typeText, toWidth: typeW), x: nameX + nameW + 1, y: ly, style: Theme.warning)
      }
      if isSelected, let editing = options.editing, case .optionName(let e) = editing.target, e == i {
        cursor = (editing.field.draw(into: &screen, x: nameX, y: ly, width: nameW, style: Theme.input), ly)
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
    let focusNote = options.focus == .choices ? "" : " (→ to edit)"
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
    let selectedChoice = max(0, min(options.choice, choices.count - 1))
    let firstChoice = scrollStart(selected: selectedChoice, count: choices.count, rows: choiceRows)
    let defaultIndex = type.hasDefaultChoice ? option["defaultChoice"]?.intValue : nil
    for row in 0..<max(0, choiceRows) {
      let j = firstChoice + row
      guard j < choices.count else { break }
      let choice = choices[j]
      let cy = y + row
      let isSelected = options.focus == .choices && j == selectedChoice
      let changed = choice != document.base.value(at: choicePath(selected, j))
      let text = choice["text"]?.stringValue ?? ""
      let line = (changed ? "●" : " ") + (isSelected ? "›" : " ") + (defaultIndex == j ? "*" : " ") + " "
        + padRight(text, toWidth: textW) + " " + padRight(Model.modifierText(choice), toWidth: modW) + " "
        + (others > 0 ? "\(translatedCount(choice["textTranslated"]))/\(others)" : "")
      screen.put(line, x: 0, y: cy, style: isSelected ? Theme.selected : Theme.value, maxWidth: width)
      if isSelected, let editing = options.editing {
        switch editing.target {
        case .choiceText(_, let e) where e == j:
          cursor = (editing.field.draw(into: &screen, x: 4, y: cy, width: textW, style: Theme.input), cy)
        case .priceModifier(_, let e) where e == j:
          cursor = (editing.field.draw(into: &screen, x: 4 + textW + 1, y: cy, width: modW, style: Theme.input), cy)
        default: break
        }
      }
    }
    return cursor
  }
}

/// `Moved choice “M” down: 3 of 5` — what moved, which way, and where it is now.
func moveMessage(_ what: String, _ name: String?, down: Bool, to index: Int, of count: Int) -> String {
  let named = name.map { " “\($0)”" } ?? ""
  return "Moved \(what.lowercased())\(named) \(down ? "down" : "up"): \(index + 1) of \(count) (u undoes)"
}
