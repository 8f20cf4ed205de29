import EcwidAPI
import Foundation
import ProductDocument
import Terminal

/// The option types the picker offers (an unknown type is kept and offered as it came).
let knownOptionTypes = OptionType.known.map(\.rawValue)

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

/// What the Options section handles: its keys and a paste (into the text being typed).
public enum OptionsMsg: Sendable {
  case key(Key)
  case paste(String)
}

/// What the Options section reads of the product (from the read-only context).
extension ScreenContext {
  var optionValues: [JSON] { document?.current.json["options"]?.arrayValue ?? [] }

  func choiceValues(_ option: Int) -> [JSON] {
    let options = optionValues
    guard options.indices.contains(option) else { return [] }
    return options[option]["choices"]?.arrayValue ?? []
  }

  /// How many of the store's other languages have a non-empty entry in `map`.
  func translatedCount(_ map: JSON?) -> Int {
    guard let object = map?.objectValue else { return 0 }
    return translationLanguages.filter { !(object[$0]?.stringValue ?? "").isEmpty }.count
  }

  /// True when the fetched product has a default choice for this option (matched by name).
  func defaultChoiceIsOnServer(_ option: JSON) -> Bool {
    guard let document, let name = option["name"]?.stringValue else { return false }
    let fetched = document.base.json["options"]?.arrayValue ?? []
    return fetched.contains { $0["name"]?.stringValue == name && $0["defaultChoice"] != nil && $0["defaultChoice"] != .null }
  }
}

extension OptionsState {
  func optionPath(_ i: Int) -> FieldPath { [.key("options"), .index(i)] }
  func choicePath(_ i: Int, _ j: Int) -> FieldPath { [.key("options"), .index(i), .key("choices"), .index(j)] }

  func optionType(_ option: JSON) -> OptionType { OptionType(rawValue: option["type"]?.stringValue ?? "SELECT") }

  /// The picker's entries: the known types, and the option's unknown type (kept as it came).
  func optionTypeChoices(for option: JSON) -> [String] {
    var all = knownOptionTypes
    if let current = option["type"]?.stringValue, !all.contains(current) { all.insert(current, at: 0) }
    return all
  }
}

/// `Moved choice “M” down: 3 of 5` — what moved, which way, and where it is now.
func moveMessage(_ what: String, _ name: String?, down: Bool, to index: Int, of count: Int) -> String {
  let named = name.map { " “\($0)”" } ?? ""
  return "Moved \(what.lowercased())\(named) \(down ? "down" : "up"): \(index + 1) of \(count) (u undoes)"
}
