import EcwidAPI
import Foundation

/// Products of the sample catalog with many variations, generated (deterministically, from a
/// seeded generator) rather than written out: a beanie with 6 (Color × Size), a T-shirt with 40
/// (Size × Color) and a sneaker with 500 (Size × Color × Material). Stock, prices and weights
/// vary the way a real store's do: some variations sold out, some unlimited, some with their own
/// price or a compare-to price, a few without a SKU or with an image of their own.
extension SampleCatalog {
  struct Choice {
    var text: String
    var code: String
    var translations: [(String, String)] = []
    var modifier: Double = 0
  }

  struct OptionSpec {
    var name: String
    var type = "SELECT"
    var translations: [(String, String)] = []
    var choices: [Choice]
  }

  struct VariedSpec {
    var id: Int
    var firstCombinationId: Int
    var sku: String
    var name: String
    var translations: [(String, String)]
    var price: Double
    var weight: Double
    var options: [OptionSpec]
    var images: [Int]
    var seed: UInt64
    var categoryIds: [Int]
    var created: Int
  }

  static func choices(_ pairs: [(String, String)]) -> [Choice] { pairs.map { Choice(text: $0.0, code: $0.1) } }

  static let variedSpecs: [VariedSpec] = [
    VariedSpec(
      id: 692_730_773, firstCombinationId: 422_489_001, sku: "BNE-WOOL", name: "Ribbed Wool Beanie",
      translations: [("fr", "Bonnet en laine côtelé"), ("de", "Gerippte Wollmütze")], price: 24, weight: 0.12,
      options: [
        OptionSpec(
          name: "Color", translations: [("fr", "Couleur"), ("de", "Farbe")],
          choices: [
            Choice(text: "Charcoal", code: "CHR", translations: [("fr", "Anthracite"), ("de", "Anthrazit")]),
            Choice(text: "Oat", code: "OAT", translations: [("fr", "Avoine"), ("de", "Hafer")]),
            Choice(text: "Rust", code: "RST", translations: [("fr", "Rouille"), ("de", "Rost")], modifier: 2),
          ]),
        OptionSpec(
          name: "Size", type: "SIZE", translations: [("fr", "Taille"), ("de", "Größe")],
          choices: [
            Choice(text: "Child", code: "C", translations: [("fr", "Enfant"), ("de", "Kind")], modifier: -4),
            Choice(text: "Adult", code: "A", translations: [("fr", "Adulte"), ("de", "Erwachsene")]),
          ]),
      ], images: [71, 72, 73], seed: 6, categoryIds: [9691097], created: 1_726_000_000),
    VariedSpec(
      id: 692_730_775, firstCombinationId: 422_490_001, sku: "TEE-CREW", name: "Everyday Crew T-Shirt",
      translations: [("fr", "T-shirt col rond"), ("de", "Rundhals-T-Shirt")], price: 19.5, weight: 0.18,
      options: [
        OptionSpec(
          name: "Size", type: "SIZE", translations: [("fr", "Taille")],
          choices: choices([("XS", "XS"), ("S", "S"), ("M", "M"), ("L", "L"), ("XL", "XL")])),
        OptionSpec(
          name: "Color", translations: [("fr", "Couleur")],
          choices: choices([
            ("White", "WHT"), ("Black", "BLK"), ("Heather Grey", "HGR"), ("Navy", "NVY"), ("Olive", "OLV"),
            ("Burgundy", "BRG"), ("Sand", "SND"), ("Sky Blue", "SKY"),
          ])),
      ], images: [81, 82, 83, 84], seed: 40, categoryIds: [9691097], created: 1_726_100_000),
    VariedSpec(
      id: 692_730_777, firstCombinationId: 422_500_001, sku: "SNK-TRAIL", name: "Trail Runner Sneaker",
      translations: [("fr", "Basket de trail"), ("de", "Trail-Laufschuh")], price: 89, weight: 0.74,
      options: [
        OptionSpec(
          name: "Size", type: "SIZE", translations: [("fr", "Pointure"), ("de", "Größe")],
          choices: (36...45).map { Choice(text: "EU \($0)", code: String($0)) }),
        OptionSpec(
          name: "Color", translations: [("fr", "Couleur"), ("de", "Farbe")],
          choices: choices([
            ("Black", "BLK"), ("White", "WHT"), ("Slate", "SLT"), ("Forest", "FOR"), ("Sand", "SND"),
            ("Navy", "NVY"), ("Ember", "EMB"), ("Glacier", "GLC"), ("Moss", "MOS"), ("Clay", "CLY"),
          ])),
        OptionSpec(
          name: "Material", translations: [("fr", "Matière"), ("de", "Material")],
          choices: [
            Choice(text: "Mesh", code: "MSH"), Choice(text: "Leather", code: "LTH", modifier: 30),
            Choice(text: "Suede", code: "SUE", modifier: 25), Choice(text: "Canvas", code: "CNV", modifier: -10),
            Choice(text: "Recycled Knit", code: "RKN", modifier: 5),
          ]),
      ], images: [91, 92, 93, 94, 95], seed: 500, categoryIds: [9691097], created: 1_726_200_000),
  ]

  /// The generated products, ready for the data file.
  static func variedProducts() -> [JSON] { variedCache }

  /// Generated once per process: every sandbox starts from the same catalog.
  private static let variedCache: [JSON] = variedSpecs.map { .object(variedProduct($0).json) }

  static func translations(_ en: String, _ pairs: [(String, String)]) -> JSON {
    var o: JSONObject = ["en": .string(en)]
    for (l, t) in pairs { o[l] = .string(t) }
    return .object(o)
  }

  static func money(_ d: Double) -> String { "$" + String(format: "%.2f", d) }

