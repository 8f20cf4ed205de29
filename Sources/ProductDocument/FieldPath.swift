import EcwidAPI

/// One step into a JSON value: an object key or an array index.
public enum PathComponent: Hashable, Sendable, CustomStringConvertible {
  case key(String)
  case index(Int)

  public var description: String {
    switch self {
    case .key(let k): return k
    case .index(let i): return "[\(i)]"
    }
  }
}

/// Where a value lives inside the product JSON.
public typealias FieldPath = [PathComponent]

extension Array where Element == PathComponent {
  /// `options[2].choices[0].text`.
  public var text: String {
    var out = ""
    for c in self {
      switch c {
      case .key(let k): out += out.isEmpty ? k : "." + k
      case .index(let i): out += "[\(i)]"
      }
    }
    return out
  }

  /// The first key, the product field the path belongs to.
  public var topLevelKey: String? {
    if case .key(let k)? = first { return k }
    return nil
  }
}

extension JSON {
  /// The value at `path`, or nil when any step is missing.
  public func value(at path: some Collection<PathComponent>) -> JSON? {
    var node = self
    for c in path {
      switch c {
      case .key(let k):
        guard case .object(let o) = node, let v = o[k] else { return nil }
        node = v
      case .index(let i):
        guard case .array(let a) = node, a.indices.contains(i) else { return nil }
        node = a[i]
      }
    }
    return node
  }

  /// Sets (or, with nil, removes) the value at `path`. Missing intermediate objects are created;
  /// an index equal to the array's count appends. Existing keys keep their place.
  public mutating func setValue(_ newValue: JSON?, at path: ArraySlice<PathComponent>) {
    guard let first = path.first else {
      self = newValue ?? .null
      return
    }
    let rest = path.dropFirst()
    switch first {
    case .key(let k):
      var object: JSONObject
      if case .object(let o) = self { object = o } else { object = [:] }
      self = .null  // keep `object` uniquely referenced
      object.setValue(newValue, forKey: k, rest: rest)
      self = .object(object)
    case .index(let i):
      guard case .array(var array) = self else { return }
      self = .null
      if rest.isEmpty {
        if let newValue {
          if array.indices.contains(i) { array[i] = newValue } else if i == array.count { array.append(newValue) }
        } else if array.indices.contains(i) {
          array.remove(at: i)
        }
      } else if array.indices.contains(i) {
        var child = array[i]
        array[i] = .null
        child.setValue(newValue, at: rest)
        array[i] = child
      }
      self = .array(array)
    }
  }
}

extension JSONObject {
  public func value(at path: FieldPath) -> JSON? {
    guard case .key(let k)? = path.first, let v = self[k] else { return nil }
    return v.value(at: path.dropFirst())
  }

  public mutating func setValue(_ newValue: JSON?, at path: FieldPath) {
    guard case .key(let k)? = path.first else { return }
    setValue(newValue, forKey: k, rest: path.dropFirst())
  }

  mutating func setValue(_ newValue: JSON?, forKey k: String, rest: ArraySlice<PathComponent>) {
    if rest.isEmpty {
      if let newValue { self[k] = newValue } else { removeValue(forKey: k) }
      return
    }
    if let i = index(forKey: k) {
      var child = values[i]
      values[i] = .null
      if case .index = rest.first, child.arrayValue == nil { child = .array([]) }
      child.setValue(newValue, at: rest)
      values[i] = child
    } else {
      guard newValue != nil else { return }
      var child: JSON = .null
      if case .index = rest.first { child = .array([]) } else { child = .object([:]) }
      child.setValue(newValue, at: rest)
      self[k] = child
    }
  }

  /// Inserts `key` after the nearest key that precedes it in `reference`, so that a key put back
  /// lands where the server had it.
  mutating func insert(_ value: JSON, forKey key: String, orderedLike reference: JSONObject) {
    if let i = index(forKey: key) {
      values[i] = value
      return
    }
    var position = 0
    if let refIndex = reference.index(forKey: key) {
      for j in stride(from: refIndex - 1, through: 0, by: -1) {
        if let here = index(forKey: reference.keys[j]) {
          position = here + 1
          break
        }
      }
    } else {
      position = count
    }
    updateValue(value, forKey: key, insertingAt: position)
  }
}

extension Product {
  public func value(at path: FieldPath) -> JSON? { json.value(at: path) }
  public mutating func setValue(_ v: JSON?, at path: FieldPath) { json.setValue(v, at: path) }
}
