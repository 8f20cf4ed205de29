import EcwidAPI
import Foundation

/// What a product update is checked against: a snapshot of the store.
struct StoreContext: Sendable {
  var storeId: Int
  var languages: [String]
  var defaultLanguage: String
  var categoryIds: Set<Int>
  /// Category id → enabled (for the derived `categories` list); missing = enabled.
  var categoryEnabled: [Int: Bool] = [:]
  /// Tax class codes valid in the merchant's region (`SandboxOptions.taxClassCodes`).
  var taxClassCodes: Set<String> = ["Default"]
  /// Attribute id → its name in the store's product types (`GET /classes`).
  var attributeNames: [Int: String] = [:]
  /// Attribute alias (its `type`: BRAND, UPC…) → its name in the product types.
  var aliasNames: [String: String] = [:]
  /// Attribute alias (its `type`) → the attribute ids of that type in the product types, and an
  /// attribute's lowercased name → the ids of that name (`DocumentedRules.resolveAttributes`).
  var aliasIds: [String: Set<Int>] = [:]
  var nameIds: [String: Set<Int>] = [:]
  var classIds: Set<Int>
  var productIds: Set<Int>
  /// SKU → id of the product that has it (its own or one of its variations').
  var skuOwner: [String: Int]
  /// SKU → product id, products only (for `relatedProducts.productSkus`).
  var productBySku: [String: Int]
  /// Tax id → enabled; nil when the profile lists no taxes (then taxes are not checked).
  var taxes: [Int: Bool]?
  var automaticTaxes: Bool
  var currencyPrefix: String
  var currencySuffix: String
  var storeURL: String
}

/// The value types of the fields the "Update product" spec lists. Fields not listed are stored
/// as sent.
indirect enum Schema: Sendable {
  case string, number, integer, bool, any, translations
  case array(Schema)
  case object([String: Schema])
  case objectOrArray(Schema)
}

enum ProductRules {
  static let choice: Schema = .object([
    "text": .string, "textTranslated": .translations, "priceModifier": .number, "priceModifierType": .string,
  ])
  static let option: Schema = .object([
    "type": .string, "name": .string, "nameTranslated": .translations, "choices": .array(choice),
    "defaultChoice": .integer, "required": .bool,
  ])
  static let optionValue: Schema = .object([
    "name": .string, "nameTranslated": .translations, "value": .string, "valueTranslated": .translations,
  ])
  static let attribute: Schema = .object([
    "id": .integer, "name": .string, "nameTranslated": .translations, "alias": .string, "value": .string,
    "valueTranslated": .translations, "show": .string, "type": .string,
  ])
  static let recurring: Schema = .object([
    "recurringInterval": .string, "recurringIntervalCount": .integer, "subscriptionPriceWithSignUpFee": .number,
    "signUpFee": .number,
  ])
  static let productSchema: [String: Schema] = [
    "sku": .string, "name": .string, "nameTranslated": .translations, "quantity": .number, "unlimited": .bool,
    "price": .number, "wholesalePrices": .array(.object(["quantity": .number, "price": .number])),
    "lowestPrice": .number, "defaultDisplayedLowestPrice": .number, "compareToPrice": .number, "costPrice": .number,
    "nameYourPriceEnabled": .bool, "customPriceTiers": .array(.object(["value": .number])),
    "isShippingRequired": .bool,
    "tax": .object(["enabledManualTaxes": .array(.integer), "taxable": .bool, "taxClassCode": .string]),
    "weight": .number, "customSlug": .string, "productClassId": .integer, "enabled": .bool,
    "options": .array(option), "warningLimit": .number, "fixedShippingRateOnly": .bool, "fixedShippingRate": .number,
    "shipping": .object([
      "type": .string, "methodMarkup": .number, "flatRate": .number, "disabledMethods": .array(.string),
      "enabledMethods": .array(.string),
    ]),
    "description": .string, "descriptionTranslated": .translations,
    "galleryImages": .array(.object(["id": .integer, "orderBy": .number])),
    "media": .object(["images": .array(.object(["orderBy": .number, "isMain": .bool]))]),
    "categoryIds": .array(.integer), "seoTitle": .string, "seoDescription": .string, "defaultCategoryId": .integer,
    "attributes": .array(attribute),
    "relatedProducts": .object([
      "productIds": .array(.integer), "productSkus": .array(.string),
      "relatedCategory": .object(["enabled": .bool, "categoryId": .integer, "productCount": .integer]),
    ]),
    "dimensions": .object(["length": .number, "width": .number, "height": .number]),
    "volume": .number, "volumeUnit": .string, "showOnFrontpage": .integer, "discountsAllowed": .bool,
    "subscriptionSettings": .objectOrArray(
      .object([
        "subscriptionAllowed": .bool, "oneTimePurchaseAllowed": .bool, "oneTimePurchasePrice": .number,
        "oneTimePurchaseMarkup": .number, "oneTimePurchaseMarkupPercent": .number,
        "recurringChargeSettings": .objectOrArray(recurring),
      ])),
    "subtitle": .string, "ribbon": .object(["text": .string, "color": .string]),
    "outOfStockVisibilityBehaviour": .string, "minPurchaseQuantity": .number, "maxPurchaseQuantity": .number,
    "combinations": .array(
      .object([
        "sku": .string, "price": .number, "quantity": .number, "unlimited": .bool, "weight": .number,
        "options": .array(optionValue), "attributes": .array(attribute),
      ])),
  ]

