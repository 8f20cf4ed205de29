import AsyncHTTPClient
import EcwidAPI
import EcwidSandbox
import Foundation
import NIOHTTP1
import Testing

@Suite struct ErrorTests {
  /// Every refused update: status, code, and nothing stored (not even the data file touched).
  @Test func validationErrorsFollowTheSpecTableAndChangeNothing() async throws {
    let file = tempPath("store.json")
    let h = try await Harness.start { $0.dataFile = file }
    defer { Task { await h.stop() } }
    let before = try await h.product(Harness.sweater)
    let fileBefore = try Data(contentsOf: URL(fileURLWithPath: file))
    let long = String(repeating: "x", count: 31)

    let cases: [(String, JSON, Int, String?, String?)] = [
      ("array body", [1, 2], 400, nil, nil),
      ("string body", "price", 400, nil, nil),
      ("price abc", ["price": "abc"], 400, nil, "price"),
      ("enabled wrong type", ["enabled": "yes"], 400, nil, "enabled"),
      ("options not array", ["options": ["type": "SELECT"]], 400, nil, "options"),
      ("choice text wrong type", ["options": [["type": "SELECT", "name": "C", "choices": [["text": ["x"]]]]]], 400, nil, "text"),
      ("cost price", ["costPrice": -3], 400, "COST_PRICE_CANT_BE_NEGATIVE", nil),
      ("negative front page, no categories", ["showOnFrontpage": -1, "categoryIds": []], 400, nil,
       "Attribute showOnFrontpage can't be negative, because the product has no categories"),
      ("ribbon too long", ["ribbon": ["text": .string(long), "color": "#FF0000"]], 400, nil, "Ribbon"),
      ("ribbon bad color", ["ribbon": ["text": "Hi", "color": "red"]], 400, nil, "color"),
      ("default choice out of range", ["options": [["type": "SELECT", "name": "C", "choices": [["text": "a"]], "defaultChoice": 3]]], 400, nil, "defaultChoice"),
      ("language in name", ["nameTranslated": ["en": "x", "xx": "nope"]], 400, "LANGUAGES_NOT_ALLOWED", "xx"),
      ("language in choice", ["options": [["type": "SELECT", "name": "C", "choices": [["text": "a", "textTranslated": ["pt": "a"]]]]]],
       400, "LANGUAGES_NOT_ALLOWED", "pt"),
      ("language in attribute", ["attributes": [["id": 148_181_711, "value": "x", "valueTranslated": ["ru": "x"]]]], 400,
       "LANGUAGES_NOT_ALLOWED", nil),
      ("language in ribbon", ["ribbonTranslated": ["it": "Nuovo"]], 400, "LANGUAGES_NOT_ALLOWED", nil),
      ("product class", ["productClassId": 987_654], 404, nil, "Product class"),
      ("category", ["categoryIds": [1, 2]], 404, nil, "Category"),
      ("related product", ["relatedProducts": ["productIds": [42]]], 404, nil, "42"),
      ("sku taken", ["sku": "TEA-GMC-20"], 409, "SKU_ALREADY_EXISTS", nil),
      ("sku of a variation", ["sku": "TOTE-NAT-S"], 409, "SKU_ALREADY_EXISTS", nil),
      ("wholesale null", ["wholesalePrices": [["quantity": 5, "price": nil]]], 409, "WHOLESALE_PRICES_CANT_BE_NULL", nil),
      ("wholesale missing price", ["wholesalePrices": [["quantity": 5]]], 409, "WHOLESALE_PRICES_CANT_BE_NULL", nil),
      ("wholesale negative", ["wholesalePrices": [["quantity": 5, "price": -1]]], 409, "WHOLESALE_PRICES_CANT_BE_NEGATIVE", nil),
      ("disabled tax", ["tax": ["taxable": true, "enabledManualTaxes": [947_976_182]]], 409, nil, "tax"),
      ("half valid body", ["name": "Half applied?", "price": "abc"], 400, nil, "price"),
    ]
    for (label, body, status, code, fragment) in cases {
      let r = try await h.put(Harness.sweater, body)
      #expect(r.status == status, "\(label): \(r.status) \(r.text)")
      if let code { #expect(r.errorCode == code, "\(label): \(r.text)") }
      #expect(r.errorMessage?.isEmpty == false, "\(label): no errorMessage")
      if let fragment { #expect(r.errorMessage?.contains(fragment) == true, "\(label): \(r.text)") }
    }
    let malformed = try await h.send(.PUT, "/products/\(Harness.sweater)", raw: Data(#"{"name": "x""#.utf8))
    #expect(malformed.status == 400)
    let empty = try await h.send(.PUT, "/products/\(Harness.sweater)", raw: Data())
    #expect(empty.status == 400)
    // The minimal product has no categories: a negative showOnFrontpage alone is refused.
    let minimal = try await h.put(Harness.minimal, ["showOnFrontpage": -1])
    #expect(minimal.status == 400 && minimal.errorMessage?.contains("showOnFrontpage") == true)
    // PUT to a product that does not exist.
    let missing = try await h.put(1, ["name": "x"])
    #expect(missing.status == 404 && missing.errorCode == "PRODUCT_NOT_FOUND")

    #expect(try await h.product(Harness.sweater) == before)
    #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == fileBefore)
  }

  @Test func valuesEcwidCoercesAreAccepted() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    #expect(try await h.put(Harness.sweater, ["price": "12.5", "enabled": "false", "showOnFrontpage": -1]).status == 200)
    let p = try await h.product(Harness.sweater)
    #expect(p.json["price"] == .number(JSONNumber(text: "12.5")))
    #expect(p.enabled == false)
    #expect(p.json["showOnFrontpage"] == -1)  // the sweater has categories
  }

  @Test func unsupportedContentTypeIs415() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let body = Data(#"{"name":"x"}"#.utf8)
    for ct: String? in ["text/plain", "application/x-www-form-urlencoded", nil] {
      let r = try await h.send(.PUT, "/products/\(Harness.sweater)", raw: body, contentType: ct)
      #expect(r.status == 415, "\(ct ?? "none")")
    }
    let post = try await h.send(.POST, "/products", raw: body, contentType: "text/plain")
    #expect(post.status == 415)
    let media = try await h.send(.PUT, "/products/\(Harness.sweater)/media", raw: body, contentType: "text/html")
    #expect(media.status == 415)
    for ct in ["application/json; charset=utf-8", "text/json", "Application/JSON"] {
      let r = try await h.send(.PUT, "/products/\(Harness.sweater)", raw: body, contentType: ct)
      #expect(r.status == 200, "\(ct)")
    }
  }

  @Test func tokenOnlyInTheAuthorizationHeader() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let none = try await h.send(.GET, "/products", auth: .some(nil))
    #expect(none.status == 403 && none.errorCode == "INVALID_API_TOKEN")
    let wrong = try await h.send(.GET, "/products", auth: "secret_wrong")
    #expect(wrong.status == 403 && wrong.errorCode == "INVALID_API_TOKEN")
    let inQuery = try await h.send(.GET, "/products?token=\(h.token)", auth: .some(nil))
    #expect(inQuery.status == 403)
    let otherStore = try await h.send(.GET, "//api/v3/4242/products")
    #expect(otherStore.status == 403)
    let refusedPut = try await h.send(.PUT, "/products/\(Harness.sweater)", json: ["name": "x"], auth: "secret_wrong")
    #expect(refusedPut.status == 403)
    #expect(try await h.product(Harness.sweater).name != "x")
    #expect(try await h.get("/products").status == 200)
  }

  @Test func rateLimitAnswers429WithRetryAfter() async throws {
    let h = try await Harness.start { $0.rateLimitPerMinute = 3 }
    defer { Task { await h.stop() } }
    for _ in 0..<3 { #expect(try await h.get("/profile").status == 200) }
    let limited = try await h.get("/profile")
    #expect(limited.status == 429)
    #expect(limited.errorCode == "RATE_LIMITED")
    let retry = try #require(limited.header("Retry-After").flatMap { Int($0) })
    #expect(retry >= 1 && retry <= 60)
    // The limit is per token.
    #expect(try await h.send(.GET, "/profile", auth: "another_token").status == 403)
  }
}
