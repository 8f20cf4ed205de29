import EcwidAPI
import EcwidSandbox
import Foundation
import Testing

/// Issue 15: rules spec/003 and ECWID-API.md state outside the error table (see
/// `DocumentedRules` and docs/ecwid-conformance.md), each over HTTP to the sandbox.
@Suite struct DocumentedRuleTests {
  // MARK: Sorted tiers (spec/003 wholesalePrices, NameYourPriceEnabled customPriceTiers)

  @Test func wholesaleAndCustomPriceTiersAreStoredSorted() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let r = try await h.put(
      Harness.sweater,
      [
        "wholesalePrices": [["quantity": 25, "price": 72], ["quantity": 5, "price": 84], ["quantity": 10, "price": 79]],
        "nameYourPriceEnabled": true,
        "customPriceTiers": [["value": 100], ["value": 25], ["value": 50]],
      ])
    #expect(r.status == 200, "\(r.text)")
    let p = try await h.product(Harness.sweater)
    #expect(p.json["wholesalePrices"] == [["quantity": 5, "price": 84], ["quantity": 10, "price": 79], ["quantity": 25, "price": 72]])
    #expect(p.json["customPriceTiers"] == [["value": 25], ["value": 50], ["value": 100]])

    // "Requires nameYourPriceEnabled": what Ecwid answers otherwise is not documented, so the
    // tiers are not refused when the feature is off.
    let off = try await h.put(Harness.tea, ["nameYourPriceEnabled": false, "customPriceTiers": [["value": 9], ["value": 3]]])
    #expect(off.status == 200, "\(off.text)")
    #expect(try await h.product(Harness.tea).json["customPriceTiers"] == [["value": 3], ["value": 9]])

