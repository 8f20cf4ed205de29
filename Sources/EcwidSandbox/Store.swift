import EcwidAPI
import Foundation

/// The sandbox's store: profile, categories, product classes and products. An actor, so every
/// request sees and changes a consistent store; every mutation is one actor call with no
/// suspension, so a failed request changes nothing and concurrent ones never interleave.
actor SandboxStore {
  nonisolated let storeId: Int
  private var profile: JSONObject
  private var products: [Product]
  private var index: [Int: Int] = [:]
  private var document: JSONObject
  private var lastTimestamp: Int
  private let dataFile: String?
  private let initialDocument: JSONObject

  /// See `SandboxOptions.planLimit` and `taxClassCodes`.
  private let planLimit: Int?
  private let taxClassCodes: [String]

  init(document: JSONObject, dataFile: String?, planLimit: Int? = nil, taxClassCodes: [String] = []) throws {
    self.planLimit = planLimit
    self.taxClassCodes = taxClassCodes
    let parsed = try Self.parse(document)
    self.storeId = parsed.storeId
    self.profile = parsed.profile
    self.products = parsed.products
    self.document = document
    self.initialDocument = document
    self.dataFile = dataFile
    self.lastTimestamp = parsed.products.compactMap(\.updateTimestamp).max() ?? 0
    self.index = Self.makeIndex(parsed.products)
  }

  static func makeIndex(_ products: [Product]) -> [Int: Int] {
    var index: [Int: Int] = [:]
    for (i, p) in products.enumerated() {
      if let id = p.id { index[id] = i }
    }
    return index
  }

  static func parse(_ doc: JSONObject) throws -> (storeId: Int, profile: JSONObject, products: [Product]) {
    var storeId = 1003
    if let s = doc["storeId"] {
      guard let v = s.intValue, v > 0 else { throw SandboxError("storeId must be a positive integer") }
      storeId = v
    }
    var products: [Product] = []
    var seen = Set<Int>()
    for (k, item) in (doc["products"]?.arrayValue ?? []).enumerated() {
      guard let o = item.objectValue else { throw SandboxError("products[\(k)] is not a JSON object") }
      let p = Product(json: o)
      guard let id = p.id else { throw SandboxError("products[\(k)] has no numeric id") }
      guard seen.insert(id).inserted else { throw SandboxError("product id \(id) appears twice") }
      products.append(p)
    }
    if let p = doc["profile"], p.objectValue == nil { throw SandboxError("profile must be a JSON object") }
    let profile = doc["profile"]?.objectValue ?? SampleCatalog.defaultProfile(storeId: storeId, products: products)
    return (storeId, profile, products)
  }

  // MARK: Reading

  func product(id: Int) -> Product? { index[id].map { products[$0] } }

  /// The last `GET /products/ID` answers, each with the product it was written from (at most
  /// `answersKept`; a 2 MB product takes about 10 ms to write).
  private var answers: [Int: (product: Product, body: Data)] = [:]
  private static let answersKept = 16

  /// The JSON text of a product, written again only when the product changed since its last
  /// answer. The kept product holds its storage alive, so a change to the store's copy (which
  /// shares that storage) always copies it to new addresses: the same addresses mean the same
  /// product, and the kept text is its text.
  func productText(id: Int) -> Data? {
    guard let p = product(id: id) else { return nil }
    if let kept = answers[id], kept.product.json.storageAddresses == p.json.storageAddresses { return kept.body }
    let body = p.value.encoded()
    if answers[id] == nil, answers.count >= Self.answersKept { answers.removeAll(keepingCapacity: true) }
    answers[id] = (p, body)
    return body
  }
  func allProducts() -> [Product] { products }
  func profileObject() -> JSONObject { profile }

  var categories: [JSONObject] { document["categories"]?.arrayValue?.compactMap(\.objectValue) ?? [] }
  var productClasses: [JSONObject] { document["productClasses"]?.arrayValue?.compactMap(\.objectValue) ?? [] }

  /// `GET /categories` (ECWID-API.md "Categories"): `parent=ID` lists that category's children
  /// (`parent=0` the top level), without `parent` all; `offset`/`limit` page the list (default
  /// 100; no maximum is documented); `productIds=true` adds each category's `productIds` (from the
  /// products' `categoryIds`). `hidden_categories` is taken but its effect is not documented:
  /// every category is listed.
  func categoryList(_ q: QueryParams) throws(APIError) -> JSON {
    var items = categories
    if let parent = try q.int("parent") {
      items = items.filter { ($0["parentId"]?.intValue ?? 0) == parent }
    }
    let offset = try q.int("offset") ?? 0
    guard offset >= 0 else { throw .badRequest("Parameter 'offset' can't be negative") }
    let limit = max(0, try q.int("limit") ?? 100)
    let page = offset < items.count ? Array(items[offset..<min(items.count, offset + limit)]) : []
    let withIds = q.bool("productIds")
    let out = page.map { c -> JSON in
      var o = c
      o.removeValue(forKey: "productIds")
      if withIds, let id = c["id"]?.intValue {
        o["productIds"] = .array(products.filter { ($0.categoryIds ?? []).contains(id) }.compactMap(\.id).map { .int($0) })
      }
      return .object(o)
    }
    return [
      "total": .int(items.count), "count": .int(out.count), "offset": .int(offset), "limit": .int(limit),
      "items": .array(out),
    ]
  }

  func context() -> StoreContext {
    let langs = StoreLanguages(json: profile["languages"]?.objectValue ?? [:])
    let def = langs.defaultLanguage ?? langs.enabledLanguages.first ?? "en"
    var enabled = langs.enabledLanguages
    if !enabled.contains(def) { enabled.insert(def, at: 0) }

    var categoryIds = Set(categories.compactMap { $0["id"]?.intValue })
    if document["categories"] == nil {
      for p in products { categoryIds.formUnion(p.categoryIds ?? []) }
    }
    var classIds = Set(productClasses.compactMap { $0["id"]?.intValue })
    if document["productClasses"] == nil {
      for p in products { if let c = p.productClassId { classIds.insert(c) } }
    }
    var skuOwner: [String: Int] = [:]
    var productBySku: [String: Int] = [:]
    for p in products {
      guard let id = p.id else { continue }
      if let s = p.sku, !s.isEmpty {
        skuOwner[s] = id
        productBySku[s] = id
      }
      for c in p.combinations ?? [] {
        if let s = c.sku, !s.isEmpty { skuOwner[s] = id }
      }
    }
    let taxSettings = profile["taxSettings"]?.objectValue
    var taxes: [Int: Bool]?
    if let list = taxSettings?["taxes"]?.arrayValue {
      var t: [Int: Bool] = [:]
      for tax in list {
        if let id = tax["id"]?.intValue { t[id] = tax["enabled"]?.boolValue ?? true }
      }
      taxes = t
    }
    let formats = profile["formatsAndUnits"]?.objectValue
    var categoryEnabled: [Int: Bool] = [:]
    for c in categories {
      if let id = c["id"]?.intValue { categoryEnabled[id] = c["enabled"]?.boolValue ?? true }
    }
    var ctx = StoreContext(
      storeId: storeId, languages: enabled, defaultLanguage: def, categoryIds: categoryIds, classIds: classIds,
      productIds: Set(index.keys), skuOwner: skuOwner, productBySku: productBySku, taxes: taxes,
      automaticTaxes: taxSettings?["automaticTaxEnabled"]?.boolValue ?? false,
      currencyPrefix: formats?["currencyPrefix"]?.stringValue ?? "$",
      currencySuffix: formats?["currencySuffix"]?.stringValue ?? "",
      storeURL: profile["generalInfo"]?["storeUrl"]?.stringValue ?? "https://store\(storeId).company.site")
    ctx.categoryEnabled = categoryEnabled
    ctx.taxClassCodes = Set(["Default"] + taxClassCodes + products.compactMap { $0.json["tax"]?["taxClassCode"]?.stringValue })
    for c in productClasses {
      for a in c["attributes"]?.arrayValue ?? [] {
        guard let name = a["name"]?.stringValue else { continue }
        if let id = a["id"]?.intValue { ctx.attributeNames[id] = name }
        if let type = a["type"]?.stringValue, type != "CUSTOM" { ctx.aliasNames[type.uppercased()] = name }
        if let id = a["id"]?.intValue {
          ctx.nameIds[name.lowercased(), default: []].insert(id)
          if let type = a["type"]?.stringValue, type != "CUSTOM" { ctx.aliasIds[type.uppercased(), default: []].insert(id) }
        }
      }
    }
    return ctx
  }

  /// `GET /products`: keyword (name, translated names, SKU, description; case-insensitive),
  /// `sku` (exact, variations too), `productId=1,2`, `category`, `enabled`, `inStock`, `sortBy`,
  /// `offset`, `limit` (default and maximum 100).
  func search(_ q: QueryParams) throws(APIError) -> JSON {
    var items = products
    if let k = q["keyword"]?.trimmingCharacters(in: .whitespaces), !k.isEmpty {
      items = items.filter { p in
        var texts = [p.name, p.sku, p.description].compactMap { $0 }
        texts += p.nameTranslated?.pairs.map(\.text) ?? []
        return texts.contains { $0.range(of: k, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
      }
    }
    if let sku = q["sku"], !sku.isEmpty {
      items = items.filter { p in p.sku == sku || (p.combinations ?? []).contains { $0.sku == sku } }
    }
    if let ids = q["productId"], !ids.isEmpty {
      var wanted: [Int] = []
      for part in ids.split(separator: ",") {
        guard let v = Int(part.trimmingCharacters(in: .whitespaces)) else {
          throw .badRequest("Parameter 'productId' must be a list of numbers, got '\(ids)'")
        }
        wanted.append(v)
      }
      items = items.filter { wanted.contains($0.id ?? -1) }
    }
    if let c = try q.int("category") {
      items = items.filter { c == 0 ? ($0.categoryIds ?? []).isEmpty : ($0.categoryIds ?? []).contains(c) }
    }
    if let e = q["enabled"], !e.isEmpty { items = items.filter { ($0.enabled ?? true) == (e == "true") } }
    if let s = q["inStock"], !s.isEmpty { items = items.filter { ($0.inStock ?? true) == (s == "true") } }
    switch q["sortBy"]?.uppercased() {
    case "NAME_ASC"?: items.sort { ($0.name ?? "") < ($1.name ?? "") }
    case "NAME_DESC"?: items.sort { ($0.name ?? "") > ($1.name ?? "") }
    case "PRICE_ASC"?: items.sort { ($0.price?.double ?? 0) < ($1.price?.double ?? 0) }
    case "PRICE_DESC"?: items.sort { ($0.price?.double ?? 0) > ($1.price?.double ?? 0) }
    case "ADDED_TIME_ASC"?: items.sort { ($0.createTimestamp ?? 0) < ($1.createTimestamp ?? 0) }
    case "ADDED_TIME_DESC"?: items.sort { ($0.createTimestamp ?? 0) > ($1.createTimestamp ?? 0) }
    case "UPDATED_TIME_ASC"?: items.sort { ($0.updateTimestamp ?? 0) < ($1.updateTimestamp ?? 0) }
    case "UPDATED_TIME_DESC"?: items.sort { ($0.updateTimestamp ?? 0) > ($1.updateTimestamp ?? 0) }
    default: break
    }
    let offset = try q.int("offset") ?? 0
    guard offset >= 0 else { throw .badRequest("Parameter 'offset' can't be negative") }
    let limit = min(100, max(0, try q.int("limit") ?? 100))
    let page = offset < items.count ? Array(items[offset..<min(items.count, offset + limit)]) : []
    return [
      "total": .int(items.count), "count": .int(page.count), "offset": .int(offset), "limit": .int(limit),
      "items": .array(page.map { .object($0.json) }),
    ]
  }

  // MARK: Changing

  func position(_ id: Int) throws(APIError) -> Int {
    guard let i = index[id] else { throw .productNotFound(String(id)) }
    return i
  }

  /// Stores a changed product: timestamps bumped (strictly increasing), data file rewritten. An
  /// update that changes nothing leaves the product, its timestamps and the file alone.
  @discardableResult
  func commit(_ new: Product, at i: Int) throws(APIError) -> Product {
    let old = products[i]
    var a = new.json
    var b = old.json
    for k in ["updated", "updateTimestamp"] {
      a.removeValue(forKey: k)
      b.removeValue(forKey: k)
    }
    if a == b { return old }
    var p = new
    stamp(&p)
    products[i] = p
    do {
      try persist()
    } catch {
      products[i] = old
      throw .internalError("The store could not be saved: \(error)")
    }
    return p
  }

  private func nextTimestamp() -> Int {
    let ts = max(EcwidTime.now, lastTimestamp + 1)
    lastTimestamp = ts
    return ts
  }

  private func stamp(_ p: inout Product) {
    let ts = nextTimestamp()
    p.json["updated"] = .string(EcwidTime.text(ts))
    p.json["updateTimestamp"] = .int(ts)
  }

  /// spec/003: "402 The merchant plan product limit is reached" (no error code is documented).
  private func checkPlanLimit(adding: Bool) throws(APIError) {
    guard let planLimit else { return }
    if products.count > planLimit || (adding && products.count >= planLimit) {
      throw APIError(
        402, nil, "The merchant plan product limit is reached: the plan allows \(planLimit) products, the store has \(products.count)")
    }
  }

  func update(id: Int, body: JSON, saveCombinations: Bool) throws(APIError) -> Product {
    let i = try position(id)
    try checkPlanLimit(adding: false)
    let updated = try ProductRules.applyUpdate(body, to: products[i], ctx: context(), saveCombinations: saveCombinations)
    return try commit(updated, at: i)
  }

  func create(body: JSON) throws(APIError) -> Int {
    try checkPlanLimit(adding: true)
    let id = (products.compactMap(\.id).max() ?? 692_730_759) + 2
    let ctx = context()
    var n = products.count + 1
    while ctx.skuOwner[String(format: "%05d", n)] != nil { n += 1 }
    let ts = nextTimestamp()
    let p = try ProductRules.create(body, id: id, sku: String(format: "%05d", n), now: ts, ctx: ctx)
    products.append(p)
    index[id] = products.count - 1
    do {
      try persist()
    } catch {
      products.removeLast()
      index[id] = nil
      throw .internalError("The store could not be saved: \(error)")
    }
    return id
  }

  func delete(id: Int) throws(APIError) -> Int {
    let i = try position(id)
    let removed = products.remove(at: i)
    index = Self.makeIndex(products)
    do {
      try persist()
    } catch {
      products.insert(removed, at: i)
      index = Self.makeIndex(products)
      throw .internalError("The store could not be saved: \(error)")
    }
    return 1
  }

  /// `PUT /products/{id}/media`: replaces media from URLs (see `MediaRules`).
  func replaceMedia(id: Int, body: JSON) throws(APIError) -> JSON {
    let i = try position(id)
    guard let o = body.objectValue else { throw .badRequest("The request body must be a JSON object") }
    let mainRaw = o["mainMedia"] ?? .null
    let galleryRaw = o["galleryMedia"] ?? .null
    if mainRaw.isNull && galleryRaw.isNull {
      throw .badRequest("Either mainMedia or galleryMedia must be present in the request")
    }
    typealias Item = (image: String?, video: String?)
    func item(_ v: JSON, _ path: String) throws(APIError) -> Item {
      guard let io = v.objectValue else { throw .badRequest("\(path) must be an object") }
      var out: Item = (nil, nil)
      for key in ["imageUrl", "videoUrl"] {
        guard let u = io[key], !u.isNull else { continue }
        guard let s = u.stringValue else { throw .badRequest("\(path).\(key) must be a string") }
        if key == "imageUrl" { out.image = s } else { out.video = s }
      }
      return out
    }
    var main: Item?
    if !mainRaw.isNull {
      let m = try item(mainRaw, "mainMedia")
      // An empty mainMedia means "no changes" (spec: "If empty or null — no changes").
      if m.image != nil || m.video != nil || !(mainRaw.objectValue?.isEmpty ?? true) { main = m }
    }
    var gallery: [Item]?
    if !galleryRaw.isNull {
      guard let list = galleryRaw.arrayValue else { throw .badRequest("galleryMedia must be an array") }
      var items: [Item] = []
      for (k, v) in list.enumerated() {
        let it = try item(v, "galleryMedia[\(k)]")
        if it.image == nil && it.video == nil {
          throw .badRequest("galleryMedia[\(k)] must have an imageUrl or a videoUrl")
        }
        if it.image != nil && it.video != nil {
          throw .badRequest("galleryMedia[\(k)] must have either an imageUrl or a videoUrl, not both")
        }
        items.append(it)
      }
      gallery = items
    }
    // Whole-request URL checks (422) before anything changes.
    var all: [Item] = []
    if let main { all.append(main) }
    all += gallery ?? []
    for it in all {
      if let u = it.image, let e = MediaRules.checkImage(u) { throw .unprocessable(e) }
      if let u = it.video, let e = MediaRules.checkVideo(u) { throw .unprocessable(e) }
    }

    var p = products[i]
    var images = MediaRules.images(of: p)
    var videos = MediaRules.videos(of: p)
    var response: JSONObject = [:]
    func failure(_ code: MediaErrorCode) -> JSON {
      ["success": false, "errorCode": .string(code.rawValue), "errorMessage": .string(code.message)]
    }
    if let main {
      var failed: MediaErrorCode?
      if let u = main.image {
        if MediaRules.imageDownloadFails(u) {
          failed = .downloadImageFailed  // the current main image stays
        } else {
          if !images.isEmpty { images.removeFirst() }
          images.insert(MediaRules.image(id: "0", url: u), at: 0)
        }
      } else if !images.isEmpty {
        images.removeFirst()
      }
      if let u = main.video {
        if MediaRules.videoDownloadFails(u) {
          failed = failed ?? .downloadVideoFailed
        } else {
          videos.removeAll { $0["isMain"]?.boolValue == true }
          videos.insert(MediaRules.video(id: "0", url: u, isMain: true), at: 0)
        }
      } else {
        videos.removeAll { $0["isMain"]?.boolValue == true }
      }
      response["mainMedia"] = failed.map(failure) ?? ["success": true, "id": "0"]
    }
    if let gallery {
      // The gallery is replaced; the main image (untouched, new, or kept after a failed download) stays.
      let keepFirst = main == nil || startsWithMain(images)
      images = keepFirst ? Array(images.prefix(1)) : []
      videos.removeAll { $0["isMain"]?.boolValue != true }
      var results: [JSON] = []
      for (k, it) in gallery.enumerated() {
        let gid = String(k + 1)
        if let u = it.image {
          if MediaRules.imageDownloadFails(u) {
            results.append(failure(.downloadImageFailed))
          } else {
            images.append(MediaRules.image(id: gid, url: u))
            results.append(["success": true, "id": .string(gid)])
          }
        } else if let u = it.video {
          if MediaRules.videoDownloadFails(u) {
            results.append(failure(.downloadVideoFailed))
          } else {
            videos.append(MediaRules.video(id: gid, url: u, isMain: false))
            results.append(["success": true, "id": .string(gid)])
          }
        }
      }
      response["galleryMedia"] = .array(results)
    }
    // The first image is always the main one, id "0".
    if !images.isEmpty, images[0]["id"]?.idString != "0" { images[0]["id"] = "0" }
    MediaRules.normalize(&p, images: images, videos: videos)
    try commit(p, at: i)
    return .object(response)
  }

  /// Whether `images` still starts with the main image (its id is "0").
  private func startsWithMain(_ images: [JSONObject]) -> Bool {
    images.first?["id"]?.idString == "0"
  }

  /// `POST /products/{id}/gallery`: adds an image at the end of the gallery; answers its legacy id.
  func addGalleryImage(id: Int, url: String) throws(APIError) -> Int {
    let i = try position(id)
    if let e = MediaRules.checkImage(url) { throw .unprocessable(e) }
    if MediaRules.imageDownloadFails(url) { throw .unprocessable(.downloadImageFailed) }
    var p = products[i]
    var images = MediaRules.images(of: p)
    let newId = images.isEmpty ? "0" : String(MediaRules.maxNumericId(images) + 1)
    images.append(MediaRules.image(id: newId, url: url))
    MediaRules.normalize(&p, images: images)
    try commit(p, at: i)
    if images.count > 1, let g = p.json["galleryImages"]?.arrayValue?.last?["id"]?.intValue { return g }
    return Int(fnv1a(url) % 900_000_000) + 100_000_000
  }

  /// `POST /products/{id}/image`: replaces the main image.
  func setMainImage(id: Int, url: String) throws(APIError) -> Int {
    let i = try position(id)
    if let e = MediaRules.checkImage(url) { throw .unprocessable(e) }
    if MediaRules.imageDownloadFails(url) { throw .unprocessable(.downloadImageFailed) }
    var p = products[i]
    var images = MediaRules.images(of: p)
    if !images.isEmpty { images.removeFirst() }
    images.insert(MediaRules.image(id: "0", url: url), at: 0)
    MediaRules.normalize(&p, images: images)
    try commit(p, at: i)
    return Int(fnv1a(url) % 900_000_000) + 100_000_000
  }

  /// `DELETE /products/{id}/image`: removes the main image (the first gallery image takes its place).
  func deleteMainImage(id: Int) throws(APIError) -> Int {
    let i = try position(id)
    var p = products[i]
    var images = MediaRules.images(of: p)
    guard !images.isEmpty else { return 0 }
    images.removeFirst()
    if !images.isEmpty { images[0]["id"] = "0" }
    MediaRules.normalize(&p, images: images)
    try commit(p, at: i)
    return 1
  }

  /// `DELETE /products/{id}/gallery/{galleryImageId}` (legacy numeric id).
  func deleteGalleryImage(id: Int, galleryId: Int) throws(APIError) -> Int {
    let i = try position(id)
    var p = products[i]
    var images = MediaRules.images(of: p)
    let previous = p.json["galleryImages"]?.arrayValue?.compactMap(\.objectValue) ?? []
    let ids = MediaRules.legacyIds(images: images, previous: previous)
    guard let pos = ids.firstIndex(of: galleryId) else {
      throw .notFound("Gallery image #\(galleryId) not found in product #\(id)")
    }
    images.remove(at: pos + 1)
    MediaRules.normalize(&p, images: images)
    try commit(p, at: i)
    return 1
  }

  /// `DELETE /products/{id}/gallery`: removes every gallery image (the main image stays).
  func deleteAllGalleryImages(id: Int) throws(APIError) -> Int {
    let i = try position(id)
    var p = products[i]
    let images = MediaRules.images(of: p)
    guard images.count > 1 else { return 0 }
    MediaRules.normalize(&p, images: [images[0]])
    try commit(p, at: i)
    return images.count - 1
  }

  /// Back to the store as it was when the sandbox started.
  func reset() throws(APIError) {
    guard let parsed = try? Self.parse(initialDocument) else { return }
    let before = (document, profile, products)
    document = initialDocument
    profile = parsed.profile
    products = parsed.products
    index = Self.makeIndex(products)
    do {
      try persist()
    } catch {
      (document, profile, products) = before
      index = Self.makeIndex(products)
      throw .internalError("The store could not be saved: \(error)")
    }
  }

  // MARK: Persistence

  /// The data file's document: `{"storeId", "profile", "categories", "productClasses", "products"}`
  /// plus any other keys it had, in their order.
  func currentDocument() -> JSONObject {
    var doc = document
    doc["storeId"] = .int(storeId)
    doc["profile"] = .object(profile)
    doc["products"] = .array(products.map { .object($0.json) })
    return doc
  }

  private func persist() throws {
    guard let dataFile else { return }
    try Self.write(currentDocument(), to: dataFile)
  }

  /// Writes the document next to the file, then renames it over the file: a crash never leaves a
  /// half-written store.
  static func write(_ doc: JSONObject, to path: String) throws {
    do {
      try AtomicFile.write(Data((JSON.object(doc).prettyText() + "\n").utf8), to: path, private: false)
    } catch {
      throw SandboxError(error.stage == .create ? "cannot write \(error.path)" : "cannot replace \(path): \(error.reason)")
    }
  }
}
