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
}
