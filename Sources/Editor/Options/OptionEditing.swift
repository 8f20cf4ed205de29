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
    case .optionName(let i):
      if text.isEmpty {
        message = StatusMessage("An option needs a name", .error)
        return []
      }
      let others = optionTexts(at: [.key("options")], key: "name", except: i)
      if others.contains(editing.edit.text) {
        message = StatusMessage("Another option is already called “\(editing.edit.text)”", .error)
        return []
      }
      applyOptionEditing()
      options.editing = nil
      message = StatusMessage("Option name set" + renameInVariations(editing, option: nil))
    case .choiceText(let i, let j):
      if text.isEmpty {
        message = StatusMessage("A choice needs a text", .error)
        return []
      }
      let name = document?.current.value(at: optionPath(i) + [.key("name")])?.stringValue ?? ""
      if optionTexts(at: optionPath(i) + [.key("choices")], key: "text", except: j).contains(editing.edit.text) {
        message = StatusMessage("“\(name)” already has a choice “\(editing.edit.text)”", .error)
        return []
      }
      applyOptionEditing()
      options.editing = nil
      message = StatusMessage("Choice text set" + renameInVariations(editing, option: name))
    }
    return []
  }

  /// The texts under `key` of the elements of the list at `path`, but the one at `except`.
  private func optionTexts(at path: FieldPath, key: String, except: Int) -> [String] {
    let list = document?.current.value(at: path)?.arrayValue ?? []
    return list.indices.filter { $0 != except }.compactMap { list[$0][key]?.stringValue }
  }

  /// A renamed option or choice: the variations that named the old text follow, in the same undo
  /// step as the rename. Done once the name is kept (not per keystroke: a name typed letter by
  /// letter may pass through another choice's text). Returns the words for the status line.
  private mutating func renameInVariations(_ editing: OptionEditing, option: String?) -> String {
    guard let old = editing.original?.stringValue else { return "" }
    let count = followRename(
      at: optionEditingPath(editing.target), from: old, to: editing.edit.text, coalesceKey: editing.edit.coalesceKey)
    return count == 0 ? "" : "; \(count) variation\(count == 1 ? "" : "s") follow"
  }

  /// After the text at `path` (an option's name or a choice's text) went from `old` to `new`, the
  /// variations that named `old` are renamed too (`Product.followRename`). Returns how many.
  mutating func followRename(at path: FieldPath, from old: String, to new: String, coalesceKey: String?) -> Int {
    guard let document else { return 0 }
    let follow = document.current.followRename(at: path, from: old, to: new)
    for edit in follow.edits { apply(edit, coalesceKey: coalesceKey) }
    return follow.variations
  }
}
