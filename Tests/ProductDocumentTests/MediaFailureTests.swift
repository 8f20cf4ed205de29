import EcwidAPI
import EcwidSandbox
import Foundation
import ProductSamples
import ProductSync
import Testing

@testable import ProductDocument

/// Issue 15: removing the main video, and a bulk media request that fails part-way.
@Suite(.serialized) struct MediaFailureTests {
  /// A product with no images and a main video.
  static func videoOnly(seed: UInt64) -> Product {
    var p = SampleProducts.typical(seed: seed)
    p.json["media"] = [
      "images": [],
      "videos": [["id": "0", "url": "https://vimeo.com/76979871", "providerName": "Vimeo", "isMain": true]],
    ]
    p.json["galleryImages"] = []
    for key in ["imageUrl", "thumbnailUrl", "hdThumbnailUrl", "smallThumbnailUrl", "originalImageUrl"] {
      p.json.removeValue(forKey: key)
    }
    return p
  }

  @Test func removingTheMainVideoOfAProductWithNoImagesRemovesIt() async throws {
    let base = Self.videoOnly(seed: 31)
    let env = try await SandboxWithProducts.start(products: [base])
    defer { Task { await env.stop() } }
    var doc = Document(base: try await env.client.getProduct(id: base.id!))
    #expect(doc.current.images.isEmpty)
    #expect(doc.current.media?.videos?.count == 1)
    doc.apply(.removeMedia(index: 0))  // images first (none), then videos: the main video
    let plan = doc.plan(storeLanguages: nil)
    #expect(plan.steps == [.removeMedia(imageId: "0", kind: .video)])
    let outcome = await runPlan(plan, productId: base.id!, client: env.client)
    #expect(outcome.succeeded, "\(outcome.error.map { "\($0)" } ?? "")")
    let stored = try #require(await env.sandbox.product(id: base.id!))
    #expect(stored.media?.videos?.isEmpty ?? true, "the main video is still there")
    #expect(stored.images.isEmpty)
  }

  /// A product whose third image now answers 404: re-uploading the gallery (adding a video)
  /// fails for that one item.
  static func withBrokenImage(seed: UInt64) -> Product {
    var p = SampleProducts.typical(seed: seed)
    var media = p.json["media"]?.objectValue ?? [:]
    var images = media["images"]?.arrayValue?.compactMap(\.objectValue) ?? []
    images[2]["imageOriginalUrl"] = "https://images.example.com/404/gone.jpg"
    media["images"] = .array(images.map(JSON.object))
    p.json["media"] = .object(media)
    return p
  }

  @Test func afterAPartialFailureThePlanRestoresOrderAndAltOfEveryImageThatArrived() async throws {
    let base = Self.withBrokenImage(seed: 32)
    let env = try await SandboxWithProducts.start(products: [base])
    defer { Task { await env.stop() } }
    let fetched = try await env.client.getProduct(id: base.id!)
    var doc = Document(base: fetched)
    doc.apply(.moveImage(from: 4, to: 1))
    doc.apply(.setImageAlt(index: 3, language: nil, text: "Edited alt"))
    doc.apply(.addMedia(url: "https://www.youtube.com/watch?v=abc", kind: .video))
    let wanted = doc.current.images.filter { $0.imageOriginalUrl != "https://images.example.com/404/gone.jpg" }
    let plan = doc.plan(storeLanguages: nil)
    #expect(plan.steps.contains { if case .updateMediaOrder = $0 { return true } else { return false } })

    // The runner goes on after the per-item failure: re-reads, restores order and alt text of
    // the images that arrived, and names the URL that failed.
    let outcome = await runPlan(plan, productId: base.id!, client: env.client)
    let error = try #require(outcome.error)
    #expect(error.kind == .unprocessable)
    #expect(error.errorCode == "DOWNLOAD_IMAGE_FAILED")
    #expect(error.mediaFailures.map(\.url) == ["https://images.example.com/404/gone.jpg"])
    #expect(error.sentence.contains("https://images.example.com/404/gone.jpg (DOWNLOAD_IMAGE_FAILED: "))
    #expect(error.sentence.contains("keep their order and alt text"), "\(error.sentence)")
    #expect(!error.description.contains("HTTP 200"), "\(error.description)")
    let stored = try #require(await env.sandbox.product(id: base.id!))
    #expect(stored.images.map(\.imageOriginalUrl) == wanted.map(\.imageOriginalUrl))
    #expect(stored.images.map { $0.alt?.main } == wanted.map { $0.alt?.main })
    #expect(stored.images.map { $0.alt?.translated } == wanted.map { $0.alt?.translated })
    #expect(stored.media?.videos?.contains { $0.url == "https://www.youtube.com/watch?v=abc" } == true)
    // The outcome's product is the final re-read.
    #expect(outcome.product?.images.map(\.imageOriginalUrl) == wanted.map(\.imageOriginalUrl))
    #expect(outcome.product?.images.map { $0.alt?.main } == wanted.map { $0.alt?.main })
    #expect(outcome.applied.contains { if case .updateMediaOrder = $0 { return true } else { return false } })
    #expect(outcome.notApplied.isEmpty)
  }

