import EcwidAPI
import ProductDocument

public struct FormState: Equatable, Sendable {
  public var selected: [Section: Int] = [:]
  public var scroll: [Section: Int] = [:]
  /// The field being edited, with the text as typed so far.
  public var editing: FieldEditing?
  /// An open enum picker: the field and the highlighted value.
  public var choosing: Choosing?
  /// Field errors from the server after a failed save, by path.
  public var serverErrors: [FieldPath: String] = [:]
  public init() {}
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
