import AsyncHTTPClient
import EcwidAPI
import EcwidSandbox
import Foundation
import NIOHTTP1
import Testing

@Suite struct ReadTests {
  @Test func profileAnswersLanguagesAndStoreNameAndFiltersResponseFields() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let full = try await h.get("/profile")
    #expect(full.status == 200)
    let profile = StoreProfile(json: full.json.objectValue ?? [:])
    let langs = try #require(profile.languages)
    #expect(langs.defaultLanguage == "en")
    #expect(langs.ordered.first == "en")
    for l in ["fr", "de", "es", "ja", "ar", "zh_CN"] { #expect(langs.enabledLanguages.contains(l)) }
    #expect(profile.storeName?.isEmpty == false)
    #expect(full.json["generalInfo"]?["storeId"]?.intValue == h.sandbox.storeId)
    #expect(h.sandbox.storeId == 1003)

    let only = try await h.get("/profile?responseFields=languages")
    #expect(only.json.objectValue?.keys.elementsEqual(["languages"]) == true)
    #expect(only.json["languages"]?["enabledLanguages"]?.arrayValue?.count == 7)

    let nested = try await h.get("/profile?responseFields=languages,settings(storeName),generalInfo(storeId)")
    #expect(nested.json["settings"]?.objectValue?.keys.elementsEqual(["storeName"]) == true)
    #expect(nested.json["generalInfo"]?.objectValue?.keys.elementsEqual(["storeId"]) == true)
    #expect(nested.json["account"] == nil)
  }

  /// The sandbox keeps the text of a product's last answer; no change may ever be answered with it.
  @Test func aProductReadAgainAfterEachKindOfChangeShowsTheChange() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let first = try await h.get("/products/\(Harness.sweater)")
    #expect(first.status == 200)
    let again = try await h.get("/products/\(Harness.sweater)")
    #expect(again.text == first.text)

    // A field at the top.
    #expect(try await h.put(Harness.sweater, ["name": "Renamed sweater"]).status == 200)
    let renamed = try await h.get("/products/\(Harness.sweater)")
    #expect(renamed.json["name"]?.stringValue == "Renamed sweater")
    #expect(renamed.text != first.text)

    // A value deep inside (an option's choice), which shares nothing visible with the top.
    var options = try #require(renamed.json["options"]?.arrayValue)
    var option = try #require(options.first?.objectValue)
    var choices = try #require(option["choices"]?.arrayValue)
    var choice = try #require(choices.first?.objectValue)
    choice["text"] = "Changed choice"
    choices[0] = .object(choice)
    option["choices"] = .array(choices)
    options[0] = .object(option)
    #expect(try await h.put(Harness.sweater, ["options": .array(options)]).status == 200)
    let deep = try await h.get("/products/\(Harness.sweater)")
    #expect(deep.json["options"]?[0]?["choices"]?[0]?["text"]?.stringValue == "Changed choice")

