// The smaller objects of a product: wholesale prices, shipping, tax, attributes, related
// products, dimensions, subscription, ribbon.

/// One wholesale tier: from `quantity` items on, each costs `price`.
public struct WholesalePrice: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var quantity: JSONNumber? {
    get { number("quantity") }
    set { set("quantity", number: newValue) }
  }
  public var price: JSONNumber? {
    get { number("price") }
    set { set("price", number: newValue) }
  }
}

/// Per-product shipping settings.
public struct ShippingSettings: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var type: ShippingType? {
    get { string("type").map(ShippingType.init(rawValue:)) }
    set { set("type", string: newValue?.rawValue) }
  }
}

/// The product's taxes.
public struct TaxInfo: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var enabledManualTaxes: [Int]? {
    get { json["enabledManualTaxes"]?.arrayValue?.compactMap { $0.intValue } }
    set { set("enabledManualTaxes", newValue.map { .array($0.map(JSON.int)) }) }
  }
}

/// A product attribute and its value.
public struct AttributeValue: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var id: Int? {
    get { int("id") }
    set { set("id", int: newValue) }
  }
  public var name: String? {
    get { string("name") }
    set { set("name", string: newValue) }
  }
  public var nameTranslated: Translations? {
    get { translations("nameTranslated") }
    set { set("nameTranslated", object: newValue) }
  }
  public var alias: AttributeAlias? {
    get { string("alias").map(AttributeAlias.init(rawValue:)) }
    set { set("alias", string: newValue?.rawValue) }
  }
  public var value: String? {
    get { string("value") }
    set { set("value", string: newValue) }
  }
  public var valueTranslated: Translations? {
    get { translations("valueTranslated") }
    set { set("valueTranslated", object: newValue) }
  }
  public var type: String? {
    get { string("type") }
    set { set("type", string: newValue) }
  }
}

/// Related ("You may also like") products.
public struct RelatedProducts: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var productIds: [Int]? {
    get { json["productIds"]?.arrayValue?.compactMap { $0.intValue } }
    set { set("productIds", newValue.map { .array($0.map(JSON.int)) }) }
  }
}

/// Length, width, height.
public struct ProductDimensions: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var length: JSONNumber? {
    get { number("length") }
    set { set("length", number: newValue) }
  }
}

/// Selling the product as a subscription.
public struct SubscriptionSettings: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var subscriptionAllowed: Bool? {
    get { bool("subscriptionAllowed") }
    set { set("subscriptionAllowed", bool: newValue) }
  }
}

/// A small label on the product.
public struct Ribbon: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var text: String? {
    get { string("text") }
    set { set("text", string: newValue) }
  }
  public var color: String? {
    get { string("color") }
    set { set("color", string: newValue) }
  }
}
