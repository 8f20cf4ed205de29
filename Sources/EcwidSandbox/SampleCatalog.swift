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

  /// One file of the catalog's JSON (`SampleCatalog/NAME.json`, a resource of this module): the
  /// profile, the categories, the product classes, or a product as Ecwid returns it.
  static func resource(_ name: String) -> JSON {
    guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "SampleCatalog"),
      let data = FileManager.default.contents(atPath: url.path)
    else { fatalError("sample catalog: \(name).json is missing from the EcwidSandbox resources") }
    do {
      return try JSON.parse(data)
    } catch {
      fatalError("sample catalog: \(name).json: \(error)")
    }
  }

  static func parse(_ name: String) -> JSONObject {
    guard let o = resource(name).objectValue else { fatalError("sample catalog: \(name).json is not an object") }
    return o
  }

  /// The whole data-file document.
  static func document() -> JSONObject {
    var doc: JSONObject = ["storeId": .int(storeId)]
    doc["profile"] = .object(parse("profile"))
    doc["categories"] = resource("categories")
    doc["productClasses"] = resource("classes")
    var products: [JSON] = []
    for (k, name) in ["sweater", "tea", "party", "tote", "minimal", "mug"].enumerated() {
      var p = Product(json: parse(name))
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
}