  /// Fields Ecwid computes itself; sent values are ignored.
  static let readOnly = ["id", "created", "updated", "createTimestamp", "updateTimestamp"]

  // MARK: Type checks

  static func describe(_ v: JSON) -> String {
    switch v {
    case .string(let s): return "\"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\""
    case .number(let n): return n.text
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    case .array: return "an array"
    case .object: return "an object"
    }
  }

  static func wrongType(_ path: String, _ v: JSON, _ expected: String) -> APIError {
    .badRequest("Field '\(path)' has an invalid value \(describe(v)): \(expected) is expected")
  }

  /// Checks a value against its schema and returns it normalised (numeric strings become numbers,
  /// as Ecwid's JSON reader coerces them). `null` is accepted everywhere: it clears.
  static func check(_ v: JSON, _ schema: Schema, path: String) throws(APIError) -> JSON {
    if v.isNull { return v }
    switch schema {
    case .any:
      return v
    case .string:
      switch v {
      case .string: return v
      case .number(let n): return .string(n.text)
      default: throw wrongType(path, v, "a string")
      }
    case .number:
      switch v {
      case .number: return v
      case .string(let s):
        let t = s.trimmingCharacters(in: .whitespaces)
        if let d = Double(t), d.isFinite, !t.isEmpty, t.first != "+", !t.lowercased().contains("n") {
          return .number(JSONNumber(text: t))
        }
        throw wrongType(path, v, "a number")
      default: throw wrongType(path, v, "a number")
      }
    case .integer:
      let n = try check(v, .number, path: path)
      guard let i = n.numberValue?.int else { throw wrongType(path, v, "an integer") }
      if case .number(let num) = n, Int(num.text) != nil { return n }
      return .int(i)
    case .bool:
      switch v {
      case .bool: return v
      case .string(let s) where s == "true" || s == "false": return .bool(s == "true")
      default: throw wrongType(path, v, "true or false")
      }
    case .translations:
      guard let o = v.objectValue else { throw wrongType(path, v, "an object of language → text") }
      for (lang, text) in o where !(text.isNull || text.stringValue != nil) {
        throw wrongType("\(path).\(lang)", text, "a string")
      }
      return v
    case .array(let element):
      guard let a = v.arrayValue else { throw wrongType(path, v, "an array") }
      var out: [JSON] = []
      out.reserveCapacity(a.count)
      for (i, e) in a.enumerated() { out.append(try check(e, element, path: "\(path)[\(i)]")) }
      return .array(out)
    case .object(let fields):
      guard var o = v.objectValue else { throw wrongType(path, v, "an object") }
      for (k, value) in o {
        if let s = fields[k] {
          o[k] = try check(value, s, path: path.isEmpty ? k : "\(path).\(k)")
        } else if k.hasSuffix("Translated") {
          o[k] = try check(value, .translations, path: path.isEmpty ? k : "\(path).\(k)")
        }
      }
      return .object(o)
    case .objectOrArray(let s):
      if case .array(let a) = v {
        var out: [JSON] = []
        for (i, e) in a.enumerated() { out.append(try check(e, s, path: "\(path)[\(i)]")) }
        return .array(out)
      }
      return try check(v, s, path: path)
    }
  }

