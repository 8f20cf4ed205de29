import EcwidAPI
import EcwidSandbox
import Foundation
import Testing

/// A sandbox on a free loopback port and a client pointed at it.
struct SandboxHarness {
  let sandbox: Sandbox
  let port: Int
  let client: EcwidClient
  let logPath: String

  static func start(
    token: String = "secret_test_token", faults: String? = nil, rateLimit: Int = 600,
    retry: RetryPolicy = RetryPolicy(maxAttempts: 4, baseDelay: 0.01, maxDelay: 0.05, deadline: 20),
    requestTimeout: Duration = .seconds(10), clientToken: String? = nil, dataFile: String? = nil
  ) async throws -> SandboxHarness {
    var o = SandboxOptions()
    o.port = 0
    o.token = token
    o.rateLimitPerMinute = rateLimit
    o.dataFile = dataFile
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("req-\(UUID().uuidString).jsonl").path
    o.requestLog = log
    if let faults { o.faults = try FaultSpec(parse: faults) }
    let sandbox = try Sandbox(options: o)
    let port = try await sandbox.start()
    var c = EcwidConfig(
      apiURL: URL(string: "http://127.0.0.1:\(port)/api/v3")!, storeId: sandbox.storeId, token: clientToken ?? token)
    c.retry = retry
    c.requestTimeout = requestTimeout
    return SandboxHarness(sandbox: sandbox, port: port, client: try EcwidClient(config: c), logPath: log)
  }

  func stop() async {
    await client.shutdown()
    await sandbox.stop()
  }

  var firstProductId: Int {
    get async throws {
      let r = try await client.searchProducts()
      return try #require(r.items.first?.id)
    }
  }
}

@Suite(.serialized) struct ClientAgainstSandboxTests {
  @Test func getSearchAndProfileAnswerWithTypedModels() async throws {
    let h = try await SandboxHarness.start()
    defer { Task { await h.stop() } }
    let all = try await h.client.searchProducts()
    #expect(all.items.count >= 5)
    #expect(all.total == all.items.count)
    let first = try #require(all.items.first)
    let p = try await h.client.getProduct(id: try #require(first.id))
    #expect(p.name == first.name)
    #expect(p.images.count >= 10)
    #expect((p.options ?? []).count >= 4)

    let paged = try await h.client.searchProducts(offset: 1, limit: 2)
    #expect(paged.items.count == 2)
    #expect(paged.offset == 1)
    #expect(paged.items.first?.id == all.items[1].id)

    let bySku = try await h.client.searchProducts(sku: try #require(first.sku))
    #expect(bySku.items.map(\.id) == [first.id])

    let profile = try await h.client.getProfile()
    let langs = try #require(profile.languages)
    #expect(langs.enabledLanguages.count >= 3)
    #expect(langs.ordered.first == langs.defaultLanguage)
  }

  @Test func partialUpdateChangesOnlyTheSentFields() async throws {
    let h = try await SandboxHarness.start()
    defer { Task { await h.stop() } }
    let id = try await h.firstProductId
    let before = try await h.client.getProduct(id: id)
    let status = try await h.client.updateProduct(id: id, body: ["price": 123.45, "name": "Renamed"], returnItem: true)
    #expect(status.updateCount == 1)
    #expect(status.item?.name == "Renamed")
    let after = try await h.client.getProduct(id: id)
    #expect(after.price?.double == 123.45)
    #expect(after.name == "Renamed")
    #expect(after.sku == before.sku)
    #expect(after.options == before.options)
    #expect(after.description == before.description)
    #expect((after.updateTimestamp ?? 0) > (before.updateTimestamp ?? 0))

    let low = try await h.client.updateProduct(id: id, body: ["quantity": 1], checkLowStockNotification: true)
    #expect(low.updateCount == 1)
  }

  @Test func typedErrorsCarryStatusCodeAndSentence() async throws {
    let h = try await SandboxHarness.start()
    defer { Task { await h.stop() } }
    let items = try await h.client.searchProducts().items
    let id = try #require(items.first?.id)
    let otherSku = try #require(items[1].sku)

    await #expect {
      _ = try await h.client.getProduct(id: 1)
    } throws: { e in
      let e = e as! EcwidError
      return e.status == 404 && e.kind == .notFound && e.attempts == 1
    }

    await #expect {
      _ = try await h.client.updateProduct(id: id, body: ["sku": .string(otherSku)])
    } throws: { e in
      let e = e as! EcwidError
      return e.status == 409 && e.errorCode == "SKU_ALREADY_EXISTS" && e.field == "sku"
        && e.sentence.contains("SKU")
    }

    for (tiers, code) in [
      (JSON.array([["quantity": 5, "price": nil]]), "WHOLESALE_PRICES_CANT_BE_NULL"),
      (JSON.array([["quantity": 5, "price": -1]]), "WHOLESALE_PRICES_CANT_BE_NEGATIVE"),
    ] {
      await #expect {
        _ = try await h.client.updateProduct(id: id, body: ["wholesalePrices": tiers])
      } throws: { e in
        let e = e as! EcwidError
        return e.status == 409 && e.errorCode == code && e.field == "wholesalePrices"
      }
    }

