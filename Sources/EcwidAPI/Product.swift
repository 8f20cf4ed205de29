// The product: typed views over the tables of the "Update product" spec (../shared/spec/003_…).
// Each view keeps the whole JSON object it came from, so fields not listed here survive untouched.

/// A product, as GET /products/{id} returns it and PUT /products/{id} takes it.
public struct Product: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var id: Int? {
    get { int("id") }
    set { set("id", int: newValue) }
  }
  public var sku: String? {
    get { string("sku") }
    set { set("sku", string: newValue) }
  }
  public var name: String? {
    get { string("name") }
    set { set("name", string: newValue) }
  }
  public var nameTranslated: Translations? {
    get { translations("nameTranslated") }
    set { set("nameTranslated", object: newValue) }
  }
  public var quantity: JSONNumber? {
    get { number("quantity") }
    set { set("quantity", number: newValue) }
  }
  public var unlimited: Bool? {
    get { bool("unlimited") }
    set { set("unlimited", bool: newValue) }
  }
  public var inStock: Bool? {
    get { bool("inStock") }
    set { set("inStock", bool: newValue) }
  }
  public var price: JSONNumber? {
    get { number("price") }
    set { set("price", number: newValue) }
  }
  public var wholesalePrices: [WholesalePrice]? {
    get { objects("wholesalePrices") }
    set { set("wholesalePrices", objects: newValue) }
  }
  public var compareToPrice: JSONNumber? {
    get { number("compareToPrice") }
    set { set("compareToPrice", number: newValue) }
  }
  public var costPrice: JSONNumber? {
    get { number("costPrice") }
    set { set("costPrice", number: newValue) }
  }
  public var tax: TaxInfo? {
    get { object("tax") }
    set { set("tax", object: newValue) }
  }
  public var customSlug: String? {
    get { string("customSlug") }
    set { set("customSlug", string: newValue) }
  }
  public var productClassId: Int? {
    get { int("productClassId") }
    set { set("productClassId", int: newValue) }
  }
  public var enabled: Bool? {
    get { bool("enabled") }
    set { set("enabled", bool: newValue) }
  }
  public var options: [ProductOption]? {
    get { objects("options") }
    set { set("options", objects: newValue) }
  }
  public var shipping: ShippingSettings? {
    get { object("shipping") }
    set { set("shipping", object: newValue) }
  }
  public var description: String? {
    get { string("description") }
    set { set("description", string: newValue) }
  }
  public var galleryImages: [GalleryImage]? {
    get { objects("galleryImages") }
    set { set("galleryImages", objects: newValue) }
  }
  public var media: ProductMedia? {
    get { object("media") }
    set { set("media", object: newValue) }
  }
  public var categoryIds: [Int]? {
    get { json["categoryIds"]?.arrayValue?.compactMap { $0.intValue } }
    set { set("categoryIds", newValue.map { .array($0.map(JSON.int)) }) }
  }
  public var defaultCategoryId: Int? {
    get { int("defaultCategoryId") }
    set { set("defaultCategoryId", int: newValue) }
  }
  public var attributes: [AttributeValue]? {
    get { objects("attributes") }
    set { set("attributes", objects: newValue) }
  }
  public var relatedProducts: RelatedProducts? {
    get { object("relatedProducts") }
    set { set("relatedProducts", object: newValue) }
  }
  public var dimensions: ProductDimensions? {
    get { object("dimensions") }
    set { set("dimensions", object: newValue) }
  }
  public var ribbon: Ribbon? {
    get { object("ribbon") }
    set { set("ribbon", object: newValue) }
  }
  public var combinations: [ProductVariation]? {
    get { objects("combinations") }
    set { set("combinations", objects: newValue) }
  }
  public var updated: String? {
    get { string("updated") }
    set { set("updated", string: newValue) }
  }
  public var updateTimestamp: Int? {
    get { int("updateTimestamp") }
    set { set("updateTimestamp", int: newValue) }
  }
  public var createTimestamp: Int? {
    get { int("createTimestamp") }
    set { set("createTimestamp", int: newValue) }
  }
  public var url: String? {
    get { string("url") }
    set { set("url", string: newValue) }
  }
  public var imageUrl: String? {
    get { string("imageUrl") }
    set { set("imageUrl", string: newValue) }
  }
  public var thumbnailUrl: String? {
    get { string("thumbnailUrl") }
    set { set("thumbnailUrl", string: newValue) }
  }
}
