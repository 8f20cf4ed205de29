import EcwidAPI
import Foundation
import Hummingbird

/// The rules of the variation (combination) endpoints, from Ecwid's documentation
/// (../shared/ECWID-API.md "Beyond one product's fields") and its official client's models:
/// - writable fields: `sku`, `options`, `price`, `compareToPrice`, `wholesalePrices`, `quantity`,
///   `unlimited`, `warningLimit`, `weight`, `attributes`, `isShippingRequired`; computed ones
///   (`id`, `combinationNumber`, `inStock`, image URLs, displayed prices) are ignored when sent;
///   other fields are stored as sent, like a product's.
/// - `options`: `{name, value}` pairs matched to the product's options by option name and choice
///   text (400 otherwise, and for the same option twice); stored in the product's option order
///   with the option's and choice's translations.
/// - SKU unique across every product and every variation of the store (409 `SKU_ALREADY_EXISTS`).
/// - `inStock` follows `quantity`/`unlimited` (unlimited drops quantity; a quantity alone makes it
///   limited); a new variation without either is unlimited, as in Ecwid's example.
/// - a change stores the product with new `updated`/`updateTimestamp`.
enum CombinationRules {
  static let schema: Schema = .object([
    "sku": .string, "options": .array(ProductRules.optionValue), "price": .number, "compareToPrice": .number,
    "wholesalePrices": .array(.object(["quantity": .number, "price": .number])), "quantity": .number,
    "unlimited": .bool, "warningLimit": .number, "weight": .number, "attributes": .array(ProductRules.attribute),
    "isShippingRequired": .bool,
  ])

  /// Computed by Ecwid; ignored when sent.
  static let computed: Set<String> = [
    "id", "combinationNumber", "inStock", "defaultDisplayedPrice", "defaultDisplayedPriceFormatted", "imageUrl",
    "thumbnailUrl", "smallThumbnailUrl", "hdThumbnailUrl", "originalImageUrl",
  ]

  /// Checks a POST/PUT body and returns it normalised, computed fields removed.
  static func checkedBody(_ v: JSON, product: Product, ctx: StoreContext) throws(APIError) -> JSONObject {
    guard case .object(var body) = v else {
      throw .badRequest("The request body must be a JSON object, got \(v.kindName)")
    }
    for k in computed { body.removeValue(forKey: k) }
    guard case .object(let checked) = try ProductRules.check(.object(body), schema, path: "") else {
      throw .badRequest("The request body must be a JSON object")
    }
    body = checked
    DocumentedRules.sortTiers(&body)
    try ProductRules.checkLanguages(.object(body), ctx: ctx)
    // Prices and wholesale tiers follow the product's rules (the SKU is checked store-wide below).
    var values = body
    values.removeValue(forKey: "sku")
    try ProductRules.checkValues(values, product: product, ctx: ctx)
    if let options = body["options"], !options.isNull {
      body["options"] = .array(try matchOptions(options.arrayValue ?? [], product: product))
    }
    return body
  }

  /// The option values, matched to the product's options by name and choice text, in the
  /// product's option order and with their translations.
  static func matchOptions(_ values: [JSON], product: Product) throws(APIError) -> [JSON] {
    let productOptions = product.options ?? []
    var byOption: [Int: JSONObject] = [:]
    for (i, v) in values.enumerated() {
      guard let name = v["name"]?.stringValue, !name.isEmpty else {
        throw .badRequest("Field 'options[\(i)].name' is required")
      }
      guard let value = v["value"]?.stringValue else {
        throw .badRequest("Field 'options[\(i)].value' is required")
      }
      guard let k = productOptions.firstIndex(where: { $0.name == name }) else {
        throw .badRequest("Product #\(product.id ?? 0) has no option '\(name)'")
      }
      let option = productOptions[k]
      guard let choice = (option.choices ?? []).first(where: { $0.text == value }) else {
        throw .badRequest("Option '\(name)' of product #\(product.id ?? 0) has no choice '\(value)'")
      }
      guard byOption[k] == nil else { throw .badRequest("Option '\(name)' is given twice") }
      var o: JSONObject = ["name": .string(name)]
      if let t = option.nameTranslated { o["nameTranslated"] = .object(t.json) }
      o["value"] = .string(value)
      if let t = choice.textTranslated { o["valueTranslated"] = .object(t.json) }
      byOption[k] = o
    }
    return byOption.keys.sorted().compactMap { byOption[$0].map(JSON.object) }
  }

  /// Applies a checked body to a variation: sent fields replace, `null` removes.
  static func apply(_ body: JSONObject, to combination: inout JSONObject) {
    for (k, v) in body {
      if v.isNull { combination.removeValue(forKey: k) } else { combination[k] = v }
    }
  }

