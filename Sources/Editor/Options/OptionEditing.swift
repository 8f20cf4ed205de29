import EcwidAPI
import Foundation
import ProductDocument
import Terminal

/// Typing an option name, a choice text or a price modifier (see `TextEdit`).
extension Model {
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

  mutating func optionEditingKey(_ key: Key) -> [Command] {
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
  mutating func optionEdited(_ editing: OptionEditing, _ outcome: TextEdit.Outcome) -> [Command] {
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
  mutating func applyOptionEditing(committing: Bool = false) {
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

  mutating func commitOptionEditing() -> [Command] {
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
