import EcwidAPI
import Foundation
import ProductDocument
import Terminal

/// Typing in a cell of the grid (see `TextEdit`).
extension Model {
  // MARK: Editing a cell

  func translationValue(_ row: TranslationRow, language: String?) -> String? {
    guard let document else { return nil }
    guard let language else { return document.current.value(at: row.main)?.stringValue }
    return document.current.value(at: row.translated + [.key(language)])?.stringValue
  }

  /// Sets the main text (language nil) or one translation; nil removes it.
  mutating func setTranslation(_ row: TranslationRow, language: String?, value: String?, coalesceKey: String?) {
    if case .imageAlt(let index) = row.kind {
      apply(.setImageAlt(index: index, language: language, text: value), coalesceKey: coalesceKey)
      return
    }
    let path = language.map { row.translated + [.key($0)] } ?? row.main
    apply(.set(path, value.map(JSON.string)), coalesceKey: coalesceKey)
  }

  mutating func startTranslationEditing(row index: Int, rows: [TranslationRow], columns: [String]) -> [Command] {
    guard rows.indices.contains(index) else { return [] }
    let row = rows[index]
    let column = max(0, min(translations.column, columns.count - 1))
    let lang = columns[column]
    if column >= storeLanguageColumns.count {
      message = StatusMessage(
        "“\(lang)” is not a language of the store: it cannot be saved; x removes this translation", .error)
      return []
    }
    let language: String? = column == 0 ? nil : lang
    let value = translationValue(row, language: language)
    let path = language.map { row.translated + [.key($0)] } ?? row.main
    if row.kind == .long || (value ?? "").utf8.contains(0x0A) || (value ?? "").count > 200 {
      return [.externalEdit(path: path, text: value ?? "", suffix: row.kind == .long ? ".html" : ".txt")]
    }
    let mirror = language == nil && !lang.isEmpty ? translationValue(row, language: lang) : nil
    translations.editing = TranslationEditing(
      row: index, language: language,
      edit: TextEdit(value ?? "", coalesceKey: "translation:\(path.text):\(documentVersion)"), original: value,
      mirrorOriginal: mirror)
    return []
  }

  mutating func translationEditingKey(_ key: Key) -> [Command] {
    guard var editing = translations.editing else { return [] }
    let outcome = editing.edit.handle(key)
    return translationEdited(editing, outcome)
  }

  mutating func translationsPaste(_ text: String) -> [Command] {
    guard var editing = translations.editing else { return [] }
    let outcome = editing.edit.paste(text)
    return translationEdited(editing, outcome)
  }

  /// What a translation cell does with its text component's outcome.
  mutating func translationEdited(_ editing: TranslationEditing, _ outcome: TextEdit.Outcome) -> [Command] {
    translations.editing = editing
    switch outcome {
    case .committed, .refused:
      return commitTranslationEditing()
    case .reverted:
      let rows = translationData.rows
      if rows.indices.contains(editing.row) {
        let row = rows[editing.row]
        if translationValue(row, language: editing.language) != editing.original {
          setTranslation(row, language: editing.language, value: editing.original, coalesceKey: editing.edit.coalesceKey)
        }
        if editing.language == nil, let lang = languages.first, translationValue(row, language: lang) != editing.mirrorOriginal {
          setTranslation(row, language: lang, value: editing.mirrorOriginal, coalesceKey: editing.edit.coalesceKey)
        }
      }
      translations.editing = nil
      message = StatusMessage("Edit cancelled")
    case .edited, .invalid:
      applyTranslationEditing()
    case .moved, .ignored:
      break
    }
    return []
  }

  /// Applies the text typed so far (one undo step per editing session).
  mutating func applyTranslationEditing() {
    guard let editing = translations.editing else { return }
    let rows = translationData.rows
    guard rows.indices.contains(editing.row) else { return }
    let row = rows[editing.row]
    let text = editing.edit.text
    let value: String? = text.isEmpty && editing.original == nil ? nil : text
    if translationValue(row, language: editing.language) != value {
      setTranslation(row, language: editing.language, value: value, coalesceKey: editing.edit.coalesceKey)
    }
    // The default language's entry of the translations follows the main text when it is there.
    if editing.language == nil, editing.mirrorOriginal != nil, let lang = languages.first,
      translationValue(row, language: lang) != value
    {
      setTranslation(row, language: lang, value: value, coalesceKey: editing.edit.coalesceKey)
    }
  }

  mutating func commitTranslationEditing() -> [Command] {
    guard let editing = translations.editing else { return [] }
    applyTranslationEditing()
    translations.editing = nil
    let data = translationData
    let rows = data.rows
    // An option's name or a choice's text in the default language: its variations follow.
    if editing.language == nil, rows.indices.contains(editing.row), let old = editing.original, let product = document?.current {
      let follow = product.followRename(at: rows[editing.row].main, from: old, to: editing.edit.text)
      for edit in follow.edits { apply(edit, coalesceKey: editing.edit.coalesceKey) }
    }
    let label = rows.indices.contains(editing.row) ? rows[editing.row].label : "Text"
    let lang = editing.language ?? languages.first ?? "main"
    // Enter on an empty cell that was empty sets nothing, and says so.
    let nothing = editing.edit.text.isEmpty && (editing.original ?? "").isEmpty
    message = StatusMessage(nothing ? "Nothing typed: \(label) still has no \(lang) text" : "\(label) (\(lang)) set")
    guard let target = translations.translateLanguage, editing.language == target else { return [] }
    let next = nextMissingRow(from: editing.row, language: target)
    guard let next, next != editing.row else {
      message = StatusMessage(
        nothing
          ? "Skipped \(label); no other text misses a \(target) translation"
          : "\(label) (\(target)) set · every text has a \(target) translation now", nothing ? .info : .success)
      return []
    }
    let visible = visibleTranslationRows(total: rows.count)
    translations.selected = visible.firstIndex(of: next) ?? translations.selected
    translations.column = storeLanguageColumns.firstIndex(of: target) ?? translations.column
    let done = nothing ? "Skipped \(label)" : "\(label) (\(target)) set"
    // The next missing cell opens ready for typing (a long text waits for Enter: it opens $EDITOR).
    let value = translationValue(rows[next], language: target) ?? ""
    if rows[next].kind == .long || value.utf8.contains(0x0A) || value.count > 200 {
      message = StatusMessage("\(done) · next missing: \(rows[next].label) (Enter opens $EDITOR)")
      return []
    }
    let commands = startTranslationEditing(row: next, rows: rows, columns: translationColumns(extras: data.extras))
    message = StatusMessage("\(done) · now: \(rows[next].label)")
    return commands
  }
}