  /// Every `*Translated` map (and image alt `translated`) anywhere in the body may only use the
  /// store's enabled languages.
  static func checkLanguages(_ v: JSON, ctx: StoreContext) throws(APIError) {
    var bad: [String] = []
    collectLanguages(v, allowed: Set(ctx.languages), bad: &bad)
    if !bad.isEmpty {
      var unique: [String] = []
      for b in bad where !unique.contains(b) { unique.append(b) }
      throw APIError(
        400, "LANGUAGES_NOT_ALLOWED",
        "Languages \(unique.joined(separator: ", ")) are not enabled in the store. Enabled languages: \(ctx.languages.joined(separator: ", "))"
      )
    }
  }

  static func collectLanguages(_ v: JSON, allowed: Set<String>, bad: inout [String]) {
    switch v {
    case .object(let o):
      for (k, value) in o {
        if k.hasSuffix("Translated") || k == "translated", let map = value.objectValue {
          for lang in map.keys where !allowed.contains(lang) { bad.append(lang) }
        } else {
          collectLanguages(value, allowed: allowed, bad: &bad)
        }
      }
    case .array(let a):
      for e in a { collectLanguages(e, allowed: allowed, bad: &bad) }
    default:
      break
    }
  }

  // MARK: Value checks

  /// `#RGB`, `#RRGGBB`, `#RGBA` or `#RRGGBBAA`.
  static func isRibbonColor(_ c: String) -> Bool {
    guard c.first == "#" else { return false }
    let hex = c.dropFirst()
    return [3, 4, 6, 8].contains(hex.count) && hex.allSatisfy(\.isHexDigit)
  }

