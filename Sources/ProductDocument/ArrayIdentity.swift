import EcwidAPI

/// How the elements of an array are recognised across two versions of a product: media images
/// by id, options by name, choices by text, attributes by id/alias/name, wholesale tiers by
/// quantity, scalars by value. Arrays with no natural identity are matched by position.
enum ArrayIdentity: Sendable {
  case mediaImage, mediaVideo, option, choice, attribute, wholesaleTier, customPriceTier, byId, scalar, position
  /// The product's variations (`combinations`): by id, new ones (no id yet) by their option values.
  case combination
  /// A variation's option values (`combinations[…].options`): by position (one value per product
  /// option, in option order), so a renamed option or choice reads as one change of that value.
  case optionValue

  /// The identity used for the array stored under `key`, inside an object stored under `parentKey`.
  static func of(key: String?, parentKey: String?, topLevel: Bool, elements: [JSON]) -> ArrayIdentity {
    switch (parentKey, key) {
    case ("media", "images"): return .mediaImage
    case ("media", "videos"): return .mediaVideo
    case (_, "options") where topLevel: return .option
    case (_, "combinations") where topLevel: return .combination
    case (DiffContext.combinationParent, "options"): return .optionValue
    case (_, "choices"): return .choice
    case (_, "attributes"): return .attribute
    case (_, "wholesalePrices"): return .wholesaleTier
    case (_, "customPriceTiers"): return .customPriceTier
    default: break
    }
    guard let sample = elements.first else { return .scalar }
    switch sample {
    case .object(let o): return o["id"] != nil ? .byId : .position
    case .array: return .position
    default: return .scalar
    }
  }

  /// The identity of one element, before duplicates are told apart.
  func rawKey(_ element: JSON, index: Int) -> String {
    switch self {
    case .mediaImage:
      if let id = element["id"]?.idString { return "id:" + id }
      return "url:" + (element["imageOriginalUrl"]?.stringValue ?? element["image1500pxUrl"]?.stringValue ?? "")
    case .mediaVideo:
      if let id = element["id"]?.idString { return "id:" + id }
      return "url:" + (element["url"]?.stringValue ?? "")
    case .option: return element["name"]?.stringValue ?? ""
    case .choice: return element["text"]?.stringValue ?? ""
    case .attribute:
      if let id = element["id"]?.idString { return "id:" + id }
      if let alias = element["alias"]?.stringValue { return "alias:" + alias }
      return "name:" + (element["name"]?.stringValue?.lowercased() ?? "")
    case .wholesaleTier: return element["quantity"]?.numberValue.map { String($0.double) } ?? "?"
    case .customPriceTier: return element["value"]?.numberValue.map { String($0.double) } ?? "?"
    case .byId: return element["id"]?.idString ?? "#\(index)"
    case .combination:
      if let id = element["id"]?.idString { return "id:" + id }
      return "new:" + ProductVariation(json: element.objectValue ?? [:]).label
    case .scalar:
      if case .number(let n) = element { return "n:" + String(n.double) }
      return element.compactText
    case .position, .optionValue: return "#\(index)"
    }
  }

  /// Keys of every element; the second "Size" option is "Size#2".
  func keys(_ elements: [JSON]) -> [String] {
    var seen: [String: Int] = [:]
    var out: [String] = []
    out.reserveCapacity(elements.count)
    for (i, e) in elements.enumerated() {
      let raw = rawKey(e, index: i)
      let n = (seen[raw] ?? 0) + 1
      seen[raw] = n
      out.append(n == 1 ? raw : "\(raw)#\(n)")
    }
    return out
  }

  /// Whether an element's label names it fully ("Option "Size"", "Image 3 (id 5)").
  var selfDescribing: Bool {
    switch self {
    case .mediaImage, .mediaVideo, .option, .choice, .attribute, .wholesaleTier, .combination, .optionValue: return true
    default: return false
    }
  }

  /// Whether changes inside an element are reported field by field.
  var descends: Bool { self != .scalar }
}

/// Positions of the elements that moved: the ones outside a longest run that kept its relative
/// order. A plain swap of two elements reports both.
func movedPositions(_ baseIndices: [Int]) -> Set<Int> {
  let ranks = rankOf(baseIndices)
  let changed = ranks.indices.filter { ranks[$0] != $0 }
  if changed.isEmpty { return [] }
  if changed.count == 2 { return Set(changed) }
  let keep = longestIncreasingSubsequence(baseIndices)
  return Set(baseIndices.indices.filter { !keep.contains($0) })
}

/// For each position, the rank of its value among all values (0-based).
private func rankOf(_ values: [Int]) -> [Int] {
  let order = values.indices.sorted { values[$0] < values[$1] }
  var ranks = [Int](repeating: 0, count: values.count)
  for (rank, i) in order.enumerated() { ranks[i] = rank }
  return ranks
}

/// Indices of one longest strictly increasing subsequence, O(n log n).
func longestIncreasingSubsequence(_ a: [Int]) -> Set<Int> {
  var tailsValue: [Int] = []
  var tailsIndex: [Int] = []
  var previous = [Int](repeating: -1, count: a.count)
  for (i, v) in a.enumerated() {
    var lo = 0
    var hi = tailsValue.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if tailsValue[mid] < v { lo = mid + 1 } else { hi = mid }
    }
    if lo > 0 { previous[i] = tailsIndex[lo - 1] }
    if lo == tailsValue.count {
      tailsValue.append(v)
      tailsIndex.append(i)
    } else {
      tailsValue[lo] = v
      tailsIndex[lo] = i
    }
  }
  var out = Set<Int>()
  var i = tailsIndex.last ?? -1
  while i >= 0 {
    out.insert(i)
    i = previous[i]
  }
  return out
}

/// Equality that ignores the order of object keys (JSON numbers compare by value already).
public func sameJSON(_ a: JSON?, _ b: JSON?) -> Bool {
  if a == b { return true }
  guard let a, let b else { return false }
  switch (a, b) {
  case (.object(let x), .object(let y)):
    guard x.count == y.count else { return false }
    for (k, v) in x {
      guard let w = y[k], sameJSON(v, w) else { return false }
    }
    return true
  case (.array(let x), .array(let y)):
    guard x.count == y.count else { return false }
    for i in x.indices where !sameJSON(x[i], y[i]) { return false }
    return true
  default:
    return false
  }
}