    // Another product's answer is its own, and a filtered answer is filtered.
    let tea = try await h.get("/products/\(Harness.tea)")
    #expect(tea.json["id"]?.intValue == Harness.tea)
    let filtered = try await h.get("/products/\(Harness.sweater)?responseFields=id,name")
    #expect(filtered.json.objectValue?.keys.elementsEqual(["id", "name"]) == true)
    #expect(filtered.json["name"]?.stringValue == "Renamed sweater")
    let deleted = try await h.send(.DELETE, "/products/\(Harness.sweater)")
    #expect(deleted.status == 200)
    #expect(try await h.get("/products/\(Harness.sweater)").status == 404)
  }

  @Test func searchFiltersPagesAndCaps() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let all = try await h.get("/products")
    #expect(all.status == 200)
    let r = SearchResult(json: all.json.objectValue ?? [:])
    #expect(r.total == 9 && r.count == 9 && r.offset == 0 && r.limit == 100)
    #expect(r.items.map(\.id) == [Harness.sweater, Harness.tea, Harness.party, Harness.tote, Harness.minimal, Harness.mug,
      Harness.beanie, Harness.tee, Harness.sneaker,
    ])
    #expect(all.json.objectValue?.keys.elementsEqual(["total", "count", "offset", "limit", "items"]) == true)

    func ids(_ q: String) async throws -> [Int?] {
      let a = try await h.get("/products?\(q)")
      #expect(a.status == 200, "\(q): \(a.text)")
      return SearchResult(json: a.json.objectValue ?? [:]).items.map(\.id)
    }
    #expect(try await ids("keyword=MERINO") == [Harness.sweater])  // name, case-insensitive
    #expect(try await ids("keyword=tote-cnv") == [Harness.tote])  // SKU
    #expect(try await ids("keyword=dishwasher") == [Harness.mug])  // description
    #expect(try await ids("keyword=%E7%8E%84%E7%B1%B3%E8%8C%B6") == [Harness.tea])  // 玄米茶
    #expect(try await ids("keyword=gift+wrap").contains(Harness.minimal))  // + is a space
    #expect(try await ids("keyword=nothing-matches-this").isEmpty)
    #expect(try await ids("sku=TEA-GMC-20") == [Harness.tea])
    #expect(try await ids("sku=TEA").isEmpty)  // exact
    #expect(try await ids("sku=TOTE-BLK-L") == [Harness.tote])  // a variation's SKU
    #expect(try await ids("productId=\(Harness.tote),\(Harness.tea)") == [Harness.tea, Harness.tote])

    let page = try await h.get("/products?offset=1&limit=2")
    let p = SearchResult(json: page.json.objectValue ?? [:])
    #expect(p.total == 9 && p.count == 2 && p.offset == 1 && p.limit == 2)
    #expect(p.items.map(\.id) == [Harness.tea, Harness.party])

    let capped = SearchResult(json: try await h.get("/products?limit=500").json.objectValue ?? [:])
    #expect(capped.limit == 100 && capped.count == 9)
    let beyond = SearchResult(json: try await h.get("/products?offset=50").json.objectValue ?? [:])
    #expect(beyond.total == 9 && beyond.count == 0 && beyond.items.isEmpty)

    let bad = try await h.get("/products?limit=lots")
    #expect(bad.status == 400)
    #expect(bad.errorMessage?.contains("limit") == true)

    let fields = try await h.get("/products?responseFields=total,items(id,name)&limit=1")
    #expect(fields.json.objectValue?.keys.elementsEqual(["total", "items"]) == true)
    #expect(fields.json["items"]?[0]?.objectValue?.keys.elementsEqual(["id", "name"]) == true)
  }

  @Test func getProductAndNotFound() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let a = try await h.get("/products/\(Harness.sweater)")
    #expect(a.status == 200)
    #expect(a.header("Content-Type")?.hasPrefix("application/json") == true)
    // The API answers exactly what is stored.
    let stored = try #require(await h.sandbox.product(id: Harness.sweater))
    #expect(a.body == stored.value.encoded())

    for missing in ["1", "abc"] {
      let r = try await h.get("/products/\(missing)")
      #expect(r.status == 404)
      #expect(r.errorCode == "PRODUCT_NOT_FOUND")
    }
    let unknown = try await h.get("/nothing-here")
    #expect(unknown.status == 404)
    let wrongMethod = try await h.send(.PATCH, "/products/\(Harness.sweater)", json: ["name": "x"])
    #expect(wrongMethod.status == 405)
  }

  @Test func sampleCatalogIsRichAndDeterministic() async throws {
    let a = Sandbox.sampleCatalog()
    let b = Sandbox.sampleCatalog()
    #expect(a.storeId == 1003)
    #expect(a.products.map(\.value) == b.products.map(\.value))
    #expect(Sandbox.sampleDocument() == Sandbox.sampleDocument())
    #expect(a.products.count >= 5)

    let first = try #require(a.products.first)
    #expect(first.id == Harness.sweater)
    let types = Set((first.options ?? []).compactMap { $0.type?.rawValue })
    #expect(types == ["SELECT", "RADIO", "CHECKBOX", "SIZE", "TEXTFIELD", "TEXTAREA", "DATE", "FILES"])
    let modifierTypes = Set((first.options ?? []).flatMap { $0.choices ?? [] }.compactMap { $0.priceModifierType?.rawValue })
    #expect(modifierTypes == ["ABSOLUTE", "PERCENT"])
    #expect(first.images.count == 12)
    #expect(first.images.map(\.id) == (0..<12).map(String.init))
    #expect(first.images.filter { $0.alt?.main != nil }.count >= 9)
    #expect(first.images.contains { ($0.alt?.translated?.languages.count ?? 0) > 2 })
    let gallery = try #require(first.galleryImages)
    #expect(gallery.count == 11)
    #expect(gallery.map(\.orderBy) == (0..<11).map { Optional($0) })
    #expect(Set(gallery.compactMap(\.id)).count == 11)
    #expect(first.imageUrl == first.images[0].image1500pxUrl)
    #expect(first.thumbnailUrl == first.images[0].image400pxUrl)
    #expect((first.wholesalePrices ?? []).count == 3)
    #expect(first.attributes?.contains { $0.alias == .brand } == true)
    #expect(first.attributes?.contains { $0.alias == .upc } == true)
    for l in ["ja", "zh_CN", "ar"] { #expect(first.nameTranslated?[l]?.isEmpty == false) }
    #expect(first.ribbon?.text == "Bestseller")
    #expect(first.tax?.enabledManualTaxes == [947_976_181])
    #expect(first.shipping?.type == .selectedMethods)
    #expect(first.dimensions?.length != nil)
    #expect(first.subscriptionSettings?.subscriptionAllowed == true)
    #expect(first.relatedProducts?.productIds?.isEmpty == false)
    #expect(first.categoryIds?.isEmpty == false)

    let names = a.products.compactMap(\.name)
    #expect(names.contains { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })  // CJK
    #expect(names.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
    #expect(a.products.contains { $0.hasCombinations })
    #expect(a.products.contains { $0.json.count <= 12 })  // a minimal one
    #expect(a.products.contains { ($0.options ?? []).contains { $0.type?.isKnown == false } })  // SWATCHES
    #expect(a.products.contains { $0.price?.text == "14.989999999999998" })  // float noise kept
  }

  @Test func categoriesAndClassesAreListed() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let c = try await h.get("/categories")
    #expect(c.status == 200)
    #expect((c.json["items"]?.arrayValue?.count ?? 0) >= 5)
    let classes = try await h.get("/classes")
    #expect(classes.json.arrayValue?.contains { $0["id"]?.intValue == 5_130_512 } == true)
  }
}

