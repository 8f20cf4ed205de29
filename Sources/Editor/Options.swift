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
  /// The text as typed so far; a placeholder ("New option", "New choice", "0") is replaced by
  /// the first typed character, and moving the cursor first keeps it for editing.
  public var edit: TextEdit
  /// The value before this editing session (Esc puts it back).
  public var original: JSON?
  /// The default language's entry of the `...Translated` map, kept equal to the main text.
  public var mirrorOriginal: JSON?
  public var field: TextField { edit.field }
  var isPrice: Bool {
    if case .priceModifier = target { return true }
    return false
  }
}

public enum OptionsConfirm: Equatable, Sendable {
  case deleteOption(Int)
  case changeType(option: Int, type: String, choices: Int)
}

/// Keys of the option list (the common editor keys follow them).
enum OptionKeys {
  static let table = KeyTable(
    "options",
    [
      KeyBinding("↑ ↓ / j k", "select an option", keys: [.down, .up, .char("j"), .char("k")], menu: []) { m, key in
        m.selectOption(by: key == .down || key == .char("j") ? 1 : -1)
      },
      KeyBinding("PgUp PgDn", "select a page further up / down", keys: [.pageUp, .pageDown], menu: []) { m, key in
        m.selectOption(by: (key == .pageUp ? -1 : 1) * max(1, m.height / 3))
      },
      KeyBinding(
        "g G / Home End", "first / last option", keys: [.char("g"), .home, .char("G"), .end],
        menu: [("select the first option", .char("g")), ("select the last option", .char("G"))]
      ) { m, key in m.selectOption(to: key == .char("g") || key == .home ? 0 : -1) },
      KeyBinding("→ / l", "into the option's choices", keys: [.right, .char("l")], hint: "→: choices") { m, _ in m.enterChoices() },
      KeyBinding("a", "add an option", keys: [.char("a")], hint: "a: add") { m, _ in m.addOption() },
      KeyBinding("x / Delete", "delete the option (asks)", keys: [.char("x"), .delete], hint: "x: delete") { m, _ in
        m.askToDeleteOption()
      },
      KeyBinding(
        "J K / Shift-↑↓", "move the option down / up", keys: [.char("J"), .shiftDown, .char("K"), .shiftUp], hint: "J/K: move",
        menu: [("move the option down", .char("J")), ("move the option up", .char("K"))]
      ) { m, key in m.moveSelectedOption(down: key == .char("J") || key == .shiftDown) },
      KeyBinding("D", "duplicate the option", keys: [.char("D")], hint: "D: duplicate") { m, _ in m.duplicateSelectedOption() },
      KeyBinding("Enter / e", "edit the option name", keys: [.enter, .char("e")], hint: "e: name") { m, _ in m.editOptionName() },
      KeyBinding("t", "change the option type (SELECT, RADIO, … SIZE)", keys: [.char("t")], hint: "t: type") { m, _ in
        m.chooseOptionType()
      },
      KeyBinding("Space / r", "toggle required", keys: [.char(" "), .char("r")], hint: "r: required") { m, _ in
        m.toggleOptionRequired()
      },
      .note("", "Translations of names: section 4 (Translations)"),
    ])
}

