// Typed views over the tables of the "Update product" spec (../shared/spec/003_…). Each view keeps
// the whole JSON object it came from, so fields not listed here survive untouched.
import OrderedCollections

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
  public var lowestPrice: JSONNumber? {
    get { number("lowestPrice") }
    set { set("lowestPrice", number: newValue) }
  }
  public var defaultDisplayedLowestPrice: JSONNumber? {
    get { number("defaultDisplayedLowestPrice") }
    set { set("defaultDisplayedLowestPrice", number: newValue) }
  }
  public var defaultDisplayedLowestPriceFormatted: String? {
    get { string("defaultDisplayedLowestPriceFormatted") }
    set { set("defaultDisplayedLowestPriceFormatted", string: newValue) }
  }
  public var compareToPrice: JSONNumber? {
    get { number("compareToPrice") }
    set { set("compareToPrice", number: newValue) }
  }
  public var costPrice: JSONNumber? {
    get { number("costPrice") }
    set { set("costPrice", number: newValue) }
  }
  public var nameYourPriceEnabled: Bool? {
    get { bool("nameYourPriceEnabled") }
    set { set("nameYourPriceEnabled", bool: newValue) }
  }
  public var customPriceTiers: [CustomPriceTier]? {
    get { objects("customPriceTiers") }
    set { set("customPriceTiers", objects: newValue) }
  }
  public var isShippingRequired: Bool? {
    get { bool("isShippingRequired") }
    set { set("isShippingRequired", bool: newValue) }
  }
  public var tax: TaxInfo? {
    get { object("tax") }
    set { set("tax", object: newValue) }
  }
  public var weight: JSONNumber? {
    get { number("weight") }
    set { set("weight", number: newValue) }
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
  public var warningLimit: JSONNumber? {
    get { number("warningLimit") }
    set { set("warningLimit", number: newValue) }
  }
  public var fixedShippingRateOnly: Bool? {
    get { bool("fixedShippingRateOnly") }
    set { set("fixedShippingRateOnly", bool: newValue) }
  }
  public var fixedShippingRate: JSONNumber? {
    get { number("fixedShippingRate") }
    set { set("fixedShippingRate", number: newValue) }
  }
  public var shipping: ShippingSettings? {
    get { object("shipping") }
    set { set("shipping", object: newValue) }
  }
  public var description: String? {
    get { string("description") }
    set { set("description", string: newValue) }
  }
  public var descriptionTranslated: Translations? {
    get { translations("descriptionTranslated") }
    set { set("descriptionTranslated", object: newValue) }
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
  public var seoTitle: String? {
    get { string("seoTitle") }
    set { set("seoTitle", string: newValue) }
  }
  public var seoTitleTranslated: Translations? {
    get { translations("seoTitleTranslated") }
    set { set("seoTitleTranslated", object: newValue) }
  }
  public var seoDescription: String? {
    get { string("seoDescription") }
    set { set("seoDescription", string: newValue) }
  }
  public var seoDescriptionTranslated: Translations? {
    get { translations("seoDescriptionTranslated") }
    set { set("seoDescriptionTranslated", object: newValue) }
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
  public var volume: JSONNumber? {
    get { number("volume") }
    set { set("volume", number: newValue) }
  }
  public var volumeUnit: VolumeUnit? {
    get { string("volumeUnit").map(VolumeUnit.init(rawValue:)) }
    set { set("volumeUnit", string: newValue?.rawValue) }
  }
  public var showOnFrontpage: JSONNumber? {
    get { number("showOnFrontpage") }
    set { set("showOnFrontpage", number: newValue) }
  }
  public var discountsAllowed: Bool? {
    get { bool("discountsAllowed") }
    set { set("discountsAllowed", bool: newValue) }
  }
  public var subtitle: String? {
    get { string("subtitle") }
    set { set("subtitle", string: newValue) }
  }
  public var subtitleTranslated: Translations? {
    get { translations("subtitleTranslated") }
    set { set("subtitleTranslated", object: newValue) }
  }
  public var ribbon: Ribbon? {
    get { object("ribbon") }
    set { set("ribbon", object: newValue) }
  }
  public var ribbonTranslated: Translations? {
    get { translations("ribbonTranslated") }
    set { set("ribbonTranslated", object: newValue) }
  }
  public var outOfStockVisibilityBehaviour: OutOfStockVisibility? {
    get { string("outOfStockVisibilityBehaviour").map(OutOfStockVisibility.init(rawValue:)) }
    set { set("outOfStockVisibilityBehaviour", string: newValue?.rawValue) }
  }
  public var minPurchaseQuantity: JSONNumber? {
    get { number("minPurchaseQuantity") }
    set { set("minPurchaseQuantity", number: newValue) }
  }
  public var maxPurchaseQuantity: JSONNumber? {
    get { number("maxPurchaseQuantity") }
    set { set("maxPurchaseQuantity", number: newValue) }
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
  public var created: String? {
    get { string("created") }
    set { set("created", string: newValue) }
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
  public var defaultCombinationId: Int? {
    get { int("defaultCombinationId") }
    set { set("defaultCombinationId", int: newValue) }
  }
}

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

/// A fixed "name your price" amount.
public struct CustomPriceTier: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var value: JSONNumber? {
    get { number("value") }
    set { set("value", number: newValue) }
  }
}

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
  public var required: Bool? {
    get { bool("required") }
    set { set("required", bool: newValue) }
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

/// Per-product shipping settings.
public struct ShippingSettings: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var type: ShippingType? {
    get { string("type").map(ShippingType.init(rawValue:)) }
    set { set("type", string: newValue?.rawValue) }
  }
  public var methodMarkup: JSONNumber? {
    get { number("methodMarkup") }
    set { set("methodMarkup", number: newValue) }
  }
  public var flatRate: JSONNumber? {
    get { number("flatRate") }
    set { set("flatRate", number: newValue) }
  }
  public var disabledMethods: [String]? {
    get { json["disabledMethods"]?.arrayValue?.compactMap { $0.idString } }
    set { set("disabledMethods", newValue.map { .array($0.map(JSON.string)) }) }
  }
  public var enabledMethods: [String]? {
    get { json["enabledMethods"]?.arrayValue?.compactMap { $0.idString } }
    set { set("enabledMethods", newValue.map { .array($0.map(JSON.string)) }) }
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
  public var taxable: Bool? {
    get { bool("taxable") }
    set { set("taxable", bool: newValue) }
  }
  public var taxClassCode: String? {
    get { string("taxClassCode") }
    set { set("taxClassCode", string: newValue) }
  }
}

/// A legacy gallery image (numeric id, gallery only).
public struct GalleryImage: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var id: Int? {
    get { int("id") }
    set { set("id", int: newValue) }
  }
  public var url: String? {
    get { string("url") }
    set { set("url", string: newValue) }
  }
  public var thumbnail: String? {
    get { string("thumbnail") }
    set { set("thumbnail", string: newValue) }
  }
  public var originalImageUrl: String? {
    get { string("originalImageUrl") }
    set { set("originalImageUrl", string: newValue) }
  }
  public var imageUrl: String? {
    get { string("imageUrl") }
    set { set("imageUrl", string: newValue) }
  }
  public var hdThumbnailUrl: String? {
    get { string("hdThumbnailUrl") }
    set { set("hdThumbnailUrl", string: newValue) }
  }
  public var thumbnailUrl: String? {
    get { string("thumbnailUrl") }
    set { set("thumbnailUrl", string: newValue) }
  }
  public var smallThumbnailUrl: String? {
    get { string("smallThumbnailUrl") }
    set { set("smallThumbnailUrl", string: newValue) }
  }
  public var width: Int? {
    get { int("width") }
    set { set("width", int: newValue) }
  }
  public var height: Int? {
    get { int("height") }
    set { set("height", int: newValue) }
  }
  public var orderBy: Int? {
    get { int("orderBy") }
    set { set("orderBy", int: newValue) }
  }
  public var alt: String? {
    get { string("alt") }
    set { set("alt", string: newValue) }
  }
  public var borderInfo: BorderInfo? {
    get { object("borderInfo") }
    set { set("borderInfo", object: newValue) }
  }
}

/// Border information of an image.
public struct BorderInfo: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var dominatingColor: DominatingColor? {
    get { object("dominatingColor") }
    set { set("dominatingColor", object: newValue) }
  }
  public var homogeneity: Bool? {
    get { bool("homogeneity") }
    set { set("homogeneity", bool: newValue) }
  }
}

/// An RGBA colour.
public struct DominatingColor: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var red: Int? {
    get { int("red") }
    set { set("red", int: newValue) }
  }
  public var green: Int? {
    get { int("green") }
    set { set("green", int: newValue) }
  }
  public var blue: Int? {
    get { int("blue") }
    set { set("blue", int: newValue) }
  }
  public var alpha: Int? {
    get { int("alpha") }
    set { set("alpha", int: newValue) }
  }
}

/// Images and videos with their order and alt texts.
public struct ProductMedia: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var images: [ProductImage]? {
    get { objects("images") }
    set { set("images", objects: newValue) }
  }
  public var videos: [ProductVideo]? {
    get { objects("videos") }
    set { set("videos", objects: newValue) }
  }
}