@Suite struct LifecycleTests {
  @Test func runServesUntilCancelledAndStopFreesThePort() async throws {
    var o = SandboxOptions()
    o.token = "secret_lifecycle"
    let s = try Sandbox(options: o)
    let runner = Task { try await s.run() }
    var port: Int?
    for _ in 0..<1000 {  // up to 10 s: the sandbox thread is shared with every other test's sandbox
      port = s.port
      if port != nil { break }
      try await Task.sleep(for: .milliseconds(10))
    }
    let p = try #require(port)
    let h = Harness(sandbox: s, port: p, token: o.token)
    #expect(try await h.get("/profile").status == 200)
    #expect(s.apiURL == "http://127.0.0.1:\(p)/api/v3")

    // A second sandbox cannot take the same port.
    var o2 = SandboxOptions()
    o2.port = p
    let other = try Sandbox(options: o2)
    await #expect(throws: SandboxError.self) { _ = try await other.start() }

    runner.cancel()
    _ = try? await runner.value
    #expect(s.port == nil)
    // The port is closed: connecting fails (AsyncHTTPClient retries refused connects until its deadline).
    let fresh = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
    await #expect(throws: (any Error).self) {
      _ = try await fresh.execute(HTTPClientRequest(url: "http://127.0.0.1:\(p)/api/v3/1003/profile"), timeout: .seconds(1))
    }
    try await fresh.shutdown()

    // Start again after a stop: a fresh port, same store.
    let again = try await s.start()
    let h2 = Harness(sandbox: s, port: again, token: o.token)
    #expect(try await h2.get("/products").status == 200)
    #expect(try await s.start() == again)  // idempotent while running
    await s.stop()
    await s.stop()  // and stopping twice is fine
  }
}