/// Keys of the selected option's choice list (the common editor keys follow them).
enum ChoiceKeys {
  static let table = KeyTable(
    "optionChoices",
    [
      KeyBinding("← / h / Esc", "back to the options", keys: [.left, .char("h"), .escape], hint: "←/Esc: options") { m, _ in
        m.options.focus = .options
        return []
      },
      KeyBinding("↑ ↓ / j k", "select a choice", keys: [.down, .up, .char("j"), .char("k")], menu: []) { m, key in
        m.selectChoice(by: key == .down || key == .char("j") ? 1 : -1)
      },
      KeyBinding("PgUp PgDn", "select a page further up / down", keys: [.pageUp, .pageDown], menu: []) { m, key in
        m.selectChoice(by: (key == .pageUp ? -1 : 1) * max(1, m.height / 3))
      },
      KeyBinding(
        "g G / Home End", "first / last choice", keys: [.char("g"), .home, .char("G"), .end],
        menu: [("select the first choice", .char("g")), ("select the last choice", .char("G"))]
      ) { m, key in m.selectChoice(to: key == .char("g") || key == .home ? 0 : -1) },
      KeyBinding("a", "add a choice", keys: [.char("a")], hint: "a: add") { m, _ in m.addChoice() },
      KeyBinding("x / Delete", "delete the choice (u undoes)", keys: [.char("x"), .delete], hint: "x: delete") { m, _ in
        m.deleteSelectedChoice()
      },
      KeyBinding(
        "J K / Shift-↑↓", "move the choice down / up", keys: [.char("J"), .shiftDown, .char("K"), .shiftUp], hint: "J/K: move",
        menu: [("move the choice down", .char("J")), ("move the choice up", .char("K"))]
      ) { m, key in m.moveSelectedChoice(down: key == .char("J") || key == .shiftDown) },
      KeyBinding("Enter / e", "edit the choice text", keys: [.enter, .char("e")], hint: "e: text") { m, _ in
        m.editSelectedChoice(priceModifier: false)
      },
      KeyBinding("p", "edit the choice's price modifier (a number)", keys: [.char("p")], hint: "p: price") { m, _ in
        m.editSelectedChoice(priceModifier: true)
      },
      KeyBinding("%", "switch the modifier between ABSOLUTE and PERCENT", keys: [.char("%")], hint: "%: abs/%") { m, _ in
        m.togglePriceModifierType()
      },
      KeyBinding(
        "*", "make the choice the default (a saved default cannot be cleared)", keys: [.char("*")], hint: "*: default"
      ) { m, _ in m.toggleDefaultChoice() },
      KeyBinding("D", "duplicate the option", keys: [.char("D")]) { m, _ in m.duplicateOptionFromChoices() },
      KeyBinding("t", "change the option type (back in the option list)", keys: [.char("t")]) { m, _ in
        m.options.focus = .options
        return m.chooseOptionType()
      },
      KeyBinding("Space / r", "toggle the option's required (back in the option list)", keys: [.char(" "), .char("r")]) {
        m, _ in
        m.options.focus = .options
        return m.toggleOptionRequired()
      },
    ])
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

  /// The hint line of a field or popup (nil: the key table's hints).
  var optionsHint: String? {
    if options.editing != nil { return "Enter: keep · Esc: cancel · ←→ Home End: move in the text" }
    if options.choosingType != nil { return "↑↓: type · Enter: set · Esc: cancel" }
    return nil
  }

  /// Keys of a field being typed into, the type list or a question; nil when none is open (the
  /// option list's or the choice list's key table has the key then).
  mutating func optionsModalKey(_ key: Key) -> [Command]? {
    guard document != nil else { return nil }
    if options.editing != nil { return optionEditingKey(key) }
    if let highlighted = options.choosingType { return optionTypeKey(key, highlighted: highlighted) }
    if let confirm = options.confirming { return optionsConfirmKey(key, confirm) }
    clampOptionsSelection()
    return nil
  }

  mutating func clampOptionsSelection() {
    let count = optionValues.count
    options.selected = max(0, min(options.selected, count - 1))
    let choices = choiceValues(options.selected).count
    options.choice = max(0, min(options.choice, choices - 1))
    if count == 0 { options.focus = .options }
  }

  /// The option list as its keys see it (nil without a product): every option and the index of
  /// the selected one.
  mutating func optionList() -> (all: [JSON], count: Int, i: Int)? {
    guard document != nil else { return nil }
    clampOptionsSelection()
    let all = optionValues
    return (all, all.count, options.selected)
  }

  /// Moves the option selection by `rows`, or to the first (0) or last (-1) option.
  mutating func selectOption(by rows: Int = 0, to place: Int? = nil) -> [Command] {
    guard let list = optionList() else { return [] }
    let last = max(0, list.count - 1)
    options.selected = place.map { $0 < 0 ? last : 0 } ?? max(0, min(last, list.i + rows))
    options.choice = 0
    return []
  }

  /// →: into the selected option's choices (types without choices say so).
  mutating func enterChoices() -> [Command] {
    guard let (all, count, i) = optionList(), count > 0 else { return [] }
    guard optionType(all[i]).hasChoices else {
      message = StatusMessage("A \(optionType(all[i]).rawValue) option has no choices", .warning)
      return []
    }
    options.focus = .choices
    return []
  }

  /// a: a new option after the selected one, its name open for typing.
  mutating func addOption() -> [Command] {
    guard let (_, count, i) = optionList() else { return [] }
    let name = uniqueOptionName("New option")
    let at = count == 0 ? 0 : i + 1
    let session = "option-add:\(documentVersion)"
    let new: JSONObject = ["type": "SELECT", "name": .string(name), "required": false, "choices": .array([])]
    apply(.addOption(new, at: at), coalesceKey: session)
    options.selected = at
    options.choice = 0
    startOptionEditing(.optionName(at), coalesceKey: session, placeholder: true)
    message = StatusMessage("Option added: type its name, Enter keeps it")
    return []
  }

  mutating func askToDeleteOption() -> [Command] {
    guard let (_, count, i) = optionList(), count > 0 else { return [] }
    options.confirming = .deleteOption(i)
    return []
  }

