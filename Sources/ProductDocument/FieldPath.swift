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

  /// Writes (or, with nil, removes) the value at `path`, or refuses: a write is total, it lands
  /// exactly where the path says or changes nothing and says why. Missing (or `null`)
  /// intermediate containers are created with the shape the next step asks for (an object for a
  /// key, an array for index 0); an index equal to the array's count appends. Refused: a key into
  /// an array or a scalar, an index into an object or a scalar, a negative index, an index past
  /// the end. Removing what is not there is a no-op. Existing keys keep their place.
  public mutating func write(_ newValue: JSON?, at path: some Collection<PathComponent>) throws(FieldPathError) {
    let steps = Array(path)
    switch Self.writeCheck(self, newValue == nil, steps[...], done: []) {
    case .refused(let error): throw error
    case .nothingToRemove: return
    case .writable: setChecked(newValue, at: steps[...])
    }
  }

  /// `write`, returning the refusal instead of throwing it (the value is unchanged then).
  @discardableResult
  public mutating func setValue(_ newValue: JSON?, at path: ArraySlice<PathComponent>) -> FieldPathError? {
    do throws(FieldPathError) {
      try write(newValue, at: path)
      return nil
    } catch {
      return error
    }
  }

  enum WriteCheck {
    case writable
    case nothingToRemove
    case refused(FieldPathError)
  }

  /// Whether a write at `path` (below `done`, starting at the value `start`) can land.
  static func writeCheck(_ start: JSON?, _ removing: Bool, _ path: ArraySlice<PathComponent>, done: FieldPath)
    -> WriteCheck
  {
    let full = done + Array(path)
    func refuse(_ why: String) -> WriteCheck {
      .refused(FieldPathError(path: full, message: "Can’t write ‘\(full.text)’: \(why)"))
    }
    var node: JSON? = start
    var here = done
    for (n, c) in path.enumerated() {
      let place = here.isEmpty ? "the product" : "‘\(here.text)’"
      let missing = node == nil || node == .null
      switch c {
      case .key(let k):
        if missing {
          if removing { return .nothingToRemove }
          node = nil
        } else if case .object(let o)? = node {
          node = o[k]
          if node == nil, removing { return .nothingToRemove }
        } else {
          return refuse("\(place) is \(Self.aKind(node!)), not an object with key ‘\(k)’")
        }
      case .index(let i):
        if i < 0 { return refuse("position \(i) is negative") }
        if missing {
          if removing { return .nothingToRemove }
          if i != 0 { return refuse("\(place) is missing, so position \(i) does not exist (only 0 starts a list)") }
          node = nil
        } else if case .array(let a)? = node {
          if i < a.count {
            node = a[i]
          } else if i == a.count {
            if removing { return .nothingToRemove }
            node = nil
          } else {
            return refuse("\(place) has \(a.count) element\(a.count == 1 ? "" : "s"), so position \(i) does not exist")
          }
        } else {
          return refuse("\(place) is \(Self.aKind(node!)), not a list with a position \(i)")
        }
      }
      _ = n
      here.append(c)
    }
    return .writable
  }

  static func aKind(_ v: JSON) -> String {
    switch v {
    case .array: return "a list"
    case .object: return "an object"
    default: return "a \(v.kindName)"
    }
  }

  /// Writes along a path `writeCheck` accepted.
  mutating func setChecked(_ newValue: JSON?, at path: ArraySlice<PathComponent>) {
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
      object.setChecked(newValue, forKey: k, rest: rest)
      self = .object(object)
    case .index(let i):
      var array: [JSON]
      if case .array(let a) = self { array = a } else { array = [] }
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
        child.setChecked(newValue, at: rest)
        array[i] = child
      } else if i == array.count {
        var child: JSON = .null
        child.setChecked(newValue, at: rest)
        array.append(child)
      }
      self = .array(array)
    }
  }
}

/// A write `FieldPath` refused, and why, in words for the status line.
public struct FieldPathError: Error, Sendable, Hashable, CustomStringConvertible {
  public let path: FieldPath
  public let message: String
  public var description: String { message }
}

