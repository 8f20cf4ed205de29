import EcwidAPI

/// One request of a save, in order.
public enum PlanStep: Sendable, Hashable {
  /// `PUT /products/{id}` with only the changed top-level fields, each as a whole value.
  case updateProduct(body: JSONObject)
  /// An image by URL (`POST /products/{id}/gallery?externalUrl=…`) or a video (bulk media update).
  case addMedia(url: String, kind: MediaKind)
  /// An image by its `media.images` id as fetched (legacy gallery delete, or `DELETE /image` for
  /// the main image), or a video by id (bulk media update).
  case removeMedia(imageId: String, kind: MediaKind)
  /// Re-read the product because earlier steps renumbered image ids.
  case refetch
  /// `PUT /products/{id}` with `{"media":{"images":[{id, orderBy, alt}…]}}`, ids resolved against
  /// the re-read product. Each entry also carries `imageOriginalUrl` and `expectedPosition` to
  /// find its image; only `id`, `orderBy` and `alt` are sent.
  case updateMediaOrder(images: [JSONObject])
  /// `POST /products/{id}/combinations` with the new variation's fields (its option values included).
  case createCombination(body: JSONObject)
  /// `PUT /products/{id}/combinations/{combinationId}` with only the changed fields; `label`
  /// names the variation by its option values (`Size=XL · Color=Red`).
  case updateCombination(id: Int, label: String, body: JSONObject)
  /// `DELETE /products/{id}/combinations/{combinationId}`.
  case deleteCombination(id: Int, label: String)
  /// `POST /products/{id}/combinations/{combinationId}/image?externalUrl=…`; `id` nil for a
  /// variation this plan creates (found by its option values once it exists).
  case setCombinationImage(id: Int?, label: String, url: String)
  /// `DELETE /products/{id}/combinations/{combinationId}/image`.
  case deleteCombinationImage(id: Int, label: String)
  /// Variation requests (the three above) sent as one `POST /batch?stopOnFirstFailure=true`
  /// with `deduplicationKey`, then its ticket polled. The key is derived from the plan, so
  /// sending this step again (a retry) never runs the requests twice.
  case batch(requests: [PlanStep], deduplicationKey: String)

  /// The request as a person reads it, with `{id}` for the product id.
  public var requestDescription: String { requestDescription(productId: nil) }

  public func requestDescription(productId: Int?) -> String {
    let product = "/products/" + (productId.map(String.init) ?? "{id}")
    switch self {
    case .updateProduct(let body):
      return "PUT \(product) \(JSON.object(body).compactText)"
    case .addMedia(let url, .image):
      return "POST \(product)/gallery?externalUrl=\(url)"
    case .addMedia(let url, .video):
      return "PUT \(product)/media (gallery + video \(url))"
    case .removeMedia(let id, .image):
      return id == "0" ? "DELETE \(product)/image" : "DELETE \(product)/gallery/{gallery id of image \(id)}"
    case .removeMedia(let id, .video):
      return "PUT \(product)/media (gallery without video \(id))"
    case .refetch:
      return "GET \(product)"
    case .updateMediaOrder(let images):
      let sent = images.map { JSON.object(mediaOrderEntry($0)) }
      return "PUT \(product) \(JSON.object(["media": .object(["images": .array(sent)])]).compactText) (ids as re-read)"
    case .createCombination(let body):
      return "POST \(product)/combinations \(JSON.object(body).compactText)"
    case .updateCombination(let id, let label, let body):
      return "PUT \(product)/combinations/\(id) \(JSON.object(body).compactText) (\(label))"
    case .deleteCombination(let id, let label):
      return "DELETE \(product)/combinations/\(id) (\(label))"
    case .setCombinationImage(let id, let label, let url):
      return "POST \(product)/combinations/\(id.map(String.init) ?? "{new}")/image?externalUrl=\(url) (\(label))"
    case .deleteCombinationImage(let id, let label):
      return "DELETE \(product)/combinations/\(id)/image (\(label))"
    case .batch(let requests, _):
      let kinds = Dictionary(grouping: requests, by: { $0.httpMethod }).mapValues(\.count)
      let parts = ["PUT", "POST", "DELETE"].compactMap { m in kinds[m].map { "\($0) \(m)" } }
      return "POST /batch (\(requests.count) variation request\(requests.count == 1 ? "" : "s"): \(parts.joined(separator: ", ")))"
    }
  }
}

/// Only what `media.images` takes: id, orderBy and alt.
public func mediaOrderEntry(_ entry: JSONObject) -> JSONObject {
  var out = JSONObject()
  for key in ["id", "orderBy", "alt"] {
    if let v = entry[key] { out[key] = v }
  }
  return out
}

