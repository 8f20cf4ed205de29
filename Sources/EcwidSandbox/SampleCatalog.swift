import EcwidAPI
import Foundation

/// The built-in store: deterministic, realistic, and exercising every shape the editor must
/// handle. The first product (the one `ecwid-edit demo` opens) has options of every type, a
/// 12-image gallery with alt texts, wholesale tiers, attributes, translations in seven languages
/// (Japanese, Chinese and right-to-left Arabic included), ribbon, tax, shipping, dimensions,
/// subscription and related products. Then: a product with a CJK name and a float-noise price, one
/// with an emoji name and an unknown option type (SWATCHES), one with combinations, a minimal
/// one, and a disabled out-of-stock one with HTML and control characters in its description.
/// Last, generated products with 6, 40 and 500 variations (`SampleVariations.swift`).
enum SampleCatalog {
  static let storeId = 1003
  static let cdnHost = "sandbox-cdn.ecwid-edit.test"
  static let languages = ["en", "fr", "de", "es", "ja", "ar", "zh_CN"]

  static func imageURL(_ n: Int) -> String { "https://\(cdnHost)/images/\(storeId)/\(4_519_591_900 + n).jpg" }

  static func parse(_ text: String) -> JSONObject {
    do {
      guard let o = try JSON.parse(text).objectValue else { fatalError("sample catalog: not an object") }
      return o
    } catch {
      fatalError("sample catalog: \(error)")
    }
  }