    await #expect {
      _ = try await h.client.updateProduct(id: id, body: ["nameTranslated": ["xx": "nope"]])
    } throws: { e in (e as! EcwidError).errorCode == "LANGUAGES_NOT_ALLOWED" }

    await #expect {
      _ = try await h.client.updateProduct(id: id, body: ["costPrice": -3])
    } throws: { e in (e as! EcwidError).status == 400 }

    await #expect {
      _ = try await h.client.updateProduct(id: id, body: ["showOnFrontpage": -1, "categoryIds": []])
    } throws: { e in
      let e = e as! EcwidError
      return e.status == 400 && e.field == "showOnFrontpage"
    }

    await #expect {
      _ = try await h.client.updateProduct(id: id, body: ["productClassId": 987_654])
    } throws: { e in (e as! EcwidError).status == 404 }

    // Nothing of the refused updates was stored.
    let after = try await h.client.getProduct(id: id)
    #expect(after.sku == items[0].sku)
    #expect(after.costPrice != JSONNumber(-3))
  }

  @Test func wrongTokenIs403AndNeverRetried() async throws {
    let h = try await SandboxHarness.start(clientToken: "secret_wrong")
    defer { Task { await h.stop() } }
    await #expect {
      _ = try await h.client.searchProducts()
    } throws: { e in
      let e = e as! EcwidError
      return e.status == 403 && e.attempts == 1 && !e.description.contains("secret_wrong")
    }
    let count = await h.sandbox.requestCount(method: "GET", pathSuffix: "/products")
    #expect(count == 1)
  }

  @Test func mediaEndpointsAddDeleteAndBulkReplace() async throws {
    let h = try await SandboxHarness.start()
    defer { Task { await h.stop() } }
    let id = try await h.firstProductId
    let before = try await h.client.getProduct(id: id)
    let newId = try await h.client.addGalleryImage(
      productId: id, externalUrl: "https://example.com/new-shot.jpg", fileName: "new-shot.jpg")
    var p = try await h.client.getProduct(id: id)
    #expect(p.images.count == before.images.count + 1)
    #expect(p.galleryImages?.contains { $0.id == newId } == true)

    let deleted = try await h.client.deleteGalleryImage(productId: id, galleryImageId: newId)
    #expect(deleted == 1)
    p = try await h.client.getProduct(id: id)
    #expect(p.images.count == before.images.count)

    await #expect {
      _ = try await h.client.addGalleryImage(productId: id, externalUrl: "not a url")
    } throws: { e in
      let e = e as! EcwidError
      return e.status == 422 && e.errorCode == "WRONG_URL" && e.sentence.contains("link doesn't look right")
    }

    let bulk = MediaBulkRequest(
      mainImageUrl: "https://example.com/main.png",
      gallery: [MediaURL(imageUrl: "https://example.com/a.jpg"), MediaURL(videoUrl: "https://youtu.be/abc123")])
    let result = try await h.client.updateMedia(productId: id, request: bulk)
    #expect(result.mainMedia?.success == true)
    #expect(result.mainMedia?.id == "0")
    #expect(result.galleryMedia.map(\.success) == [true, true])
    p = try await h.client.getProduct(id: id)
    #expect(p.images.count == 2)
    #expect(p.images.first?.id == "0")

    await #expect {
      _ = try await h.client.updateMedia(
        productId: id, request: MediaBulkRequest(mainImageUrl: nil, gallery: [MediaURL(videoUrl: "https://example.com/a.jpg")]))
    } throws: { e in (e as! EcwidError).errorCode == "NOT_VIDEO_URL" }
  }

  @Test func serverErrorsOnIdempotentRequestsAreRetriedThenSucceed() async throws {
    let h = try await SandboxHarness.start(faults: "seed=1,500x2")
    defer { Task { await h.stop() } }
    let r = try await h.client.searchProducts()
    #expect(!r.items.isEmpty)
    let count = await h.sandbox.requestCount(method: "GET", pathSuffix: "/products")
    #expect(count == 3)
  }

  @Test func persistentServerErrorsStopAtTheAttemptBound() async throws {
    let h = try await SandboxHarness.start(
      faults: "seed=1,500@1.0", retry: RetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.02, deadline: 10))
    defer { Task { await h.stop() } }
    await #expect {
      _ = try await h.client.searchProducts()
    } throws: { e in
      let e = e as! EcwidError
      return e.kind == .server && e.attempts == 3 && e.isTransient
    }
  }

  @Test func rateLimitHonoursRetryAfter() async throws {
    let h = try await SandboxHarness.start(faults: "seed=1,429x1,retry-after=1")
    defer { Task { await h.stop() } }
    let t0 = ContinuousClock.now
    _ = try await h.client.searchProducts()
    let waited = ContinuousClock.now - t0
    #expect(waited >= .milliseconds(900), "the client must wait the Retry-After second, waited \(waited)")
  }

  @Test func realRateLimitAnswers429WithRetryAfter() async throws {
    let h = try await SandboxHarness.start(rateLimit: 3, retry: .none)
    defer { Task { await h.stop() } }
    for _ in 0..<3 { _ = try await h.client.getProfile() }
    await #expect {
      _ = try await h.client.getProfile()
    } throws: { e in
      let e = e as! EcwidError
      return e.status == 429 && (e.retryAfter ?? 0) > 0 && e.kind == .rateLimited
    }
  }

  @Test func droppedConnectionsAreRetriedForGetButNotForPost() async throws {
    let h = try await SandboxHarness.start(faults: "seed=3,dropx1")
    defer { Task { await h.stop() } }
    let r = try await h.client.searchProducts()
    #expect(!r.items.isEmpty)
    let id = try #require(r.items.first?.id)
    let before = try await h.client.getProduct(id: id).images.count

    let h2 = try await SandboxHarness.start(faults: "seed=3,dropx1,method=POST")
    defer { Task { await h2.stop() } }
    await #expect {
      _ = try await h2.client.addGalleryImage(productId: id, externalUrl: "https://example.com/x.jpg")
    } throws: { e in
      let e = e as! EcwidError
      return e.kind == .network && e.attempts == 1
    }
    #expect(try await h2.client.getProduct(id: id).images.count == before)
  }

  @Test func slowAnswersTimeOut() async throws {
    let h = try await SandboxHarness.start(
      faults: "seed=1,latency=60s@1.0", retry: RetryPolicy(maxAttempts: 2, baseDelay: 0.01, maxDelay: 0.02, deadline: 120),
      requestTimeout: .milliseconds(300))
    defer { Task { await h.stop() } }
    let t0 = ContinuousClock.now
    await #expect {
      _ = try await h.client.getProfile()
    } throws: { e in
      let e = e as! EcwidError
      return e.kind == .timeout && e.attempts == 2
    }
    // Two answers of 60 s each were not waited for (a wide margin: a loaded machine stalls tasks).
    #expect(ContinuousClock.now - t0 < .seconds(60))
  }

  @Test func malformedAndTruncatedBodiesAreInvalidResponses() async throws {
    for fault in ["malformedx9", "truncatex9"] {
      let h = try await SandboxHarness.start(faults: "seed=1,\(fault)", retry: .none)
      defer { Task { await h.stop() } }
      await #expect {
        _ = try await h.client.getProfile()
      } throws: { e in (e as! EcwidError).kind == .invalidResponse }
    }
  }

  @Test func tokenIsSentOnlyInTheHeaderAndNeverLogged() async throws {
    let token = "secret_do_not_print_\(UUID().uuidString)"
    let h = try await SandboxHarness.start(token: token)
    defer { Task { await h.stop() } }
    let id = try await h.firstProductId
    _ = try await h.client.updateProduct(id: id, body: ["name": "X"])
    let log = try String(contentsOfFile: h.logPath, encoding: .utf8)
    #expect(log.contains("/products"))
    #expect(!log.contains(token))
    // The request log records the query of every request: no token there either.
    #expect(!log.contains("token="))
  }
}