  /// The checks of the spec's error table, in a fixed order; the first failing one is answered.
  static func checkValues(_ body: JSONObject, product: Product?, ctx: StoreContext) throws(APIError) {
    // spec/003 costPrice: "A positive number"; ECWID-API.md lists COST_PRICE_CANT_BE_NEGATIVE.
    if let c = body["costPrice"]?.doubleValue, c < 0 {
      throw APIError(400, "COST_PRICE_CANT_BE_NEGATIVE", "Cost price can't be negative")
    }
    // No other sign or size rule is documented for price, compareToPrice, lowestPrice or
    // quantity: they are stored as sent.
    if let tiers = body["wholesalePrices"]?.arrayValue {
      for tier in tiers {
        // spec/003 409 WHOLESALE_PRICES_CANT_BE_NULL and WHOLESALE_PRICES_CANT_BE_NEGATIVE.
        // WHOLESALE_PRICES_TOO_BIG and WHOLESALE_PRICES_QUANTITY_TOO_SMALL are in the spec too,
        // but not their limits: they are produced on request (`--faults 409:WHOLESALE_PRICES_TOO_BIG`).
        guard let price = tier["price"], !price.isNull, let p = price.doubleValue else {
          throw .conflict("WHOLESALE_PRICES_CANT_BE_NULL", "Specified wholesale price can't be null")
        }
        if p < 0 { throw .conflict("WHOLESALE_PRICES_CANT_BE_NEGATIVE", "Specified wholesale price can't be negative") }
      }
    }
    if let ribbon = body["ribbon"]?.objectValue {
      if let t = ribbon["text"]?.stringValue, t.count > 30 {
        throw .badRequest("Ribbon text is too long: \(t.count) characters, the maximum is 30")
      }
      if let c = ribbon["color"]?.stringValue, !c.isEmpty, !isRibbonColor(c) {
        throw .badRequest("Ribbon color '\(c)' is not valid: use #RGB, #RRGGBB, #RGBA or #RRGGBBAA")
      }
    }
    if let rt = body["ribbonTranslated"]?.objectValue {
      for (lang, t) in rt {
        if let s = t.stringValue, s.count > 30 {
          throw .badRequest("Ribbon text (\(lang)) is too long: \(s.count) characters, the maximum is 30")
        }
      }
    }
    if let options = body["options"]?.arrayValue {
      for (i, o) in options.enumerated() {
        guard let d = o["defaultChoice"]?.intValue else { continue }
        let count = o["choices"]?.arrayValue?.count ?? 0
        if d < 0 || d >= count {
          let name = o["name"]?.stringValue ?? "#\(i + 1)"
          throw .badRequest("Option '\(name)': defaultChoice \(d) is out of range (it has \(count) choices)")
        }
      }
    }
    if let s = body["showOnFrontpage"]?.intValue, s < 0 {
      let categories: [Int]
      if let sent = body["categoryIds"] {
        categories = sent.arrayValue?.compactMap(\.intValue) ?? []
      } else {
        categories = product?.categoryIds ?? []
      }
      if categories.isEmpty {
        throw .badRequest(
          "Attribute showOnFrontpage can't be negative, because the product has no categories", code: nil)
      }
    }
    // Linked entities (404).
    if let c = body["productClassId"]?.intValue, c != 0, !ctx.classIds.contains(c) {
      throw .notFound("Product class with id \(c) is not found")
    }
    for c in body["categoryIds"]?.arrayValue?.compactMap(\.intValue) ?? [] where !ctx.categoryIds.contains(c) {
      throw .notFound("Category with id \(c) is not found")
    }
    if let c = body["defaultCategoryId"]?.intValue, c != 0, !ctx.categoryIds.contains(c) {
      throw .notFound("Category with id \(c) is not found")
    }
    if let related = body["relatedProducts"]?.objectValue {
      for id in related["productIds"]?.arrayValue?.compactMap(\.intValue) ?? [] where !ctx.productIds.contains(id) {
        throw .notFound("Related product with id \(id) is not found")
      }
      for sku in related["productSkus"]?.arrayValue?.compactMap(\.stringValue) ?? [] where ctx.productBySku[sku] == nil {
        throw .notFound("Related product with SKU '\(sku)' is not found")
      }
      if let c = related["relatedCategory"]?["categoryId"]?.intValue, c != 0, !ctx.categoryIds.contains(c) {
        throw .notFound("Related category with id \(c) is not found")
      }
    }
    // Conflicts (409).
    let me = product?.id
    if let sku = body["sku"]?.stringValue, !sku.isEmpty, let owner = ctx.skuOwner[sku], owner != me {
      throw .conflict("SKU_ALREADY_EXISTS", "The product with SKU '\(sku)' already exists")
    }
    for combo in body["combinations"]?.arrayValue ?? [] {
      if let sku = combo["sku"]?.stringValue, !sku.isEmpty, let owner = ctx.skuOwner[sku], owner != me {
        throw .conflict("SKU_ALREADY_EXISTS", "The product with SKU '\(sku)' already exists")
      }
    }
    // spec/003 TaxInfo.taxClassCode: "can not be empty. If the passed code is not valid for
    // merchant's region, returns error Tax class is not found" (no status is documented: 400).
    if let code = body["tax"]?["taxClassCode"]?.stringValue, !ctx.taxClassCodes.contains(code) {
      throw .badRequest("Tax class is not found", code: nil)
    }
    if let manual = body["tax"]?["enabledManualTaxes"]?.arrayValue?.compactMap(\.intValue), !manual.isEmpty {
      if ctx.automaticTaxes {
        throw .conflict(nil, "Specified manual taxes cannot be assigned because store has automatic taxes enabled")
      }
      if let taxes = ctx.taxes {
        for t in manual where taxes[t] != true {
          throw .conflict(nil, "Specified manual taxes cannot be assigned because this tax is disabled in store")
        }
      }
    }
    try DocumentedRules.check(body)
  }

  // MARK: Applying an update

