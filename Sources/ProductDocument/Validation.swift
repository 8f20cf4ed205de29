import EcwidAPI
import Foundation

public enum Severity: Sendable, Hashable {
  case error, warning
}

/// A problem found before anything is sent, attached to the field it is about.
public struct ValidationIssue: Hashable, Sendable {
  public var path: FieldPath
  public var severity: Severity
  public var message: String
  public init(path: FieldPath, severity: Severity, message: String) {
    self.path = path
    self.severity = severity
    self.message = message
  }
}

/// The rules of the "Update product" spec. Values the server already holds (an option type
/// Ecwid added after this editor was written, say) are reported as warnings, not errors: they
/// came from the server and are sent back only if edited.
struct Validator {
  let base: Product
  let current: Product
  let storeLanguages: [String]?

  static let numericTopLevel = [
    "quantity", "price", "lowestPrice", "compareToPrice", "costPrice", "weight", "warningLimit", "fixedShippingRate",
    "volume", "showOnFrontpage", "minPurchaseQuantity", "maxPurchaseQuantity", "productClassId", "defaultCategoryId",
  ]
  /// spec/003 RecurringChargeSettings.recurringIntervalCount: "for DAY - 1 (daily), for WEEK - 1
  /// (weekly), 2 (biweekly), for MONTH - 1 (monthly), 3 (quarterly), for YEAR - 1 (annually)".
  static let allowedIntervalCounts: [String: Set<Int>] = ["DAY": [1], "WEEK": [1, 2], "MONTH": [1, 3], "YEAR": [1]]

  func issues() -> [ValidationIssue] {
    let now = Self.check(current, storeLanguages: storeLanguages)
    guard !now.isEmpty else { return now }
    let before = Set(Self.check(base, storeLanguages: storeLanguages).map { IssueKey(path: $0.path, message: $0.message) })
    return now.map { issue in
      guard issue.severity == .error, before.contains(IssueKey(path: issue.path, message: issue.message)),
        sameJSON(base.value(at: issue.path), current.value(at: issue.path))
      else { return issue }
      var kept = issue
      kept.severity = .warning
      kept.message += " (as stored on the server)"
      return kept
    }
  }

  struct IssueKey: Hashable {
    var path: FieldPath
    var message: String
  }

