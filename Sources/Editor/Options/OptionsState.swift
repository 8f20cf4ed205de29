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
