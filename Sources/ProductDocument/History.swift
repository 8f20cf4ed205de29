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

/// What turns one version of a JSON value into another, holding only what differs: the undo
/// history stores one per step instead of a whole product, so a step costs what it changed (a
/// moved image is a pair of indices), not the size of the gallery.
indirect enum JSONPatch: Sendable {
  /// The value becomes this (nil: the key goes).
  case value(JSON?)
  /// Some values of an object change; `keys`, when not nil, is the object's new key order (keys
  /// not in it go, keys new in it have a `.value` change).
  case object(keys: [String]?, changes: [KeyPatch])
  /// One element of an array changes.
  case element(Int, JSONPatch)
  /// One element of an array moves; the others keep their order.
  case move(from: Int, to: Int)
  /// `count` elements of an array from `index` on are replaced by `elements`.
  case splice(index: Int, count: Int, elements: [JSON])

  struct KeyPatch: Sendable {
    var key: String
    var patch: JSONPatch
  }

  /// The patch that turns `a` into `b` exactly (object key order and number text included), or
  /// nil when they are already the same.
  static func between(_ a: JSON, _ b: JSON) -> JSONPatch? {
    if identical(a, b) { return nil }
    switch (a, b) {
    case (.object(let x), .object(let y)):
      let sameKeys = x.keys == y.keys
      var changes: [KeyPatch] = []
      for (i, key) in y.keys.enumerated() {
        let new = y.values[i]
        if let old = sameKeys ? x.values[i] : x[key] {
          if let p = between(old, new) { changes.append(KeyPatch(key: key, patch: p)) }
        } else {
          changes.append(KeyPatch(key: key, patch: .value(new)))
        }
      }
      return .object(keys: sameKeys ? nil : y.keys.elements, changes: changes)
    case (.array(let x), .array(let y)):
      return between(x, y)
    default:
      return .value(b)
    }
  }

  private static func between(_ x: [JSON], _ y: [JSON]) -> JSONPatch {
    // The common start and end, compared in place (a 1,000-image gallery is scanned on every move;
    // subscripting the arrays copied each element in and out).
    let shorter = min(x.count, y.count)
    let (prefix, suffix) = x.withUnsafeBufferPointer { a in
      y.withUnsafeBufferPointer { b in
        var prefix = 0
        while prefix < shorter, sameBits(a, prefix, b, prefix) || identical(a[prefix], b[prefix]) { prefix += 1 }
        var suffix = 0
        while suffix < shorter - prefix,
          sameBits(a, a.count - 1 - suffix, b, b.count - 1 - suffix)
            || identical(a[a.count - 1 - suffix], b[b.count - 1 - suffix])
        {
          suffix += 1
        }
        return (prefix, suffix)
      }
    }
    let old = x[prefix..<(x.count - suffix)]
    let new = y[prefix..<(y.count - suffix)]
    if old.count == 1, new.count == 1, let p = between(old[old.startIndex], new[new.startIndex]) {
      return .element(prefix, p)
    }
    if old.count == new.count, old.count >= 2 {
      let last = prefix + old.count - 1
      // The last element moved to the front, or the first to the end.
      if identical(new[prefix], old[last]), zip(old.dropLast(), new.dropFirst()).allSatisfy(identical) {
        return .move(from: last, to: prefix)
      }
      if identical(new[last], old[prefix]), zip(old.dropFirst(), new.dropLast()).allSatisfy(identical) {
        return .move(from: prefix, to: last)
      }
    }
    return .splice(index: prefix, count: old.count, elements: Array(new))
  }

  /// Exact equality: key order and number text count, and values that share storage are
  /// recognised without being walked.
  static func identical(_ a: JSON, _ b: JSON) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.number(let x), .number(let y)): return x.text == y.text
    case (.string(let x), .string(let y)): return x == y
    case (.array(let x), .array(let y)):
      guard x.count == y.count else { return false }
      if sameStorage(x, y) { return true }
      return zip(x, y).allSatisfy(identical)
    case (.object(let x), .object(let y)):
      guard x.count == y.count else { return false }
      let (xs, ys) = (x.storageAddresses, y.storageAddresses)
      let sameValues = xs.values == ys.values
      // Keys and values both shared: the same object, whatever its size (a move in a gallery of a
      // thousand images compares every image with its copy; comparing their keys was the cost).
      if sameValues, xs.keys != nil, xs.keys == ys.keys { return true }
      guard x.keys == y.keys else { return false }
      if sameValues { return true }
      return zip(x.values, y.values).allSatisfy(identical)
    default: return false
    }
  }

  /// True when two elements are the same bits: the same case with the same storage or scalar, so
  /// identical without copying either out of its array (a copy retains and releases its storage;
  /// for a 1,000-image gallery that was most of a move's cost). Different bits decide nothing.
  @inline(__always)
  private static func sameBits(_ a: UnsafeBufferPointer<JSON>, _ i: Int, _ b: UnsafeBufferPointer<JSON>, _ j: Int) -> Bool {
    let x = UnsafeRawPointer(a.baseAddress! + i)
    let y = UnsafeRawPointer(b.baseAddress! + j)
    let size = MemoryLayout<JSON>.size
    var k = 0
    while k + 8 <= size {
      if x.loadUnaligned(fromByteOffset: k, as: UInt64.self) != y.loadUnaligned(fromByteOffset: k, as: UInt64.self) {
        return false
      }
      k += 8
    }
    while k < size {
      if x.load(fromByteOffset: k, as: UInt8.self) != y.load(fromByteOffset: k, as: UInt8.self) { return false }
      k += 1
    }
    return true
  }

  private static func sameStorage(_ x: [JSON], _ y: [JSON]) -> Bool {
    x.withUnsafeBufferPointer { p in y.withUnsafeBufferPointer { $0.baseAddress == p.baseAddress } }
  }

  /// Applies the patch to `value` (nil: absent). A patch for another shape leaves it as it is.
  func apply(to value: inout JSON?) {
    switch self {
    case .value(let v):
      value = v
    case .object(let keys, let changes):
      guard case .object(var o)? = value else { return }
      value = nil  // `o` is then the only reference: changing it does not copy it
      if let keys {
        var patches: [String: JSONPatch] = [:]
        for c in changes { patches[c.key] = c.patch }
        var n = JSONObject(minimumCapacity: keys.count)
        for key in keys {
          var v = o[key]
          patches[key]?.apply(to: &v)
          if let v { n[key] = v }
        }
        o = n
      } else {
        for c in changes {
          guard let i = o.index(forKey: c.key) else { continue }
          var v: JSON? = o.values[i]
          o.values[i] = .null
          c.patch.apply(to: &v)
          if let v { o.values[i] = v } else { o.remove(at: i) }
        }
      }
      value = .object(o)
    case .element(let i, let patch):
      guard case .array(var a)? = value, a.indices.contains(i) else { return }
      value = nil
      var v: JSON? = a[i]
      a[i] = .null
      patch.apply(to: &v)
      if let v { a[i] = v } else { a.remove(at: i) }
      value = .array(a)
    case .move(let from, let to):
      guard case .array(var a)? = value, a.indices.contains(from), a.indices.contains(to) else { return }
      value = nil
      a.insert(a.remove(at: from), at: to)
      value = .array(a)
    case .splice(let index, let count, let elements):
      guard case .array(var a)? = value, index >= 0, count >= 0, index + count <= a.count else { return }
      value = nil
      a.replaceSubrange(index..<(index + count), with: elements)
      value = .array(a)
    }
  }

  /// Stored values: one per patch node and per key of a stored order, plus every stored JSON value.
  var size: Int {
    switch self {
    case .value(let v): return 1 + (v?.valueCount ?? 0)
    case .object(let keys, let changes): return changes.reduce(1 + (keys?.count ?? 0)) { $0 + $1.patch.size }
    case .element(_, let p): return 1 + p.size
    case .move: return 1
    case .splice(_, _, let elements): return elements.reduce(1) { $0 + $1.valueCount }
    }
  }
}

/// One undo (or redo) step: what turns the product after the step back into the product before it.
struct HistoryStep: Sendable {
  private let patch: JSONPatch?

  /// The step that turns `from` into `to`.
  init(from: Product, to: Product) {
    patch = JSONPatch.between(.object(from.json), .object(to.json))
  }

  func applied(to product: Product) -> Product {
    guard let patch else { return product }
    var value: JSON? = .object(product.json)
    patch.apply(to: &value)
    return Product(json: value?.objectValue ?? [:])
  }

  var size: Int { patch?.size ?? 0 }
}
