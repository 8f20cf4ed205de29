import EcwidAPI
import Foundation
import ProductDocument
import Terminal

/// Typing in a cell of the grid (see `TextEdit`): the session is the grid's; every write of the
/// document goes back as `.apply` with the session's coalesce key (one undo step per session).
extension TranslationsState {
  /// Sets the main text (language nil) or one translation; nil removes it.
  static func set(_ row: TranslationRow, language: String?, value: String?, coalesceKey: String?) -> Effect {
    if case .imageAlt(let index) = row.kind {
      return .apply(.setImageAlt(index: index, language: language, text: value), coalesceKey: coalesceKey)
    }
    let path = language.map { row.translated + [.key($0)] } ?? row.main
    return .apply(.set(path, value.map(JSON.string)), coalesceKey: coalesceKey)
  }

  mutating func startEditing(row index: Int, rows: [TranslationRow], columns: [String], _ c: ScreenContext) -> [Effect] {
    guard rows.indices.contains(index) else { return [] }
    let row = rows[index]
    let column = max(0, min(self.column, columns.count - 1))
    let lang = columns[column]
    if column >= c.storeLanguageColumns.count {
      return [
        .status(
          StatusMessage(
            "“\(lang)” is not a language of the store: it cannot be saved; x removes this translation", .error))
      ]
    }
    let language: String? = column == 0 ? nil : lang
    let value = c.translationValue(row, language: language)
    let path = language.map { row.translated + [.key($0)] } ?? row.main
    if row.kind == .long || (value ?? "").utf8.contains(0x0A) || (value ?? "").count > 200 {
      return [.run(.externalEdit(path: path, text: value ?? "", suffix: row.kind == .long ? ".html" : ".txt"))]
    }
    let mirror = language == nil && !lang.isEmpty ? c.translationValue(row, language: lang) : nil
    editing = TranslationEditing(
      row: index, language: language,
      edit: TextEdit(value ?? "", coalesceKey: "translation:\(path.text):\(c.documentVersion)"), original: value,
      mirrorOriginal: mirror, text: row)
    return []
  }

  /// What a cell does with its text component's outcome.
  mutating func edited(_ session: TranslationEditing, _ outcome: TextEdit.Outcome, _ c: ScreenContext) -> [Effect] {
    editing = session
    switch outcome {
    case .committed, .refused:
      return commit(c)
    case .reverted:
      editing = nil
      let row = session.text
      let key = session.edit.coalesceKey
      var effects: [Effect] = []
      if c.translationValue(row, language: session.language) != session.original {
        effects.append(Self.set(row, language: session.language, value: session.original, coalesceKey: key))
      }
      if session.language == nil, let lang = c.languages.first,
        c.translationValue(row, language: lang) != session.mirrorOriginal
      {
        effects.append(Self.set(row, language: lang, value: session.mirrorOriginal, coalesceKey: key))
      }
      return effects + [.status(StatusMessage("Edit cancelled"))]
    case .edited, .invalid:
      return typed(session, c)
    case .moved, .ignored:
      return []
    }
  }

  /// The text typed so far, as edits of the document (one undo step per editing session).
  func typed(_ session: TranslationEditing, _ c: ScreenContext) -> [Effect] {
    let row = session.text
    let text = session.edit.text
    let value: String? = text.isEmpty && session.original == nil ? nil : text
    var effects: [Effect] = []
    if c.translationValue(row, language: session.language) != value {
      effects.append(Self.set(row, language: session.language, value: value, coalesceKey: session.edit.coalesceKey))
    }
    // The default language's entry of the translations follows the main text when it is there.
    if session.language == nil, session.mirrorOriginal != nil, let lang = c.languages.first,
      c.translationValue(row, language: lang) != value
    {
      effects.append(Self.set(row, language: lang, value: value, coalesceKey: session.edit.coalesceKey))
    }
    return effects
  }

  /// Enter: the text is kept; in translate mode the next cell missing the language opens.
  mutating func commit(_ c: ScreenContext) -> [Effect] {
    guard let session = editing else { return [] }
    var effects = typed(session, c)
    editing = nil
    let text = session.edit.text
    // An option's name or a choice's text in the default language: its variations follow.
    if session.language == nil, let old = session.original, let product = c.document?.current {
      effects += product.followRename(at: session.text.main, from: old, to: text).edits.map {
        .apply($0, coalesceKey: session.edit.coalesceKey)
      }
    }
    let label =
      session.language == nil
      ? Self.label(of: session.text, mainText: text.isEmpty && session.original == nil ? nil : text) : session.text.label
    let lang = session.language ?? c.languages.first ?? "main"
    // Enter on an empty cell that was empty sets nothing, and says so.
    let nothing = text.isEmpty && (session.original ?? "").isEmpty
    let said = StatusMessage(nothing ? "Nothing typed: \(label) still has no \(lang) text" : "\(label) (\(lang)) set")
    guard let target = translateLanguage, session.language == target else { return effects + [.status(said)] }
    refresh(c)
    let rows = table.rows
    // The rows missing the language once this cell's text is in (the root applies it after this).
    var missing = missing(target, c).filter { $0 != session.row }
    if rows.indices.contains(session.row), text.isEmpty, !session.text.readOnly,
      !(c.translationValue(session.text, language: nil) ?? "").isEmpty
    {
      missing.append(session.row)
      missing.sort()
    }
    guard let next = Self.nextMissingRow(from: session.row, in: missing), next != session.row else {
      return effects + [
        .status(
          StatusMessage(
            nothing
              ? "Skipped \(label); no other text misses a \(target) translation"
              : "\(label) (\(target)) set · every text has a \(target) translation now", nothing ? .info : .success))
      ]
    }
    // The filter shows the rows missing the translate-mode language: the same list.
    let visible = filterMissing ? missing : Array(rows.indices)
    selected = visible.firstIndex(of: next) ?? selected
    column = c.storeLanguageColumns.firstIndex(of: target) ?? column
    let done = nothing ? "Skipped \(label)" : "\(label) (\(target)) set"
    // The next missing cell opens ready for typing (a long text waits for Enter: it opens $EDITOR).
    let value = c.translationValue(rows[next], language: target) ?? ""
    if rows[next].kind == .long || value.utf8.contains(0x0A) || value.count > 200 {
      return effects + [.status(StatusMessage("\(done) · next missing: \(rows[next].label) (Enter opens $EDITOR)"))]
    }
    effects += startEditing(row: next, rows: rows, columns: c.translationColumns(extras: table.extras), c)
    return effects + [.status(StatusMessage("\(done) · now: \(rows[next].label)"))]
  }

  /// The row's label once its main text is `value`: an option's and a choice's label name it
  /// (as `Product.translatableTexts` does).
  static func label(of row: TranslationRow, mainText value: String?) -> String {
    let path = row.main
    guard path.count >= 3, path[0] == .key("options"), case .index(let i) = path[1] else { return row.label }
    if path.count == 3, path[2] == .key("name") { return "Option “\(value ?? "#\(i + 1)")”" }
    if path.count == 5, case .index(let j) = path[3], let cut = row.label.range(of: " › choice “", options: .backwards) {
      return String(row.label[..<cut.upperBound]) + (value ?? "#\(j + 1)") + "”"
    }
    return row.label
  }
}