  /// Keeps the computed fields consistent after a change.
  static func derive(_ c: inout JSONObject, sent: JSONObject, product: Product, ctx: StoreContext) {
    if sent["unlimited"]?.boolValue == true {
      c.removeValue(forKey: "quantity")
    } else if let q = sent["quantity"], !q.isNull, sent["unlimited"] == nil {
      c["unlimited"] = .bool(false)
    }
    let unlimited = c["unlimited"]?.boolValue ?? false
    let quantity = c["quantity"]?.doubleValue ?? 0
    c["inStock"] = .bool(unlimited || quantity > 0)
    let price = displayedPrice(c, product: product)
    c["defaultDisplayedPrice"] = .num(price)
    c["defaultDisplayedPriceFormatted"] = .string(ProductRules.format(price, ctx: ctx))
  }

  /// The variation's own price, or the product's price with its choices' modifiers.
  static func displayedPrice(_ c: JSONObject, product: Product) -> Double {
    if let p = c["price"]?.doubleValue { return p }
    let base = product.price?.double ?? 0
    var price = base
    for v in c["options"]?.arrayValue ?? [] {
      guard let option = product.options?.first(where: { $0.name == v["name"]?.stringValue }),
        let choice = option.choices?.first(where: { $0.text == v["value"]?.stringValue })
      else { continue }
      let m = choice.priceModifier?.double ?? 0
      price += choice.priceModifierType == .percent ? base * m / 100 : m
    }
    return (price * 100).rounded() / 100
  }

  static func find(_ p: Product, _ combinationId: Int) throws(APIError) -> Int {
    guard let k = p.json["combinations"]?.arrayValue?.firstIndex(where: { $0["id"]?.intValue == combinationId }) else {
      throw .notFound("Combination #\(combinationId) not found in product #\(p.id ?? 0)")
    }
    return k
  }
}

extension SandboxStore {
  private func combinationList(_ p: Product) -> [JSONObject] {
    p.json["combinations"]?.arrayValue?.compactMap(\.objectValue) ?? []
  }

  /// 409 when another product or variation of the store has this SKU.
  private func checkSku(_ sku: String?, productId: Int, combinationId: Int?) throws(APIError) {
    guard let sku, !sku.isEmpty else { return }
    for p in allProducts() {
      var taken = p.sku == sku
      if !taken {
        taken = combinationList(p).contains {
          $0["sku"]?.stringValue == sku && !(p.id == productId && $0["id"]?.intValue == combinationId)
        }
      }
      if taken { throw .conflict("SKU_ALREADY_EXISTS", "The product with SKU '\(sku)' already exists") }
    }
  }

  func combinations(productId: Int) throws(APIError) -> [JSONObject] {
    combinationList(allProducts()[try position(productId)])
  }

  func combination(productId: Int, combinationId: Int) throws(APIError) -> JSONObject {
    let p = allProducts()[try position(productId)]
    return combinationList(p)[try CombinationRules.find(p, combinationId)]
  }

  func createCombination(productId: Int, body: JSON) throws(APIError) -> Int {
    let i = try position(productId)
    var p = allProducts()[i]
    let ctx = context()
    let sent = try CombinationRules.checkedBody(body, product: p, ctx: ctx)
    guard let options = sent["options"]?.arrayValue, !options.isEmpty else {
      throw .badRequest("A combination needs its option values: 'options' is required")
    }
    try checkSku(sent["sku"]?.stringValue, productId: productId, combinationId: nil)
    var list = combinationList(p)
    let storeMax = allProducts().flatMap { combinationList($0).compactMap { $0["id"]?.intValue } }.max() ?? 0
    let id = max(storeMax + 1, 100_000_001)
    let number = (list.compactMap { $0["combinationNumber"]?.intValue }.max() ?? 0) + 1
    var c: JSONObject = ["id": .int(id), "combinationNumber": .int(number)]
    CombinationRules.apply(sent, to: &c)
    if c["unlimited"] == nil && c["quantity"] == nil { c["unlimited"] = true }
    if c["attributes"] == nil { c["attributes"] = [] }
    CombinationRules.derive(&c, sent: sent, product: p, ctx: ctx)
    list.append(c)
    p.json["combinations"] = .array(list.map(JSON.object))
    try commit(p, at: i)
    return id
  }

  func updateCombination(productId: Int, combinationId: Int, body: JSON) throws(APIError) {
    let i = try position(productId)
    var p = allProducts()[i]
    let k = try CombinationRules.find(p, combinationId)
    let ctx = context()
    let sent = try CombinationRules.checkedBody(body, product: p, ctx: ctx)
    if let options = sent["options"], options.arrayValue?.isEmpty ?? true {
      throw .badRequest("A combination needs its option values: 'options' can't be empty")
    }
    try checkSku(sent["sku"]?.stringValue, productId: productId, combinationId: combinationId)
    var list = combinationList(p)
    CombinationRules.apply(sent, to: &list[k])
    CombinationRules.derive(&list[k], sent: sent, product: p, ctx: ctx)
    p.json["combinations"] = .array(list.map(JSON.object))
    try commit(p, at: i)
  }