  /// The whole data-file document.
  static func document() -> JSONObject {
    var doc: JSONObject = ["storeId": .int(storeId)]
    doc["profile"] = .object(parse(profileJSON))
    doc["categories"] = parse(#"{"c": \#(categoriesJSON)}"#)["c"]
    doc["productClasses"] = parse(#"{"c": \#(classesJSON)}"#)["c"]
    var products: [JSON] = []
    for (k, text) in [sweaterJSON, teaJSON, partyJSON, toteJSON, minimalJSON, mugJSON].enumerated() {
      var p = Product(json: parse(text))
      let images = galleries[k].enumerated().map { i, img in
        MediaRules.image(id: String(i), url: imageURL(img.n), alt: img.alt)
      }
      if p.json["media"] != nil || !images.isEmpty {
        MediaRules.normalize(&p, images: images)
      }
      products.append(p.value)
    }
    products += variedProducts()  // 6, 40 and 500 variations (SampleVariations.swift)
    doc["products"] = .array(products)
    return doc
  }

  /// A profile for a data file that has none: the languages its products use (English first).
  static func defaultProfile(storeId: Int, products: [Product]) -> JSONObject {
    var langs: [String] = []
    for p in products {
      for l in p.nameTranslated?.languages ?? [] where !langs.contains(l) { langs.append(l) }
    }
    if langs.isEmpty { langs = ["en"] }
    let def = langs.contains("en") ? "en" : langs[0]
    langs.removeAll { $0 == def }
    langs.insert(def, at: 0)
    return [
      "generalInfo": ["storeId": .int(storeId), "storeUrl": .string("https://store\(storeId).company.site")],
      "settings": ["closed": false, "storeName": .string("Sandbox store \(storeId)")],
      "languages": [
        "enabledLanguages": .array(langs.map(JSON.string)), "facebookPreferredLocale": "en_US",
        "defaultLanguage": .string(def),
      ],
      "formatsAndUnits": ["currency": "USD", "currencyPrefix": "$", "currencySuffix": ""],
    ]
  }

  struct Img {
    var n: Int
    var alt: JSONObject?
  }

  static func alt(_ main: String, _ tr: [(String, String)] = []) -> JSONObject {
    var t = JSONObject()
    if !tr.isEmpty {
      t["en"] = .string(main)
      for (l, s) in tr { t[l] = .string(s) }
    }
    return ["main": .string(main), "translated": .object(t)]
  }

  /// Images of each product, main first.
  static let galleries: [[Img]] = [
    [
      Img(
        n: 1,
        alt: alt(
          "Nordlys sweater in fjord blue, front view",
          [
            ("fr", "Pull Nordlys bleu fjord, vue de face"), ("de", "Nordlys-Pullover in Fjordblau, Vorderansicht"),
            ("ja", "ノルドリス セーター(フィヨルドブルー)正面"), ("ar", "كنزة نوردليس باللون الأزرق، منظر أمامي"),
          ])),
      Img(n: 2, alt: alt("Back view showing the saddle shoulders", [("fr", "Vue de dos, épaules raglan")])),
      Img(n: 3, alt: alt("Close-up of the cable knit", [("de", "Nahaufnahme des Zopfmusters"), ("ja", "ケーブル編みのアップ")])),
      Img(n: 4, alt: alt("Heather grey colourway")),
      Img(n: 5, alt: alt("Forest green colourway", [("es", "Color verde bosque")])),
      Img(n: 6, alt: alt("Cranberry colourway")),
      Img(n: 7, alt: alt("Model wearing size M, relaxed fit")),
      Img(n: 8, alt: alt("Ribbed cuffs and hem detail", [("zh_CN", "罗纹袖口和下摆细节")])),
      Img(n: 9, alt: alt("Care label: hand wash cold")),
      Img(n: 10, alt: nil),
      Img(n: 11, alt: alt("Gift box packaging")),
      Img(n: 12, alt: nil),
    ],
    [
      Img(n: 21, alt: alt("抹茶入り玄米茶のティーバッグ", [("ja", "抹茶入り玄米茶のティーバッグ"), ("zh_CN", "抹茶玄米茶茶包")])),
      Img(n: 22, alt: alt("Brewed tea in a ceramic cup")),
    ],
    [Img(n: 31, alt: alt("Confetti and balloons 🎉")), Img(n: 32, alt: nil), Img(n: 33, alt: alt("Pastel palette"))],
    [Img(n: 41, alt: alt("Canvas tote, natural")), Img(n: 42, alt: alt("Canvas tote, black"))],
    [],
    [Img(n: 61, alt: alt("Stoneware mug"))],
  ]

  static let profileJSON = #"""
    {
      "generalInfo": {
        "storeId": 1003,
        "storeUrl": "https://store1003.company.site",
        "starterSite": {"ecwidSubdomain": "store1003", "generatedUrl": "https://store1003.company.site"},
        "websitePlatform": "instantsite"
      },
      "account": {
        "accountName": "Sandbox Merchant",
        "accountNickName": "sandbox",
        "accountEmail": "merchant@example.com",
        "availableFeatures": ["PRODUCT_OPTIONS", "PRODUCT_VARIATIONS", "SUBSCRIPTIONS", "WHOLESALE_PRICES"]
      },
      "settings": {
        "closed": false,
        "storeName": "Nordlys & Co. (sandbox)",
        "storeDescription": "<p>A sample store served by the ecwid-edit sandbox.</p>",
        "googleProductCategory": 212,
        "defaultProductSortOrder": "DEFINED"
      },
      "mailNotifications": {"adminNotificationEmails": ["merchant@example.com"]},
      "company": {"companyName": "Nordlys & Co.", "email": "merchant@example.com", "city": "Tromsø", "countryCode": "NO"},
      "formatsAndUnits": {
        "currency": "USD",
        "currencyPrefix": "$",
        "currencySuffix": "",
        "currencyPrecision": 2,
        "currencyGroupSeparator": ",",
        "currencyDecimalSeparator": ".",
        "weightUnit": "KILOGRAM",
        "dimensionsUnit": "CM",
        "volumeUnit": "ml",
        "dateFormat": "MMM d, yyyy",
        "timezone": "Europe/Oslo"
      },
      "languages": {
        "enabledLanguages": ["en", "fr", "de", "es", "ja", "ar", "zh_CN"],
        "facebookPreferredLocale": "en_US",
        "defaultLanguage": "en"
      },
      "shipping": {
        "handlingFee": {"name": "Handling", "value": 0},
        "shippingOptions": [
          {"id": "4930-1667311450816", "title": "Standard mail", "enabled": true, "fulfilmentType": "shipping"},
          {"id": "4930-1667311450817", "title": "Express courier", "enabled": true, "fulfilmentType": "shipping"},
          {"id": "4930-1667311450818", "title": "Store pickup", "enabled": true, "fulfilmentType": "pickup"}
        ]
      },
      "taxSettings": {
        "automaticTaxEnabled": false,
        "taxes": [
          {"id": 947976181, "name": "VAT", "enabled": true, "includeInPrice": true, "useShippingAddress": true,
           "taxShipping": false, "appliedByDefault": true, "defaultTax": 25, "rules": []},
          {"id": 947976182, "name": "Eco levy", "enabled": false, "includeInPrice": false, "useShippingAddress": true,
           "taxShipping": false, "appliedByDefault": false, "defaultTax": 1, "rules": []}
        ],
        "pricesIncludeTax": true
      }
    }
    """#

  static let categoriesJSON = #"""
    [
      {"id": 9691094, "parentId": 0, "orderBy": 10, "name": "Apparel", "enabled": true, "productCount": 2,
       "nameTranslated": {"en": "Apparel", "fr": "Vêtements", "de": "Bekleidung", "es": "Ropa", "ja": "アパレル", "ar": "ملابس", "zh_CN": "服装"}},
      {"id": 9691095, "parentId": 9691094, "orderBy": 20, "name": "Knitwear", "enabled": true, "productCount": 1},
      {"id": 9691096, "parentId": 0, "orderBy": 30, "name": "Tea", "enabled": true, "productCount": 1},
      {"id": 9691097, "parentId": 0, "orderBy": 40, "name": "Gifts", "enabled": true, "productCount": 2},
      {"id": 9691098, "parentId": 0, "orderBy": 50, "name": "Bags", "enabled": true, "productCount": 1},
      {"id": 9691099, "parentId": 0, "orderBy": 60, "name": "Home", "enabled": false, "productCount": 1}
    ]
    """#

  static let classesJSON = #"""
    [
      {"id": 0, "name": "General", "attributes": [
        {"id": 148181711, "name": "Brand", "type": "BRAND", "show": "DESCR"},
        {"id": 148181712, "name": "UPC", "type": "UPC", "show": "DESCR"}]},
      {"id": 5130512, "name": "Apparel", "attributes": [
        {"id": 148181711, "name": "Brand", "type": "BRAND", "show": "DESCR"},
        {"id": 148181712, "name": "UPC", "type": "UPC", "show": "DESCR"},
        {"id": 148181713, "name": "Material", "type": "CUSTOM", "show": "DESCR"},
        {"id": 148181714, "name": "Care", "type": "CUSTOM", "show": "PRICE"}]},
      {"id": 5130513, "name": "Food & drink", "attributes": [
        {"id": 148181711, "name": "Brand", "type": "BRAND", "show": "DESCR"},
        {"id": 148181715, "name": "Net weight", "type": "CUSTOM", "show": "DESCR"}]}
    ]
    """#

  static let sweaterJSON = #"""
    {
      "id": 692730761,
      "sku": "NRD-SWT-001",
      "thumbnailUrl": "",
      "quantity": 42,
      "unlimited": false,
      "inStock": true,
      "name": "Nordlys Merino Wool Sweater",
      "nameTranslated": {
        "en": "Nordlys Merino Wool Sweater",
        "fr": "Pull en laine mérinos Nordlys",
        "de": "Nordlys Merinowoll-Pullover",
        "es": "Suéter de lana merino Nordlys",
        "ja": "ノルドリス メリノウール セーター",
        "ar": "كنزة نوردليس من صوف المارينو",
        "zh_CN": "诺德利斯美利奴羊毛衫"
      },
      "price": 89.95,
      "priceInProductList": 89.95,
      "defaultDisplayedPrice": 89.95,
      "defaultDisplayedPriceFormatted": "$89.95",
      "tax": {
        "taxable": true,
        "defaultLocationIncludedTaxRate": 25,
        "enabledManualTaxes": [947976181],
        "taxClassCode": "default"
      },
      "wholesalePrices": [
        {"quantity": 5, "price": 84.5},
        {"quantity": 10, "price": 79},
        {"quantity": 25, "price": 72.25}
      ],
      "compareToPrice": 119,
      "compareToPriceFormatted": "$119.00",
      "compareToPriceDiscount": 29.05,
      "compareToPriceDiscountFormatted": "$29.05",
      "compareToPriceDiscountPercent": 24,
      "compareToPriceDiscountPercentFormatted": "24%",
      "costPrice": 31.5,
      "lowestPrice": 84.5,
      "defaultDisplayedLowestPrice": 84.5,
      "defaultDisplayedLowestPriceFormatted": "$84.50",
      "lowestPriceSettings": {"lowestPriceEnabled": true},
      "isShippingRequired": true,
      "weight": 0.65,
      "hasFreeShipping": false,
      "url": "https://store1003.company.site/products/nordlys-merino-sweater",
      "autogeneratedSlug": "nordlys-merino-wool-sweater-692730761",
      "customSlug": "nordlys-merino-sweater",
      "created": "2024-09-04 07:20:11 +0000",
      "updated": "2024-10-12 14:03:27 +0000",
      "createTimestamp": 1725434411,
      "updateTimestamp": 1728741807,
      "productClassId": 5130512,
      "enabled": true,
      "options": [
        {
          "type": "SELECT",
          "name": "Color",
          "nameTranslated": {"en": "Color", "fr": "Couleur", "de": "Farbe", "es": "Color", "ja": "色", "ar": "اللون", "zh_CN": "颜色"},
          "choices": [
            {"text": "Fjord Blue", "textTranslated": {"en": "Fjord Blue", "fr": "Bleu fjord", "de": "Fjordblau", "es": "Azul fiordo", "ja": "フィヨルドブルー", "ar": "أزرق المضيق", "zh_CN": "峡湾蓝"}, "priceModifier": 0, "priceModifierType": "ABSOLUTE"},
            {"text": "Heather Grey", "textTranslated": {"en": "Heather Grey", "fr": "Gris chiné", "de": "Graumeliert", "es": "Gris jaspeado", "ja": "ヘザーグレー", "ar": "رمادي", "zh_CN": "麻灰色"}, "priceModifier": 0, "priceModifierType": "ABSOLUTE"},
            {"text": "Forest Green", "textTranslated": {"en": "Forest Green", "fr": "Vert forêt", "de": "Waldgrün", "es": "Verde bosque", "ja": "フォレストグリーン", "ar": "أخضر غامق", "zh_CN": "森林绿"}, "priceModifier": 5, "priceModifierType": "ABSOLUTE"},
            {"text": "Cranberry", "textTranslated": {"en": "Cranberry", "fr": "Canneberge", "de": "Cranberry", "es": "Arándano", "ja": "クランベリー", "ar": "توت بري", "zh_CN": "蔓越莓红"}, "priceModifier": 10, "priceModifierType": "PERCENT"}
          ],
          "defaultChoice": 0,
          "required": true
        },
        {
          "type": "SIZE",
          "name": "Size",
          "nameTranslated": {"en": "Size", "fr": "Taille", "de": "Größe", "es": "Talla", "ja": "サイズ", "ar": "المقاس", "zh_CN": "尺码"},
          "choices": [
            {"text": "XS", "textTranslated": {"en": "XS"}, "priceModifier": -2, "priceModifierType": "ABSOLUTE"},
            {"text": "S", "textTranslated": {"en": "S"}, "priceModifier": 0, "priceModifierType": "ABSOLUTE"},
            {"text": "M", "textTranslated": {"en": "M"}, "priceModifier": 0, "priceModifierType": "ABSOLUTE"},
            {"text": "L", "textTranslated": {"en": "L"}, "priceModifier": 0, "priceModifierType": "ABSOLUTE"},
            {"text": "XL", "textTranslated": {"en": "XL"}, "priceModifier": 4, "priceModifierType": "ABSOLUTE"},
            {"text": "XXL", "textTranslated": {"en": "XXL"}, "priceModifier": 7.5, "priceModifierType": "PERCENT"}
          ],
          "defaultChoice": 2,
          "required": true
        },
        {
          "type": "RADIO",
          "name": "Fit",
          "nameTranslated": {"en": "Fit", "fr": "Coupe", "de": "Passform", "es": "Corte", "ja": "フィット", "ar": "القصة", "zh_CN": "版型"},
          "choices": [
            {"text": "Regular", "textTranslated": {"en": "Regular", "fr": "Classique", "de": "Normal", "ja": "レギュラー"}, "priceModifier": 0, "priceModifierType": "ABSOLUTE"},
            {"text": "Relaxed", "textTranslated": {"en": "Relaxed", "fr": "Ample", "de": "Locker", "ja": "リラックス"}, "priceModifier": 3, "priceModifierType": "ABSOLUTE"}
          ],
          "defaultChoice": 0,
          "required": false
        },
        {
          "type": "CHECKBOX",
          "name": "Extras",
          "nameTranslated": {"en": "Extras", "fr": "Options", "de": "Extras", "ja": "オプション"},
          "choices": [
            {"text": "Gift wrap", "textTranslated": {"en": "Gift wrap", "fr": "Emballage cadeau", "de": "Geschenkverpackung", "ja": "ギフト包装"}, "priceModifier": 4.5, "priceModifierType": "ABSOLUTE"},
            {"text": "Spare buttons", "textTranslated": {"en": "Spare buttons"}, "priceModifier": 1, "priceModifierType": "ABSOLUTE"},
            {"text": "Lavender sachet", "textTranslated": {"en": "Lavender sachet"}, "priceModifier": 5, "priceModifierType": "PERCENT"}
          ],
          "required": false
        },
        {
          "type": "TEXTFIELD",
          "name": "Monogram (up to 3 letters)",
          "nameTranslated": {"en": "Monogram (up to 3 letters)", "fr": "Monogramme (3 lettres max.)", "ja": "イニシャル(3文字まで)"},
          "required": false
        },
        {
          "type": "TEXTAREA",
          "name": "Gift message",
          "nameTranslated": {"en": "Gift message", "fr": "Message cadeau", "de": "Grußbotschaft", "ar": "رسالة الهدية"},
          "required": false
        },
        {
          "type": "DATE",
          "name": "Delivery date",
          "nameTranslated": {"en": "Delivery date", "fr": "Date de livraison"},
          "required": false
        },
        {
          "type": "FILES",
          "name": "Upload a patch design",
          "nameTranslated": {"en": "Upload a patch design"},
          "required": false
        }
      ],
      "warningLimit": 5,
      "fixedShippingRateOnly": false,
      "fixedShippingRate": 0,
      "shipping": {
        "type": "SELECTED_METHODS",
        "methodMarkup": 2.5,
        "flatRate": 0,
        "disabledMethods": ["4930-1667311450817"],
        "enabledMethods": ["4930-1667311450816", "4930-1667311450818"]
      },
      "defaultCombinationId": 0,
      "imageUrl": "",
      "smallThumbnailUrl": "",
      "hdThumbnailUrl": "",
      "originalImageUrl": "",
      "originalImage": {"url": "", "width": 1600, "height": 1600},
      "borderInfo": {"dominatingColor": {"red": 214, "green": 222, "blue": 231, "alpha": 255}, "homogeneity": true},
      "description": "<p>Hand-finished in Norway from <strong>100% merino wool</strong>. Warm without the itch, with a classic cable front.</p>\n<ul><li>Saddle shoulders</li><li>Ribbed cuffs &amp; hem</li><li>Mid-weight, 12 gauge</li></ul>",
      "descriptionTranslated": {
        "en": "<p>Hand-finished in Norway from <strong>100% merino wool</strong>. Warm without the itch, with a classic cable front.</p>\n<ul><li>Saddle shoulders</li><li>Ribbed cuffs &amp; hem</li><li>Mid-weight, 12 gauge</li></ul>",
        "fr": "<p>Fini à la main en Norvège, <strong>100 % laine mérinos</strong>. Chaud sans gratter.</p>",
        "de": "<p>In Norwegen von Hand gefertigt aus <strong>100 % Merinowolle</strong>. Warm, ohne zu kratzen.</p>",
        "es": "<p>Terminado a mano en Noruega, <strong>100 % lana merino</strong>.</p>",
        "ja": "<p>ノルウェーで手仕上げした<strong>メリノウール100%</strong>のセーター。チクチクせず暖かい。</p>",
        "ar": "<p>صُنعت يدويًا في النرويج من <strong>صوف المارينو بنسبة 100%</strong>. دافئة ولا تسبب الحكة.</p>",
        "zh_CN": ""
      },
      "galleryImages": [],
      "media": {"images": [], "videos": []},
      "categoryIds": [9691094, 9691095],
      "categories": [{"id": 9691094, "enabled": true}, {"id": 9691095, "enabled": true}],
      "defaultCategoryId": 9691095,
      "seoTitle": "Nordlys Merino Sweater | Nordlys & Co.",
      "seoTitleTranslated": {
        "en": "Nordlys Merino Sweater | Nordlys & Co.",
        "fr": "Pull mérinos Nordlys | Nordlys & Co.",
        "de": "", "es": "", "ja": "ノルドリス メリノセーター", "ar": "", "zh_CN": ""
      },
      "seoDescription": "A warm, itch-free merino sweater hand-finished in Norway.",
      "seoDescriptionTranslated": {
        "en": "A warm, itch-free merino sweater hand-finished in Norway.",
        "fr": "Un pull mérinos chaud, fini à la main en Norvège.",
        "de": "", "es": "", "ja": "", "ar": "", "zh_CN": ""
      },
      "favorites": {"count": 17, "displayedCount": "17"},
      "attributes": [
        {"id": 148181711, "name": "Brand", "nameTranslated": {"en": "Brand", "fr": "Marque", "de": "Marke", "ja": "ブランド"}, "value": "Nordlys", "valueTranslated": {"en": "Nordlys"}, "type": "BRAND", "alias": "BRAND", "show": "DESCR"},
        {"id": 148181712, "name": "UPC", "value": "012345678905", "type": "UPC", "alias": "UPC", "show": "NOTSHOW"},
        {"id": 148181713, "name": "Material", "nameTranslated": {"en": "Material", "fr": "Matière", "de": "Material", "ja": "素材", "ar": "الخامة", "zh_CN": "材质"}, "value": "100% merino wool", "valueTranslated": {"en": "100% merino wool", "fr": "100 % laine mérinos", "de": "100 % Merinowolle", "ja": "メリノウール100%", "ar": "صوف مارينو 100%", "zh_CN": "100%美利奴羊毛"}, "type": "CUSTOM", "show": "DESCR"},
        {"id": 148181714, "name": "Care", "value": "Hand wash cold, dry flat", "valueTranslated": {"en": "Hand wash cold, dry flat", "fr": "Lavage à la main à froid"}, "type": "CUSTOM", "show": "PRICE"}
      ],
      "files": [],
      "relatedProducts": {
        "productIds": [692730767, 692730765],
        "relatedCategory": {"enabled": true, "categoryId": 9691094, "productCount": 3}
      },
      "combinations": [],
      "dimensions": {"length": 35, "width": 28, "height": 6},
      "shippingPreparationTime": {},
      "showDeliveryTimeInStorefront": false,
      "volume": 0,
      "volumeUnit": "ml",
      "showOnFrontpage": 1,
      "isSampleProduct": false,
      "googleItemCondition": "NEW",
      "isGiftCard": false,
      "discountsAllowed": true,
      "nameYourPriceEnabled": false,
      "subscriptionSettings": {
        "subscriptionAllowed": true,
        "oneTimePurchaseAllowed": true,
        "oneTimePurchasePrice": 89.95,
        "oneTimePurchasePriceFormatted": "$89.95",
        "oneTimePurchaseMarkup": 9,
        "oneTimePurchaseMarkupFormatted": "$9.00",
        "oneTimePurchaseMarkupPercent": 10,
        "oneTimePurchaseMarkupPercentFormatted": "10%",
        "recurringChargeSettings": [
          {
            "recurringInterval": "MONTH",
            "recurringIntervalCount": 3,
            "subscriptionPriceWithSignUpFee": 85.95,
            "subscriptionPriceWithSignUpFeeFormatted": "$85.95",
            "signUpFee": 5,
            "signUpFeeFormatted": "$5.00"
          }
        ]
      },
      "subtitle": "Hand-finished merino, made to last",
      "subtitleTranslated": {
        "en": "Hand-finished merino, made to last",
        "fr": "Mérinos fini main, fait pour durer",
        "de": "Handveredelte Merinowolle",
        "es": "", "ja": "長く着られる手仕上げメリノ", "ar": "صوف مارينو مُشطَّب يدويًا", "zh_CN": "手工精制美利奴"
      },
      "ribbon": {"text": "Bestseller", "color": "#E35D2F"},
      "ribbonTranslated": {"en": "Bestseller", "fr": "Meilleure vente", "de": "Bestseller", "es": "Más vendido", "ja": "ベストセラー", "ar": "الأكثر مبيعًا", "zh_CN": "畅销"},
      "googleProductCategory": 212,
      "googleProductCategoryName": "Apparel & Accessories > Clothing > Shirts & Tops",
      "productCondition": "NEW",
      "outOfStockVisibilityBehaviour": "SHOW",
      "minPurchaseQuantity": 1,
      "maxPurchaseQuantity": 10
    }
    """#

  static let teaJSON = #"""
    {
      "id": 692730763,
      "sku": "TEA-GMC-20",
      "thumbnailUrl": "",
      "unlimited": true,
      "inStock": true,
      "name": "抹茶入り玄米茶 ティーバッグ 20袋",
      "nameTranslated": {
        "en": "抹茶入り玄米茶 ティーバッグ 20袋",
        "fr": "Genmaicha au matcha, 20 sachets",
        "de": "Genmaicha mit Matcha, 20 Beutel",
        "es": "",
        "ja": "抹茶入り玄米茶 ティーバッグ 20袋",
        "ar": "",
        "zh_CN": "抹茶玄米茶 茶包 20袋"
      },
      "price": 14.989999999999998,
      "priceInProductList": 14.989999999999998,
      "defaultDisplayedPrice": 14.989999999999998,
      "defaultDisplayedPriceFormatted": "$14.99",
      "tax": {"taxable": true, "defaultLocationIncludedTaxRate": 25, "enabledManualTaxes": [947976181], "taxClassCode": "default"},
      "isShippingRequired": true,
      "weight": 0.08,
      "url": "https://store1003.company.site/products/genmaicha-692730763",
      "autogeneratedSlug": "genmaicha-692730763",
      "customSlug": "",
      "created": "2024-09-05 09:12:40 +0000",
      "updated": "2024-09-20 11:45:02 +0000",
      "createTimestamp": 1725527560,
      "updateTimestamp": 1726832702,
      "productClassId": 5130513,
      "enabled": true,
      "options": [
        {
          "type": "RADIO",
          "name": "Pack",
          "nameTranslated": {"en": "Pack", "ja": "パック", "zh_CN": "包装"},
          "choices": [
            {"text": "20 bags", "textTranslated": {"en": "20 bags", "ja": "20袋", "zh_CN": "20袋"}, "priceModifier": 0, "priceModifierType": "ABSOLUTE"},
            {"text": "50 bags", "textTranslated": {"en": "50 bags", "ja": "50袋", "zh_CN": "50袋"}, "priceModifier": 120, "priceModifierType": "PERCENT"}
          ],
          "defaultChoice": 0,
          "required": true
        }
      ],
      "warningLimit": 0,
      "shipping": {"type": "GLOBAL_METHODS", "methodMarkup": 0, "flatRate": 0, "disabledMethods": [], "enabledMethods": []},
      "defaultCombinationId": 0,
      "imageUrl": "",
      "smallThumbnailUrl": "",
      "hdThumbnailUrl": "",
      "originalImageUrl": "",
      "originalImage": {"url": "", "width": 1200, "height": 900},
      "description": "<p>京都・宇治の抹茶をブレンドした香ばしい玄米茶。</p><p>Roasted brown rice green tea blended with Uji matcha. 20 pyramid bags.</p>",
      "descriptionTranslated": {
        "en": "<p>京都・宇治の抹茶をブレンドした香ばしい玄米茶。</p><p>Roasted brown rice green tea blended with Uji matcha. 20 pyramid bags.</p>",
        "fr": "", "de": "", "es": "",
        "ja": "<p>京都・宇治の抹茶をブレンドした香ばしい玄米茶。ピラミッド型ティーバッグ20袋入り。</p>",
        "ar": "",
        "zh_CN": "<p>以京都宇治抹茶调配的香醇玄米茶,20个三角茶包。</p>"
      },
      "galleryImages": [],
      "media": {"images": [], "videos": []},
      "categoryIds": [9691096],
      "categories": [{"id": 9691096, "enabled": true}],
      "defaultCategoryId": 9691096,
      "seoTitle": "",
      "seoDescription": "",
      "attributes": [
        {"id": 148181711, "name": "Brand", "value": "宇治工房", "valueTranslated": {"en": "宇治工房", "fr": "Uji Kōbō"}, "type": "BRAND", "alias": "BRAND", "show": "DESCR"},
        {"id": 148181715, "name": "Net weight", "value": "60 g", "type": "CUSTOM", "show": "DESCR"}
      ],
      "relatedProducts": {"productIds": [], "relatedCategory": {"enabled": false, "categoryId": 0, "productCount": 5}},
      "combinations": [],
      "dimensions": {"length": 12, "width": 8, "height": 4},
      "volume": 0,
      "showOnFrontpage": 2,
      "discountsAllowed": true,
      "nameYourPriceEnabled": false,
      "subtitle": "宇治抹茶ブレンド",
      "subtitleTranslated": {"en": "宇治抹茶ブレンド", "ja": "宇治抹茶ブレンド", "zh_CN": "宇治抹茶拼配"},
      "outOfStockVisibilityBehaviour": "SHOW"
    }
    """#

  static let partyJSON = #"""
    {
      "id": 692730765,
      "sku": "PARTY-PACK-🎉",
      "thumbnailUrl": "",
      "quantity": 120,
      "unlimited": false,
      "inStock": true,
      "name": "Party Pack 🎉🎈 Confetti & Balloons",
      "nameTranslated": {
        "en": "Party Pack 🎉🎈 Confetti & Balloons",
        "fr": "Pack fête 🎉🎈 confettis et ballons",
        "de": "Partypaket 🎉🎈 Konfetti & Ballons",
        "es": "Pack de fiesta 🎉🎈",
        "ja": "パーティーパック 🎉🎈",
        "ar": "حزمة الحفلة 🎉🎈",
        "zh_CN": "派对礼包 🎉🎈"
      },
      "price": 24,
      "priceInProductList": 24,
      "defaultDisplayedPrice": 24,
      "defaultDisplayedPriceFormatted": "$24.00",
      "tax": {"taxable": true, "defaultLocationIncludedTaxRate": 25, "enabledManualTaxes": [947976181], "taxClassCode": "default"},
      "compareToPrice": 30,
      "isShippingRequired": true,
      "weight": 0.4,
      "url": "https://store1003.company.site/products/party-pack-confetti-balloons-692730765",
      "autogeneratedSlug": "party-pack-confetti-balloons-692730765",
      "customSlug": "",
      "created": "2024-09-06 15:30:00 +0000",
      "updated": "2024-11-01 08:00:00 +0000",
      "createTimestamp": 1725636600,
      "updateTimestamp": 1730448000,
      "productClassId": 0,
      "enabled": true,
      "options": [
        {
          "type": "SWATCHES",
          "name": "Palette",
          "nameTranslated": {"en": "Palette", "fr": "Palette"},
          "choices": [
            {"text": "Pastel", "textTranslated": {"en": "Pastel"}, "priceModifier": 0, "priceModifierType": "ABSOLUTE", "hexCodes": ["#F7C5CC", "#C5E3F7"]},
            {"text": "Neon", "textTranslated": {"en": "Neon"}, "priceModifier": 2, "priceModifierType": "ABSOLUTE", "hexCodes": ["#39FF14"]},
            {"text": "Gold 🥇", "textTranslated": {"en": "Gold 🥇"}, "priceModifier": 15, "priceModifierType": "PERCENT", "hexCodes": ["#D4AF37"]}
          ],
          "defaultChoice": 0,
          "required": true
        }
      ],
      "warningLimit": 10,
      "shipping": {"type": "FLAT_RATE", "methodMarkup": 0, "flatRate": 4.99, "disabledMethods": [], "enabledMethods": []},
      "defaultCombinationId": 0,
      "imageUrl": "",
      "smallThumbnailUrl": "",
      "hdThumbnailUrl": "",
      "originalImageUrl": "",
      "originalImage": {"url": "", "width": 1200, "height": 1200},
      "description": "<p>Everything for a party: 🎈 20 balloons, 🎊 confetti, 🎉 poppers.</p>",
      "descriptionTranslated": {"en": "<p>Everything for a party: 🎈 20 balloons, 🎊 confetti, 🎉 poppers.</p>", "fr": "", "de": "", "es": "", "ja": "", "ar": "", "zh_CN": ""},
      "galleryImages": [],
      "media": {"images": [], "videos": []},
      "categoryIds": [9691097],
      "categories": [{"id": 9691097, "enabled": true}],
      "defaultCategoryId": 9691097,
      "seoTitle": "",
      "seoDescription": "",
      "attributes": [],
      "relatedProducts": {"productIds": [692730761], "relatedCategory": {"enabled": false, "categoryId": 0, "productCount": 5}},
      "combinations": [],
      "dimensions": {"length": 30, "width": 20, "height": 5},
      "volume": 0,
      "showOnFrontpage": 3,
      "discountsAllowed": false,
      "nameYourPriceEnabled": false,
      "ribbon": {"text": "🎉 New", "color": "#7B2FF7"},
      "ribbonTranslated": {"en": "🎉 New", "fr": "🎉 Nouveau", "de": "🎉 Neu", "es": "🎉 Nuevo", "ja": "🎉 新着", "ar": "🎉 جديد", "zh_CN": "🎉 新品"},
      "outOfStockVisibilityBehaviour": "ALLOW_PREORDER"
    }
    """#

  static let toteJSON = #"""
    {
      "id": 692730767,
      "sku": "TOTE-CNV",
      "thumbnailUrl": "",
      "quantity": 63,
      "unlimited": false,
      "inStock": true,
      "name": "Canvas Tote Bag",
      "nameTranslated": {"en": "Canvas Tote Bag", "fr": "Sac cabas en toile", "de": "Canvas-Tragetasche", "es": "Bolsa de lona", "ja": "キャンバストートバッグ", "ar": "حقيبة قماشية", "zh_CN": "帆布托特包"},
      "price": 32,
      "priceInProductList": 32,
      "defaultDisplayedPrice": 32,
      "defaultDisplayedPriceFormatted": "$32.00",
      "tax": {"taxable": true, "defaultLocationIncludedTaxRate": 25, "enabledManualTaxes": [947976181], "taxClassCode": "default"},
      "isShippingRequired": true,
      "weight": 0.35,
      "url": "https://store1003.company.site/products/canvas-tote-bag-692730767",
      "autogeneratedSlug": "canvas-tote-bag-692730767",
      "customSlug": "",
      "created": "2024-09-07 10:00:00 +0000",
      "updated": "2024-10-02 16:20:00 +0000",
      "createTimestamp": 1725703200,
      "updateTimestamp": 1727886000,
      "productClassId": 0,
      "enabled": true,
      "options": [
        {
          "type": "SELECT",
          "name": "Color",
          "nameTranslated": {"en": "Color", "fr": "Couleur", "de": "Farbe"},
          "choices": [
            {"text": "Natural", "textTranslated": {"en": "Natural", "fr": "Naturel", "de": "Natur"}, "priceModifier": 0, "priceModifierType": "ABSOLUTE"},
            {"text": "Black", "textTranslated": {"en": "Black", "fr": "Noir", "de": "Schwarz"}, "priceModifier": 0, "priceModifierType": "ABSOLUTE"},
            {"text": "Navy", "textTranslated": {"en": "Navy", "fr": "Marine", "de": "Marineblau"}, "priceModifier": 2, "priceModifierType": "ABSOLUTE"}
          ],
          "defaultChoice": 0,
          "required": true
        },
        {
          "type": "SIZE",
          "name": "Size",
          "nameTranslated": {"en": "Size", "fr": "Taille", "de": "Größe"},
          "choices": [
            {"text": "Small", "textTranslated": {"en": "Small", "fr": "Petit", "de": "Klein"}, "priceModifier": 0, "priceModifierType": "ABSOLUTE"},
            {"text": "Large", "textTranslated": {"en": "Large", "fr": "Grand", "de": "Groß"}, "priceModifier": 6, "priceModifierType": "ABSOLUTE"}
          ],
          "defaultChoice": 0,
          "required": true
        }
      ],
      "warningLimit": 3,
      "shipping": {"type": "GLOBAL_METHODS", "methodMarkup": 0, "flatRate": 0, "disabledMethods": [], "enabledMethods": []},
      "defaultCombinationId": 422488528,
      "imageUrl": "",
      "smallThumbnailUrl": "",
      "hdThumbnailUrl": "",
      "originalImageUrl": "",
      "originalImage": {"url": "", "width": 1200, "height": 1200},
      "description": "<p>Heavy 12&nbsp;oz cotton canvas with an inner pocket.</p>",
      "descriptionTranslated": {"en": "<p>Heavy 12&nbsp;oz cotton canvas with an inner pocket.</p>", "fr": "<p>Toile de coton épaisse avec poche intérieure.</p>", "de": "", "es": "", "ja": "", "ar": "", "zh_CN": ""},
      "galleryImages": [],
      "media": {"images": [], "videos": []},
      "categoryIds": [9691098, 9691097],
      "categories": [{"id": 9691098, "enabled": true}, {"id": 9691097, "enabled": true}],
      "defaultCategoryId": 9691098,
      "seoTitle": "",
      "seoDescription": "",
      "attributes": [
        {"id": 148181711, "name": "Brand", "value": "Nordlys", "type": "BRAND", "alias": "BRAND", "show": "DESCR"},
        {"id": 148181712, "name": "UPC", "value": "012345678912", "type": "UPC", "alias": "UPC", "show": "DESCR"}
      ],
      "relatedProducts": {"productIds": [692730761], "relatedCategory": {"enabled": false, "categoryId": 0, "productCount": 5}},
      "combinations": [
        {"id": 422488528, "combinationNumber": 1, "options": [{"name": "Color", "nameTranslated": {"en": "Color", "fr": "Couleur"}, "value": "Natural", "valueTranslated": {"en": "Natural", "fr": "Naturel"}}, {"name": "Size", "nameTranslated": {"en": "Size", "fr": "Taille"}, "value": "Small", "valueTranslated": {"en": "Small", "fr": "Petit"}}], "sku": "TOTE-NAT-S", "quantity": 20, "unlimited": false, "inStock": true, "price": 32, "defaultDisplayedPrice": 32, "defaultDisplayedPriceFormatted": "$32.00", "weight": 0.35, "warningLimit": 3, "attributes": [], "alt": {"translated": {}}},
        {"id": 422488529, "combinationNumber": 2, "options": [{"name": "Color", "nameTranslated": {"en": "Color", "fr": "Couleur"}, "value": "Natural", "valueTranslated": {"en": "Natural", "fr": "Naturel"}}, {"name": "Size", "nameTranslated": {"en": "Size", "fr": "Taille"}, "value": "Large", "valueTranslated": {"en": "Large", "fr": "Grand"}}], "sku": "TOTE-NAT-L", "quantity": 12, "unlimited": false, "inStock": true, "price": 38, "defaultDisplayedPrice": 38, "defaultDisplayedPriceFormatted": "$38.00", "weight": 0.45, "warningLimit": 3, "attributes": [], "alt": {"translated": {}}},
        {"id": 422488530, "combinationNumber": 3, "options": [{"name": "Color", "nameTranslated": {"en": "Color", "fr": "Couleur"}, "value": "Black", "valueTranslated": {"en": "Black", "fr": "Noir"}}, {"name": "Size", "nameTranslated": {"en": "Size", "fr": "Taille"}, "value": "Small", "valueTranslated": {"en": "Small", "fr": "Petit"}}], "sku": "TOTE-BLK-S", "quantity": 15, "unlimited": false, "inStock": true, "price": 32, "defaultDisplayedPrice": 32, "defaultDisplayedPriceFormatted": "$32.00", "weight": 0.35, "warningLimit": 3, "attributes": [], "alt": {"translated": {}}},
        {"id": 422488531, "combinationNumber": 4, "options": [{"name": "Color", "nameTranslated": {"en": "Color", "fr": "Couleur"}, "value": "Black", "valueTranslated": {"en": "Black", "fr": "Noir"}}, {"name": "Size", "nameTranslated": {"en": "Size", "fr": "Taille"}, "value": "Large", "valueTranslated": {"en": "Large", "fr": "Grand"}}], "sku": "TOTE-BLK-L", "quantity": 0, "unlimited": false, "inStock": false, "price": 38, "defaultDisplayedPrice": 38, "defaultDisplayedPriceFormatted": "$38.00", "weight": 0.45, "warningLimit": 3, "attributes": [], "alt": {"translated": {}}},
        {"id": 422488532, "combinationNumber": 5, "options": [{"name": "Color", "nameTranslated": {"en": "Color", "fr": "Couleur"}, "value": "Navy", "valueTranslated": {"en": "Navy", "fr": "Marine"}}, {"name": "Size", "nameTranslated": {"en": "Size", "fr": "Taille"}, "value": "Small", "valueTranslated": {"en": "Small", "fr": "Petit"}}], "sku": "TOTE-NVY-S", "quantity": 9, "unlimited": false, "inStock": true, "price": 34, "compareToPrice": 40, "defaultDisplayedPrice": 34, "defaultDisplayedPriceFormatted": "$34.00", "weight": 0.35, "warningLimit": 3, "attributes": [], "alt": {"translated": {}}},
        {"id": 422488533, "combinationNumber": 6, "options": [{"name": "Color", "nameTranslated": {"en": "Color", "fr": "Couleur"}, "value": "Navy", "valueTranslated": {"en": "Navy", "fr": "Marine"}}, {"name": "Size", "nameTranslated": {"en": "Size", "fr": "Taille"}, "value": "Large", "valueTranslated": {"en": "Large", "fr": "Grand"}}], "sku": "TOTE-NVY-L", "quantity": 7, "unlimited": false, "inStock": true, "price": 40, "defaultDisplayedPrice": 40, "defaultDisplayedPriceFormatted": "$40.00", "weight": 0.45, "warningLimit": 3, "attributes": [], "alt": {"translated": {}}}
      ],
      "dimensions": {"length": 42, "width": 38, "height": 10},
      "volume": 0,
      "showOnFrontpage": 4,
      "discountsAllowed": true,
      "nameYourPriceEnabled": false,
      "outOfStockVisibilityBehaviour": "SHOW"
    }
    """#

  static let minimalJSON = #"""
    {
      "id": 692730769,
      "sku": "00005",
      "unlimited": true,
      "inStock": true,
      "name": "Gift Wrap Service",
      "price": 3,
      "enabled": true,
      "created": "2024-09-08 12:00:00 +0000",
      "updated": "2024-09-08 12:00:00 +0000",
      "createTimestamp": 1725796800,
      "updateTimestamp": 1725796800
    }
    """#

  static let mugJSON = #"""
    {
      "id": 692730771,
      "sku": "MUG-STN-01",
      "thumbnailUrl": "",
      "quantity": 0,
      "unlimited": false,
      "inStock": false,
      "name": "Stoneware Mug (discontinued)",
      "nameTranslated": {"en": "Stoneware Mug (discontinued)", "fr": "Tasse en grès (arrêtée)", "de": "", "es": "", "ja": "", "ar": "كوب من الخزف الحجري", "zh_CN": ""},
      "price": 18.5,
      "priceInProductList": 18.5,
      "defaultDisplayedPrice": 18.5,
      "defaultDisplayedPriceFormatted": "$18.50",
      "isShippingRequired": true,
      "weight": 0.42,
      "url": "https://store1003.company.site/products/stoneware-mug-discontinued-692730771",
      "autogeneratedSlug": "stoneware-mug-discontinued-692730771",
      "customSlug": "",
      "created": "2024-09-09 08:00:00 +0000",
      "updated": "2024-09-30 17:45:00 +0000",
      "createTimestamp": 1725868800,
      "updateTimestamp": 1727718300,
      "productClassId": 0,
      "enabled": false,
      "options": [],
      "warningLimit": 2,
      "shipping": {"type": "GLOBAL_METHODS", "methodMarkup": 0, "flatRate": 0, "disabledMethods": [], "enabledMethods": []},
      "imageUrl": "",
      "smallThumbnailUrl": "",
      "hdThumbnailUrl": "",
      "originalImageUrl": "",
      "originalImage": {"url": "", "width": 1200, "height": 1200},
      "description": "<h2>Stoneware mug</h2>\n<p>Glazed by hand;\tno two are alike. <em>Dishwasher safe.</em></p>\n<script>alert('merchant HTML is data, not code')</script>",
      "descriptionTranslated": {"en": "<h2>Stoneware mug</h2>\n<p>Glazed by hand;\tno two are alike. <em>Dishwasher safe.</em></p>\n<script>alert('merchant HTML is data, not code')</script>", "fr": "", "de": "", "es": "", "ja": "", "ar": "<p dir=\"rtl\">كوب مصقول يدويًا؛ لا يتشابه اثنان.</p>", "zh_CN": ""},
      "galleryImages": [],
      "media": {"images": [], "videos": []},
      "categoryIds": [9691099],
      "categories": [{"id": 9691099, "enabled": false}],
      "defaultCategoryId": 9691099,
      "seoTitle": "",
      "seoDescription": "",
      "attributes": [],
      "relatedProducts": {"productIds": [], "relatedCategory": {"enabled": false, "categoryId": 0, "productCount": 5}},
      "combinations": [],
      "dimensions": {"length": 0, "width": 0, "height": 0},
      "volume": 350,
      "volumeUnit": "ml",
      "showOnFrontpage": -1,
      "discountsAllowed": true,
      "nameYourPriceEnabled": false,
      "outOfStockVisibilityBehaviour": "HIDE"
    }
    """#
}
