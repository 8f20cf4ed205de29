import EcwidAPI
import ProductDocument

/// How a field is edited and shown.
public enum FieldKind: Equatable, Sendable {
  case text
  /// Long HTML text, edited in `$EDITOR`.
  case longText
  case number(integer: Bool)
  case toggle
  /// One of a fixed set of values (an unknown value from the server is kept and shown as it came).
  case choice([String])
  /// A comma-separated list of numbers or strings.
  case list(numbers: Bool)
  /// Wholesale tiers as `quantity:price, quantity:price`.
  case wholesaleTiers
}

/// One editable field of the product form.
public struct FieldSpec: Equatable, Sendable {
  public var label: String
  public var path: FieldPath
  public var kind: FieldKind
  public var help: String

  public init(_ label: String, _ path: FieldPath, _ kind: FieldKind, help: String = "") {
    self.label = label
    self.path = path
    self.kind = kind
    self.help = help
  }
}

func key(_ names: String...) -> FieldPath { names.map { PathComponent.key($0) } }

/// The fields of each scalar section, in the order the form shows them.
public enum FieldCatalogue {
  public static func fields(for section: Section, product: Product) -> [FieldSpec] {
    switch section {
    case .general:
      return [
        FieldSpec("Name", key("name"), .text),
        FieldSpec("SKU", key("sku"), .text),
        FieldSpec("Enabled", key("enabled"), .toggle, help: "Disabled products are hidden from the storefront."),
        FieldSpec("Subtitle", key("subtitle"), .text),
        FieldSpec("Description", key("description"), .longText, help: "HTML; Enter opens $EDITOR."),
        FieldSpec("Category ids", key("categoryIds"), .list(numbers: true)),
        FieldSpec("Default category", key("defaultCategoryId"), .number(integer: true)),
        FieldSpec("Product type id", key("productClassId"), .number(integer: true)),
        FieldSpec("Front page position", key("showOnFrontpage"), .number(integer: true)),
      ]
    case .pricing:
      return [
        FieldSpec("Price", key("price"), .number(integer: false)),
        FieldSpec("Compare-to price", key("compareToPrice"), .number(integer: false)),
        FieldSpec("Cost price", key("costPrice"), .number(integer: false)),
        FieldSpec("Lowest price", key("lowestPrice"), .number(integer: false)),
        FieldSpec("Wholesale tiers", key("wholesalePrices"), .wholesaleTiers, help: "quantity:price, quantity:price"),
        FieldSpec("Quantity in stock", key("quantity"), .number(integer: true)),
        FieldSpec("Unlimited stock", key("unlimited"), .toggle),
        FieldSpec("Low stock warning", key("warningLimit"), .number(integer: true)),
        FieldSpec("Min purchase qty", key("minPurchaseQuantity"), .number(integer: true)),
        FieldSpec("Max purchase qty", key("maxPurchaseQuantity"), .number(integer: true)),
        FieldSpec("When out of stock", key("outOfStockVisibilityBehaviour"), .choice(["SHOW", "HIDE", "ALLOW_PREORDER"])),
        FieldSpec("Discounts allowed", key("discountsAllowed"), .toggle),
        FieldSpec("Name your price", key("nameYourPriceEnabled"), .toggle),
        FieldSpec("Subscription allowed", key("subscriptionSettings", "subscriptionAllowed"), .toggle),
        FieldSpec("One-time purchase", key("subscriptionSettings", "oneTimePurchaseAllowed"), .toggle),
        FieldSpec(
          "Recurring interval",
          [.key("subscriptionSettings"), .key("recurringChargeSettings"), .index(0), .key("recurringInterval")],
          .choice(["DAY", "WEEK", "MONTH", "YEAR"])),
        FieldSpec(
          "Recurring every",
          [.key("subscriptionSettings"), .key("recurringChargeSettings"), .index(0), .key("recurringIntervalCount")],
          .number(integer: true)),
      ]
    case .shipping:
      return [
        FieldSpec("Requires shipping", key("isShippingRequired"), .toggle),
        FieldSpec("Weight", key("weight"), .number(integer: false)),
        FieldSpec("Length", key("dimensions", "length"), .number(integer: false)),
        FieldSpec("Width", key("dimensions", "width"), .number(integer: false)),
        FieldSpec("Height", key("dimensions", "height"), .number(integer: false)),
        FieldSpec("Volume", key("volume"), .number(integer: false)),
        FieldSpec("Volume unit", key("volumeUnit"), .choice(["l", "ml", "oz"])),
        FieldSpec(
          "Shipping type", key("shipping", "type"),
          .choice(["GLOBAL_METHODS", "SELECTED_METHODS", "FLAT_RATE", "FREE_SHIPPING"])),
        FieldSpec("Method markup", key("shipping", "methodMarkup"), .number(integer: false)),
        FieldSpec("Flat rate", key("shipping", "flatRate"), .number(integer: false)),
        FieldSpec("Disabled methods", key("shipping", "disabledMethods"), .list(numbers: false)),
        FieldSpec("Enabled methods", key("shipping", "enabledMethods"), .list(numbers: false)),
        FieldSpec("Taxable", key("tax", "taxable"), .toggle),
        FieldSpec("Manual tax ids", key("tax", "enabledManualTaxes"), .list(numbers: true)),
        FieldSpec("Tax class code", key("tax", "taxClassCode"), .text),
      ]
    case .seo:
      return [
        FieldSpec("SEO title", key("seoTitle"), .text, help: "Recommended under 55 characters."),
        FieldSpec("SEO description", key("seoDescription"), .text, help: "Recommended under 160 characters."),
        FieldSpec("URL slug", key("customSlug"), .text),
      ]
    case .attributes:
      var fields = [
        FieldSpec("Ribbon text", key("ribbon", "text"), .text, help: "At most 30 characters; empty removes it."),
        FieldSpec("Ribbon color", key("ribbon", "color"), .text, help: "#RGB, #RRGGBB, #RGBA or #RRGGBBAA"),
        FieldSpec("Related product ids", key("relatedProducts", "productIds"), .list(numbers: true)),
        FieldSpec("Related: from category", key("relatedProducts", "relatedCategory", "enabled"), .toggle),
        FieldSpec("Related category id", key("relatedProducts", "relatedCategory", "categoryId"), .number(integer: true)),
        FieldSpec("Related: how many", key("relatedProducts", "relatedCategory", "productCount"), .number(integer: true)),
      ]
      let attributes = product.json["attributes"]?.arrayValue ?? []
      for (i, attribute) in attributes.enumerated() {
        let name = attribute["name"]?.stringValue ?? attribute["alias"]?.stringValue ?? "attribute \(i + 1)"
        fields.append(FieldSpec("Attribute: \(name)", [.key("attributes"), .index(i), .key("value")], .text))
        fields.append(
          FieldSpec(
            "  shown", [.key("attributes"), .index(i), .key("show")], .choice(["NOTSHOW", "DESCR", "PRICE"])))
      }
      return fields
    case .options, .variations, .translations, .media:
      return []
    }
  }
}