/// An image of `media.images`; the main image has id "0".
public struct ProductImage: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var alt: ImageAlt? {
    get { object("alt") }
    set { set("alt", object: newValue) }
  }
  public var orderBy: JSONNumber? {
    get { number("orderBy") }
    set { set("orderBy", number: newValue) }
  }
  public var isMain: Bool? {
    get { bool("isMain") }
    set { set("isMain", bool: newValue) }
  }
  public var image160pxUrl: String? {
    get { string("image160pxUrl") }
    set { set("image160pxUrl", string: newValue) }
  }
  public var image400pxUrl: String? {
    get { string("image400pxUrl") }
    set { set("image400pxUrl", string: newValue) }
  }
  public var image800pxUrl: String? {
    get { string("image800pxUrl") }
    set { set("image800pxUrl", string: newValue) }
  }
  public var image1500pxUrl: String? {
    get { string("image1500pxUrl") }
    set { set("image1500pxUrl", string: newValue) }
  }
  public var imageOriginalUrl: String? {
    get { string("imageOriginalUrl") }
    set { set("imageOriginalUrl", string: newValue) }
  }
}

/// A video of `media.videos`.
public struct ProductVideo: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var videoCoverId: String? {
    get { string("videoCoverId") }
    set { set("videoCoverId", string: newValue) }
  }
  public var url: String? {
    get { string("url") }
    set { set("url", string: newValue) }
  }
  public var embedHtml: String? {
    get { string("embedHtml") }
    set { set("embedHtml", string: newValue) }
  }
  public var providerName: String? {
    get { string("providerName") }
    set { set("providerName", string: newValue) }
  }
  public var title: String? {
    get { string("title") }
    set { set("title", string: newValue) }
  }
  public var isMain: Bool? {
    get { bool("isMain") }
    set { set("isMain", bool: newValue) }
  }
}

