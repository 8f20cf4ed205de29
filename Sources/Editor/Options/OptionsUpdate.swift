import EcwidAPI
import Foundation
import ProductDocument
import Terminal

extension OptionsState: PromptingComponent {
  /// The option list's table, or the choice list's while the choices have the focus.
  var keys: KeyTable<OptionsState> { focus == .choices ? ChoiceKeys.table : OptionKeys.table }

  public mutating func update(_ message: OptionsMsg, _ context: ScreenContext) -> [Effect] {
    switch message {
    case .key(let key): return handle(key, context) ?? []
    case .paste(let text): return paste(text, context)
    }
  }

  /// True while a question or the type list waits for its answer.
  var isAsking: Bool { choosingType != nil || confirming != nil }

  /// The hint line of a field or popup (nil: the key table's hints).
  var hint: String? {
    if choosingType != nil { return "↑↓: type · Enter: set · Esc: cancel" }
    return nil
  }

  /// Keys of a field being typed into, the type list or a question; nil when none is open (the
  /// option list's or the choice list's key table has the key then).
  mutating func modalKey(_ key: Key, _ c: ScreenContext) -> [Effect]? {
    guard c.document != nil else { return nil }
    if let effects = changeOpenText(c, { $0.handle(key) }) { return effects }
    if let highlighted = choosingType { return typeKey(key, highlighted: highlighted, c) }
    if let confirm = confirming { return confirmKey(key, confirm, c) }
    clampSelection(c)
    return nil
  }

  /// A paste goes into the name, text or price being typed.
  mutating func paste(_ text: String, _ c: ScreenContext) -> [Effect] {
    changeOpenText(c) { $0.paste(text) } ?? []
  }

  /// Changes the name, text or price being typed; nil when none is. It is taken out of the state
  /// while it changes, so its text is not shared and is changed in place, not copied.
  mutating func changeOpenText(_ c: ScreenContext, _ change: (inout TextEdit) -> TextEdit.Outcome) -> [Effect]? {
    guard var editing else { return nil }
    let wasInvalid = editing.edit.problem != nil
    self.editing = nil
    let outcome = change(&editing.edit)
    return edited(editing, outcome, c, wasInvalid: wasInvalid)
  }

  mutating func clampSelection(_ c: ScreenContext) {
    let count = c.optionValues.count
    selected = max(0, min(selected, count - 1))
    let choices = c.choiceValues(selected).count
    choice = max(0, min(choice, choices - 1))
    if count == 0 { focus = .options }
  }

  /// The option list as its keys see it (nil without a product): every option and the index of
  /// the selected one.
  mutating func optionList(_ c: ScreenContext) -> (all: [JSON], count: Int, i: Int)? {
    guard c.document != nil else { return nil }
    clampSelection(c)
    let all = c.optionValues
    return (all, all.count, selected)
  }

  /// Moves the option selection by `rows`, or to the first (0) or last (-1) option.
  mutating func selectOption(by rows: Int = 0, to place: Int? = nil, _ c: ScreenContext) -> [Effect] {
    guard let list = optionList(c) else { return [] }
    let last = max(0, list.count - 1)
    selected = place.map { $0 < 0 ? last : 0 } ?? max(0, min(last, list.i + rows))
    choice = 0
    return []
  }

  /// →: into the selected option's choices (types without choices say so).
  mutating func enterChoices(_ c: ScreenContext) -> [Effect] {
    guard let (all, count, i) = optionList(c), count > 0 else { return [] }
    guard optionType(all[i]).hasChoices else {
      return [.status(StatusMessage("A \(optionType(all[i]).rawValue) option has no choices", .warning))]
    }
    focus = .choices
    return []
  }

  /// a: a new option after the selected one, its name open for typing.
  mutating func addOption(_ c: ScreenContext) -> [Effect] {
    guard let (_, count, i) = optionList(c) else { return [] }
    let name = c.document?.current.uniqueOptionName("New option") ?? "New option"
    let at = count == 0 ? 0 : i + 1
    let session = "option-add:\(c.documentVersion)"
    let new: JSONObject = ["type": "SELECT", "name": .string(name), "required": false, "choices": .array([])]
    selected = at
    choice = 0
    // The new option has no translations yet: nothing to mirror.
    startEditing(.optionName(at), value: .string(name), mirror: nil, coalesceKey: session, placeholder: true, c)
    return [
      .apply(.addOption(new, at: at), coalesceKey: session),
      .status(StatusMessage("Option added: type its name, Enter keeps it")),
    ]
  }

  mutating func askToDeleteOption(_ c: ScreenContext) -> [Effect] {
    guard let (_, count, i) = optionList(c), count > 0 else { return [] }
    confirming = .deleteOption(i)
    return []
  }

  /// J / K: the selected option one place down or up.
  mutating func moveSelectedOption(down: Bool, _ c: ScreenContext) -> [Effect] {
    guard let (all, count, i) = optionList(c) else { return [] }
    let target = down ? i + 1 : i - 1
    guard count > 0, target >= 0, target < count else {
      return moveRefused(count == 0 ? nil : down ? "It is the last option" : "It is the first option")
    }
    selected = target
    return [
      .apply(.moveOption(from: i, to: target)),
      .status(StatusMessage(moveMessage("Option", all[i]["name"]?.stringValue, down: down, to: target, of: count))),
    ]
  }