extension JSONObject {
  public func value(at path: FieldPath) -> JSON? {
    guard case .key(let k)? = path.first, let v = self[k] else { return nil }
    return v.value(at: path.dropFirst())
  }

  /// See `JSON.write`: lands or refuses, never drops a write or changes a container's shape.
  @discardableResult
  public mutating func setValue(_ newValue: JSON?, at path: FieldPath) -> FieldPathError? {
    guard case .key(let k)? = path.first else {
      return FieldPathError(path: path, message: "Can’t write ‘\(path.text)’: a product field path starts with a key")
    }
    switch JSON.writeCheck(self[k], newValue == nil, path.dropFirst(), done: [path[0]]) {
    case .refused(let error): return error
    case .nothingToRemove: return nil
    case .writable:
      setChecked(newValue, forKey: k, rest: path.dropFirst())
      return nil
    }
  }

  mutating func setChecked(_ newValue: JSON?, forKey k: String, rest: ArraySlice<PathComponent>) {
    if rest.isEmpty {
      if let newValue { self[k] = newValue } else { removeValue(forKey: k) }
      return
    }
    if let i = index(forKey: k) {
      var child = values[i]
      values[i] = .null
      child.setChecked(newValue, at: rest)
      values[i] = child
    } else {
      var child: JSON = .null
      child.setChecked(newValue, at: rest)
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

// MARK: - Containers whose shape the documentation does not settle

/// `subscriptionSettings` and its `recurringChargeSettings` come in two shapes. The "Update
/// product" spec (spec/003…txt) types `subscriptionSettings` as `Array<SubscriptionSettings>`
/// and, inside it, `recurringChargeSettings` as `<RecurringChargeSettings>`, a single object.
/// Ecwid's own published example responses (fixtures/ecwid-docs/get-product.json,
/// search-products.json) have the opposite: `subscriptionSettings` is an object and
/// `recurringChargeSettings` an array of one object. The models accept both, and so must writes.
///
/// A path may name such a container in either notation (with or without `[0]` after it); it is
/// resolved against the product's actual shape: `[0]` is dropped before an object and added
/// before a key into an array, so a write lands in the one settings object whatever the shape,
/// and the container keeps the shape the server sent. When the container is missing (or null),
/// the path as written decides the shape it is created with; the editor's paths use the shape of
/// Ecwid's published responses, which is what a real store answers.
public enum FlexibleShape {
  /// Key paths (indices left out) of the containers that are an object or a one-element array.
  public static let containers: [[String]] = [
    ["subscriptionSettings"], ["subscriptionSettings", "recurringChargeSettings"],
  ]
}

extension JSON {
  /// `path` with the flexible containers (`FlexibleShape`) written the way this value has them.
  public func resolvingShape(of path: FieldPath) -> FieldPath {
    var out: FieldPath = []
    var keys: [String] = []
    var node: JSON? = self
    var k = path.startIndex
    while k < path.endIndex {
      let c = path[k]
      out.append(c)
      switch c {
      case .key(let key):
        keys.append(key)
        node = node?.objectValue?[key]
      case .index(let i):
        node = node?.arrayValue.flatMap { $0.indices.contains(i) ? $0[i] : nil }
      }
      k += 1
      guard case .key = c, FlexibleShape.containers.contains(keys), let container = node, k < path.endIndex else {
        continue
      }
      switch (container, path[k]) {
      case (.object, .index(0)):
        k += 1  // the object is the one element
      case (.array(let a), .key):
        out.append(.index(0))
        node = a.first
      default:
        break
      }
    }
    return out
  }
}

extension Product {
  /// The value at `path`, with `subscriptionSettings` paths resolved against this product's shape.
  public func value(at path: FieldPath) -> JSON? { json.value(at: resolved(path)) }

  /// Writes at `path` (resolved like `value(at:)`), or refuses and changes nothing.
  @discardableResult
  public mutating func setValue(_ v: JSON?, at path: FieldPath) -> FieldPathError? {
    json.setValue(v, at: resolved(path))
  }

  /// `path` as this product's JSON has it (see `FlexibleShape`).
  public func resolved(_ path: FieldPath) -> FieldPath {
    path.first == .key("subscriptionSettings") ? JSON.object(json).resolvingShape(of: path) : path
  }
}
