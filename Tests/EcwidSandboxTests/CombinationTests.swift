import AsyncHTTPClient
import EcwidAPI
import EcwidSandbox
import Foundation
import NIOHTTP1
import Testing

extension Harness {
  static let beanie = 692_730_773
  static let tee = 692_730_775
  static let sneaker = 692_730_777

  func combos(_ id: Int) async throws -> [Combination] {
    let a = try await get("/products/\(id)/combinations")
    #expect(a.status == 200, "GET combinations of \(id): \(a.status) \(a.text)")
    return (a.json.arrayValue ?? []).compactMap { $0.objectValue.map(Combination.init(json:)) }
  }

  func combo(_ id: Int, _ cid: Int) async throws -> Combination {
    let a = try await get("/products/\(id)/combinations/\(cid)")
    #expect(a.status == 200, "GET combination \(cid): \(a.status) \(a.text)")
    return Combination(json: a.json.objectValue ?? [:])
  }

  func putCombo(_ id: Int, _ cid: Int, _ body: JSON, query: String = "") async throws -> Answer {
    try await send(.PUT, "/products/\(id)/combinations/\(cid)\(query)", json: body)
  }
}

/// `[{name, value}]` for a combination body.
func optionValues(_ pairs: [(String, String)]) -> JSON {
  .array(pairs.map { ["name": .string($0.0), "value": .string($0.1)] })
}

@Suite struct CombinationTests {
  @Test func variationsAreListedReadAndShownOnTheProduct() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let list = try await h.combos(Harness.tote)
    #expect(list.count == 6)
    #expect(list == (try await h.product(Harness.tote).combinations ?? []))
    let first = try #require(list.first)
    let one = try await h.combo(Harness.tote, try #require(first.id))
    #expect(one == first)
    #expect(one.value(of: "Color") == "Natural" && one.value(of: "Size") == "Small")

    // responseFields works as on other GETs.
    let some = try await h.get("/products/\(Harness.tote)/combinations/\(first.id!)?responseFields=id,sku")
    #expect(some.json == ["id": .int(first.id!), "sku": "TOTE-NAT-S"])

    let missing = try await h.get("/products/\(Harness.tote)/combinations/1")
    #expect(missing.status == 404)
    let noProduct = try await h.get("/products/1/combinations")
    #expect(noProduct.status == 404 && noProduct.errorCode == "PRODUCT_NOT_FOUND")
    let wrong = try await h.send(.PATCH, "/products/\(Harness.tote)/combinations")
    #expect(wrong.status == 405)
  }

  @Test func createMatchesOptionValuesToTheProductsOptions() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let before = try await h.product(Harness.beanie)
    let path = "/products/\(Harness.beanie)/combinations"
    // Refused: an option the product lacks, a choice the option lacks, an option twice, none.
    for (body, words) in [
      (["options": optionValues([("Colour", "Oat")])] as JSON, "no option 'Colour'"),
      (["options": optionValues([("Color", "Teal")])], "no choice 'Teal'"),
      (["options": optionValues([("Color", "Oat"), ("Color", "Rust")])], "twice"),
      (["sku": "BNE-NEW"], "options"),
      (["options": optionValues([("Color", "Oat")]), "price": "cheap"], "price"),
    ] {
      let r = try await h.send(.POST, path, json: body)
      #expect(r.status == 400, "\(body): \(r.text)")
      #expect(r.errorMessage?.contains(words) == true, "\(r.text)")
    }
    #expect(try await h.product(Harness.beanie) == before)  // a refused request changes nothing

