import EcwidAPI

extension Product {
  /// Top-level fields the "Update product" request accepts; everything else is the server's.
  public static let updatableFields: Set<String> = [
    "sku", "name", "nameTranslated", "quantity", "unlimited", "price", "wholesalePrices", "lowestPrice",
    "compareToPrice", "costPrice", "nameYourPriceEnabled", "customPriceTiers", "isShippingRequired", "tax", "weight",
    "customSlug", "productClassId", "enabled", "options", "warningLimit", "fixedShippingRateOnly", "fixedShippingRate",
    "shipping", "description", "descriptionTranslated", "galleryImages", "media", "categoryIds", "seoTitle",
    "seoTitleTranslated", "seoDescription", "seoDescriptionTranslated", "seoDecriptionTranslated", "defaultCategoryId",
    "attributes", "relatedProducts", "dimensions", "volume", "volumeUnit", "showOnFrontpage", "discountsAllowed",
    "subscriptionSettings", "subtitle", "ribbon", "subtitleTranslated", "ribbonTranslated",
    "outOfStockVisibilityBehaviour", "minPurchaseQuantity", "maxPurchaseQuantity",
  ]
}
