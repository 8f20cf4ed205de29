import EcwidAPI
import ProductDocument
import Terminal

/// The one text-editing component: a `TextField` open on a value, with what every place that
/// edits text in place shares (form fields, alt texts, option names, choice texts and price
/// modifiers, translation cells). It turns keys and pastes into an `Outcome`; the place that
/// holds it only decides where the text goes (which path, the default-language mirror) and what
/// the status line says.
///
/// - cursor and word moves, Ctrl-U/K/W, Home/End: `TextField`
/// - a paste is text (line breaks become spaces in a one-line field)
/// - Esc (or Ctrl-C) asks to revert to the value before editing; Enter (or Tab) asks to commit
/// - every edit of one session carries the same `coalesceKey`: typing in a field is one undo step
/// - `rule`: a number field keeps what is typed, says why it is not a number yet, refuses Enter
/// - `placeholder`: the first typed character replaces a placeholder ("New option", "0")
/// - drawing clips to the display width and scrolls with the cursor (never half a wide character)
public struct TextEdit: Equatable, Sendable {
  /// What the text must be before Enter is taken.
  public enum Rule: Equatable, Sendable {
    case text
    /// A number (decimal comma accepted, see `NumberText`); empty text is allowed here (the
    /// place decides what empty means).
    case number(integer: Bool)
  }

  public enum Outcome: Equatable, Sendable {
    /// The text changed and passes the rule: the place applies it (so the journal has it).
    case edited(String)
    /// The text changed but breaks the rule: it is kept and shown with the reason, not applied.
    case invalid(String, problem: String)
    /// Enter: the place applies the text and closes the field (or refuses and keeps it open).
    case committed(String)
    /// Esc: the place puts the value from before editing back and closes the field.
    case reverted
    /// Enter on text that breaks the rule: the field stays open; the reason comes with it.
    case refused(String)
    /// The cursor moved; nothing to apply.
    case moved
    /// Not a key of a text field.
    case ignored
  }

  public var field: TextField
  /// The text the field opened with (Esc puts the value back; the place knows the value).
  public let originalText: String
  /// The undo step this editing session's changes belong to.
  public let coalesceKey: String
  public let rule: Rule
  /// The text is a placeholder: typing replaces it, deleting clears it, moving keeps it.
  public private(set) var placeholder: Bool
  /// Why the text typed so far breaks the rule (shown in the field and the status line), or nil.
  public private(set) var problem: String?

  public init(_ text: String, coalesceKey: String, rule: Rule = .text, placeholder: Bool = false) {
    field = TextField(text)
    originalText = text
    self.coalesceKey = coalesceKey
    self.rule = rule
    self.placeholder = placeholder
    problem = nil
  }

  public var text: String { field.text }

  /// The hint line while a field is open (the same in every place).
  static let hint = "Enter: keep · Esc: cancel · ←→ Home End Ctrl-←→: move · Ctrl-U/K: delete to start/end"

  /// Handles one key of a field being typed into.
  public mutating func handle(_ key: Key) -> Outcome {
    switch key {
    case .enter, .tab:
      if let problem { return .refused(problem) }
      return .committed(field.text)
    case .escape, .ctrl("c"):
      return .reverted
    default:
      break
    }
    if placeholder {
      switch key {
      case .char:
        field = TextField("")
      case .backspace, .delete, .ctrl("d"), .ctrl("w"), .ctrl("u"), .ctrl("k"), .alt("\u{7f}"):
        // Deleting a placeholder clears it whatever the cursor's place.
        placeholder = false
        field = TextField("")
        return changed()
      default:
        break
      }
      placeholder = false
    }
    switch field.handle(key) {
    case .edited: return changed()
    case .moved: return .moved
    case .ignored: return .ignored
    }
  }

  /// Inserts pasted text at the cursor (over a placeholder, instead of it).
  public mutating func paste(_ text: String) -> Outcome {
    if placeholder { field = TextField("") }
    placeholder = false
    field.insert(text)
    return changed()
  }

  private mutating func changed() -> Outcome {
    problem = check(field.text)
    if let problem { return .invalid(field.text, problem: problem) }
    return .edited(field.text)
  }

  private func check(_ text: String) -> String? {
    switch rule {
    case .text: return nil
    case .number(let integer): return FieldText.numberProblem(text, integer: integer)
    }
  }

  /// Draws the field (red while the text breaks the rule) and returns the cursor's column.
  func draw(into screen: inout Screen, x: Int, y: Int, width: Int, style: Style = Theme.input) -> Int {
    field.draw(into: &screen, x: x, y: y, width: width, style: problem == nil ? style : Theme.invalidInput)
  }
}

extension Model {
  /// A text field of the form is open (a field, an alt text, an option's text, a translation cell).
  var editingText: Bool {
    guard page == .form else { return false }
    switch section {
    case .media: return media.editing != nil
    case .options: return options.editing != nil
    case .translations: return translations.editing != nil
    default: return form.editing != nil
    }
  }
}