  static func variedProduct(_ spec: VariedSpec) -> Product {
    var rng = SplitMix64(seed: spec.seed)
    let slug = ProductRules.slug(spec.name) + "-\(spec.id)"
    let updated = spec.created + 86_400 * 20
    let options: [JSON] = spec.options.map { o in
      [
        "type": .string(o.type), "name": .string(o.name), "nameTranslated": translations(o.name, o.translations),
        "choices": .array(
          o.choices.map { c in
            [
              "text": .string(c.text), "textTranslated": translations(c.text, c.translations),
              "priceModifier": .num(c.modifier), "priceModifierType": "ABSOLUTE",
            ]
          }),
        "defaultChoice": 0, "required": true,
      ]
    }
    // Every combination of choices, first option slowest.
    var tuples: [[Int]] = [[]]
    for o in spec.options { tuples = tuples.flatMap { t in o.choices.indices.map { t + [$0] } } }
    let images = spec.images.map(imageURL)
    var combinations: [JSON] = []
    var total = 0.0
    for (n, t) in tuples.enumerated() {
      let chosen = zip(spec.options, t).map { ($0, $0.choices[$1]) }
      let sku = ([spec.sku.split(separator: "-").first.map(String.init) ?? spec.sku] + chosen.map(\.1.code))
        .joined(separator: "-")
      let listPrice = spec.price + chosen.reduce(0) { $0 + $1.1.modifier }
      var c: JSONObject = ["id": .int(spec.firstCombinationId + n), "combinationNumber": .int(n + 1)]
      c["options"] = .array(
        chosen.map { o, ch in
          [
            "name": .string(o.name), "nameTranslated": translations(o.name, o.translations),
            "value": .string(ch.text), "valueTranslated": translations(ch.text, ch.translations),
          ]
        })
      let roll = rng.nextUnit()
      if roll < 0.03 {
        c["sku"] = ""  // not given a SKU yet
      } else {
        c["sku"] = .string(sku)
      }
      let stock = rng.nextUnit()
      if stock < 0.08 {
        c["unlimited"] = true
        c["inStock"] = true
      } else {
        let q = stock < 0.2 ? 0 : Int(rng.next() % 60) + 1
        total += Double(q)
        c["quantity"] = .int(q)
        c["unlimited"] = false
        c["inStock"] = .bool(q > 0)
      }
      var price = listPrice
      if rng.nextUnit() < 0.25 {
        // Its own price, sometimes a sale with a compare-to price.
        price = listPrice + Double(Int(rng.next() % 5)) - 2
        if rng.nextUnit() < 0.4 {
          c["compareToPrice"] = .num(listPrice + 10)
          price = (listPrice * 0.8).rounded(.down) + 0.99
        }
        c["price"] = .num(price)
      }
      c["defaultDisplayedPrice"] = .num(price)
      c["defaultDisplayedPriceFormatted"] = .string(money(price))
      c["weight"] = .num(((spec.weight + Double(t.first ?? 0) * 0.01) * 100).rounded() / 100)
      c["warningLimit"] = .int(rng.nextUnit() < 0.5 ? 3 : 5)
      if rng.nextUnit() < 0.1, !images.isEmpty {
        let u = images[Int(rng.next() % UInt64(images.count))]
        for (key, px) in SandboxStore.imageKeys { c[key] = .string(px.map { MediaRules.sized(u, $0) } ?? u) }
      }
      c["attributes"] = []
      combinations.append(.object(c))
    }
    var p = Product(json: [
      "id": .int(spec.id), "sku": .string(spec.sku), "quantity": .int(Int(total)), "unlimited": false,
      "inStock": .bool(total > 0), "name": .string(spec.name), "nameTranslated": translations(spec.name, spec.translations),
      "price": .num(spec.price), "priceInProductList": .num(spec.price), "defaultDisplayedPrice": .num(spec.price),
      "defaultDisplayedPriceFormatted": .string(money(spec.price)), "isShippingRequired": true,
      "weight": .num(spec.weight), "url": .string("https://store\(storeId).company.site/products/\(slug)"),
      "autogeneratedSlug": .string(slug), "customSlug": "", "created": .string(EcwidTime.text(spec.created)),
      "updated": .string(EcwidTime.text(updated)), "createTimestamp": .int(spec.created),
      "updateTimestamp": .int(updated), "productClassId": 0, "enabled": true, "options": .array(options),
      "warningLimit": 3,
      "shipping": ["type": "GLOBAL_METHODS", "methodMarkup": 0, "flatRate": 0, "disabledMethods": [], "enabledMethods": []],
      "defaultCombinationId": .int(spec.firstCombinationId),
      "description": .string("<p>\(spec.name): \(tuples.count) variations.</p>"),
      "descriptionTranslated": translations("<p>\(spec.name): \(tuples.count) variations.</p>", []),
      "galleryImages": [], "media": ["images": [], "videos": []],
      "categoryIds": .array(spec.categoryIds.map(JSON.int)),
      "categories": .array(spec.categoryIds.map { ["id": .int($0), "enabled": true] }),
      "defaultCategoryId": .int(spec.categoryIds.first ?? 0), "seoTitle": "", "seoDescription": "", "attributes": [],
      "relatedProducts": ["productIds": [], "relatedCategory": ["enabled": false, "categoryId": 0, "productCount": 5]],
      "combinations": .array(combinations), "dimensions": ["length": 0, "width": 0, "height": 0], "volume": 0,
      "showOnFrontpage": -1, "discountsAllowed": true, "nameYourPriceEnabled": false,
      "outOfStockVisibilityBehaviour": "SHOW",
    ])
    MediaRules.normalize(&p, images: images.enumerated().map { MediaRules.image(id: String($0), url: $1) })
    return p
  }
}