  static func check(_ product: Product, storeLanguages: [String]?) -> [ValidationIssue] {
    var out = Issues()
    let json = product.json

    // Numbers that parse.
    for key in numericTopLevel { out.requireNumber(json[key], [.key(key)]) }
    // Only documented rules refuse a save (docs/ecwid-conformance.md). costPrice: spec/003 "A
    // positive number", ECWID-API.md COST_PRICE_CANT_BE_NEGATIVE. Nothing documents a sign or
    // size rule for price, compareToPrice, lowestPrice or quantity: none is checked here.
    if let c = json["costPrice"]?.doubleValue, c < 0 { out.error([.key("costPrice")], "Cost price can't be negative") }

    // Wholesale tiers: spec/003 409 WHOLESALE_PRICES_CANT_BE_NULL / _CANT_BE_NEGATIVE. The
    // spec's _TOO_BIG and _QUANTITY_TOO_SMALL give no limit, so none is guessed here.
    for (i, tier) in (json["wholesalePrices"]?.arrayValue ?? []).enumerated() {
      let path: FieldPath = [.key("wholesalePrices"), .index(i)]
      switch tier["price"] {
      case nil, .null?: out.error(path + [.key("price")], "Wholesale price can't be empty")
      case let p?:
        if let v = p.doubleValue {
          if v < 0 { out.error(path + [.key("price")], "Wholesale price can't be negative") }
        } else {
          out.error(path + [.key("price")], "Wholesale price must be a number")
        }
      }
      if tier["quantity"]?.doubleValue == nil {
        out.error(path + [.key("quantity")], "Wholesale quantity must be a number")
      }
    }
    for (i, tier) in (json["customPriceTiers"]?.arrayValue ?? []).enumerated() {
      out.requireNumber(tier["value"], [.key("customPriceTiers"), .index(i), .key("value")])
    }

    // Ribbon.
    if let ribbon = json["ribbon"]?.objectValue {
      if let t = ribbon["text"]?.stringValue, t.count > 30 {
        out.error([.key("ribbon"), .key("text")], "Ribbon text is \(t.count) characters; the maximum is 30")
      }
      if let c = ribbon["color"]?.stringValue, !c.isEmpty, !isRibbonColor(c) {
        out.error([.key("ribbon"), .key("color")], "Ribbon color must be #RGB, #RRGGBB, #RGBA or #RRGGBBAA")
      }
    }
    for (lang, t) in json["ribbonTranslated"]?.objectValue ?? [:] {
      if let s = t.stringValue, s.count > 30 {
        out.error([.key("ribbonTranslated"), .key(lang)], "Ribbon text (\(lang)) is \(s.count) characters; the maximum is 30")
      }
    }

    // Front page.
    if let s = json["showOnFrontpage"]?.doubleValue, s < 0, (json["categoryIds"]?.arrayValue ?? []).isEmpty {
      out.error([.key("showOnFrontpage")], "A negative front page position needs at least one category")
    }

    // Enumerations.
    out.requireKnown(json["volumeUnit"], [.key("volumeUnit")], VolumeUnit.known.map(\.rawValue), "Volume unit")
    out.requireKnown(
      json["outOfStockVisibilityBehaviour"], [.key("outOfStockVisibilityBehaviour")],
      OutOfStockVisibility.known.map(\.rawValue), "Out-of-stock visibility")
    if let shipping = json["shipping"]?.objectValue {
      out.requireKnown(shipping["type"], [.key("shipping"), .key("type")], ShippingType.known.map(\.rawValue), "Shipping type")
      out.requireNumber(shipping["methodMarkup"], [.key("shipping"), .key("methodMarkup")])
      out.requireNumber(shipping["flatRate"], [.key("shipping"), .key("flatRate")])
    }
    if let d = json["dimensions"]?.objectValue {
      for k in ["length", "width", "height"] { out.requireNumber(d[k], [.key("dimensions"), .key(k)]) }
    }
    for (i, attribute) in (json["attributes"]?.arrayValue ?? []).enumerated() {
      out.requireKnown(attribute["show"], [.key("attributes"), .index(i), .key("show")], AttributeShow.known.map(\.rawValue), "Attribute visibility")
    }

    // Options and choices.
    for (i, option) in (json["options"]?.arrayValue ?? []).enumerated() {
      let path: FieldPath = [.key("options"), .index(i)]
      out.requireKnown(option["type"], path + [.key("type")], OptionType.known.map(\.rawValue), "Option type")
      let type = OptionType(rawValue: option["type"]?.stringValue ?? "SELECT")
      let choices = option["choices"]?.arrayValue ?? []
      for (j, choice) in choices.enumerated() {
        let choicePath = path + [.key("choices"), .index(j)]
        out.requireKnown(choice["priceModifierType"], choicePath + [.key("priceModifierType")], PriceModifierType.known.map(\.rawValue), "Price modifier type")
        out.requireNumber(choice["priceModifier"], choicePath + [.key("priceModifier")])
      }
      if let d = option["defaultChoice"], !d.isNull {
        if !type.hasDefaultChoice {
          out.error(path + [.key("defaultChoice")], "A \(type.rawValue) option has no default choice")
        } else if let n = d.intValue {
          if n < 0 || n >= choices.count {
            out.error(path + [.key("defaultChoice")], "Default choice \(n + 1) is not one of the \(choices.count) choices")
          }
        } else {
          out.error(path + [.key("defaultChoice")], "Default choice must be a whole number")
        }
      }
    }

    // Subscription.
    if let settings = json["subscriptionSettings"] {
      let objects = settings.objectValue.map { [$0] } ?? settings.arrayValue?.compactMap(\.objectValue) ?? []
      let isArray = settings.arrayValue != nil
      for (k, s) in objects.enumerated() {
        let path: FieldPath = isArray ? [.key("subscriptionSettings"), .index(k)] : [.key("subscriptionSettings")]
        let recurring = s["recurringChargeSettings"]
        let charges = recurring?.objectValue.map { [$0] } ?? recurring?.arrayValue?.compactMap(\.objectValue) ?? []
        let chargesAreArray = recurring?.arrayValue != nil
        for (m, c) in charges.enumerated() {
          let cp = path + [.key("recurringChargeSettings")] + (chargesAreArray ? [.index(m)] : [])
          out.requireKnown(c["recurringInterval"], cp + [.key("recurringInterval")], RecurringInterval.known.map(\.rawValue), "Recurring interval")
          if let interval = c["recurringInterval"]?.stringValue, let allowed = allowedIntervalCounts[interval],
            let countValue = c["recurringIntervalCount"], !countValue.isNull
          {
            if let n = countValue.intValue, allowed.contains(n) {
            } else {
              let list = allowed.sorted().map(String.init).joined(separator: " or ")
              out.error(cp + [.key("recurringIntervalCount")], "A \(interval) interval count must be \(list)")
            }
          }
        }
      }
    }

    // Purchase limits.
    if let lo = json["minPurchaseQuantity"]?.doubleValue, let hi = json["maxPurchaseQuantity"]?.doubleValue, lo > hi {
      out.error([.key("minPurchaseQuantity")], "Minimum purchase quantity is more than the maximum")
    }

    // Translations only in the store's languages.
    if let storeLanguages {
      var path: FieldPath = []
      out.checkLanguages(.object(json), path: &path, allowed: Set(storeLanguages))
    }

    // SEO lengths (warnings).
    if let t = json["seoTitle"]?.stringValue, t.count > 55 {
      out.warning([.key("seoTitle")], "SEO title is \(t.count) characters; under 55 is recommended")
    }
    if let d = json["seoDescription"]?.stringValue, d.count > 160 {
      out.warning([.key("seoDescription")], "SEO description is \(d.count) characters; under 160 is recommended")
    }
    for (lang, t) in json["seoTitleTranslated"]?.objectValue ?? [:] {
      if let s = t.stringValue, s.count > 55 {
        out.warning([.key("seoTitleTranslated"), .key(lang)], "SEO title (\(lang)) is \(s.count) characters; under 55 is recommended")
      }
    }
    for key in ["seoDescriptionTranslated", "seoDecriptionTranslated"] {
      for (lang, t) in json[key]?.objectValue ?? [:] {
        if let s = t.stringValue, s.count > 160 {
          out.warning([.key(key), .key(lang)], "SEO description (\(lang)) is \(s.count) characters; under 160 is recommended")
        }
      }
    }
    return out.list
  }

