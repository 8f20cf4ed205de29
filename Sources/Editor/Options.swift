import EcwidAPI
import ProductDocument
import Terminal

public struct OptionsState: Equatable, Sendable {
  public var selected = 0
  public init() {}
  var isTyping: Bool { false }
}

enum OptionsHelp {
  static let entries: [(String, String)] = []
}

extension Model {
  var optionsHint: String { "" }
  mutating func optionsKey(_ key: Key) -> [Command]? { nil }
  mutating func optionsPaste(_ text: String) -> [Command] { [] }
  func drawOptions(into screen: inout Screen, top: Int, bottom: Int) -> (x: Int, y: Int)? { nil }
}
