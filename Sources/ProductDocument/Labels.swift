import EcwidAPI

/// The editor's sections; every top-level product field belongs to one.
public enum Section: String, CaseIterable, Sendable {
  case general, pricing, options, variations, translations, media, shipping, seo, attributes

  public var title: String {
    switch self {
    case .general: return "General"
    case .pricing: return "Pricing & stock"
    case .options: return "Options"
    case .variations: return "Variations"
    case .translations: return "Translations"
    case .media: return "Media"
    case .shipping: return "Shipping & tax"
    case .seo: return "SEO"
    case .attributes: return "Attributes & related"
    }
  }

  public static func of(topLevelKey key: String) -> Section {
    if key == "seoTitleTranslated" || key == "seoDescriptionTranslated" || key == "seoDecriptionTranslated" {
      return .seo
    }
    if key.hasSuffix("Translated") { return .translations }
    switch key {
    case "price", "compareToPrice", "costPrice", "lowestPrice", "wholesalePrices", "quantity", "unlimited", "inStock",
      "warningLimit", "nameYourPriceEnabled", "customPriceTiers", "subscriptionSettings", "discountsAllowed",
      "minPurchaseQuantity", "maxPurchaseQuantity", "outOfStockVisibilityBehaviour", "priceInProductList",
      "defaultDisplayedPrice", "defaultDisplayedPriceFormatted", "lowestPriceSettings":
      return .pricing
    case "options", "defaultCombinationId": return .options
    case "combinations": return .variations
    case "media", "galleryImages", "imageUrl", "thumbnailUrl", "hdThumbnailUrl", "smallThumbnailUrl",
      "originalImageUrl", "originalImage", "borderInfo", "files":
      return .media
    case "shipping", "weight", "dimensions", "volume", "volumeUnit", "isShippingRequired", "fixedShippingRate",
      "fixedShippingRateOnly", "tax", "hasFreeShipping", "shippingPreparationTime", "showDeliveryTimeInStorefront":
      return .shipping
    case "seoTitle", "seoDescription", "customSlug": return .seo
    case "attributes", "relatedProducts", "productClassId": return .attributes
    default: return .general
    }
  }
}

/// Human-readable labels for changes: `Option "Size" › choice "32" › price modifier`.
enum Labels {
  static let separator = " › "

  static let topLevelNames: [String: String] = [
    "sku": "SKU", "name": "Name", "nameTranslated": "Name translations", "quantity": "Quantity in stock",
    "unlimited": "Unlimited stock", "price": "Price", "wholesalePrices": "Wholesale prices",
    "lowestPrice": "Lowest price", "compareToPrice": "Compare-to price", "costPrice": "Cost price",
    "nameYourPriceEnabled": "Name your price", "customPriceTiers": "Custom price tiers",
    "isShippingRequired": "Requires shipping", "tax": "Tax", "weight": "Weight", "customSlug": "Custom slug",
    "productClassId": "Product type", "enabled": "Enabled", "options": "Options", "warningLimit": "Low stock warning",
    "fixedShippingRateOnly": "Fixed shipping rate only", "fixedShippingRate": "Fixed shipping rate",
    "shipping": "Shipping", "description": "Description", "descriptionTranslated": "Description translations",
    "galleryImages": "Gallery images (legacy)", "media": "Media", "categoryIds": "Categories", "seoTitle": "SEO title",
    "seoTitleTranslated": "SEO title translations", "seoDescription": "SEO description",
    "seoDescriptionTranslated": "SEO description translations", "defaultCategoryId": "Default category",
    "attributes": "Attributes", "relatedProducts": "Related products", "dimensions": "Dimensions", "volume": "Volume",
    "volumeUnit": "Volume unit", "showOnFrontpage": "Front page position", "discountsAllowed": "Discounts allowed",
    "subscriptionSettings": "Subscription", "subtitle": "Subtitle", "subtitleTranslated": "Subtitle translations",
    "ribbon": "Ribbon", "ribbonTranslated": "Ribbon translations",
    "outOfStockVisibilityBehaviour": "When out of stock", "minPurchaseQuantity": "Minimum purchase quantity",
    "maxPurchaseQuantity": "Maximum purchase quantity", "combinations": "Variations",
  ]