  /// Applies a PUT body to a product: every sent top-level field replaces the whole value, `null`
  /// removes it, fields left out stay. Everything is checked first; nothing is half-applied.
  static func applyUpdate(
    _ bodyJSON: JSON, to product: Product, ctx: StoreContext, saveCombinations: Bool
  ) throws(APIError) -> Product {
    guard case .object(var body) = bodyJSON else {
      throw .badRequest("The request body must be a JSON object, got \(bodyJSON.kindName)")
    }
    for k in readOnly { body.removeValue(forKey: k) }
    // spec/003: fixedShippingRateOnly and fixedShippingRate are "Legacy function – see shipping
    // field instead. Is ignored if it is sent alongside shipping object."
    if body["shipping"]?.objectValue != nil {
      body.removeValue(forKey: "fixedShippingRateOnly")
      body.removeValue(forKey: "fixedShippingRate")
    }
    if !saveCombinations { body.removeValue(forKey: "combinations") }
    guard case .object(let checked) = try check(.object(body), .object(productSchema), path: "") else {
      throw .badRequest("The request body must be a JSON object")
    }
    body = checked
    DocumentedRules.sortTiers(&body)
    try checkLanguages(.object(body), ctx: ctx)
    try checkValues(body, product: product, ctx: ctx)

    let old = product
    var p = product
    for (k, v) in body {
      switch k {
      case "media", "galleryImages": continue
      case "relatedProducts": p.json[k] = v.isNull ? nil : resolveRelated(v, ctx: ctx)
      default:
        if v.isNull { p.json.removeValue(forKey: k) } else { p.json[k] = v }
      }
    }
    if let opts = body["options"]?.arrayValue {
      p.json["options"] = .array(keepDefaultChoices(opts, old: old.json["options"]?.arrayValue ?? []))
    }
    if let attrs = body["attributes"]?.arrayValue {
      p.json["attributes"] = .array(
        attributeNamesFromTypes(
          DocumentedRules.resolveAttributes(attrs, ctx: ctx), old: old.json["attributes"]?.arrayValue ?? [], ctx: ctx))
    }
    if let images = body["media"]?["images"], !images.isNull {
      let reordered = try MediaRules.reorder(
        current: MediaRules.images(of: old), body: images, defaultLanguage: ctx.defaultLanguage)
      MediaRules.normalize(&p, images: reordered)
    } else if let g = body["galleryImages"], !g.isNull {
      let legacy = old.json["galleryImages"]?.arrayValue?.compactMap(\.objectValue) ?? []
      let reordered = try MediaRules.reorderGallery(current: MediaRules.images(of: old), legacy: legacy, body: g)
      MediaRules.normalize(&p, images: reordered)
    }
    derive(&p, sent: body, old: old, ctx: ctx)
    return p
  }

  /// `productSkus` is write-only: its products join `productIds`.
  static func resolveRelated(_ v: JSON, ctx: StoreContext) -> JSON {
    guard var o = v.objectValue else { return v }
    if let skus = o["productSkus"]?.arrayValue?.compactMap(\.stringValue) {
      var ids = o["productIds"]?.arrayValue ?? []
      for s in skus {
        if let id = ctx.productBySku[s], !ids.contains(where: { $0.intValue == id }) { ids.append(.int(id)) }
      }
      o["productIds"] = .array(ids)
      o.removeValue(forKey: "productSkus")
    }
    return .object(o)
  }

  /// "Passing the null value or omitting the field [defaultChoice] will keep the existing value
  /// unchanged": an option without defaultChoice keeps the one of the stored option of that name.
  static func keepDefaultChoices(_ options: [JSON], old: [JSON]) -> [JSON] {
    options.map { opt in
      guard var o = opt.objectValue else { return opt }
      if o["defaultChoice"] == nil || o["defaultChoice"] == .null {
        o.removeValue(forKey: "defaultChoice")
        if let name = o["name"]?.stringValue,
          let prev = old.first(where: { $0["name"]?.stringValue == name })?["defaultChoice"],
          let d = prev.intValue, d < (o["choices"]?.arrayValue?.count ?? 0)
        {
          o["defaultChoice"] = prev
        }
      }
      return .object(o)
    }
  }