  func deleteCombination(productId: Int, combinationId: Int) throws(APIError) -> Int {
    let i = try position(productId)
    var p = allProducts()[i]
    let k = try CombinationRules.find(p, combinationId)
    var list = combinationList(p)
    list.remove(at: k)
    p.json["combinations"] = .array(list.map(JSON.object))
    try commit(p, at: i)
    return 1
  }

  func deleteAllCombinations(productId: Int) throws(APIError) -> Int {
    let i = try position(productId)
    var p = allProducts()[i]
    let n = combinationList(p).count
    guard n > 0 else { return 0 }
    p.json["combinations"] = []
    try commit(p, at: i)
    return n
  }

  static let imageKeys: [(String, Int?)] = [
    ("imageUrl", 1500), ("hdThumbnailUrl", 800), ("thumbnailUrl", 400), ("smallThumbnailUrl", 160),
    ("originalImageUrl", nil),
  ]

  func setCombinationImage(productId: Int, combinationId: Int, url: String) throws(APIError) -> Int {
    let i = try position(productId)
    var p = allProducts()[i]
    let k = try CombinationRules.find(p, combinationId)
    if let e = MediaRules.checkImage(url) { throw .unprocessable(e) }
    if MediaRules.imageDownloadFails(url) { throw .unprocessable(.downloadImageFailed) }
    let u = MediaRules.normalizedURL(url)
    var list = combinationList(p)
    for (key, px) in Self.imageKeys { list[k][key] = .string(px.map { MediaRules.sized(u, $0) } ?? u) }
    p.json["combinations"] = .array(list.map(JSON.object))
    try commit(p, at: i)
    return Int(fnv1a("\(combinationId)-\(u)") % 900_000_000) + 100_000_000
  }

  func deleteCombinationImage(productId: Int, combinationId: Int) throws(APIError) -> Int {
    let i = try position(productId)
    var p = allProducts()[i]
    let k = try CombinationRules.find(p, combinationId)
    var list = combinationList(p)
    let had = Self.imageKeys.contains { !(list[k][$0.0]?.stringValue ?? "").isEmpty }
    for (key, _) in Self.imageKeys { list[k].removeValue(forKey: key) }
    p.json["combinations"] = .array(list.map(JSON.object))
    try commit(p, at: i)
    return had ? 1 : 0
  }
}

extension Sandbox {
  /// `/products/{id}/combinations…` and `/batch`; nil for any other path.
  func routeVariations(
    method: String, rest: [String], path: String, query: QueryParams, headers: HTTPFields, body: Data
  ) async throws(APIError) -> Reply? {
    if rest == ["batch"] { return try await routeBatch(method: method, query: query, headers: headers, body: body) }
    guard rest.count >= 3, rest.count <= 5, rest[0] == "products", rest[2] == "combinations" else { return nil }
    guard let id = Int(rest[1]) else { throw .productNotFound(rest[1]) }
    func ok(_ json: JSON) -> Reply {
      Reply(status: 200, json: query["responseFields"].map { ResponseFields.filter(json, spec: $0) } ?? json)
    }
    func wrongMethod() -> APIError { APIError(405, nil, "Method \(method) is not allowed for \(path)") }
    var cid: Int?
    if rest.count >= 4 {
      guard let c = Int(rest[3]) else { throw .notFound("Combination #\(rest[3]) not found in product #\(id)") }
      cid = c
    }
    switch (rest.count, cid) {
    case (3, _):
      switch method {
      case "GET": return ok(.array(try await store.combinations(productId: id).map(JSON.object)))
      case "POST":
        let json = try Self.jsonBody(headers: headers, body: body)
        return Reply(status: 200, json: ["id": .int(try await store.createCombination(productId: id, body: json))])
      case "DELETE":
        return Reply(status: 200, json: ["deleteCount": .int(try await store.deleteAllCombinations(productId: id))])
      default: throw wrongMethod()
      }
    case (4, let cid?):
      switch method {
      case "GET": return ok(.object(try await store.combination(productId: id, combinationId: cid)))
      case "PUT":
        let json = try Self.jsonBody(headers: headers, body: body)
        try await store.updateCombination(productId: id, combinationId: cid, body: json)
        return Reply(status: 200, json: ["updateCount": 1])
      case "DELETE":
        let n = try await store.deleteCombination(productId: id, combinationId: cid)
        return Reply(status: 200, json: ["deleteCount": .int(n)])
      default: throw wrongMethod()
      }
    case (5, let cid?) where rest[4] == "image":
      switch method {
      case "POST":
        let url = try uploadURL(query: query, headers: headers, body: body, productId: id)
        let imageId = try await store.setCombinationImage(productId: id, combinationId: cid, url: url)
        return Reply(status: 200, json: ["id": .int(imageId)])
      case "DELETE":
        let n = try await store.deleteCombinationImage(productId: id, combinationId: cid)
        return Reply(status: 200, json: ["deleteCount": .int(n)])
      default: throw wrongMethod()
      }
    default:
      return nil
    }
  }
}
