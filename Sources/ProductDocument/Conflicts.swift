import EcwidAPI

/// A field changed both here and on the server, differently.
public struct Conflict: Hashable, Sendable {
  public var path: FieldPath
  public var label: String
  public var base: JSON?
  public var mine: JSON?
  public var theirs: JSON?
  public init(path: FieldPath, label: String, base: JSON?, mine: JSON?, theirs: JSON?) {
    self.path = path
    self.label = label
    self.base = base
    self.mine = mine
    self.theirs = theirs
  }
}

public struct ConflictResult: Sendable {
  public var conflicts: [Conflict]
  /// The fetched product with their non-overlapping changes and all of mine; a conflicting field holds mine.
  public var merged: Product
  /// Whether the server's product changed since it was fetched (server-maintained fields aside).
  public var remoteChanged: Bool
  /// The product as it is on the server now (the new base after `Document.takeRemote`).
  public var theirs: Product

  public init(conflicts: [Conflict], merged: Product, remoteChanged: Bool, theirs: Product) {
    self.conflicts = conflicts
    self.merged = merged
    self.remoteChanged = remoteChanged
    self.theirs = theirs
  }

  /// Nothing changed remotely or every remote change merged cleanly.
  public var canSave: Bool { conflicts.isEmpty }
}

/// Three-way comparison of the fetched product (`base`), the edited one (`mine`) and the
/// product as the server has it now (`theirs`). Objects merge key by key; arrays and scalars are
/// whole values. Server-maintained fields (`updated`, `updateTimestamp`, …) never conflict and
/// take their value.
public func checkConflicts(base: Product, mine: Product, theirs: Product) -> ConflictResult {
  var merger = ThreeWayMerge()
  let merged = merger.mergeObjects(base: base.json, mine: mine.json, theirs: theirs.json, path: [])
  var remoteChanged = false
  for key in Set(base.json.keys).union(theirs.json.keys) where !serverMaintainedKeys.contains(key) {
    if !sameJSON(base.json[key], theirs.json[key]) {
      remoteChanged = true
      break
    }
  }
  return ConflictResult(conflicts: merger.conflicts, merged: Product(json: merged), remoteChanged: remoteChanged, theirs: theirs)
}

struct ThreeWayMerge {
  var conflicts: [Conflict] = []
  /// `Variation Size=XL · Color=Red` while merging one variation.
  var combinationLabel: String?

  /// Variations merged one by one, matched by id (new ones by option values), field by field:
  /// a remote stock change on a variation I did not touch is taken in; on a field I changed
  /// differently it is a conflict. Mine keep my order; variations only they added come last;
  /// one I deleted stays deleted unless they changed it, one they deleted that I did not touch
  /// goes.
  mutating func mergeCombinations(base: [JSON], mine: [JSON], theirs: [JSON]) -> [JSON] {
    let identity = ArrayIdentity.combination
    let (bk, mk, tk) = (identity.keys(base), identity.keys(mine), identity.keys(theirs))
    let baseBy = Dictionary(zip(bk, base), uniquingKeysWith: { a, _ in a })
    let theirsBy = Dictionary(zip(tk, theirs), uniquingKeysWith: { a, _ in a })
    let mineKeys = Set(mk)
    var out: [JSON] = []
    for (j, (k, m)) in zip(mk, mine).enumerated() {
      let b = baseBy[k]
      let t = theirsBy[k]
      combinationLabel = Labels.element(m, index: j, identity: identity, arrayKey: "combinations")
      let path = combinationsPath + [.index(out.count)]
      if let merged = mergeValue(base: b, mine: m, theirs: b != nil && t == nil ? nil : (t ?? m), path: path) {
        out.append(merged)
      }
      combinationLabel = nil
    }
    for (k, t) in zip(tk, theirs) where !mineKeys.contains(k) {
      guard let b = baseBy[k] else {
        out.append(t)  // they added it
        continue
      }
      // I deleted it: it stays deleted unless they changed it meanwhile.
      if !sameJSON(b, t) {
        combinationLabel = Labels.element(t, index: out.count, identity: identity, arrayKey: "combinations")
        conflicts.append(Conflict(path: combinationsPath + [.index(out.count)], label: combinationLabel!, base: b, mine: nil, theirs: t))
        combinationLabel = nil
      }
    }
    return out
  }

  mutating func mergeObjects(base: JSONObject, mine: JSONObject, theirs: JSONObject, path: FieldPath) -> JSONObject {
    // Keys in my order; then keys only they added, in their order.
    var out = JSONObject()
    for (key, myValue) in mine {
      if path.isEmpty && serverMaintainedKeys.contains(key) {
        if let t = theirs[key] { out[key] = t }
        continue
      }
      if let v = mergeValue(base: base[key], mine: myValue, theirs: theirs[key], path: path + [.key(key)]) {
        out[key] = v
      }
    }
    for (key, theirValue) in theirs where mine[key] == nil {
      if path.isEmpty && serverMaintainedKeys.contains(key) {
        out[key] = theirValue
        continue
      }
      if let v = mergeValue(base: base[key], mine: nil, theirs: theirValue, path: path + [.key(key)]) {
        out[key] = v
      }
    }
    return out
  }

  mutating func mergeValue(base: JSON?, mine: JSON?, theirs: JSON?, path: FieldPath) -> JSON? {
    if sameJSON(mine, base) { return theirs }
    if sameJSON(theirs, base) || sameJSON(mine, theirs) { return mine }
    if case .object(let m)? = mine, case .object(let t)? = theirs, case .object(let b)? = base {
      return .object(mergeObjects(base: b, mine: m, theirs: t, path: path))
    }
    if path == combinationsPath, case .array(let m)? = mine, case .array(let t)? = theirs, case .array(let b)? = base {
      return .array(mergeCombinations(base: b, mine: m, theirs: t))
    }
    var label = Labels.join(path.enumerated().map { i, c in
      switch c {
      case .key(let k): return Labels.field(k, topLevel: i == 0)
      case .index(let n): return "item \(n + 1)"
      }
    })
    if path.count >= 3, path[0] == .key("combinations"), let name = combinationLabel, case .key(let k) = path[2] {
      label = Labels.join([name] + [Labels.combinationField(k)] + path.dropFirst(3).map(\.description))
    } else if path.count == 2, path[0] == .key("combinations"), let name = combinationLabel {
      label = name
    }
    conflicts.append(Conflict(path: path, label: label, base: base, mine: mine, theirs: theirs))
    return mine
  }
}
