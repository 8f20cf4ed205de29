import EcwidAPI
import Foundation
import ProductDocument
import Terminal

/// Typing an option name, a choice text or a price modifier (see `TextEdit`). Every keystroke's
/// text goes to the document as an edit with the session's coalesce key (one undo step).
extension OptionsState {
  func editingPath(_ target: OptionEditing.Target) -> FieldPath {
    switch target {
    case .optionName(let i): return optionPath(i) + [.key("name")]
    case .choiceText(let i, let j): return choicePath(i, j) + [.key("text")]
    case .priceModifier(let i, let j): return choicePath(i, j) + [.key("priceModifier")]
    }
  }

  /// The default language's entry of the name's translations, when it is there (kept in step).
  func mirrorPath(_ target: OptionEditing.Target, _ c: ScreenContext) -> FieldPath? {
    guard let lang = c.languages.first else { return nil }
    let path: FieldPath
    switch target {
    case .optionName(let i): path = optionPath(i) + [.key("nameTranslated"), .key(lang)]
    case .choiceText(let i, let j): path = choicePath(i, j) + [.key("textTranslated"), .key(lang)]
    case .priceModifier: return nil
    }
    return c.document?.current.value(at: path) != nil ? path : nil
  }

  /// Opens the field on the text the product has at the target now.
  mutating func startEditing(_ target: OptionEditing.Target, _ c: ScreenContext) {
    guard let document = c.document else { return }
    let mirror = mirrorPath(target, c).flatMap { document.current.value(at: $0) }
    startEditing(target, value: document.current.value(at: editingPath(target)), mirror: mirror, coalesceKey: nil, c)
  }

  /// Opens the field on `value` (an option or choice just added is not in the context yet).
  mutating func startEditing(
    _ target: OptionEditing.Target, value: JSON?, mirror: JSON?, coalesceKey: String?, placeholder: Bool = false,
    _ c: ScreenContext
  ) {
    let isPrice: Bool = { if case .priceModifier = target { return true } else { return false } }()
    let text = isPrice ? value?.numberValue?.text ?? value?.stringValue ?? "0" : value?.stringValue ?? ""
    editing = OptionEditing(
      target: target,
      edit: TextEdit(
        text, coalesceKey: coalesceKey ?? "options:\(editingPath(target).text):\(c.documentVersion)",
        rule: isPrice ? .number(integer: false) : .text,
        placeholder: placeholder || (isPrice && value?.numberValue?.double == 0)),
      original: value, mirrorOriginal: mirror)
  }

  /// What an option name, choice text or price modifier does with its text component's outcome.
  mutating func edited(
    _ session: OptionEditing, _ outcome: TextEdit.Outcome, _ c: ScreenContext, wasInvalid: Bool
  ) -> [Effect] {
    editing = session
    switch outcome {
    case .committed, .refused:
      return commit(c)
    case .reverted:
      editing = nil
      let key = session.edit.coalesceKey
      var effects = setIfChanged(editingPath(session.target), session.original, coalesceKey: key, c)
      if let mirror = mirrorPath(session.target, c) {
        effects += setIfChanged(mirror, session.mirrorOriginal, coalesceKey: key, c)
      }
      return effects + [.status(StatusMessage("Edit cancelled"))]
    case .invalid(_, let problem):
      return [.status(StatusMessage("Price modifier: \(problem)", .error))]
    case .edited:
      return (wasInvalid ? [.status(nil)] : []) + typed(session, c)
    case .moved, .ignored:
      return []
    }
  }

  /// The text typed so far (a price only when it is a number), as edits, so the journal has it.
  func typed(_ session: OptionEditing, committing: Bool = false, _ c: ScreenContext) -> [Effect] {
    let text = session.edit.text
    let value: JSON
    if session.isPrice {
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      // Empty text is 0, but only when kept (not while the field is being retyped).
      guard let number = trimmed.isEmpty ? (committing ? .int(0) : nil) : FieldText.parseNumber(trimmed, integer: false)
      else { return [] }
      value = number
    } else {
      value = .string(text)
    }
    let key = session.edit.coalesceKey
    var effects = setIfChanged(editingPath(session.target), value, coalesceKey: key, c)
    if let mirror = mirrorPath(session.target, c) { effects += setIfChanged(mirror, value, coalesceKey: key, c) }
    return effects
  }

  /// An edit setting `value` at `path`, unless the product has it already.
  func setIfChanged(_ path: FieldPath, _ value: JSON?, coalesceKey: String, _ c: ScreenContext) -> [Effect] {
    c.document?.current.value(at: path) == value ? [] : [.apply(.set(path, value), coalesceKey: coalesceKey)]
  }

  /// Enter: keeps the text when it is valid (the field stays open and says why when not).
  mutating func commit(_ c: ScreenContext) -> [Effect] {
    guard let session = editing else { return [] }
    let text = session.edit.text.trimmingCharacters(in: .whitespaces)
    switch session.target {
    case .priceModifier:
      if let problem = FieldText.numberProblem(text, integer: false) {
        return [.status(StatusMessage("The price modifier must be a number (5, -2.50, 0): \(problem)", .error))]
      }
      editing = nil
      return typed(session, committing: true, c) + [.status(StatusMessage("Price modifier set"))]
    case .optionName(let i):
      if text.isEmpty { return [.status(StatusMessage("An option needs a name", .error))] }
      let others = texts(at: [.key("options")], key: "name", except: i, c)
      if others.contains(session.edit.text) {
        return [.status(StatusMessage("Another option is already called “\(session.edit.text)”", .error))]
      }
      editing = nil
      let follow = renameInVariations(session, c)
      return typed(session, c) + follow.effects + [.status(StatusMessage("Option name set" + follow.words))]
    case .choiceText(let i, let j):
      if text.isEmpty { return [.status(StatusMessage("A choice needs a text", .error))] }
      let name = c.document?.current.value(at: optionPath(i) + [.key("name")])?.stringValue ?? ""
      if texts(at: optionPath(i) + [.key("choices")], key: "text", except: j, c).contains(session.edit.text) {
        return [.status(StatusMessage("“\(name)” already has a choice “\(session.edit.text)”", .error))]
      }
      editing = nil
      let follow = renameInVariations(session, c)
      return typed(session, c) + follow.effects + [.status(StatusMessage("Choice text set" + follow.words))]
    }
  }

  /// The texts under `key` of the elements of the list at `path`, but the one at `except`.
  private func texts(at path: FieldPath, key: String, except: Int, _ c: ScreenContext) -> [String] {
    let list = c.document?.current.value(at: path)?.arrayValue ?? []
    return list.indices.filter { $0 != except }.compactMap { list[$0][key]?.stringValue }
  }

  /// A renamed option or choice: the variations that named the old text follow, in the same undo
  /// step as the rename (the session's coalesce key). Done once the name is kept (not per
  /// keystroke: a name typed letter by letter may pass through another choice's text). Returns
  /// the edits and the words for the status line.
  private func renameInVariations(_ session: OptionEditing, _ c: ScreenContext) -> (effects: [Effect], words: String) {
    guard let old = session.original?.stringValue, let product = c.document?.current else { return ([], "") }
    let follow = product.followRename(at: editingPath(session.target), from: old, to: session.edit.text)
    let effects = follow.edits.map { Effect.apply($0, coalesceKey: session.edit.coalesceKey) }
    let count = follow.variations
    return (effects, count == 0 ? "" : "; \(count) variation\(count == 1 ? "" : "s") follow")
  }
}
