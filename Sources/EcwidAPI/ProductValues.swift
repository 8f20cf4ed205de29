// The open enumerations of product fields: known values, and any other kept as it came.

/// How shipping is computed for the product. Unknown values are kept as they came.
public struct ShippingType: OpenEnum {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public static let globalMethods = ShippingType(rawValue: "GLOBAL_METHODS")
  public static let selectedMethods = ShippingType(rawValue: "SELECTED_METHODS")
  public static let flatRate = ShippingType(rawValue: "FLAT_RATE")
  public static let freeShipping = ShippingType(rawValue: "FREE_SHIPPING")
  public static let known: [ShippingType] = [globalMethods, selectedMethods, flatRate, freeShipping]
}

/// Volume unit. Unknown values are kept as they came.
public struct VolumeUnit: OpenEnum {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public static let l = VolumeUnit(rawValue: "l")
  public static let ml = VolumeUnit(rawValue: "ml")
  public static let oz = VolumeUnit(rawValue: "oz")
  public static let known: [VolumeUnit] = [l, ml, oz]
}

/// What the store shows when the product is out of stock. Unknown values are kept as they came.
public struct OutOfStockVisibility: OpenEnum {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public static let show = OutOfStockVisibility(rawValue: "SHOW")
  public static let hide = OutOfStockVisibility(rawValue: "HIDE")
  public static let allowPreorder = OutOfStockVisibility(rawValue: "ALLOW_PREORDER")
  public static let known: [OutOfStockVisibility] = [show, hide, allowPreorder]
}

/// Where an attribute shows. Unknown values are kept as they came.
public struct AttributeShow: OpenEnum {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public static let notshow = AttributeShow(rawValue: "NOTSHOW")
  public static let descr = AttributeShow(rawValue: "DESCR")
  public static let price = AttributeShow(rawValue: "PRICE")
  public static let known: [AttributeShow] = [notshow, descr, price]
}

/// Well-known attributes. Unknown values are kept as they came.
public struct AttributeAlias: OpenEnum {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public static let upc = AttributeAlias(rawValue: "UPC")
  public static let brand = AttributeAlias(rawValue: "BRAND")
  public static let pricePerUnit = AttributeAlias(rawValue: "PRICE_PER_UNIT")
  public static let unitsInProduct = AttributeAlias(rawValue: "UNITS_IN_PRODUCT")
  public static let known: [AttributeAlias] = [upc, brand, pricePerUnit, unitsInProduct]
}

/// Subscription interval. Unknown values are kept as they came.
public struct RecurringInterval: OpenEnum {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public static let day = RecurringInterval(rawValue: "DAY")
  public static let week = RecurringInterval(rawValue: "WEEK")
  public static let month = RecurringInterval(rawValue: "MONTH")
  public static let year = RecurringInterval(rawValue: "YEAR")
  public static let known: [RecurringInterval] = [day, week, month, year]
}