  /// J / K: the selected option one place down or up.
  mutating func moveSelectedOption(down: Bool) -> [Command] {
    guard let (all, count, i) = optionList() else { return [] }
    let target = down ? i + 1 : i - 1
    guard count > 0, target >= 0, target < count else {
      return moveRefused(count == 0 ? nil : down ? "It is the last option" : "It is the first option")
    }
    apply(.moveOption(from: i, to: target))
    options.selected = target
    message = StatusMessage(moveMessage("Option", all[i]["name"]?.stringValue, down: down, to: target, of: count))
    return []
  }

  mutating func duplicateSelectedOption() -> [Command] {
    guard let (_, count, i) = optionList(), count > 0 else { return [] }
    apply(.duplicateOption(i))
    options.selected = i + 1
    let name = optionValues[i + 1]["name"]?.stringValue ?? ""
    message = StatusMessage("Duplicated as “\(name)”")
    return []
  }

  mutating func editOptionName() -> [Command] {
    guard let (_, count, i) = optionList(), count > 0 else { return [] }
    startOptionEditing(.optionName(i))
    return []
  }

  /// t: the type list, on the option's type.
  mutating func chooseOptionType() -> [Command] {
    guard let (all, count, i) = optionList(), count > 0 else { return [] }
    let types = optionTypeChoices(for: all[i])
    let current = all[i]["type"]?.stringValue ?? "SELECT"
    options.choosingType = types.firstIndex(of: current) ?? 0
    return []
  }

  mutating func toggleOptionRequired() -> [Command] {
    guard let (all, count, i) = optionList(), count > 0 else { return [] }
    let now = all[i]["required"]?.boolValue ?? false
    apply(.set(optionPath(i) + [.key("required")], .bool(!now)))
    message = StatusMessage("“\(all[i]["name"]?.stringValue ?? "Option")” is \(now ? "optional" : "required") now")
    return []
  }

  /// The choice list as its keys see it (nil unless it has the focus): the option's index, the
  /// option, its choices and the index of the selected choice.
  mutating func choiceList() -> (i: Int, option: JSON, choices: [JSON], count: Int, j: Int)? {
    guard document != nil else { return nil }
    clampOptionsSelection()
    guard options.focus == .choices else { return nil }
    let i = options.selected
    let choices = choiceValues(i)
    return (i, optionValues[i], choices, choices.count, options.choice)
  }

  /// Moves the choice selection by `rows`, or to the first (0) or last (-1) choice.
  mutating func selectChoice(by rows: Int = 0, to place: Int? = nil) -> [Command] {
    guard let list = choiceList() else { return [] }
    let last = max(0, list.count - 1)
    options.choice = place.map { $0 < 0 ? last : 0 } ?? max(0, min(last, list.j + rows))
    return []
  }

  /// a: a new choice after the selected one, its text open for typing.
  mutating func addChoice() -> [Command] {
    guard let (i, _, _, count, j) = choiceList() else { return [] }
    let at = count == 0 ? 0 : j + 1
    let session = "choice-add:\(i):\(documentVersion)"
    let new: JSONObject = ["text": .string("New choice"), "priceModifier": .int(0), "priceModifierType": "ABSOLUTE"]
    apply(.addChoice(option: i, new, at: at), coalesceKey: session)
    options.choice = at
    startOptionEditing(.choiceText(option: i, choice: at), coalesceKey: session, placeholder: true)
    message = StatusMessage("Choice added: type its text, Enter keeps it")
    return []
  }

  mutating func deleteSelectedChoice() -> [Command] {
    guard let (i, _, choices, count, j) = choiceList(), count > 0 else { return [] }
    let text = choices[j]["text"]?.stringValue ?? "choice"
    apply(.removeChoice(option: i, choice: j))
    options.choice = max(0, min(j, count - 2))
    message = StatusMessage("Choice “\(text)” deleted (u undoes)")
    return []
  }

  /// J / K: the selected choice one place down or up.
  mutating func moveSelectedChoice(down: Bool) -> [Command] {
    guard let (i, _, choices, count, j) = choiceList() else { return [] }
    let target = down ? j + 1 : j - 1
    guard count > 0, target >= 0, target < count else {
      return moveRefused(count == 0 ? nil : down ? "It is the last choice" : "It is the first choice")
    }
    apply(.moveChoice(option: i, from: j, to: target))
    options.choice = target
    message = StatusMessage(moveMessage("Choice", choices[j]["text"]?.stringValue, down: down, to: target, of: count))
    return []
  }

  /// D in the choices: the option is duplicated and the option list has the focus again.
  mutating func duplicateOptionFromChoices() -> [Command] {
    guard let (i, _, _, _, _) = choiceList() else { return [] }
    apply(.duplicateOption(i))
    options.selected = i + 1
    options.focus = .options
    message = StatusMessage("Option duplicated")
    return []
  }