  /// The name `Edit.duplicateOption` gives the copy of the option at `i`.
  func duplicateName(_ i: Int, _ c: ScreenContext) -> String {
    guard let name = c.optionValues[i]["name"]?.stringValue else { return "" }
    return c.document?.current.uniqueOptionName(name + " copy") ?? name
  }

  mutating func duplicateSelectedOption(_ c: ScreenContext) -> [Effect] {
    guard let (_, count, i) = optionList(c), count > 0 else { return [] }
    selected = i + 1
    return [.apply(.duplicateOption(i)), .status(StatusMessage("Duplicated as “\(duplicateName(i, c))”"))]
  }

  mutating func editOptionName(_ c: ScreenContext) -> [Effect] {
    guard let (_, count, i) = optionList(c), count > 0 else { return [] }
    startEditing(.optionName(i), c)
    return []
  }

  /// t: the type list, on the option's type.
  mutating func chooseOptionType(_ c: ScreenContext) -> [Effect] {
    guard let (all, count, i) = optionList(c), count > 0 else { return [] }
    let types = optionTypeChoices(for: all[i])
    let current = all[i]["type"]?.stringValue ?? "SELECT"
    choosingType = types.firstIndex(of: current) ?? 0
    return []
  }

  mutating func toggleOptionRequired(_ c: ScreenContext) -> [Effect] {
    guard let (all, count, i) = optionList(c), count > 0 else { return [] }
    let now = all[i]["required"]?.boolValue ?? false
    return [
      .apply(.set(optionPath(i) + [.key("required")], .bool(!now))),
      .status(StatusMessage("“\(all[i]["name"]?.stringValue ?? "Option")” is \(now ? "optional" : "required") now")),
    ]
  }

  /// The choice list as its keys see it (nil unless it has the focus): the option's index, the
  /// option, its choices and the index of the selected choice.
  mutating func choiceList(_ c: ScreenContext) -> (i: Int, option: JSON, choices: [JSON], count: Int, j: Int)? {
    guard c.document != nil else { return nil }
    clampSelection(c)
    guard focus == .choices else { return nil }
    let i = selected
    let choices = c.choiceValues(i)
    return (i, c.optionValues[i], choices, choices.count, choice)
  }

  /// Moves the choice selection by `rows`, or to the first (0) or last (-1) choice.
  mutating func selectChoice(by rows: Int = 0, to place: Int? = nil, _ c: ScreenContext) -> [Effect] {
    guard let list = choiceList(c) else { return [] }
    let last = max(0, list.count - 1)
    choice = place.map { $0 < 0 ? last : 0 } ?? max(0, min(last, list.j + rows))
    return []
  }

  /// a: a new choice after the selected one, its text open for typing.
  mutating func addChoice(_ c: ScreenContext) -> [Effect] {
    guard let (i, _, _, count, j) = choiceList(c) else { return [] }
    let at = count == 0 ? 0 : j + 1
    let session = "choice-add:\(i):\(c.documentVersion)"
    let new: JSONObject = ["text": .string("New choice"), "priceModifier": .int(0), "priceModifierType": "ABSOLUTE"]
    choice = at
    // The new choice has no translations yet: nothing to mirror.
    startEditing(
      .choiceText(option: i, choice: at), value: .string("New choice"), mirror: nil, coalesceKey: session, placeholder: true, c)
    return [
      .apply(.addChoice(option: i, new, at: at), coalesceKey: session),
      .status(StatusMessage("Choice added: type its text, Enter keeps it")),
    ]
  }

  mutating func deleteSelectedChoice(_ c: ScreenContext) -> [Effect] {
    guard let (i, _, choices, count, j) = choiceList(c), count > 0 else { return [] }
    let text = choices[j]["text"]?.stringValue ?? "choice"
    let name = c.document?.current.value(at: optionPath(i) + [.key("name")])?.stringValue ?? ""
    // The variations that have this choice go with it (the review lists them).
    let gone = c.document?.current.combinationIndices(option: name, value: text).count ?? 0
    choice = max(0, min(j, count - 2))
    let also = gone == 0 ? "" : " with the \(gone) variation\(gone == 1 ? "" : "s") that had it"
    return [.apply(.removeChoice(option: i, choice: j)), .status(StatusMessage("Choice “\(text)” deleted\(also) (u undoes)"))]
  }

  /// J / K: the selected choice one place down or up.
  mutating func moveSelectedChoice(down: Bool, _ c: ScreenContext) -> [Effect] {
    guard let (i, _, choices, count, j) = choiceList(c) else { return [] }
    let target = down ? j + 1 : j - 1
    guard count > 0, target >= 0, target < count else {
      return moveRefused(count == 0 ? nil : down ? "It is the last choice" : "It is the first choice")
    }
    choice = target
    return [
      .apply(.moveChoice(option: i, from: j, to: target)),
      .status(StatusMessage(moveMessage("Choice", choices[j]["text"]?.stringValue, down: down, to: target, of: count))),
    ]
  }