/// The requests that save the edited product, in order, and nothing else.
public struct UpdatePlan: Sendable {
  public var steps: [PlanStep]
  public var warnings: [String]
  public var productId: Int?
  public var isEmpty: Bool { steps.isEmpty }

  public init(steps: [PlanStep], warnings: [String] = [], productId: Int? = nil) {
    self.steps = steps
    self.warnings = warnings
    self.productId = productId
  }

  /// Each step's request, for the review screen.
  public var requestDescriptions: [String] { steps.map { $0.requestDescription(productId: productId) } }

  /// Fields never sent in the product update: read-only, or derived from `media`.
  static let notSent: Set<String> = serverMaintainedKeys.union([
    "id", "media", "galleryImages", "imageUrl", "thumbnailUrl", "hdThumbnailUrl", "smallThumbnailUrl",
    "originalImageUrl", "originalImage", "borderInfo",
  ])

  static func make(
    base: Product, current: Product, storeLanguages: [String]?, batching: CombinationBatching = .init()
  ) -> UpdatePlan {
    var body = JSONObject()
    var warnings: [String] = []
    for (key, value) in current.json where !notSent.contains(key) && key != "combinations" {
      let old = base.json[key]
      if old == value || sameJSON(old, value) { continue }
      body[key] = value
    }
    for (key, _) in base.json where current.json[key] == nil && !notSent.contains(key) {
      body[key] = .null
    }
    // Variations are saved through their own endpoints (see `CombinationPlanner`).
    body.removeValue(forKey: "combinations")
    if body["options"] != nil && base.hasCombinations {
      warnings.append(
        "This product has variations: changing its options may make Ecwid rebuild or drop them.")
    }
    let media = MediaPlanner(base: base, current: current)
    if let images = media.imagesInProductUpdate {
      body["media"] = .object(["images": .array(images.map(JSON.object))])
    }
    var steps: [PlanStep] = []
    if !body.isEmpty { steps.append(.updateProduct(body: body)) }
    steps += media.steps
    warnings += media.warnings
    let variations = CombinationPlanner(base: base, current: current, batching: batching)
    steps += variations.steps
    warnings += variations.warnings
    return UpdatePlan(steps: steps, warnings: warnings, productId: current.id ?? base.id)
  }
}

/// Works out the media requests: images and videos removed or added by URL, then order and alt.
struct MediaPlanner {
  var steps: [PlanStep] = []
  var warnings: [String] = []
  /// Order and alt sent with the product update, when no earlier step renumbers ids.
  var imagesInProductUpdate: [JSONObject]?

  init(base: Product, current: Product) {
    let baseImages = (base.value(at: imagesPath)?.arrayValue ?? []).compactMap(\.objectValue)
    let currentImages = (current.value(at: imagesPath)?.arrayValue ?? []).compactMap(\.objectValue)
    let baseVideos = (base.value(at: videosPath)?.arrayValue ?? []).compactMap(\.objectValue)
    let currentVideos = (current.value(at: videosPath)?.arrayValue ?? []).compactMap(\.objectValue)
    if baseImages == currentImages && baseVideos == currentVideos { return }

    let keptIds = Set(currentImages.compactMap { $0["id"]?.idString })
    let removedImages = baseImages.compactMap { $0["id"]?.idString }.filter { !keptIds.contains($0) }
    let addedImages = currentImages.filter { $0["id"] == nil }
    let keptVideoIds = Set(currentVideos.compactMap { $0["id"]?.idString })
    let removedVideos = baseVideos.compactMap { $0["id"]?.idString }.filter { !keptVideoIds.contains($0) }
    let addedVideos = currentVideos.filter { $0["id"] == nil }
    let replacesAllMedia = !removedVideos.isEmpty || !addedVideos.isEmpty
    let renumbers = !removedImages.isEmpty || !addedImages.isEmpty || replacesAllMedia

    // What the server will have after the removals and additions, without an order update.
    let identity = ArrayIdentity.mediaImage
    var predicted = baseImages.filter { $0["id"]?.idString.map(keptIds.contains) ?? false } + addedImages
    if replacesAllMedia {
      for i in predicted.indices { predicted[i]["alt"] = nil }
    }
    let predictedKeys = identity.keys(predicted.map(JSON.object))
    let desiredKeys = identity.keys(currentImages.map(JSON.object))
    let predictedAlt = Dictionary(zip(predictedKeys, predicted.map { $0["alt"] }), uniquingKeysWith: { a, _ in a })
    let orderChanged = predictedKeys != desiredKeys
    let altChanged = zip(desiredKeys, currentImages).contains { key, image in
      !Self.sameAlt(predictedAlt[key] ?? nil, image["alt"])
    }
    let predictedPosition = Dictionary(predictedKeys.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })

    var entries: [JSONObject] = []
    for (position, image) in currentImages.enumerated() {
      var entry = JSONObject()
      if let id = image["id"] { entry["id"] = .string(id.idString ?? "") }
      entry["orderBy"] = .int(position)
      if let alt = image["alt"] { entry["alt"] = alt }
      if renumbers {
        if let url = image["imageOriginalUrl"] { entry["imageOriginalUrl"] = url }
        entry["expectedPosition"] = .int(predictedPosition[desiredKeys[position]] ?? position)
      }
      entries.append(entry)
    }

    if !renumbers {
      if orderChanged || altChanged { imagesInProductUpdate = entries }
      if baseVideos != currentVideos {
        warnings.append("Video order and details cannot be changed through the API; those edits are not saved.")
      }
      return
    }
    // Gallery images first (their ids stay), the main image last (the next image becomes "0").
    for id in removedImages where id != "0" { steps.append(.removeMedia(imageId: id, kind: .image)) }
    if removedImages.contains("0") { steps.append(.removeMedia(imageId: "0", kind: .image)) }
    for image in addedImages {
      steps.append(.addMedia(url: image["imageOriginalUrl"]?.stringValue ?? "", kind: .image))
    }
    for id in removedVideos { steps.append(.removeMedia(imageId: id, kind: .video)) }
    for video in addedVideos { steps.append(.addMedia(url: video["url"]?.stringValue ?? "", kind: .video)) }
    if replacesAllMedia {
      warnings.append("Adding or removing a video re-uploads the whole gallery; image ids will change.")
    }
    if orderChanged || altChanged {
      steps.append(.refetch)
      steps.append(.updateMediaOrder(images: entries))
    }
  }

  static func isEmptyAlt(_ alt: JSON?) -> Bool {
    guard let alt, let o = alt.objectValue else { return true }
    for (k, v) in o {
      switch k {
      case "main": if let s = v.stringValue, !s.isEmpty { return false }
      case "translated":
        for (_, t) in v.objectValue ?? [:] { if let s = t.stringValue, !s.isEmpty { return false } }
      default: if !v.isNull { return false }
      }
    }
    return true
  }

  static func sameAlt(_ a: JSON?, _ b: JSON?) -> Bool {
    sameJSON(a, b) || (isEmptyAlt(a) && isEmptyAlt(b))
  }
}

extension UpdatePlan {
  /// After a bulk media request (video steps) in which some items came back `success:false`
  /// (`DOWNLOAD_IMAGE_FAILED` / `DOWNLOAD_VIDEO_FAILED`, ECWID-API.md), the gallery has been
  /// replaced with the items that did arrive. The plan's `updateMediaOrder` entries still
  /// restore order and alt text for every one of them, once adjusted against the re-read
  /// product: an entry whose URL failed and is not in the product is dropped (so that it
  /// cannot take another image's place by position), and the positions expected after it move
  /// up. Entries whose URL failed but is still there (a main image Ecwid kept) stay.
  ///
  /// The runner's part: on such a failure, do not stop; re-read the product, then run the
  /// plan's `updateMediaOrder` step with these entries, then report the failed URLs.
  public static func mediaOrderEntries(
    _ entries: [JSONObject], failedURLs: Set<String>, reRead: Product
  ) -> [JSONObject] {
    let present = Set(reRead.images.compactMap(\.imageOriginalUrl))
    func lost(_ e: JSONObject) -> Bool {
      guard let url = e["imageOriginalUrl"]?.stringValue else { return false }
      return failedURLs.contains(url) && !present.contains(url)
    }
    let lostPositions = entries.filter(lost).compactMap { $0["expectedPosition"]?.intValue }
    var out: [JSONObject] = []
    for entry in entries where !lost(entry) {
      var e = entry
      if let p = e["expectedPosition"]?.intValue {
        e["expectedPosition"] = .int(p - lostPositions.filter { $0 < p }.count)
      }
      e["orderBy"] = .int(out.count)
      out.append(e)
    }
    return out
  }

  /// The plan's order-and-alt step after a partial media failure (see `mediaOrderEntries`), or
  /// nil when the plan has none (nothing to restore).
  public func mediaOrderStep(failedURLs: Set<String>, reRead: Product) -> PlanStep? {
    for step in steps {
      if case .updateMediaOrder(let entries) = step {
        return .updateMediaOrder(images: Self.mediaOrderEntries(entries, failedURLs: failedURLs, reRead: reRead))
      }
    }
    return nil
  }
}
