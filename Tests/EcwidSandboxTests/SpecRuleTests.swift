import EcwidAPI
import EcwidSandbox
import Foundation
import Testing

/// Issue 15: the sandbox as strict as the two spec pages and ECWID-API.md, and no stricter.
@Suite struct SpecRuleTests {
  // MARK: Attribute names (spec/003 AttributeValue.name)

  @Test func attributeNameIsIgnoredWhenIdOrAliasIsSent() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let before = try await h.product(Harness.sweater)
    let brand = try #require(before.json["attributes"]?.arrayValue?.first { $0["id"]?.intValue == 148_181_711 })
    #expect(brand["name"] == "Brand")
    let r = try await h.put(
      Harness.sweater,
      [
        "attributes": [
          ["id": 148_181_711, "name": "Renamed by id", "value": "Nordlys AS"],
          ["alias": "UPC", "name": "Renamed by alias", "value": "999"],
        ]
      ])
    #expect(r.status == 200, "\(r.text)")
    let after = try await h.product(Harness.sweater).json["attributes"]?.arrayValue ?? []
    let byId = try #require(after.first { $0["id"]?.intValue == 148_181_711 })
    #expect(byId["name"] == "Brand")
    #expect(byId["value"] == "Nordlys AS")
    let byAlias = try #require(after.first { $0["alias"]?.stringValue == "UPC" })
    #expect(byAlias["name"] == "UPC")
    #expect(byAlias["value"] == "999")
    #expect(!after.contains { $0["name"] == "Renamed by id" || $0["name"] == "Renamed by alias" })
  }

  // MARK: Legacy shipping fields (spec/003)

  @Test func legacyShippingFieldsAreIgnoredAlongsideShipping() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let before = try await h.product(Harness.sweater)
    let r = try await h.put(
      Harness.sweater,
      ["fixedShippingRateOnly": true, "fixedShippingRate": 12.5, "shipping": ["type": "FLAT_RATE", "flatRate": 4]])
    #expect(r.status == 200, "\(r.text)")
    let after = try await h.product(Harness.sweater)
    #expect(after.json["fixedShippingRateOnly"] == before.json["fixedShippingRateOnly"])
    #expect(after.json["fixedShippingRate"] == before.json["fixedShippingRate"])
    #expect(after.json["shipping"]?["flatRate"] == 4)
    // Without `shipping` they are stored.
    let alone = try await h.put(Harness.sweater, ["fixedShippingRateOnly": true, "fixedShippingRate": 7])
    #expect(alone.status == 200)
    let stored = try await h.product(Harness.sweater)
    #expect(stored.json["fixedShippingRateOnly"] == true)
    #expect(stored.json["fixedShippingRate"] == 7)
  }

  // MARK: Rules the documentation does not have are not enforced

  @Test func undocumentedLimitsAreNotEnforced() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    for (label, body) in [
      ("negative lowestPrice", ["lowestPrice": -1] as JSON),
      ("negative price", ["price": -2]),
      ("negative compareToPrice", ["compareToPrice": -3]),
      ("negative quantity", ["quantity": -4]),
      ("wholesale quantity 1", ["wholesalePrices": [["quantity": 1, "price": 5]]]),
      ("wholesale price 1e15", ["wholesalePrices": [["quantity": 5, "price": 1e15]]]),
    ] {
      let r = try await h.put(Harness.sweater, body)
      #expect(r.status == 200, "\(label): \(r.status) \(r.text)")
    }
    // Documented ones still are.
    #expect(try await h.put(Harness.sweater, ["costPrice": -1]).errorCode == "COST_PRICE_CANT_BE_NEGATIVE")
    #expect(
      try await h.put(Harness.sweater, ["wholesalePrices": [["quantity": 5, "price": -1]]]).errorCode
        == "WHOLESALE_PRICES_CANT_BE_NEGATIVE")
  }

  // MARK: Scopes (ECWID-API.md)

  @Test func missingScopeAnswers403InsufficientAppScope() async throws {
    let h = try await Harness.start { $0.token = "secret_ro_\(UUID().uuidString.prefix(6)):read_catalog" }
    defer { Task { await h.stop() } }
    let token = String(h.token.split(separator: ":")[0])
    let read = try await h.send(.GET, "/products/\(Harness.sweater)", auth: .some(token))
    #expect(read.status == 200)
    let before = await h.sandbox.product(id: Harness.sweater)
    let put = try await h.send(.PUT, "/products/\(Harness.sweater)", json: ["name": "x"], auth: .some(token))
    #expect(put.status == 403)
    #expect(put.errorCode == "INSUFFICIENT_APP_SCOPE")
    #expect(put.errorMessage?.contains("update_catalog") == true)
    #expect(await h.sandbox.product(id: Harness.sweater) == before)
    let media = try await h.send(.PUT, "/products/\(Harness.sweater)/media", json: ["galleryMedia": []], auth: .some(token))
    #expect(media.status == 403 && media.errorCode == "INSUFFICIENT_APP_SCOPE")
    let profile = try await h.send(.GET, "/profile", auth: .some(token))
    #expect(profile.status == 403 && profile.errorMessage?.contains("read_store_profile") == true)
    // The whole `token:scopes` text is not the token.
    let whole = try await h.send(.GET, "/products/\(Harness.sweater)", auth: .some(h.token))
    #expect(whole.status == 403 && whole.errorCode == "INVALID_API_TOKEN")
  }

  @Test func writeOnlyTokenCannotRead() async throws {
    let h = try await Harness.start { $0.scopes = ["update_catalog"] }
    defer { Task { await h.stop() } }
    let read = try await h.get("/products")
    #expect(read.status == 403 && read.errorMessage?.contains("read_catalog") == true)
    #expect(try await h.put(Harness.sweater, ["name": "ok"]).status == 200)
    #expect(throws: SandboxError.self) { _ = try Sandbox(options: { var o = SandboxOptions(); o.token = "t:write_everything"; return o }()) }
  }

  // MARK: Plan limit (spec/003 402)

  @Test func planLimitAnswers402() async throws {
    let count = Sandbox.sampleCatalog().products.count
    let h = try await Harness.start { $0.planLimit = count }
    defer { Task { await h.stop() } }
    let create = try await h.send(.POST, "/products", json: ["name": "One too many"])
    #expect(create.status == 402, "\(create.text)")
    #expect(create.errorMessage?.contains("product limit is reached") == true)
    #expect(await h.sandbox.products().count == count)
    #expect(try await h.put(Harness.sweater, ["name": "Still editable"]).status == 200)

    let over = try await Harness.start { $0.planLimit = count - 1 }
    defer { Task { await over.stop() } }
    let put = try await over.put(Harness.sweater, ["name": "Over the plan"])
    #expect(put.status == 402)
  }

  // MARK: Tax class (spec/003 TaxInfo.taxClassCode)

  @Test func unknownTaxClassIsNotFound() async throws {
    let h = try await Harness.start { $0.taxClassCodes = ["51010"] }
    defer { Task { await h.stop() } }
    let before = try await h.product(Harness.sweater)
    for code in ["NOPE", ""] {
      let r = try await h.put(Harness.sweater, ["tax": ["taxable": true, "taxClassCode": .string(code)]])
      #expect(r.status == 400, "\(code): \(r.text)")
      #expect(r.errorMessage == "Tax class is not found")
    }
    #expect(try await h.product(Harness.sweater) == before)
    for code in ["Default", "51010"] {
      #expect(try await h.put(Harness.sweater, ["tax": ["taxable": true, "taxClassCode": .string(code)]]).status == 200)
    }
  }

  @Test func manualTaxesWithAutomaticTaxesAre409() async throws {
    var doc = try #require(Sandbox.sampleDocument().objectValue)
    var profile = doc["profile"]?.objectValue ?? [:]
    var taxes = profile["taxSettings"]?.objectValue ?? [:]
    taxes["automaticTaxEnabled"] = true
    profile["taxSettings"] = .object(taxes)
    doc["profile"] = .object(profile)
    let file = tempPath("auto-tax.json")
    try JSON.object(doc).encoded().write(to: URL(fileURLWithPath: file))
    let h = try await Harness.start { $0.dataFile = file }
    defer { Task { await h.stop() } }
    let r = try await h.put(Harness.sweater, ["tax": ["taxable": true, "enabledManualTaxes": [1]]])
    #expect(r.status == 409, "\(r.text)")
    #expect(r.errorMessage?.contains("automatic taxes enabled") == true)
  }

  // MARK: Every status and code of the spec pages, on request

  static let injected: [(String, Int, String?, String)] = [
    ("400", 400, nil, "Request parameters are malformed"),
    ("402", 402, nil, "not available on the merchant plan"),
    ("402:NOT_AVAILABLE_ON_CURRENT_PLAN", 402, "NOT_AVAILABLE_ON_CURRENT_PLAN", "merchant plan"),
    ("403:INSUFFICIENT_APP_SCOPE", 403, "INSUFFICIENT_APP_SCOPE", "update_catalog"),
    ("404", 404, nil, "linked entities"),
    ("409:SKU_ALREADY_EXISTS", 409, "SKU_ALREADY_EXISTS", "SKU"),
    ("409:WHOLESALE_PRICES_TOO_BIG", 409, "WHOLESALE_PRICES_TOO_BIG", "too big"),
    ("409:WHOLESALE_PRICES_QUANTITY_TOO_SMALL", 409, "WHOLESALE_PRICES_QUANTITY_TOO_SMALL", "too small"),
    ("415", 415, nil, "Unsupported content-type"),
    ("422:NOT_VIDEO_URL", 422, "NOT_VIDEO_URL", "not a link to a video"),
    ("422:VIDEO_UNAVAILABLE", 422, "VIDEO_UNAVAILABLE", "can't be accessed"),
    ("500", 500, "INTERNAL_ERROR", "couldn't be processed"),
  ]

  @Test(arguments: injected.indices) func everySpecStatusCanBeInjected(_ k: Int) async throws {
    let (spec, status, code, fragment) = Self.injected[k]
    let h = try await Harness.start { $0.faults = try FaultSpec(parse: "\(spec)x1,method=PUT") }
    defer { Task { await h.stop() } }
    let r = try await h.put(Harness.sweater, ["name": "x"])
    #expect(r.status == status, "\(spec): \(r.text)")
    #expect(r.errorCode == code, "\(spec): \(r.text)")
    #expect(r.errorMessage?.contains(fragment) == true, "\(spec): \(r.text)")
    #expect(try await h.put(Harness.sweater, ["name": "y"]).status == 200)  // x1: only the first
  }

  @Test func faultSpecReadsStatusAndCode() throws {
    let spec = try FaultSpec(parse: "409:wholesale_prices_too_big@50%,402x2")
    #expect(spec.rules.map(\.kind) == [.answer(status: 409, code: "WHOLESALE_PRICES_TOO_BIG"), .answer(status: 402, code: nil)])
    #expect(spec.description == "seed=0,409:WHOLESALE_PRICES_TOO_BIG@0.5,402x2")
    #expect(throws: FaultSpecError.self) { try FaultSpec(parse: "200:OK") }
    #expect(throws: FaultSpecError.self) { try FaultSpec(parse: "409:") }
  }

  // MARK: Per-item download failures (ECWID-API.md, spec/000)

  @Test func unreachableOr404MediaFailPerItem() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let r = try await h.send(
      .PUT, "/products/\(Harness.sweater)/media",
      json: [
        "mainMedia": ["imageUrl": "https://example.com/main.jpg"],
        "galleryMedia": [
          ["imageUrl": "https://cdn.example.com/404/gone.jpg"], ["imageUrl": "https://example.com/ok.png"],
          ["videoUrl": "https://example.com/404/clip.mp4"],
        ],
      ])
    #expect(r.status == 200, "\(r.text)")
    let items = r.json["galleryMedia"]?.arrayValue ?? []
    #expect(items.count == 3)
    #expect(items[0]["success"] == false && items[0]["errorCode"] == "DOWNLOAD_IMAGE_FAILED")
    #expect(items[0]["errorMessage"]?.stringValue?.isEmpty == false)
    #expect(items[0]["id"] == nil)
    #expect(items[1]["success"] == true && items[1]["errorCode"] == nil)
    #expect(items[2]["success"] == false && items[2]["errorCode"] == "DOWNLOAD_VIDEO_FAILED")
    let p = try await h.product(Harness.sweater)
    #expect(p.images.map(\.imageOriginalUrl) == ["https://example.com/main.jpg", "https://example.com/ok.png"])
  }

  // MARK: Main media (spec/000 mainMedia / videoUrl)

  @Test func mainMediaEmptyKeepsNonEmptyWithoutVideoUrlRemoves() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let video = "https://vimeo.com/76979871"
    // A product with a main video and no images.
    #expect(try await h.send(.PUT, "/products/\(Harness.minimal)/media", json: ["mainMedia": ["videoUrl": .string(video)], "galleryMedia": []]).status == 200)
    #expect(try await h.product(Harness.minimal).media?.videos?.first?.url == video)
    // "If empty or null — no changes."
    #expect(try await h.send(.PUT, "/products/\(Harness.minimal)/media", json: ["mainMedia": [:], "galleryMedia": []]).status == 200)
    #expect(try await h.product(Harness.minimal).media?.videos?.count == 1)
    // videoUrl: "If the field is missing — the main product video will be deleted."
    #expect(try await h.send(.PUT, "/products/\(Harness.minimal)/media", json: ["mainMedia": ["imageUrl": nil], "galleryMedia": []]).status == 200)
    #expect(try await h.product(Harness.minimal).media?.videos?.isEmpty ?? true)
  }
}
