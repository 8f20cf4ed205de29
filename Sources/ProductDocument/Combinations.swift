import EcwidAPI

// The product's variations (`combinations`) in the editable document. They live in the product
// JSON under `combinations`, as `GET /products/{id}` (or `GET /products/{id}/combinations`)
// sent them, so edits, undo/redo, the draft journal, the diff and the three-way check cover
// them like every other field. They are saved through the combination endpoints, never the
// product update.

let combinationsPath: FieldPath = [.key("combinations")]

/// Fields of a variation Ecwid computes itself: never a user's change, never sent. The image is
/// edited through `originalImageUrl` (sent as `…/image?externalUrl=`); its sized copies follow.
let combinationDerivedKeys: Set<String> = [
  "id", "combinationNumber", "inStock", "defaultDisplayedPrice", "defaultDisplayedPriceFormatted", "imageUrl",
  "thumbnailUrl", "smallThumbnailUrl", "hdThumbnailUrl", "price_formatted",
]

/// The key of a variation's image in the document.
public let combinationImageKey = "originalImageUrl"

/// When variation requests go through `POST /batch` instead of one request each. How many one
/// batch may hold is not documented, so it is a setting.
public struct CombinationBatching: Sendable, Hashable {
  /// More variation requests than this go through the batch endpoint.
  public var threshold: Int
  /// At most this many requests in one batch.
  public var batchSize: Int
  public init(threshold: Int = 10, batchSize: Int = 100) {
    self.threshold = max(0, threshold)
    self.batchSize = max(1, batchSize)
  }
}

extension Document {
  /// The variations of the edited product, as they are now.
  public var combinations: [Combination] { current.combinations ?? [] }

  /// Where the variation with this id is in the edited product.
  public func combinationIndex(id: Int) -> Int? {
    combinations.firstIndex { $0.id == id }
  }

  /// The path of one field of the variation at `index` (for `Edit.set`).
  public static func combinationPath(index: Int, field: String) -> FieldPath {
    combinationsPath + [.index(index), .key(field)]
  }

  /// Gives the variation at `index` an image by URL (nil removes its image), as one undo step:
  /// `originalImageUrl` holds the URL and the sized copies Ecwid made of the old image go (Ecwid
  /// makes new ones when it is saved).
  @discardableResult
  public mutating func setCombinationImage(index: Int, url: String?) -> FieldPathError? {
    switch combinationImageEdit(index: index, url: url) {
    case .failure(let problem): return problem
    case .success(let edit): return apply(edit)
    }
  }

  /// The edit `setCombinationImage` applies, for a caller that applies edits itself (the grid
  /// asks the editor's root to apply it).
  public func combinationImageEdit(index: Int, url: String?) -> Result<Edit, FieldPathError> {
    let path = combinationsPath + [.index(index)]
    guard var c = current.value(at: path)?.objectValue else {
      return .failure(FieldPathError(path: path, message: "There is no variation \(index + 1)"))
    }
    for key in ["imageUrl", "thumbnailUrl", "smallThumbnailUrl", "hdThumbnailUrl"] { c.removeValue(forKey: key) }
    if let url { c[combinationImageKey] = .string(url) } else { c.removeValue(forKey: combinationImageKey) }
    return .success(.set(path, .object(c)))
  }

  public func plan(storeLanguages: [String]?, batching: CombinationBatching) -> UpdatePlan {
    UpdatePlan.make(base: base, current: current, storeLanguages: storeLanguages, batching: batching)
  }
}

extension PlanStep {
  /// The HTTP method of a variation request ("" for other steps).
  public var httpMethod: String {
    switch self {
    case .createCombination, .setCombinationImage, .batch: return "POST"
    case .updateCombination, .updateProduct, .updateMediaOrder: return "PUT"
    case .deleteCombination, .deleteCombinationImage: return "DELETE"
    case .refetch: return "GET"
    case .addMedia, .removeMedia: return ""
    }
  }

  /// The step as one request of a batch (variation creates, updates and deletes).
  /// `checkLowStockNotification`: the setting of that name, carried by each update (a batch's
  /// members are separate requests, so the client's own query parameter does not reach them).
  public func batchRequest(id: String, productId: Int, checkLowStockNotification: Bool = false) -> BatchRequest? {
    switch self {
    case .createCombination(let body): return .createCombination(id: id, productId: productId, body: body)
    case .updateCombination(let cid, _, let body):
      return .updateCombination(
        id: id, productId: productId, combinationId: cid, body: body,
        checkLowStockNotification: checkLowStockNotification)
    case .deleteCombination(let cid, _): return .deleteCombination(id: id, productId: productId, combinationId: cid)
    default: return nil
    }
  }
}

/// Works out the variation requests: deletions first, then updates in an order that never asks
/// for a SKU another variation still holds, then creations, then images. More than
/// `batching.threshold` of the first three go out as batches.
struct CombinationPlanner {
  var steps: [PlanStep] = []
  var warnings: [String] = []