  /// D in the choices: the option is duplicated and the option list has the focus again.
  mutating func duplicateOptionFromChoices(_ c: ScreenContext) -> [Effect] {
    guard let (i, _, _, _, _) = choiceList(c) else { return [] }
    selected = i + 1
    focus = .options
    return [.apply(.duplicateOption(i)), .status(StatusMessage("Option duplicated"))]
  }

  /// Enter / e: the choice text; p: its price modifier.
  mutating func editSelectedChoice(priceModifier: Bool, _ c: ScreenContext) -> [Effect] {
    guard let (i, _, _, count, j) = choiceList(c), count > 0 else { return [] }
    startEditing(priceModifier ? .priceModifier(option: i, choice: j) : .choiceText(option: i, choice: j), c)
    return []
  }

  /// %: the price modifier between an amount and a percentage.
  mutating func togglePriceModifierType(_ c: ScreenContext) -> [Effect] {
    guard let (i, _, choices, count, j) = choiceList(c), count > 0 else { return [] }
    let now = choices[j]["priceModifierType"]?.stringValue ?? "ABSOLUTE"
    let next = now == "PERCENT" ? "ABSOLUTE" : "PERCENT"
    return [
      .apply(.set(choicePath(i, j) + [.key("priceModifierType")], .string(next))),
      .status(StatusMessage("Price modifier is \(next == "PERCENT" ? "a percentage" : "an absolute amount") now")),
    ]
  }

  /// *: the selected choice becomes the default (again: no default, unless the server has one).
  mutating func toggleDefaultChoice(_ c: ScreenContext) -> [Effect] {
    guard let (i, option, choices, count, j) = choiceList(c), count > 0 else { return [] }
    let type = optionType(option)
    guard type.hasDefaultChoice else {
      return [
        .status(StatusMessage("A \(type.rawValue) option has no default choice (SELECT, RADIO and SIZE have)", .warning))
      ]
    }
    let text = choices[j]["text"]?.stringValue ?? "choice"
    if option["defaultChoice"]?.intValue == j {
      // The API keeps a default choice when null is sent or the key is left out: a default
      // that is on the server cannot be cleared, only moved to another choice.
      guard !c.defaultChoiceIsOnServer(option) else {
        return [
          .status(
            StatusMessage(
              "“\(text)” stays the default: Ecwid's API cannot clear a default choice; * on another choice makes that one the default",
              .warning))
        ]
      }
      return [
        .apply(.set(optionPath(i) + [.key("defaultChoice")], nil)),
        .status(StatusMessage("“\(text)” is no longer the default")),
      ]
    }
    return [
      .apply(.set(optionPath(i) + [.key("defaultChoice")], .int(j))), .status(StatusMessage("“\(text)” is the default choice")),
    ]
  }

  func moveRefused(_ why: String?) -> [Effect] {
    guard let why else { return [] }
    return [.status(StatusMessage(why + ": it cannot move further"))]
  }

  mutating func confirmKey(_ key: Key, _ confirm: OptionsConfirm, _ c: ScreenContext) -> [Effect] {
    confirming = nil
    guard key == .char("y") || key == .char("Y") else { return [.status(StatusMessage("Kept"))] }
    let all = c.optionValues
    switch confirm {
    case .deleteOption(let i):
      let name = all.indices.contains(i) ? all[i]["name"]?.stringValue ?? "option" : "option"
      let left = all.indices.contains(i) ? all.count - 1 : all.count
      selected = max(0, min(i, left - 1))
      choice = 0
      focus = .options
      return [.apply(.removeOption(i)), .status(StatusMessage("Option “\(name)” deleted (u undoes)"))]
    case .changeType(let i, let type, let n):
      focus = .options
      return [
        .apply(.setOptionType(option: i, type: type)),
        .status(StatusMessage("Type is \(type); \(n) choice\(n == 1 ? "" : "s") removed (u undoes)")),
      ]
    }
  }

  mutating func typeKey(_ key: Key, highlighted: Int, _ c: ScreenContext) -> [Effect] {
    let i = selected
    let all = c.optionValues
    guard all.indices.contains(i) else {
      choosingType = nil
      return []
    }
    let option = all[i]
    let types = optionTypeChoices(for: option)
    switch key {
    case .down, .char("j"): choosingType = min(types.count - 1, highlighted + 1)
    case .up, .char("k"): choosingType = max(0, highlighted - 1)
    case .escape, .char("q"): choosingType = nil
    case .enter, .char(" "):
      choosingType = nil
      let type = types[highlighted]
      guard type != (option["type"]?.stringValue ?? "SELECT") else { return [] }
      let choices = option["choices"]?.arrayValue?.count ?? 0
      if !OptionType(rawValue: type).hasChoices && choices > 0 {
        confirming = .changeType(option: i, type: type, choices: choices)
        return []
      }
      return [.apply(.setOptionType(option: i, type: type)), .status(StatusMessage("Type is \(type)"))]
    default: break
    }
    return []
  }
}