  static func isRibbonColor(_ c: String) -> Bool {
    guard c.first == "#" else { return false }
    let hex = c.dropFirst()
    return [3, 4, 6, 8].contains(hex.count) && hex.allSatisfy(\.isHexDigit)
  }
}

/// Collects issues.
struct Issues {
  var list: [ValidationIssue] = []

  mutating func error(_ path: FieldPath, _ message: String) {
    list.append(ValidationIssue(path: path, severity: .error, message: message))
  }

  mutating func warning(_ path: FieldPath, _ message: String) {
    list.append(ValidationIssue(path: path, severity: .warning, message: message))
  }

  /// A missing value or null is fine; anything else must be a number that parses.
  mutating func requireNumber(_ value: JSON?, _ path: FieldPath) {
    switch value {
    case nil, .null?: return
    case .number(let n)?:
      if Double(n.text) == nil || !(Double(n.text)?.isFinite ?? false) { error(path, "\"\(n.text)\" is not a number") }
    case .string(let s)?:
      if Double(s.trimmingCharacters(in: .whitespaces)) == nil { error(path, "\"\(s)\" is not a number") }
    case let other?:
      error(path, "A number is expected, not a \(other.kindName)")
    }
  }

  mutating func requireKnown(_ value: JSON?, _ path: FieldPath, _ allowed: [String], _ what: String) {
    switch value {
    case nil, .null?: return
    case .string(let s)?:
      if !allowed.contains(s) { error(path, "\(what) \"\(s)\" is not one of \(allowed.joined(separator: ", "))") }
    case let other?:
      error(path, "\(what) must be text, not a \(other.kindName)")
    }
  }

  /// Every `…Translated` or `translated` map in `value`, at any depth, holds only `allowed` keys.
  /// `path` is a stack pushed and popped on the way down, copied only for an issue: the walk
  /// visits every value of a product (a megabyte of gallery and options on a large one) when
  /// typing pauses, and a path array per value made it allocate as much as the product.
  mutating func checkLanguages(_ value: JSON, path: inout FieldPath, allowed: Set<String>) {
    switch value {
    case .object(let o):
      for (k, v) in o {
        path.append(.key(k))
        if Self.isTranslationKey(k), let map = v.objectValue {
          for lang in map.keys where !allowed.contains(lang) {
            error(path + [.key(lang)], "Language \"\(lang)\" is not enabled in the store")
          }
        } else if v.isContainer {
          checkLanguages(v, path: &path, allowed: allowed)
        }
        path.removeLast()
      }
    case .array(let a):
      for (i, e) in a.enumerated() where e.isContainer {
        path.append(.index(i))
        checkLanguages(e, path: &path, allowed: allowed)
        path.removeLast()
      }
    default:
      break
    }
  }

  /// `translated`, or a key ending in `Translated` (compared as bytes).
  static func isTranslationKey(_ k: String) -> Bool {
    k.utf8.count >= 10 && (k.utf8.suffix(10).elementsEqual("Translated".utf8) || k == "translated")
  }
}

extension JSON {
  /// An object or an array: a value that may hold more values.
  fileprivate var isContainer: Bool {
    switch self {
    case .object, .array: return true
    default: return false
    }
  }
}