  /// Enter / e: the choice text; p: its price modifier.
  mutating func editSelectedChoice(priceModifier: Bool) -> [Command] {
    guard let (i, _, _, count, j) = choiceList(), count > 0 else { return [] }
    startOptionEditing(priceModifier ? .priceModifier(option: i, choice: j) : .choiceText(option: i, choice: j))
    return []
  }

  /// %: the price modifier between an amount and a percentage.
  mutating func togglePriceModifierType() -> [Command] {
    guard let (i, _, choices, count, j) = choiceList(), count > 0 else { return [] }
    let now = choices[j]["priceModifierType"]?.stringValue ?? "ABSOLUTE"
    let next = now == "PERCENT" ? "ABSOLUTE" : "PERCENT"
    apply(.set(choicePath(i, j) + [.key("priceModifierType")], .string(next)))
    message = StatusMessage("Price modifier is \(next == "PERCENT" ? "a percentage" : "an absolute amount") now")
    return []
  }

  /// *: the selected choice becomes the default (again: no default, unless the server has one).
  mutating func toggleDefaultChoice() -> [Command] {
    guard let (i, option, choices, count, j) = choiceList(), count > 0 else { return [] }
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
    let isPrice: Bool = { if case .priceModifier = target { return true } else { return false } }()
    let text = isPrice ? value?.numberValue?.text ?? value?.stringValue ?? "0" : value?.stringValue ?? ""
    let mirror = optionMirrorPath(target)
    options.editing = OptionEditing(
      target: target,
      edit: TextEdit(
        text, coalesceKey: coalesceKey ?? "options:\(path.text):\(documentVersion)",
        rule: isPrice ? .number(integer: false) : .text,
        placeholder: placeholder || (isPrice && value?.numberValue?.double == 0)),
      original: value, mirrorOriginal: mirror.flatMap { document.current.value(at: $0) })
  }

  private mutating func optionEditingKey(_ key: Key) -> [Command] {
    guard var editing = options.editing else { return [] }
    let outcome = editing.edit.handle(key)
    return optionEdited(editing, outcome)
  }

  mutating func optionsPaste(_ text: String) -> [Command] {
    guard var editing = options.editing else { return [] }
    let outcome = editing.edit.paste(text)
    return optionEdited(editing, outcome)
  }

  /// What an option name, choice text or price modifier does with its text component's outcome.
  private mutating func optionEdited(_ editing: OptionEditing, _ outcome: TextEdit.Outcome) -> [Command] {
    let wasInvalid = options.editing?.edit.problem != nil
    options.editing = editing
    switch outcome {
    case .committed, .refused:
      return commitOptionEditing()
    case .reverted:
      setIfChanged(optionEditingPath(editing.target), editing.original, coalesceKey: editing.edit.coalesceKey)
      if let mirror = optionMirrorPath(editing.target) {
        setIfChanged(mirror, editing.mirrorOriginal, coalesceKey: editing.edit.coalesceKey)
      }
      options.editing = nil
      message = StatusMessage("Edit cancelled")
    case .invalid(_, let problem):
      message = StatusMessage("Price modifier: \(problem)", .error)
    case .edited:
      if wasInvalid { message = nil }
      applyOptionEditing()
    case .moved, .ignored:
      break
    }
    return []
  }

  /// Applies the text typed so far (a price only when it is a number), so the journal has it.
  private mutating func applyOptionEditing(committing: Bool = false) {
    guard let editing = options.editing else { return }
    let path = optionEditingPath(editing.target)
    let text = editing.edit.text
    let value: JSON
    if editing.isPrice {
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      // Empty text is 0, but only when kept (not while the field is being retyped).
      guard let number = trimmed.isEmpty ? (committing ? .int(0) : nil) : FieldText.parseNumber(trimmed, integer: false)
      else { return }
      value = number
    } else {
      value = .string(text)
    }
    setIfChanged(path, value, coalesceKey: editing.edit.coalesceKey)
    if let mirror = optionMirrorPath(editing.target) { setIfChanged(mirror, value, coalesceKey: editing.edit.coalesceKey) }
  }

  private mutating func commitOptionEditing() -> [Command] {
    guard let editing = options.editing else { return [] }
    let text = editing.edit.text.trimmingCharacters(in: .whitespaces)
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
}

/// `Moved choice “M” down: 3 of 5` — what moved, which way, and where it is now.
func moveMessage(_ what: String, _ name: String?, down: Bool, to index: Int, of count: Int) -> String {
  let named = name.map { " “\($0)”" } ?? ""
  return "Moved \(what.lowercased())\(named) \(down ? "down" : "up"): \(index + 1) of \(count) (u undoes)"
}
