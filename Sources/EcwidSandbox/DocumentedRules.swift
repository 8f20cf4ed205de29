import EcwidAPI

/// Rules of spec/003 ("Update product") and ECWID-API.md that the sandbox enforces besides the
/// error table (`ProductRules.checkValues`). Each one quotes the sentence it follows; where a page
/// states a rule but not the answer to breaking it, the spec's general "400 Request parameters are
/// malformed" is used and the comment says so. docs/ecwid-conformance.md lists them with their tests.
enum DocumentedRules {
  /// spec/003 AttributeValue.alias: "One of UPC, BRAND, PRICE_PER_UNIT, UNITS_IN_PRODUCT." Any
  /// other alias cannot name an attribute: 400 (no specific code or message is documented).
  /// Letter case is not stated; the alias is compared ignoring it, as `name` is ("case-insensitive").
  static let attributeAliases: Set<String> = ["UPC", "BRAND", "PRICE_PER_UNIT", "UNITS_IN_PRODUCT"]

  /// spec/003 RecurringChargeSettings.recurringIntervalCount: "Supported values: for DAY - 1
  /// (daily), for WEEK - 1 (weekly), 2 (biweekly), for MONTH - 1 (monthly), 3 (quarterly), for
  /// YEAR - 1 (annually)." An interval outside DAY, WEEK, MONTH, YEAR is not refused here:
  /// ECWID-API.md says enum values beyond the documented ones appear and must survive a round
  /// trip (a product read with one can be sent back).
  static let intervalCounts: [String: Set<Int>] = ["DAY": [1], "WEEK": [1, 2], "MONTH": [1, 3], "YEAR": [1]]

  /// ECWID-API.md "Errors and limits": "Images: JPG, PNG, GIF, at most 20 MB each." Read as
  /// 20 MiB (the larger reading, so the sandbox is never stricter than Ecwid). The status for a
  /// larger image is not documented: the sandbox answers 413, as it does for any body too large.
  static let maxImageBytes = 20 * 1024 * 1024

  /// The same sentence's "JPG, PNG, GIF": an image sent as the body with another type
  /// (`image/webp`, `image/svg+xml`…) is refused like any unsupported content type (415; Ecwid's
  /// answer is not documented).
  static func isImageType(_ contentType: String) -> Bool {
    let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    return ["image/jpeg", "image/jpg", "image/pjpeg", "image/png", "image/gif"].contains(type)
  }

  /// Checks of a product (or variation) update body after the type checks.
  static func check(_ body: JSONObject) throws(APIError) {
    for (i, a) in (body["attributes"]?.arrayValue ?? []).enumerated() {
      try checkAlias(a, path: "attributes[\(i)]")
    }
    for (k, c) in (body["combinations"]?.arrayValue ?? []).enumerated() {
      for (i, a) in (c["attributes"]?.arrayValue ?? []).enumerated() {
        try checkAlias(a, path: "combinations[\(k)].attributes[\(i)]")
      }
    }
    if let settings = body["subscriptionSettings"] {
      for (path, s) in each(settings, "subscriptionSettings") {
        guard let charges = s["recurringChargeSettings"] else { continue }
        for (cp, c) in each(charges, "\(path).recurringChargeSettings") {
          try checkInterval(c, path: cp)
        }
      }
    }
  }

  static func checkAlias(_ a: JSON, path: String) throws(APIError) {
    guard let alias = a["alias"]?.stringValue, !alias.isEmpty else { return }
    if !attributeAliases.contains(alias.uppercased()) {
      throw .badRequest(
        "Field '\(path).alias' has an invalid value \"\(alias)\": one of UPC, BRAND, PRICE_PER_UNIT, UNITS_IN_PRODUCT is expected")
    }
  }

  /// spec/003 AttributeValue: `alias` "can be used instead of id or name to quickly set the
  /// basic variation attributes without numeric id", and `name` "can be used to specify the
  /// attribute. It's case-insensitive." An attribute sent without `id` gets the id of the product
  /// type attribute its alias (that attribute's `type`) or, without an alias, its name (ignoring
  /// case) names, when exactly one does; otherwise it is stored as sent (what Ecwid does with a
  /// name that names no attribute is not documented).
  static func resolveAttributes(_ attributes: [JSON], ctx: StoreContext) -> [JSON] {
    attributes.map { a in
      guard let o = a.objectValue, o["id"] == nil || o["id"] == .null else { return a }
      let ids: Set<Int>?
      if let alias = o["alias"]?.stringValue, !alias.isEmpty {
        ids = ctx.aliasIds[alias.uppercased()]
      } else if let name = o["name"]?.stringValue, !name.isEmpty {
        ids = ctx.nameIds[name.lowercased()]
      } else {
        ids = nil
      }
      guard let ids, ids.count == 1, let id = ids.first else { return a }
      var out: JSONObject = ["id": .int(id)]
      for (k, v) in o where k != "id" { out[k] = v }
      return .object(out)
    }
  }

  static func checkInterval(_ c: JSONObject, path: String) throws(APIError) {
    guard let interval = c["recurringInterval"]?.stringValue, let allowed = intervalCounts[interval.uppercased()],
      let count = c["recurringIntervalCount"], !count.isNull
    else { return }
    guard let n = count.intValue, allowed.contains(n) else {
      let list = allowed.sorted().map(String.init).joined(separator: " or ")
      throw .badRequest(
        "Field '\(path).recurringIntervalCount' has an invalid value \(ProductRules.describe(count)): for \(interval.uppercased()) it is \(list)")
    }
  }

  /// The objects of a value the spec allows as an object or an array of objects, with their paths.
  static func each(_ v: JSON, _ path: String) -> [(String, JSONObject)] {
    if let o = v.objectValue { return [(path, o)] }
    return (v.arrayValue ?? []).enumerated().compactMap { k, e in e.objectValue.map { ("\(path)[\(k)]", $0) } }
  }

  /// spec/003 Product.wholesalePrices: "Sorted array of wholesale price tiers (quantity limit and
  /// price pairs)", and NameYourPriceEnabled "customPriceTiers → value: Sorted array of custom
  /// price tiers (value)" (its example: 25, 50, 100). The stored arrays are sorted, ascending by
  /// quantity and by value; tiers with equal keys keep the order they were sent in.
  static func sortTiers(_ body: inout JSONObject) {
    if let tiers = body["wholesalePrices"]?.arrayValue { body["wholesalePrices"] = .array(sorted(tiers, by: "quantity")) }
    if let tiers = body["customPriceTiers"]?.arrayValue { body["customPriceTiers"] = .array(sorted(tiers, by: "value")) }
    if let combos = body["combinations"]?.arrayValue {
      body["combinations"] = .array(
        combos.map { c in
          guard var o = c.objectValue, let tiers = o["wholesalePrices"]?.arrayValue else { return c }
          o["wholesalePrices"] = .array(sorted(tiers, by: "quantity"))
          return .object(o)
        })
    }
  }

  static func sorted(_ tiers: [JSON], by key: String) -> [JSON] {
    tiers.enumerated().sorted { a, b in
      let x = a.element[key]?.doubleValue ?? -.infinity
      let y = b.element[key]?.doubleValue ?? -.infinity
      return x != y ? x < y : a.offset < b.offset
    }.map(\.element)
  }
}
