import EcwidAPI
import Foundation
import ProductDocument
import Terminal

/// The Translations section: one row per translatable text, one column per store language.
public struct TranslationsState: Equatable, Sendable {
  /// Position of the selected row in the visible (possibly filtered) rows.
  public var selected = 0
  /// Selected column: the store's languages (default first), then languages the store does not have.
  public var column = 0
  /// First language column shown (the label column always stays).
  public var columnScroll = 0
  /// Only rows that miss a translation (in the translate-mode language when there is one).
  public var filterMissing = false
  /// Translate mode: Enter edits, and after Enter the cursor goes to the next row missing this language.
  public var translateLanguage: String?
  public var editing: TranslationEditing?
  /// The language picker of translate mode: the highlighted entry.
  public var choosingLanguage: Int?
  /// The rows, derived from the document when its version changes (see `refresh`).
  var table = TranslationTable()
  public init() {}
  var isTyping: Bool { editing != nil }
}

/// What the grid handles: its keys and a paste (into the cell being typed into).
public enum TranslationsMsg: Sendable {
  case key(Key)
  case paste(String)
}

public struct TranslationEditing: Equatable, Sendable {
  /// Index into all rows (not the filtered ones).
  public var row: Int
  /// nil = the main (default language) value.
  public var language: String?
  /// The text as typed so far (see `TextEdit`).
  public var edit: TextEdit
  /// The text before this edit, and the default language's translation of a main text (Esc puts
  /// both back).
  public var original: String?
  public var mirrorOriginal: String?
  /// The row's text (its paths), so typing needs no rows of the grid.
  var text: TranslationRow
  public var field: TextField { edit.field }
}
