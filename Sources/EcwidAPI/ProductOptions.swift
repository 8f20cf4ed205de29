// Options, their choices, and the variations (combinations) made of them.

/// A product option (Size, Color…) and its choices.
public struct ProductOption: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var type: OptionType? {
    get { string("type").map(OptionType.init(rawValue:)) }
    set { set("type", string: newValue?.rawValue) }
  }
  public var name: String? {
    get { string("name") }
    set { set("name", string: newValue) }
  }
  public var nameTranslated: Translations? {
    get { translations("nameTranslated") }
    set { set("nameTranslated", object: newValue) }
  }
  public var choices: [OptionChoice]? {
    get { objects("choices") }
    set { set("choices", objects: newValue) }
  }
  public var defaultChoice: Int? {
    get { int("defaultChoice") }
    set { set("defaultChoice", int: newValue) }
  }
}

/// One selection of an option.
public struct OptionChoice: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var text: String? {
    get { string("text") }
    set { set("text", string: newValue) }
  }
  public var textTranslated: Translations? {
    get { translations("textTranslated") }
    set { set("textTranslated", object: newValue) }
  }
  public var priceModifier: JSONNumber? {
    get { number("priceModifier") }
    set { set("priceModifier", number: newValue) }
  }
  public var priceModifierType: PriceModifierType? {
    get { string("priceModifierType").map(PriceModifierType.init(rawValue:)) }
    set { set("priceModifierType", string: newValue?.rawValue) }
  }
}

/// A combination (variation) of option values.
public struct ProductVariation: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var id: Int? {
    get { int("id") }
    set { set("id", int: newValue) }
  }
  public var combinationNumber: Int? {
    get { int("combinationNumber") }
    set { set("combinationNumber", int: newValue) }
  }
  public var sku: String? {
    get { string("sku") }
    set { set("sku", string: newValue) }
  }
  public var price: JSONNumber? {
    get { number("price") }
    set { set("price", number: newValue) }
  }
  public var quantity: JSONNumber? {
    get { number("quantity") }
    set { set("quantity", number: newValue) }
  }
  public var unlimited: Bool? {
    get { bool("unlimited") }
    set { set("unlimited", bool: newValue) }
  }
  public var options: [OptionValue]? {
    get { objects("options") }
    set { set("options", objects: newValue) }
  }
}

/// An option value of a variation.
public struct OptionValue: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var name: String? {
    get { string("name") }
    set { set("name", string: newValue) }
  }
  public var nameTranslated: Translations? {
    get { translations("nameTranslated") }
    set { set("nameTranslated", object: newValue) }
  }
  public var value: String? {
    get { string("value") }
    set { set("value", string: newValue) }
  }
  public var valueTranslated: Translations? {
    get { translations("valueTranslated") }
    set { set("valueTranslated", object: newValue) }
  }
}

/// The kind of a product option. Unknown values are kept as they came.
public struct OptionType: OpenEnum {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public static let select = OptionType(rawValue: "SELECT")
  public static let radio = OptionType(rawValue: "RADIO")
  public static let checkbox = OptionType(rawValue: "CHECKBOX")
  public static let textfield = OptionType(rawValue: "TEXTFIELD")
  public static let textarea = OptionType(rawValue: "TEXTAREA")
  public static let date = OptionType(rawValue: "DATE")
  public static let files = OptionType(rawValue: "FILES")
  public static let size = OptionType(rawValue: "SIZE")
  public static let known: [OptionType] = [select, radio, checkbox, textfield, textarea, date, files, size]
}

/// How a choice changes the price. Unknown values are kept as they came.
public struct PriceModifierType: OpenEnum {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public static let absolute = PriceModifierType(rawValue: "ABSOLUTE")
  public static let percent = PriceModifierType(rawValue: "PERCENT")
  public static let known: [PriceModifierType] = [absolute, percent]
}
