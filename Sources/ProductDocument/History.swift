import EcwidAPI

extension JSON {
  /// How many JSON values this value is made of (itself and everything inside it): the size a
  /// stored copy stands for when nothing else shares it.
  var valueCount: Int {
    switch self {
    case .null, .bool, .number, .string: return 1
    case .array(let a): return a.reduce(1) { $0 + $1.valueCount }
    case .object(let o): return o.values.reduce(1) { $0 + $1.valueCount }
    }
  }
}