/// Alt text of an image and its translations (`translated`, as the JSON has it).
public struct ImageAlt: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var main: String? {
    get { string("main") }
    set { set("main", string: newValue) }
  }
  public var translated: Translations? {
    get { translations("translated") }
    set { set("translated", object: newValue) }
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
  public var show: AttributeShow? {
    get { string("show").map(AttributeShow.init(rawValue:)) }
    set { set("show", string: newValue?.rawValue) }
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
  public var productSkus: [String]? {
    get { json["productSkus"]?.arrayValue?.compactMap { $0.idString } }
    set { set("productSkus", newValue.map { .array($0.map(JSON.string)) }) }
  }
  public var relatedCategory: RelatedCategory? {
    get { object("relatedCategory") }
    set { set("relatedCategory", object: newValue) }
  }
}

/// "N random related products from a category".
public struct RelatedCategory: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var enabled: Bool? {
    get { bool("enabled") }
    set { set("enabled", bool: newValue) }
  }
  public var categoryId: Int? {
    get { int("categoryId") }
    set { set("categoryId", int: newValue) }
  }
  public var productCount: Int? {
    get { int("productCount") }
    set { set("productCount", int: newValue) }
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
  public var width: JSONNumber? {
    get { number("width") }
    set { set("width", number: newValue) }
  }
  public var height: JSONNumber? {
    get { number("height") }
    set { set("height", number: newValue) }
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
  public var oneTimePurchaseAllowed: Bool? {
    get { bool("oneTimePurchaseAllowed") }
    set { set("oneTimePurchaseAllowed", bool: newValue) }
  }
  public var oneTimePurchasePrice: JSONNumber? {
    get { number("oneTimePurchasePrice") }
    set { set("oneTimePurchasePrice", number: newValue) }
  }
  public var oneTimePurchasePriceFormatted: String? {
    get { string("oneTimePurchasePriceFormatted") }
    set { set("oneTimePurchasePriceFormatted", string: newValue) }
  }
  public var oneTimePurchaseMarkup: JSONNumber? {
    get { number("oneTimePurchaseMarkup") }
    set { set("oneTimePurchaseMarkup", number: newValue) }
  }
  public var oneTimePurchaseMarkupFormatted: String? {
    get { string("oneTimePurchaseMarkupFormatted") }
    set { set("oneTimePurchaseMarkupFormatted", string: newValue) }
  }
  public var oneTimePurchaseMarkupPercent: JSONNumber? {
    get { number("oneTimePurchaseMarkupPercent") }
    set { set("oneTimePurchaseMarkupPercent", number: newValue) }
  }
  public var oneTimePurchaseMarkupPercentFormatted: String? {
    get { string("oneTimePurchaseMarkupPercentFormatted") }
    set { set("oneTimePurchaseMarkupPercentFormatted", string: newValue) }
  }
}

/// How often a subscription charges.
public struct RecurringChargeSettings: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var recurringInterval: RecurringInterval? {
    get { string("recurringInterval").map(RecurringInterval.init(rawValue:)) }
    set { set("recurringInterval", string: newValue?.rawValue) }
  }
  public var recurringIntervalCount: Int? {
    get { int("recurringIntervalCount") }
    set { set("recurringIntervalCount", int: newValue) }
  }
  public var subscriptionPriceWithSignUpFee: JSONNumber? {
    get { number("subscriptionPriceWithSignUpFee") }
    set { set("subscriptionPriceWithSignUpFee", number: newValue) }
  }
  public var subscriptionPriceWithSignUpFeeFormatted: String? {
    get { string("subscriptionPriceWithSignUpFeeFormatted") }
    set { set("subscriptionPriceWithSignUpFeeFormatted", string: newValue) }
  }
  public var signUpFee: JSONNumber? {
    get { number("signUpFee") }
    set { set("signUpFee", number: newValue) }
  }
  public var signUpFeeFormatted: String? {
    get { string("signUpFeeFormatted") }
    set { set("signUpFeeFormatted", string: newValue) }
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