  static let nestedNames: [String: String] = [
    "alt": "alt text", "main": "main", "translated": "translations", "priceModifier": "price modifier",
    "priceModifierType": "price modifier type", "textTranslated": "text translations",
    "nameTranslated": "name translations", "valueTranslated": "value translations", "defaultChoice": "default choice",
    "enabledManualTaxes": "manual taxes", "taxClassCode": "tax class", "methodMarkup": "method markup",
    "flatRate": "flat rate", "disabledMethods": "disabled methods", "enabledMethods": "enabled methods",
    "productIds": "products", "productSkus": "product SKUs", "relatedCategory": "related category",
    "categoryId": "category", "productCount": "product count", "recurringChargeSettings": "recurring charge",
    "recurringInterval": "interval", "recurringIntervalCount": "interval count", "signUpFee": "sign-up fee",
    "subscriptionAllowed": "subscription allowed", "oneTimePurchaseAllowed": "one-time purchase allowed",
    "oneTimePurchasePrice": "one-time purchase price",
  ]

  /// The label of an object field.
  static func field(_ key: String, topLevel: Bool) -> String {
    if topLevel, let n = topLevelNames[key] { return n }
    if let n = nestedNames[key] { return n }
    return topLevel ? capitalized(words(key)) : words(key)
  }

  /// `priceModifierType` → `price modifier type`. Only a capital after a small letter starts a
  /// word, so language codes (`zh_CN`, `pt_BR`) and other keys that are not camel case stay whole.
  static func words(_ key: String) -> String {
    var out = ""
    var previous: Character?
    for ch in key {
      if ch.isUppercase, let p = previous, p.isLowercase {
        out += " "
        out += ch.lowercased()
      } else {
        out.append(ch)
      }
      previous = ch
    }
    return out
  }

  static func capitalized(_ s: String) -> String {
    guard let f = s.first else { return s }
    return f.uppercased() + s.dropFirst()
  }

  /// The label of an array element.
  static func element(_ element: JSON, index: Int, identity: ArrayIdentity, arrayKey: String?) -> String {
    switch identity {
    case .mediaImage:
      if let id = element["id"]?.idString { return index == 0 ? "Image \(index + 1) (main, id \(id))" : "Image \(index + 1) (id \(id))" }
      return "New image \(quoted(element["imageOriginalUrl"]?.stringValue ?? ""))"
    case .mediaVideo:
      if let id = element["id"]?.idString { return "Video \(index + 1) (id \(id))" }
      return "New video \(quoted(element["url"]?.stringValue ?? ""))"
    case .option: return "Option \(quoted(element["name"]?.stringValue ?? "#\(index + 1)"))"
    case .choice: return "choice \(quoted(element["text"]?.stringValue ?? "#\(index + 1)"))"
    case .attribute:
      let name = element["name"]?.stringValue ?? element["alias"]?.stringValue ?? element["id"]?.idString ?? "#\(index + 1)"
      return "Attribute \(quoted(name))"
    case .wholesaleTier: return "Wholesale tier from \(element["quantity"]?.numberValue?.text ?? "?") items"
    case .customPriceTier: return "price tier \(element["value"]?.numberValue?.text ?? "?")"
    case .combination:
      let values = ProductVariation(json: element.objectValue ?? [:]).label
      let name = values.isEmpty ? "#\(index + 1)" : values
      return element["id"] == nil ? "New variation \(name)" : "Variation \(name)"
    case .byId: return "\(arrayKey.map { words($0) } ?? "item") id \(element["id"]?.idString ?? "?")"
    case .scalar: return element.stringValue.map(quoted) ?? element.compactText
    case .position: return "\(arrayKey.map { words($0) } ?? "item") \(index + 1)"
    case .optionValue: return "option \(quoted(element["name"]?.stringValue ?? "#\(index + 1)"))"
    }
  }

  /// The label of a variation's field (`Variation Size=XL › price`).
  static func combinationField(_ key: String) -> String {
    switch key {
    case "sku": return "SKU"
    case "compareToPrice": return "compare-to price"
    case "warningLimit": return "low stock warning"
    case "isShippingRequired": return "requires shipping"
    case "unlimited": return "unlimited stock"
    case "originalImageUrl": return "image"
    default: return field(key, topLevel: false)
    }
  }

  static func quoted(_ s: String) -> String {
    let short = s.count > 40 ? String(s.prefix(40)) + "…" : s
    return "“\(short)”"
  }

  static func join(_ parts: [String]) -> String { parts.joined(separator: separator) }
}

extension Product {
  /// How a person reads a top-level field's name (`price` → "Price").
  public static func label(forField key: String) -> String { Labels.field(key, topLevel: true) }
}