  /// Spec (AttributeValue.name): "If id or alias fields are sent, the field will be ignored." An
  /// attribute's name belongs to the product type: a sent `name` is dropped and the stored
  /// attribute keeps the type's name (by id, or by alias = the type attribute's `type`), else the
  /// name it had. Without id and alias the name selects the attribute and is kept.
  static func attributeNamesFromTypes(_ attributes: [JSON], old: [JSON], ctx: StoreContext) -> [JSON] {
    attributes.map { a in
      guard var o = a.objectValue else { return a }
      let id = o["id"]?.intValue
      let alias = o["alias"]?.stringValue.flatMap { $0.isEmpty ? nil : $0.uppercased() }
      guard id != nil || alias != nil else { return a }
      o.removeValue(forKey: "name")
      let previous = old.first { prev in
        if let id, prev["id"]?.intValue == id { return true }
        return id == nil && alias != nil && prev["alias"]?.stringValue?.uppercased() == alias
      }
      let name = id.flatMap { ctx.attributeNames[$0] } ?? alias.flatMap { ctx.aliasNames[$0] }
        ?? previous?["name"]?.stringValue
      if let name {
        var out = JSONObject()
        for (k, v) in o {
          out[k] = v
          if k == "id" || (k == "alias" && o["id"] == nil) { out["name"] = .string(name) }
        }
        if out["name"] == nil { out["name"] = .string(name) }
        o = out
      }
      return .object(o)
    }
  }

  static let translatedPairs = [
    ("name", "nameTranslated"), ("description", "descriptionTranslated"), ("seoTitle", "seoTitleTranslated"),
    ("seoDescription", "seoDescriptionTranslated"), ("subtitle", "subtitleTranslated"),
  ]

  /// Keeps the fields Ecwid derives from others consistent after an update.
  static func derive(_ p: inout Product, sent: JSONObject, old: Product, ctx: StoreContext) {
    let lang = ctx.defaultLanguage
    for (base, map) in translatedPairs {
      if let text = sent[base]?.stringValue {
        if var m = p.json[map]?.objectValue {
          m[lang] = .string(text)
          p.json[map] = .object(m)
        }
      } else if sent[base] == nil, let m = sent[map]?.objectValue, let text = m[lang]?.stringValue, !text.isEmpty {
        p.json[base] = .string(text)
      }
    }
    // Ribbon: an empty text deletes it; its default-language translation follows the text.
    if sent["ribbon"] != nil, let ribbon = p.json["ribbon"]?.objectValue {
      let text = ribbon["text"]?.stringValue ?? ""
      if text.isEmpty {
        p.json.removeValue(forKey: "ribbon")
      } else if var m = p.json["ribbonTranslated"]?.objectValue {
        m[lang] = .string(text)
        p.json["ribbonTranslated"] = .object(m)
      }
    }
    // Stock.
    if sent["unlimited"]?.boolValue == true {
      p.json.removeValue(forKey: "quantity")
    } else if let q = sent["quantity"], !q.isNull, sent["unlimited"] == nil {
      p.json["unlimited"] = .bool(false)
    }
    if sent["unlimited"] != nil || sent["quantity"] != nil {
      let unlimited = p.json["unlimited"]?.boolValue ?? false
      let q = p.json["quantity"]?.doubleValue ?? 0
      p.json["inStock"] = .bool(unlimited || q > 0)
    }
    // Categories.
    if let sentIds = sent["categoryIds"] {
      let ids = sentIds.arrayValue?.compactMap(\.intValue) ?? []
      if p.json["categories"] != nil {
        p.json["categories"] = .array(ids.map { ["id": .int($0), "enabled": .bool(ctx.categoryEnabled[$0] ?? true)] })
      }
      if sent["defaultCategoryId"] == nil {
        let current = p.json["defaultCategoryId"]?.intValue ?? 0
        if ids.isEmpty {
          p.json.setIfPresent("defaultCategoryId", .int(0))
        } else if !ids.contains(current) {
          p.json["defaultCategoryId"] = .int(ids[0])
        }
      }
    }
    // Displayed prices follow the price.
    if let price = sent["price"]?.numberValue, old.price?.text != price.text {
      p.json.setIfPresent("priceInProductList", .number(price))
      p.json.setIfPresent("defaultDisplayedPrice", .number(price))
      p.json.setIfPresent("defaultDisplayedPriceFormatted", .string(format(price.double, ctx: ctx)))
    }
    // Slug and URL follow the name and the custom slug.
    if p.name != old.name || p.customSlug != old.customSlug, let id = p.id {
      if p.json["autogeneratedSlug"] != nil {
        p.json["autogeneratedSlug"] = .string("\(slug(p.name ?? ""))-\(id)")
      }
      if p.json["url"] != nil {
        let custom = p.customSlug ?? ""
        let s = custom.isEmpty ? (p.json["autogeneratedSlug"]?.stringValue ?? "\(slug(p.name ?? ""))-\(id)") : custom
        p.json["url"] = .string("\(ctx.storeURL)/products/\(s)")
      }
    }
  }

