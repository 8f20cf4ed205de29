import EcwidAPI

public enum ChangeKind: String, Sendable, Hashable {
  case added, removed, changed, moved
}

/// One difference between the fetched and the edited product, as a person reads it.
public struct Change: Identifiable, Hashable, Sendable {
  /// Stable across recomputation: the identity path (`options[Size].choices[32].priceModifier`) and the kind.
  public var id: String
  /// Where the value is in the edited product (for `.removed`: the parent in the edited product
  /// and the index it had in the fetched one).
  public var path: FieldPath
  /// Where the value is in the fetched product (for `.added`: same as `path`).
  public var basePath: FieldPath
  public var label: String
  public var section: Section
  public var kind: ChangeKind
  /// The old and new value; for `.moved` the old and new position (0-based).
  public var old: JSON?
  public var new: JSON?

  public init(
    id: String, path: FieldPath, basePath: FieldPath, label: String, section: Section, kind: ChangeKind, old: JSON?,
    new: JSON?
  ) {
    self.id = id
    self.path = path
    self.basePath = basePath
    self.label = label
    self.section = section
    self.kind = kind
    self.old = old
    self.new = new
  }
}

/// Fields the server maintains itself; they are never a user's change.
let serverMaintainedKeys: Set<String> = ["updated", "updateTimestamp", "created", "createTimestamp"]

/// The structural difference between two products. Top-level values are compared first (cheap
/// when untouched values share storage); the differ only descends where they differ.
public func diff(base: Product, current: Product) -> [Change] {
  var differ = Differ()
  differ.diffProduct(base.json, current.json)
  return differ.changes
}

struct DiffContext {
  var path: FieldPath = []
  var basePath: FieldPath = []
  var idText = ""
  var labels: [String] = []
  var key: String?
  var parentKey: String?
  var insideMediaImage = false
  /// Directly inside one of the product's variations (`combinations[…]`).
  var insideCombination = false
  /// The `parentKey` of a variation's own fields (a variation is an array element, with no key).
  static let combinationParent = "combinations[]"

  var section: Section { Section.of(topLevelKey: path.topLevelKey ?? "") }
  var isTopLevel: Bool { path.count == 1 }

  func field(_ k: String) -> DiffContext {
    var c = self
    c.path.append(.key(k))
    c.basePath.append(.key(k))
    c.idText += idText.isEmpty ? k : "." + k
    c.labels.append(insideCombination ? Labels.combinationField(k) : Labels.field(k, topLevel: path.isEmpty))
    c.parentKey = insideCombination ? Self.combinationParent : key
    c.key = k
    c.insideMediaImage = false
    c.insideCombination = false
    return c
  }

  func element(
    identityKey: String, currentIndex: Int?, baseIndex: Int?, label: String, isMediaImage: Bool, selfDescribing: Bool,
    isCombination: Bool = false
  ) -> DiffContext {
    var c = self
    c.path.append(.index(currentIndex ?? baseIndex ?? 0))
    c.basePath.append(.index(baseIndex ?? currentIndex ?? 0))
    c.idText += "[\(identityKey)]"
    // "Option "Size"" says more than "Options › Option "Size"": self-describing elements replace
    // their container's label ("Media › images" for images and videos).
    let containerLabels = selfDescribing ? (parentKey == "media" ? 2 : 1) : 0
    c.labels.removeLast(min(containerLabels, c.labels.count))
    c.labels.append(label)
    c.parentKey = key
    c.key = nil
    c.insideMediaImage = isMediaImage
    c.insideCombination = isCombination
    return c
  }
}

struct Differ {
  var changes: [Change] = []
  static let derivedImageKeys: Set<String> = ["orderBy", "isMain"]

  mutating func diffProduct(_ base: JSONObject, _ current: JSONObject) {
    let root = DiffContext()
    for (k, new) in current where !serverMaintainedKeys.contains(k) {
      let old = base[k]
      if old == new { continue }
      diffValue(old, new, root.field(k))
    }
    for (k, old) in base where current[k] == nil && !serverMaintainedKeys.contains(k) {
      diffValue(old, nil, root.field(k))
    }
  }

  mutating func record(_ kind: ChangeKind, _ ctx: DiffContext, old: JSON?, new: JSON?) {
    changes.append(
      Change(
        id: ctx.idText + "#" + kind.rawValue, path: ctx.path, basePath: ctx.basePath, label: Labels.join(ctx.labels),
        section: ctx.section, kind: kind, old: old, new: new))
  }