  @Test func aVideoThatCannotBeDownloadedIsNamedAndTheImagesKeepTheirAltTexts() async throws {
    let base = SampleProducts.typical(seed: 33)
    let env = try await SandboxWithProducts.start(products: [base])
    defer { Task { await env.stop() } }
    let fetched = try await env.client.getProduct(id: base.id!)
    var doc = Document(base: fetched)
    doc.apply(.moveImage(from: 2, to: 1))
    doc.apply(.setImageAlt(index: 1, language: nil, text: "Moved and named"))
    doc.apply(.addMedia(url: "https://clips.invalid/a.mp4", kind: .video))
    doc.apply(.addMedia(url: "https://videos.example.com/404/b.mp4", kind: .video))
    let wanted = doc.current.images
    let outcome = await runPlan(doc.plan(storeLanguages: nil), productId: base.id!, client: env.client)
    let error = try #require(outcome.error)
    #expect(error.errorCode == "DOWNLOAD_VIDEO_FAILED")
    #expect(Set(error.mediaFailures.map(\.url)) == ["https://clips.invalid/a.mp4", "https://videos.example.com/404/b.mp4"])
    #expect(error.mediaFailures.allSatisfy { $0.errorCode == "DOWNLOAD_VIDEO_FAILED" && $0.errorMessage?.isEmpty == false })
    #expect(error.sentence.contains("https://clips.invalid/a.mp4 (DOWNLOAD_VIDEO_FAILED"), "\(error.sentence)")
    #expect(error.sentence.contains("https://videos.example.com/404/b.mp4 (DOWNLOAD_VIDEO_FAILED"), "\(error.sentence)")
    let stored = try #require(await env.sandbox.product(id: base.id!))
    #expect(stored.images.map(\.imageOriginalUrl) == wanted.map(\.imageOriginalUrl))
    #expect(stored.images.map { $0.alt?.main } == wanted.map { $0.alt?.main })
    #expect(stored.images[1].alt?.main == "Moved and named")
    #expect(!(stored.media?.videos ?? []).contains { $0.url?.contains("404") == true || $0.url?.contains(".invalid") == true })
  }

  @Test func lostEntriesAreDroppedAndLaterPositionsMoveUp() {
    // Ecwid renames re-uploaded files, so entries are matched by expected position: a lost
    // image must not keep its position, or the next image would get its alt text.
    let entries: [JSONObject] = [
      ["id": "0", "orderBy": 0, "alt": ["main": "a"], "imageOriginalUrl": "https://x.example/a.jpg", "expectedPosition": 0],
      ["id": "1", "orderBy": 1, "alt": ["main": "b"], "imageOriginalUrl": "https://x.example/404/b.jpg", "expectedPosition": 1],
      ["id": "2", "orderBy": 2, "alt": ["main": "c"], "imageOriginalUrl": "https://x.example/c.jpg", "expectedPosition": 2],
    ]
    let reRead = Product(json: [
      "media": ["images": [["id": "0", "imageOriginalUrl": "https://cdn.example/1.jpg"], ["id": "1", "imageOriginalUrl": "https://cdn.example/2.jpg"]]]
    ])
    let out = UpdatePlan.mediaOrderEntries(entries, failedURLs: ["https://x.example/404/b.jpg"], reRead: reRead)
    #expect(out.map { $0["alt"]?["main"] } == ["a", "c"])
    #expect(out.map { $0["expectedPosition"] } == [0, 1])
    #expect(out.map { $0["orderBy"] } == [0, 1])
    // A failed main image that Ecwid kept is still there: its entry stays.
    let kept = Product(json: ["media": ["images": [["id": "0", "imageOriginalUrl": "https://x.example/404/b.jpg"]]]])
    #expect(UpdatePlan.mediaOrderEntries(entries, failedURLs: ["https://x.example/404/b.jpg"], reRead: kept).count == 3)
  }
}