  static func format(_ price: Double, ctx: StoreContext) -> String {
    ctx.currencyPrefix + String(format: "%.2f", price) + ctx.currencySuffix
  }

  static func slug(_ name: String) -> String {
    var out = ""
    var dash = false
    for u in name.lowercased().unicodeScalars {
      if (u >= "a" && u <= "z") || (u >= "0" && u <= "9") {
        out.unicodeScalars.append(u)
        dash = false
      } else if !dash && !out.isEmpty {
        out += "-"
        dash = true
      }
    }
    while out.hasSuffix("-") { out.removeLast() }
    return out.isEmpty ? "product" : out
  }

  // MARK: Creating

  /// A new product from a POST body, filled with the defaults Ecwid returns.
  static func create(_ bodyJSON: JSON, id: Int, sku: String, now: Int, ctx: StoreContext) throws(APIError) -> Product {
    guard let body = bodyJSON.objectValue else {
      throw .badRequest("The request body must be a JSON object, got \(bodyJSON.kindName)")
    }
    guard let nameValue = body["name"], let name = nameValue.stringValue ?? nameValue.numberValue?.text,
      !name.trimmingCharacters(in: .whitespaces).isEmpty
    else {
      throw .badRequest("Product name is required")
    }
    let s = slug(name)
    let base: JSONObject = [
      "id": .int(id), "sku": .string(sku), "unlimited": true, "inStock": true, "name": .string(name),
      "price": 0, "priceInProductList": 0, "defaultDisplayedPrice": 0,
      "defaultDisplayedPriceFormatted": .string(format(0, ctx: ctx)),
      "isShippingRequired": true, "url": .string("\(ctx.storeURL)/products/\(s)-\(id)"),
      "autogeneratedSlug": .string("\(s)-\(id)"), "customSlug": "",
      "created": .string(EcwidTime.text(now)), "updated": .string(EcwidTime.text(now)),
      "createTimestamp": .int(now), "updateTimestamp": .int(now), "productClassId": 0, "enabled": true,
      "options": [], "warningLimit": 0, "fixedShippingRateOnly": false, "fixedShippingRate": 0,
      "shipping": ["type": "GLOBAL_METHODS", "methodMarkup": 0, "flatRate": 0, "disabledMethods": [], "enabledMethods": []],
      "defaultCombinationId": 0, "description": "", "galleryImages": [], "media": ["images": [], "videos": []],
      "categoryIds": [], "categories": [], "defaultCategoryId": 0, "seoTitle": "", "seoDescription": "",
      "attributes": [], "files": [],
      "relatedProducts": ["productIds": [], "relatedCategory": ["enabled": false, "categoryId": 0, "productCount": 0]],
      "combinations": [], "dimensions": ["length": 0, "width": 0, "height": 0], "volume": 0,
      "showOnFrontpage": -1, "discountsAllowed": true, "nameYourPriceEnabled": false,
      "outOfStockVisibilityBehaviour": "SHOW",
    ]
    var fields = body
    if fields["showOnFrontpage"] == nil, (fields["categoryIds"]?.arrayValue ?? []).isEmpty {
      // A product without categories is shown on the front page.
      fields["showOnFrontpage"] = 1
    }
    return try applyUpdate(.object(fields), to: Product(json: base), ctx: ctx, saveCombinations: true)
  }
}
