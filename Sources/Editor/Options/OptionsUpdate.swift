import EcwidAPI
import Foundation
import ProductDocument
import Terminal

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
    let name = document?.current.value(at: optionPath(i) + [.key("name")])?.stringValue ?? ""
    // The variations that have this choice go with it (the review lists them).
    let gone = document?.current.combinationIndices(option: name, value: text).count ?? 0
    apply(.removeChoice(option: i, choice: j))
    options.choice = max(0, min(j, count - 2))
    let also = gone == 0 ? "" : " with the \(gone) variation\(gone == 1 ? "" : "s") that had it"
    message = StatusMessage("Choice “\(text)” deleted\(also) (u undoes)")
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

  mutating func moveRefused(_ why: String?) -> [Command] {
    if let why { message = StatusMessage(why + ": it cannot move further") }
    return []
  }

  mutating func optionsConfirmKey(_ key: Key, _ confirm: OptionsConfirm) -> [Command] {
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

  mutating func optionTypeKey(_ key: Key, highlighted: Int) -> [Command] {
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
}

/// `Moved choice “M” down: 3 of 5` — what moved, which way, and where it is now.
func moveMessage(_ what: String, _ name: String?, down: Bool, to index: Int, of count: Int) -> String {
  let named = name.map { " “\($0)”" } ?? ""
  return "Moved \(what.lowercased())\(named) \(down ? "down" : "up"): \(index + 1) of \(count) (u undoes)"
}
