import EcwidAPI
import Foundation

/// Ecwid's `responseFields`: `languages,settings(storeName),generalInfo` keeps only those fields;
/// `a(b,c)` keeps `b` and `c` of `a` (objects, or each object of an array).
enum ResponseFields {
  indirect enum Node {
    case all
    case some([String: Node])
  }

  static func parse(_ spec: String) -> [String: Node] {
    var i = spec.startIndex
    return parseList(spec, &i)
  }

  private static func parseList(_ s: String, _ i: inout String.Index) -> [String: Node] {
    var out: [String: Node] = [:]
    var name = ""
    func flush(_ node: Node) {
      let n = name.trimmingCharacters(in: .whitespaces)
      if !n.isEmpty { out[n] = node }
      name = ""
    }
    while i < s.endIndex {
      let c = s[i]
      i = s.index(after: i)
      switch c {
      case ",": flush(.all)
      case "(":
        let inner = parseList(s, &i)
        flush(.some(inner))
        // skip to the next comma
        while i < s.endIndex, s[i] != "," && s[i] != ")" { i = s.index(after: i) }
        if i < s.endIndex, s[i] == "," { i = s.index(after: i) }
      case ")":
        flush(.all)
        return out
      default: name.append(c)
      }
    }
    flush(.all)
    return out
  }

  static func filter(_ v: JSON, spec: String) -> JSON {
    let tree = parse(spec)
    return tree.isEmpty ? v : apply(v, tree)
  }

  private static func apply(_ v: JSON, _ tree: [String: Node]) -> JSON {
    switch v {
    case .object(let o):
      var out = JSONObject()
      for (k, value) in o {
        guard let node = tree[k] else { continue }
        switch node {
        case .all: out[k] = value
        case .some(let sub): out[k] = apply(value, sub)
        }
      }
      return .object(out)
    case .array(let a):
      return .array(a.map { apply($0, tree) })
    default:
      return v
    }
  }
}