  mutating func diffValue(_ old: JSON?, _ new: JSON?, _ ctx: DiffContext) {
    switch (old, new) {
    case (nil, nil): return
    case (nil, let n?): record(.added, ctx, old: nil, new: n)
    case (let o?, nil): record(.removed, ctx, old: o, new: nil)
    case (.object(let o)?, .object(let n)?): diffObject(o, n, ctx)
    case (.array(let o)?, .array(let n)?): diffArray(o, n, ctx)
    case (let o?, let n?): if o != n { record(.changed, ctx, old: o, new: n) }
    }
  }

  mutating func diffObject(_ old: JSONObject, _ new: JSONObject, _ ctx: DiffContext) {
    for (k, nv) in new {
      if ctx.insideMediaImage && Self.derivedImageKeys.contains(k) { continue }
      if ctx.insideCombination && combinationDerivedKeys.contains(k) { continue }
      let ov = old[k]
      if ov == nv { continue }
      diffValue(ov, nv, ctx.field(k))
    }
    for (k, ov) in old where new[k] == nil {
      if ctx.insideMediaImage && Self.derivedImageKeys.contains(k) { continue }
      if ctx.insideCombination && combinationDerivedKeys.contains(k) { continue }
      diffValue(ov, nil, ctx.field(k))
    }
  }

  mutating func diffArray(_ old: [JSON], _ new: [JSON], _ ctx: DiffContext) {
    let identity = ArrayIdentity.of(
      key: ctx.key, parentKey: ctx.parentKey, topLevel: ctx.isTopLevel, elements: new.isEmpty ? old : new)
    let oldKeys = identity.keys(old)
    let newKeys = identity.keys(new)
    var oldIndex: [String: Int] = [:]
    oldIndex.reserveCapacity(oldKeys.count)
    for (i, k) in oldKeys.enumerated() { oldIndex[k] = i }
    var newIndex: [String: Int] = [:]
    newIndex.reserveCapacity(newKeys.count)
    for (j, k) in newKeys.enumerated() { newIndex[k] = j }
    let isImage = identity == .mediaImage
    let isCombination = identity == .combination

    for (i, k) in oldKeys.enumerated() where newIndex[k] == nil {
      let label = Labels.element(old[i], index: i, identity: identity, arrayKey: ctx.key)
      let c = ctx.element(identityKey: k, currentIndex: nil, baseIndex: i, label: label, isMediaImage: isImage, selfDescribing: identity.selfDescribing, isCombination: isCombination)
      record(.removed, c, old: old[i], new: nil)
    }
    var commonBaseIndices: [Int] = []
    var commonCurrentIndices: [Int] = []
    for (j, k) in newKeys.enumerated() {
      guard let i = oldIndex[k] else {
        let label = Labels.element(new[j], index: j, identity: identity, arrayKey: ctx.key)
        let c = ctx.element(identityKey: k, currentIndex: j, baseIndex: nil, label: label, isMediaImage: isImage, selfDescribing: identity.selfDescribing, isCombination: isCombination)
        record(.added, c, old: nil, new: new[j])
        continue
      }
      commonBaseIndices.append(i)
      commonCurrentIndices.append(j)
      if old[i] == new[j] { continue }
      let label = Labels.element(new[j], index: j, identity: identity, arrayKey: ctx.key)
      let c = ctx.element(identityKey: k, currentIndex: j, baseIndex: i, label: label, isMediaImage: isImage, selfDescribing: identity.selfDescribing, isCombination: isCombination)
      if identity.descends {
        diffValue(old[i], new[j], c)
      } else {
        record(.changed, c, old: old[i], new: new[j])
      }
    }
    // Variations have no order of their own to save (Ecwid lists them by option order).
    if isCombination { return }
    for p in movedPositions(commonBaseIndices).sorted() {
      let i = commonBaseIndices[p]
      let j = commonCurrentIndices[p]
      let label = Labels.element(new[j], index: j, identity: identity, arrayKey: ctx.key)
      let c = ctx.element(identityKey: newKeys[j], currentIndex: j, baseIndex: i, label: label, isMediaImage: isImage, selfDescribing: identity.selfDescribing, isCombination: isCombination)
      record(.moved, c, old: .int(i), new: .int(j))
    }
  }
}