    // A variation's tiers too.
    let cid = try #require(try await h.combos(Harness.tote).first?.id)
    let v = try await h.putCombo(Harness.tote, cid, ["wholesalePrices": [["quantity": 9, "price": 1], ["quantity": 3, "price": 2]]])
    #expect(v.status == 200, "\(v.text)")
    #expect(try await h.combo(Harness.tote, cid).json["wholesalePrices"] == [["quantity": 3, "price": 2], ["quantity": 9, "price": 1]])
  }

  // MARK: Attribute alias (spec/003 AttributeValue.alias)

  @Test func anAttributeAliasIsOneOfTheFourDocumented() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let before = try await h.product(Harness.sweater)
    for alias in ["COLOR", "GTIN", "CUSTOM"] {
      let r = try await h.put(Harness.sweater, ["attributes": [["alias": .string(alias), "value": "x"]]])
      #expect(r.status == 400, "\(alias): \(r.text)")
      #expect(r.errorMessage?.contains("UPC, BRAND, PRICE_PER_UNIT, UNITS_IN_PRODUCT") == true, "\(r.text)")
    }
    #expect(try await h.product(Harness.sweater) == before)
    let cid = try #require(try await h.combos(Harness.tote).first?.id)
    let variation = try await h.putCombo(Harness.tote, cid, ["attributes": [["alias": "SIZE", "value": "L"]]])
    #expect(variation.status == 400, "\(variation.text)")

    for alias in ["PRICE_PER_UNIT", "UNITS_IN_PRODUCT", "brand", "UPC"] {
      let r = try await h.put(Harness.sweater, ["attributes": [["alias": .string(alias), "value": "7"]]])
      #expect(r.status == 200, "\(alias): \(r.text)")
    }
    let stored = try await h.product(Harness.sweater).json["attributes"]?.arrayValue ?? []
    #expect(stored.first?["alias"] == "UPC" && stored.first?["value"] == "7")
  }

  @Test func anAliasOrACaseInsensitiveNameSelectsTheProductTypesAttribute() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let r = try await h.put(
      Harness.sweater,
      [
        "attributes": [
          ["alias": "BRAND", "value": "Nordlys AS"], ["name": "mAtErIaL", "value": "Wool"],
          ["name": "Not a type attribute", "value": "kept"],
        ]
      ])
    #expect(r.status == 200, "\(r.text)")
    let stored = try await h.product(Harness.sweater).json["attributes"]?.arrayValue ?? []
    #expect(stored.count == 3)
    #expect(stored[0]["id"] == 148_181_711 && stored[0]["name"] == "Brand" && stored[0]["value"] == "Nordlys AS")
    #expect(stored[1]["id"] == 148_181_713 && stored[1]["name"] == "Material" && stored[1]["value"] == "Wool")
    #expect(stored[2]["id"] == nil && stored[2]["name"] == "Not a type attribute")
  }

  // MARK: Recurring interval count (spec/003 RecurringChargeSettings)

  static func subscription(_ interval: String, _ count: JSON, arrays: Bool) -> JSON {
    let charge: JSON = ["recurringInterval": .string(interval), "recurringIntervalCount": count]
    let settings: JSON = ["subscriptionAllowed": true, "recurringChargeSettings": arrays ? [charge] : charge]
    return ["subscriptionSettings": arrays ? [settings] : settings]
  }

  @Test(arguments: [false, true]) func theIntervalCountIsOneTheDocsAllowForItsInterval(_ arrays: Bool) async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let before = try await h.product(Harness.tea)
    for (interval, count) in [("DAY", 2), ("WEEK", 3), ("MONTH", 2), ("MONTH", 12), ("YEAR", 2), ("WEEK", 0)] {
      let r = try await h.put(Harness.tea, Self.subscription(interval, .int(count), arrays: arrays))
      #expect(r.status == 400, "\(interval) \(count): \(r.text)")
      #expect(r.errorMessage?.contains("recurringIntervalCount") == true, "\(r.text)")
    }
    #expect(try await h.product(Harness.tea) == before)
    for (interval, count) in [("DAY", 1), ("WEEK", 1), ("WEEK", 2), ("MONTH", 1), ("MONTH", 3), ("YEAR", 1)] {
      let r = try await h.put(Harness.tea, Self.subscription(interval, .int(count), arrays: arrays))
      #expect(r.status == 200, "\(interval) \(count): \(r.text)")
    }
    #expect(try await h.product(Harness.tea).json["subscriptionSettings"] == Self.subscription("YEAR", 1, arrays: arrays)["subscriptionSettings"])
    // An interval the docs do not list is kept as sent (ECWID-API.md: unknown enum values appear
    // and must survive a round trip), whatever its count.
    #expect(try await h.put(Harness.tea, Self.subscription("FORTNIGHT", 5, arrays: arrays)).status == 200)
  }

  // MARK: Image size (ECWID-API.md "at most 20 MB each")

  @Test func anImageOver20MBIsRefusedAndChangesNothing() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let before = try await h.product(Harness.minimal)
    var bytes = Data(count: 20 * 1024 * 1024 + 1)
    bytes[0] = 0xFF
    for path in ["/products/\(Harness.minimal)/gallery?fileName=big.jpg", "/products/\(Harness.minimal)/image"] {
      let r = try await h.send(.POST, path, raw: bytes, contentType: "image/jpeg", timeout: .seconds(60))
      #expect(r.status == 413, "\(path): \(r.text)")
      #expect(r.errorMessage?.contains("20 MB") == true, "\(r.text)")
    }
    #expect(try await h.product(Harness.minimal) == before)
    let exact = try await h.send(
      .POST, "/products/\(Harness.minimal)/gallery?fileName=ok.jpg", raw: bytes.prefix(20 * 1024 * 1024),
      contentType: "image/jpeg", timeout: .seconds(60))
    #expect(exact.status == 200, "\(exact.text)")
    #expect(try await h.product(Harness.minimal).images.count == before.images.count + 1)
  }

  // MARK: Image types (ECWID-API.md "Images: JPG, PNG, GIF")

  @Test func anImageBodyIsJPGPNGOrGIF() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let before = try await h.product(Harness.minimal)
    let bytes = Data([0x52, 0x49, 0x46, 0x46])
    for type in ["image/webp", "image/svg+xml", "image/heic"] {
      let r = try await h.send(.POST, "/products/\(Harness.minimal)/gallery?fileName=x", raw: bytes, contentType: type)
      #expect(r.status == 415, "\(type): \(r.text)")
    }
    #expect(try await h.product(Harness.minimal) == before)
    for type in ["image/jpeg", "image/png", "image/gif; charset=binary"] {
      let r = try await h.send(.POST, "/products/\(Harness.minimal)/gallery?fileName=x", raw: bytes, contentType: type)
      #expect(r.status == 200, "\(type): \(r.text)")
    }
    #expect(try await h.product(Harness.minimal).images.count == before.images.count + 3)
  }

  // MARK: Zero ids and linked entities (spec/003 productClassId, defaultCategoryId, relatedCategory, categoryIds)

  @Test func linkedEntitiesZeroMeansNoneAndUnknownIs404() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    // "0 value means the product is of the default 'General' type."
    #expect(try await h.put(Harness.sweater, ["productClassId": 0]).status == 200)
    #expect(try await h.product(Harness.sweater).json["productClassId"] == 0)
    // relatedCategory.categoryId: "Zero value means 'any category'"; an unknown one is a missing linked entity.
    let any = try await h.put(
      Harness.sweater, ["relatedProducts": ["productIds": [], "relatedCategory": ["enabled": true, "categoryId": 0, "productCount": 3]]])
    #expect(any.status == 200, "\(any.text)")
    let unknown = try await h.put(
      Harness.sweater, ["relatedProducts": ["relatedCategory": ["enabled": true, "categoryId": 424_242, "productCount": 3]]])
    #expect(unknown.status == 404 && unknown.errorCode == nil, "\(unknown.text)")
    // No categories: the default category is 0 ("does not have a default category").
    #expect(try await h.put(Harness.sweater, ["categoryIds": []]).status == 200)
    #expect(try await h.product(Harness.sweater).defaultCategoryId == 0)
    // "If no categories provided, product will be displayed on the store front page."
    let created = try await h.send(.POST, "/products", json: ["name": "No categories"])
    let id = try #require(created.json["id"]?.intValue, "\(created.text)")
    let p = try await h.product(id)
    #expect(p.json["showOnFrontpage"] == 1)
    #expect(p.defaultCategoryId == 0)
  }

  // MARK: Price modifiers (spec/003 ProductOptionChoice)

  @Test func priceModifiersAreAbsoluteByDefaultAndPercentOfThePrice() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let options: JSON = [
      [
        "type": "SELECT", "name": "Size",
        "choices": [["text": "S"], ["text": "L", "priceModifier": 5], ["text": "XL", "priceModifier": 10, "priceModifierType": "PERCENT"]],
      ]
    ]
    #expect(try await h.put(Harness.minimal, ["price": 20, "options": options]).status == 200)
    var displayed: [String: Double] = [:]
    for size in ["S", "L", "XL"] {
      let r = try await h.send(.POST, "/products/\(Harness.minimal)/combinations", json: ["options": optionValues([("Size", size)])])
      let cid = try #require(r.json["id"]?.intValue, "\(r.text)")
      displayed[size] = try await h.combo(Harness.minimal, cid).defaultDisplayedPrice?.double
    }
    // priceModifier "Default is 0"; priceModifierType "Default is ABSOLUTE"; PERCENT of the price.
    #expect(displayed == ["S": 20, "L": 25, "XL": 22])
  }

  // MARK: Categories (ECWID-API.md "Categories")

  @Test func categoriesFollowParentPagingAndProductIds() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    func ids(_ query: String) async throws -> (total: Int?, ids: [Int], items: [JSON]) {
      let a = try await h.get("/categories\(query)")
      #expect(a.status == 200, "\(query): \(a.text)")
      let items = a.json["items"]?.arrayValue ?? []
      return (a.json["total"]?.intValue, items.compactMap { $0["id"]?.intValue }, items)
    }
    let all = try await ids("")
    #expect(all.total == 6 && all.ids.count == 6)
    #expect(all.items.allSatisfy { $0["productIds"] == nil })
    #expect(try await ids("?parent=0").ids == [9_691_094, 9_691_096, 9_691_097, 9_691_098, 9_691_099])
    #expect(try await ids("?parent=9691094").ids == [9_691_095])
    let page = try await ids("?offset=1&limit=2")
    #expect(page.total == 6 && page.ids == [9_691_095, 9_691_096])
    let withIds = try await ids("?productIds=true")
    let gifts = try #require(withIds.items.first { $0["id"] == 9_691_097 })
    let expected = await h.sandbox.products().filter { ($0.categoryIds ?? []).contains(9_691_097) }.compactMap(\.id)
    #expect(!expected.isEmpty)
    #expect(gifts["productIds"]?.arrayValue?.compactMap(\.intValue) == expected)
  }

  // MARK: Bulk media gallery items (spec/000)

  @Test func aGalleryItemIsOneImageOrOneVideo() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let before = try await h.product(Harness.sweater)
    for item: JSON in [[:], ["imageUrl": "https://example.com/a.jpg", "videoUrl": "https://vimeo.com/1"], ["imageUrl": nil]] {
      let r = try await h.send(.PUT, "/products/\(Harness.sweater)/media", json: ["mainMedia": nil, "galleryMedia": [item]])
      #expect(r.status == 400, "\(item.compactText): \(r.text)")
    }
    #expect(try await h.product(Harness.sweater) == before)
    let one = try await h.send(
      .PUT, "/products/\(Harness.sweater)/media", json: ["mainMedia": nil, "galleryMedia": [["videoUrl": "https://vimeo.com/1"]]])
    #expect(one.status == 200 && one.json["galleryMedia"] == [["success": true, "id": "1"]], "\(one.text)")
  }
}
