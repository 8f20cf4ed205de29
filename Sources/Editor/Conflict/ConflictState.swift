import EcwidAPI
import ProductDocument
import Terminal

/// The conflict screen: the product changed on the server since it was opened, and the fields
/// both sides changed wait for a decision (keep mine / take theirs) before the save goes on.
public struct ConflictState: Sendable {
  public var result: ConflictResult?
  public var choices: [Int: Bool] = [:]  // conflict index -> true = keep mine, false = take theirs
  public var selected = 0
  public init() {}
  /// The screen for a conflict check's result.
  init(result: ConflictResult) {
    self.result = result
  }
}

/// What the conflict screen handles.
public enum ConflictMsg: Sendable {
  case key(Key)
}