/// Converting between JSON values and the text a field shows and accepts.
enum FieldText {
  static func display(_ value: JSON?, kind: FieldKind) -> String {
    guard let value, value != .null else { return "" }
    switch kind {
    case .toggle:
      return value.boolValue == true ? "yes" : "no"
    case .list:
      return (value.arrayValue ?? []).map { v in v.stringValue ?? v.compactText }.joined(separator: ", ")
    case .wholesaleTiers:
      return (value.arrayValue ?? []).map { tier in
        "\(tier["quantity"]?.compactText ?? "?"):\(tier["price"]?.compactText ?? "?")"
      }.joined(separator: ", ")
    case .longText:
      let text = value.stringValue ?? value.compactText
      return "\(characterCount(text)) characters — " + String(text.prefix(200)).replacingOccurrences(of: "\n", with: " ")
    default:
      if case .string(let s) = value { return s }
      return value.compactText
    }
  }

  /// The text put into the field editor when editing starts.
  static func editable(_ value: JSON?, kind: FieldKind) -> String {
    if case .longText = kind { return value?.stringValue ?? "" }
    return display(value, kind: kind)
  }

  enum ParseError: Error, Equatable { case message(String) }

  /// Parses a field's text into the JSON to store; empty text removes the value (nil).
  static func parse(_ text: String, kind: FieldKind, label: String) -> Result<JSON?, ParseError> {
    // Text is kept as typed, so it is never trimmed (a megabyte paste is not walked per key).
    lazy var trimmed = text.trimmingCharacters(in: .whitespaces)
    switch kind {
    case .text, .longText, .choice:
      return .success(.string(text))
    case .toggle:
      return .success(.bool(["yes", "true", "1", "on"].contains(trimmed.lowercased())))
    case .number(let integer):
      if trimmed.isEmpty { return .success(nil) }
      switch NumberText.parse(trimmed, integer: integer) {
      case .success(let number): return .success(.number(number))
      case .failure(let problem):
        return .failure(.message("\(label) must be \(integer ? "a whole number" : "a number"): \(problem)"))
      }
    case .list(let numbers):
      let items = trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      var out: [JSON] = []
      for item in items {
        if numbers {
          guard let n = parseNumber(item, integer: true) else {
            return .failure(.message("\(label): “\(item)” is not a whole number"))
          }
          out.append(n)
        } else {
          out.append(.string(item))
        }
      }
      return .success(.array(out))
    case .wholesaleTiers:
      let items = trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      var out: [JSON] = []
      for item in items {
        let parts = item.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let q = parseNumber(parts[0], integer: true), let p = parseNumber(parts[1], integer: false)
        else {
          return .failure(.message("\(label): write tiers as quantity:price, e.g. 10:4.50"))
        }
        out.append(.object(["quantity": q, "price": p]))
      }
      return .success(.array(out))
    }
  }

  /// The canonical JSON number for `text`, or nil (see `NumberText`). Every number the editor
  /// edits goes through this or `numberProblem`.
  static func parseNumber(_ text: String, integer: Bool) -> JSON? {
    guard case .success(let n) = NumberText.parse(text, integer: integer) else { return nil }
    return .number(n)
  }

  /// Why `text` is not a number (nil when it is one, or when it is empty).
  static func numberProblem(_ text: String, integer: Bool) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty, case .failure(let problem) = NumberText.parse(trimmed, integer: integer) else { return nil }
    return "“\(trimmed)” is not \(integer ? "a whole number" : "a number") yet: \(problem)"
  }
}