    // Values in another order come back in the product's option order, with translations.
    let r = try await h.send(
      .POST, path, json: ["options": optionValues([("Size", "Adult"), ("Color", "Oat")]), "sku": "BNE-OAT-A2"])
    #expect(r.status == 200, "\(r.text)")
    let id = try #require(r.json["id"]?.intValue)
    #expect(r.json.objectValue?.keys.elementsEqual(["id"]) == true)
    let c = try await h.combo(Harness.beanie, id)
    #expect(c.optionPairs.map(\.name) == ["Color", "Size"])
    #expect(c.options?.first?.valueTranslated?["fr"] == "Avoine")
    #expect(c.options?.last?.nameTranslated?["de"] == "Größe")
    #expect(c.combinationNumber == 7)
    #expect(c.unlimited == true && c.inStock == true && c.quantity == nil)  // Ecwid's example: unlimited by default
    #expect(c.defaultDisplayedPrice?.double == 24)  // the product's price (Oat and Adult add nothing)
    let after = try await h.product(Harness.beanie)
    #expect(after.combinations?.count == 7)
    #expect((after.updateTimestamp ?? 0) > (before.updateTimestamp ?? 0))
    // Ids are unique across the store.
    let all = await h.sandbox.products().flatMap { $0.combinations ?? [] }.compactMap(\.id)
    #expect(Set(all).count == all.count)
  }

  @Test func skuIsUniqueAcrossProductsAndVariations() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let tee = try await h.combos(Harness.tee)
    let a = try #require(tee.first { !($0.sku ?? "").isEmpty })
    let b = try #require(tee.last { !($0.sku ?? "").isEmpty && $0.id != a.id })
    let before = try await h.product(Harness.tee)
    for taken in ["NRD-SWT-001", "TOTE-BLK-L", try #require(b.sku), "TEE-CREW"] {
      let r = try await h.putCombo(Harness.tee, a.id!, ["sku": .string(taken)])
      #expect(r.status == 409 && r.errorCode == "SKU_ALREADY_EXISTS", "\(taken): \(r.text)")
    }
    let post = try await h.send(
      .POST, "/products/\(Harness.tee)/combinations",
      json: ["options": optionValues([("Size", "M"), ("Color", "Navy")]), "sku": "TOTE-NAT-S"])
    #expect(post.status == 409 && post.errorCode == "SKU_ALREADY_EXISTS")
    #expect(try await h.product(Harness.tee) == before)

    // Its own SKU again is fine; a product may not take a variation's SKU either.
    let same = try await h.putCombo(Harness.tee, a.id!, ["sku": .string(a.sku!)])
    #expect(same.status == 200)
    let product = try await h.put(Harness.mug, ["sku": .string(b.sku!)])
    #expect(product.status == 409 && product.errorCode == "SKU_ALREADY_EXISTS")
    // A freed SKU can be reused.
    #expect(try await h.putCombo(Harness.tee, b.id!, ["sku": "TEE-RENAMED"]).status == 200)
    #expect(try await h.putCombo(Harness.tee, a.id!, ["sku": .string(b.sku!)]).status == 200)
  }

  @Test func stockAndInStockFollowQuantityAndUnlimited() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let cid = 422_488_528  // TOTE-NAT-S, 20 in stock
    #expect(try await h.putCombo(Harness.tote, cid, ["quantity": 0]).status == 200)
    var c = try await h.combo(Harness.tote, cid)
    #expect(c.quantity?.int == 0 && c.unlimited == false && c.inStock == false)
    #expect(try await h.putCombo(Harness.tote, cid, ["unlimited": true]).status == 200)
    c = try await h.combo(Harness.tote, cid)
    #expect(c.quantity == nil && c.unlimited == true && c.inStock == true)
    #expect(try await h.putCombo(Harness.tote, cid, ["quantity": 4], query: "?checkLowStockNotification=true").status == 200)
    c = try await h.combo(Harness.tote, cid)
    #expect(c.quantity?.int == 4 && c.unlimited == false && c.inStock == true)
    // inStock is computed: sending it does nothing.
    #expect(try await h.putCombo(Harness.tote, cid, ["inStock": false]).status == 200)
    #expect(try await h.combo(Harness.tote, cid).inStock == true)
  }

  @Test func partialUpdateChangesOnlyTheSentFieldsAndBumpsTheProduct() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let before = try await h.product(Harness.tote)
    let cid = 422_488_530
    let r = try await h.putCombo(Harness.tote, cid, ["price": 35.5, "weight": 0.4])
    #expect(r.status == 200 && r.json == ["updateCount": 1])
    let after = try await h.product(Harness.tote)
    #expect((after.updateTimestamp ?? 0) > (before.updateTimestamp ?? 0))
    #expect(after.updated != before.updated)
    let old = try #require(before.combinations?.first { $0.id == cid })
    let new = try #require(after.combinations?.first { $0.id == cid })
    var expected = old.json
    expected["price"] = 35.5
    expected["weight"] = 0.4
    expected["defaultDisplayedPrice"] = 35.5
    expected["defaultDisplayedPriceFormatted"] = "$35.50"
    #expect(new.json == expected)
    #expect(after.combinations?.filter { $0.id != cid } == before.combinations?.filter { $0.id != cid })
    var rest = after.withoutTimestamps
    rest["combinations"] = before.json["combinations"]
    #expect(rest == before.withoutTimestamps)

    // The same values again change nothing, not even the timestamp.
    _ = try await h.putCombo(Harness.tote, cid, ["price": 35.5])
    #expect(try await h.product(Harness.tote).updateTimestamp == after.updateTimestamp)
    // Options can be changed, and are checked the same way.
    let move = try await h.putCombo(Harness.tote, cid, ["options": optionValues([("Color", "Black"), ("Size", "Huge")])])
    #expect(move.status == 400)
    let empty = try await h.putCombo(Harness.tote, cid, ["options": []])
    #expect(empty.status == 400)
    #expect(try await h.putCombo(Harness.tote, 1, ["price": 1]).status == 404)
    #expect(try await h.send(.PUT, "/products/\(Harness.tote)/combinations/\(cid)", raw: Data("{".utf8)).status == 400)
    let text = try await h.send(.PUT, "/products/\(Harness.tote)/combinations/\(cid)", raw: Data("{}".utf8), contentType: "text/plain")
    #expect(text.status == 415)
  }

  @Test func deleteOneDeleteAllAndTheImage() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let cid = 422_488_531
    let base = "/products/\(Harness.tote)/combinations"
    let img = try await h.send(.POST, "\(base)/\(cid)/image?externalUrl=https%3A%2F%2Fexample.com%2Fbag.png")
    #expect(img.status == 200 && img.json["id"]?.intValue != nil)
    var c = try await h.combo(Harness.tote, cid)
    #expect(c.hasImage && c.originalImageUrl == "https://example.com/bag.png")
    #expect(c.thumbnailUrl == "https://example.com/bag-400px.png")
    let bad = try await h.send(.POST, "\(base)/\(cid)/image?externalUrl=not%20a%20link")
    #expect(bad.status == 422 && bad.errorCode == "WRONG_URL")
    #expect(try await h.send(.DELETE, "\(base)/\(cid)/image").json == ["deleteCount": 1])
    c = try await h.combo(Harness.tote, cid)
    #expect(!c.hasImage)
    #expect(try await h.send(.DELETE, "\(base)/\(cid)/image").json == ["deleteCount": 0])

    #expect(try await h.send(.DELETE, "\(base)/\(cid)").json == ["deleteCount": 1])
    #expect(try await h.get("\(base)/\(cid)").status == 404)
    #expect(try await h.send(.DELETE, "\(base)/\(cid)").status == 404)
    // A deleted variation's SKU is free again.
    #expect(try await h.putCombo(Harness.tote, 422_488_530, ["sku": "TOTE-BLK-L"]).status == 200)
    #expect(try await h.send(.DELETE, base).json == ["deleteCount": 5])
    #expect(try await h.combos(Harness.tote).isEmpty)
    #expect(try await h.product(Harness.tote).hasCombinations == false)
    #expect(try await h.send(.DELETE, base).json == ["deleteCount": 0])
  }

  @Test func variationsPersistInTheDataFileAndAreLoggedAndRateLimited() async throws {
    let file = tempPath("store.json")
    let log = tempPath("requests.jsonl")
    let h = try await Harness.start {
      $0.dataFile = file
      $0.requestLog = log
      $0.rateLimitPerMinute = 5
    }
    #expect(try await h.putCombo(Harness.tote, 422_488_528, ["quantity": 99]).status == 200)
    let made = try await h.send(
      .POST, "/products/\(Harness.beanie)/combinations", json: ["options": optionValues([("Color", "Oat")])])
    #expect(made.status == 200)
    await h.stop()
    let h2 = try await Harness.start { $0.dataFile = file }
    defer { Task { await h2.stop() } }
    #expect(try await h2.combo(Harness.tote, 422_488_528).quantity?.int == 99)
    #expect(try await h2.combos(Harness.beanie).count == 7)

    let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.first?.contains("\"path\":\"/api/v3/1003/products/\(Harness.tote)/combinations/422488528\"") == true)
    #expect(lines.first?.contains("\"quantity\":99") == true)
    #expect(!lines.joined().contains(h.token))

    let limited = try await Harness.start { $0.rateLimitPerMinute = 2 }
    defer { Task { await limited.stop() } }
    _ = try await limited.get("/products/\(Harness.tote)/combinations")
    _ = try await limited.get("/products/\(Harness.tote)/combinations")
    let third = try await limited.get("/products/\(Harness.tote)/combinations")
    #expect(third.status == 429 && third.errorCode == "RATE_LIMITED" && third.header("Retry-After") != nil)
  }

  @Test func theSampleCatalogHasProductsWith6And40And500ConsistentVariations() async throws {
    let catalog = Sandbox.sampleCatalog()
    #expect(catalog.products.map { ($0.combinations ?? []).count }.suffix(3) == [6, 40, 500])
    #expect(Sandbox.sampleDocument() == Sandbox.sampleDocument())  // generated, but deterministic
    var skus: [String] = []
    for p in catalog.products {
      if let s = p.sku, !s.isEmpty { skus.append(s) }
      let options = p.options ?? []
      var seen = Set<[String]>()
      for c in p.combinations ?? [] {
        if let s = c.sku, !s.isEmpty { skus.append(s) }
        // One value per option, each a choice of that option.
        #expect(c.optionPairs.map(\.name) == options.map { $0.name ?? "" }, "\(p.name ?? "") \(c.id ?? 0)")
        for (name, value) in c.optionPairs {
          let choices = options.first { $0.name == name }?.choices?.compactMap(\.text) ?? []
          #expect(choices.contains(value), "\(name)=\(value)")
        }
        #expect(seen.insert(c.optionPairs.map(\.value)).inserted)
        let unlimited = c.unlimited ?? false
        #expect(c.inStock == (unlimited || (c.quantity?.double ?? 0) > 0))
      }
    }
    #expect(Set(skus).count == skus.count, "SKUs are unique across the store")
    let sneaker = try #require(catalog.products.last)
    let combos = sneaker.combinations ?? []
    #expect(Set(combos.map { $0.value(of: "Material") }).count == 5)
    #expect(combos.contains { $0.inStock == false } && combos.contains { $0.unlimited == true })
    #expect(combos.contains { $0.price != nil } && combos.contains { $0.compareToPrice != nil })
    #expect(combos.contains { $0.hasImage })
    #expect(combos.first?.sku == "SNK-36-BLK-MSH")
  }
}