  init(base: Product, current: Product, batching: CombinationBatching) {
    let old = (base.json["combinations"]?.arrayValue ?? []).compactMap(\.objectValue)
    let new = (current.json["combinations"]?.arrayValue ?? []).compactMap(\.objectValue)
    if old == new { return }
    let identity = ArrayIdentity.combination
    let oldKeys = identity.keys(old.map(JSON.object))
    let newKeys = identity.keys(new.map(JSON.object))
    let newByKey = Dictionary(zip(newKeys, new), uniquingKeysWith: { a, _ in a })
    let oldByKey = Dictionary(zip(oldKeys, old), uniquingKeysWith: { a, _ in a })

    var deletes: [PlanStep] = []
    var updates: [(id: Int, label: String, body: JSONObject, oldSku: String?)] = []
    var creates: [PlanStep] = []
    var images: [PlanStep] = []
    for (k, o) in zip(oldKeys, old) where newByKey[k] == nil {
      guard let id = o["id"]?.intValue else { continue }
      deletes.append(.deleteCombination(id: id, label: Combination(json: o).label))
    }
    for (k, n) in zip(newKeys, new) {
      let o = oldByKey[k]
      if let o, o == n { continue }
      let label = Combination(json: n).label
      guard let o else {
        var body = Combination(json: n).writableBody
        if let sku = body["sku"]?.stringValue, sku.isEmpty { body.removeValue(forKey: "sku") }
        creates.append(.createCombination(body: body))
        if let url = n[combinationImageKey]?.stringValue, !url.isEmpty {
          images.append(.setCombinationImage(id: n["id"]?.intValue, label: label, url: url))
        }
        continue
      }
      guard let id = o["id"]?.intValue ?? n["id"]?.intValue else { continue }
      var body = JSONObject()
      for key in Combination.writableFields {
        let (ov, nv) = (o[key], n[key])
        if ov == nv || sameJSON(ov, nv) { continue }
        body[key] = nv ?? .null
      }
      if !body.isEmpty { updates.append((id, label, body, o["sku"]?.stringValue)) }
      let (oi, ni) = (o[combinationImageKey]?.stringValue ?? "", n[combinationImageKey]?.stringValue ?? "")
      if oi != ni {
        images.append(
          ni.isEmpty ? .deleteCombinationImage(id: id, label: label) : .setCombinationImage(id: id, label: label, url: ni))
      }
    }
    let ordered = deletes + Self.orderedBySku(updates) + creates
    if ordered.count > batching.threshold {
      let key = Self.keySeed(base: base, requests: ordered)
      var start = 0
      var k = 0
      while start < ordered.count {
        let chunk = Array(ordered[start..<min(ordered.count, start + batching.batchSize)])
        steps.append(.batch(requests: chunk, deduplicationKey: "\(key)-\(k)"))
        start += chunk.count
        k += 1
      }
    } else {
      steps = ordered
    }
    steps += images
  }

  /// Updates in an order that keeps SKUs unique at every step: one that takes a SKU another
  /// variation gives up waits until that one has given it up. A cycle (two variations swapping
  /// SKUs) is broken by moving one of them to a temporary SKU first.
  static func orderedBySku(_ updates: [(id: Int, label: String, body: JSONObject, oldSku: String?)]) -> [PlanStep] {
    if !updates.contains(where: { $0.body["sku"] != nil }) {
      return updates.map { .updateCombination(id: $0.id, label: $0.label, body: $0.body) }
    }
    var pending = updates
    var out: [PlanStep] = []
    func newSku(_ u: (id: Int, label: String, body: JSONObject, oldSku: String?)) -> String? {
      guard let s = u.body["sku"]?.stringValue, !s.isEmpty else { return nil }
      return s
    }
    while !pending.isEmpty {
      // SKUs still held by a pending update that will give them up.
      let held = Set(pending.compactMap { u in newSku(u) != nil || u.body["sku"] != nil ? u.oldSku : nil }.filter { !$0.isEmpty })
      if let i = pending.firstIndex(where: { u in
        guard let s = newSku(u) else { return true }
        return !held.contains(s) || s == u.oldSku
      }) {
        let u = pending.remove(at: i)
        out.append(.updateCombination(id: u.id, label: u.label, body: u.body))
        continue
      }
      // Every pending SKU change waits on another: a cycle. Free the first one's SKU.
      var u = pending[0]
      let temporary = "\(u.oldSku ?? "")~\(u.id)"
      out.append(.updateCombination(id: u.id, label: u.label, body: ["sku": .string(temporary)]))
      u.oldSku = temporary
      pending[0] = u
    }
    return out
  }

  /// A deduplication key that is the same for the same save (so a retry is recognised) and
  /// differs from any other: it covers the product, its version as fetched and the requests.
  static func keySeed(base: Product, requests: [PlanStep]) -> String {
    var text = "\(base.id ?? 0)|\(base.json["updateTimestamp"]?.compactText ?? "")|\(base.json["updated"]?.compactText ?? "")"
    for r in requests { text += "|" + r.requestDescription(productId: base.id) }
    var h1: UInt64 = 0xcbf2_9ce4_8422_2325
    var h2: UInt64 = 0x8422_2325_cbf2_9ce4
    for b in text.utf8 {
      h1 = (h1 ^ UInt64(b)) &* 0x100_0000_01b3
      h2 = (h2 &* 0x100_0000_01b3) ^ UInt64(b)
    }
    let hex = String(h1, radix: 16) + String(h2, radix: 16)
    return "ecwid-edit-" + hex
  }
}