@Suite struct ClientPolicyTests {
  @Test func plainHttpIsRefusedExceptToLoopback() throws {
    #expect(throws: EcwidError.self) {
      _ = try EcwidClient(config: EcwidConfig(apiURL: URL(string: "http://example.com/api/v3")!, storeId: 1, token: "t"))
    }
    #expect(throws: EcwidError.self) {
      _ = try EcwidClient(config: EcwidConfig(apiURL: URL(string: "ftp://example.com/")!, storeId: 1, token: "t"))
    }
    for ok in ["http://127.0.0.1:8787/api/v3", "http://localhost/api/v3", "http://[::1]:9/api/v3", "https://app.ecwid.com/api/v3"] {
      _ = try EcwidClient(config: EcwidConfig(apiURL: URL(string: ok)!, storeId: 1, token: "t"))
    }
  }

  @Test func fullJitterBackoffStaysWithinItsCap() {
    let p = RetryPolicy(maxAttempts: 5, baseDelay: 0.5, maxDelay: 4, deadline: 60)
    #expect(p.backoff(afterAttempt: 1, random: 1) == 0.5)
    #expect(p.backoff(afterAttempt: 2, random: 1) == 1)
    #expect(p.backoff(afterAttempt: 3, random: 1) == 2)
    #expect(p.backoff(afterAttempt: 9, random: 1) == 4)
    #expect(p.backoff(afterAttempt: 3, random: 0) == 0)
    #expect(p.backoff(afterAttempt: 3, random: 0.5) == 1)
  }

  @Test func errorBodiesOfEveryShapeGiveASentence() {
    let json = EcwidError.from(
      status: 409, body: Data(#"{"errorMessage":"SKU taken","errorCode":"SKU_ALREADY_EXISTS"}"#.utf8), retryAfter: nil)
    #expect(json.kind == .conflict && json.errorCode == "SKU_ALREADY_EXISTS" && json.errorMessage == "SKU taken")
    let none = EcwidError.from(status: 500, body: nil, retryAfter: nil)
    #expect(none.kind == .server && none.errorCode == nil && none.sentence.contains("server error"))
    let html = EcwidError.from(status: 502, body: Data("<html>\u{1b}[2JBad gateway</html>".utf8), retryAfter: nil)
    #expect(html.kind == .server && html.errorMessage?.contains("\u{1b}") == false)
    let limited = EcwidError.from(status: 429, body: nil, retryAfter: 7)
    #expect(limited.isTransient && limited.sentence.contains("7 s"))
    for (status, kind) in [
      (400, EcwidError.Kind.badRequest), (401, .unauthorized), (402, .paymentRequired), (403, .forbidden),
      (404, .notFound), (409, .conflict), (415, .unsupportedMediaType), (422, .unprocessable), (429, .rateLimited),
      (503, .server), (418, .httpStatus),
    ] {
      let e = EcwidError.from(status: status, body: nil, retryAfter: nil)
      #expect(e.kind == kind)
      #expect(!e.sentence.isEmpty)
      #expect(e.isTransient == [429, 503].contains(status))
    }
    for code in ["WRONG_URL", "NOT_VIDEO_URL", "VIDEO_NOT_SUPPORTED", "VIDEO_UNAVAILABLE", "INVALID_API_TOKEN"] {
      let e = EcwidError(kind: .unprocessable, status: 422, errorCode: code)
      #expect(e.sentence.contains(code))
    }
  }
}
