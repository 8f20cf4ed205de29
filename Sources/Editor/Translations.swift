import EcwidAPI
import ProductDocument
import Terminal

public struct TranslationsState: Equatable, Sendable {
  public var selected = 0
  public init() {}
  var isTyping: Bool { false }
}

enum TranslationsHelp {
  static let entries: [(String, String)] = []
}

extension Model {
  var translationsHint: String { "" }
  mutating func translationsKey(_ key: Key) -> [Command]? { nil }
  mutating func translationsPaste(_ text: String) -> [Command] { [] }
  func drawTranslations(into screen: inout Screen, top: Int, bottom: Int) -> (x: Int, y: Int)? { nil }
}
