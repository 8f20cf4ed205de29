import EcwidAPI
import ProductDocument
import Terminal

/// The scalar sections of the product form (General, Pricing & stock, Shipping & tax, SEO,
/// Attributes & related): which field is selected in each, the field being typed into and the
/// open choice popup. The values themselves are the document's (changed through effects), and
/// the server's errors at fields are the root's (the gallery shows them too).
public struct FormState: Equatable, Sendable {
  public var selected: [Section: Int] = [:]
  /// The field being edited, with the text as typed so far.
  public var editing: FieldEditing?
  /// An open enum picker: the field and the highlighted value.
  public var choosing: Choosing?
  public init() {}

  /// The sections this component draws, in the order a path is looked up in them.
  static let sections: [Section] = [.general, .pricing, .shipping, .seo, .attributes]
}

/// What the form handles: its keys, a paste, and what the root asks of it.
public enum FormMsg: Sendable {
  case key(Key)
  case paste(String)
  /// Keep the text typed so far, as Enter would (before the review, before going back to the
  /// list); a value that is not valid yet keeps the field open and says why.
  case commitPending
  /// Select the field that shows `path` and ask for its section (nothing when no scalar section
  /// shows it).
  case show(FieldPath)
}

public struct FieldEditing: Equatable, Sendable {
  public var spec: FieldSpec
  /// The text as typed so far (see `TextEdit`).
  public var edit: TextEdit
  /// The value before this edit (Esc puts it back).
  public var original: JSON?
  public var field: TextField { edit.field }
  /// Why the text typed so far is not a valid value (a number field), or nil.
  public var problem: String? { edit.problem }
}

public struct Choosing: Equatable, Sendable {
  public var spec: FieldSpec
  public var values: [String]
  public var highlighted: Int
}
