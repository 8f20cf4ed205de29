import AsyncHTTPClient
import EcwidAPI
import EcwidSandbox
import Foundation
import NIOHTTP1
import Testing

/// The `media.images` body that lists every image of `images` in the given order, re-sending
/// the alt texts of those in `keepAlt` (all when nil).
func mediaBody(_ images: [ProductImage], order: [Int], keepAlt: Set<String>? = nil) -> JSON {
  var list: [JSON] = []
  for (pos, k) in order.enumerated() {
    let img = images[k]
    var o: JSONObject = ["id": .string(img.id ?? ""), "orderBy": .int(pos)]
    if keepAlt?.contains(img.id ?? "") ?? true, let alt = img.alt { o["alt"] = .object(alt.json) }
    list.append(.object(o))
  }
  return ["media": ["images": .array(list)]]
}

@Suite struct MediaTests {
  @Test func movingTheFourthImageToTheTopRenumbersLikeEcwid() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let before = try await h.product(Harness.sweater)
    let imgs = before.images
    #expect(imgs.count == 12)
    let oldGallery = try #require(before.galleryImages)

    let order = [3, 0, 1, 2] + Array(4..<12)
    let r = try await h.put(Harness.sweater, mediaBody(imgs, order: order))
    #expect(r.status == 200, "\(r.text)")
    let after = try await h.product(Harness.sweater)
    let now = after.images
    // The moved image is the new main "0"; the old main got the next free id ("12"); the rest kept theirs.
    #expect(now.map(\.id) == ["0", "12", "1", "2", "4", "5", "6", "7", "8", "9", "10", "11"])
    #expect(now.map(\.imageOriginalUrl) == order.map { imgs[$0].imageOriginalUrl })
    #expect(now.map { $0.alt?.main } == order.map { imgs[$0].alt?.main })
    #expect(now.map(\.orderBy) == (0..<12).map { JSONNumber($0) })
    #expect(now.map(\.isMain) == [true] + Array(repeating: false, count: 11))
    // Top-level image fields follow the new main image.
    #expect(after.imageUrl == imgs[3].image1500pxUrl)
    #expect(after.thumbnailUrl == imgs[3].image400pxUrl)
    #expect(after.json["originalImageUrl"]?.stringValue == imgs[3].imageOriginalUrl)
    // The legacy gallery: without the main image, 0-based order, ids kept for the images that were in it.
    let gallery = try #require(after.galleryImages)
    #expect(gallery.count == 11)
    #expect(gallery.map(\.orderBy) == (0..<11).map { Optional($0) })
    #expect(gallery.map(\.originalImageUrl) == order.dropFirst().map { imgs[$0].imageOriginalUrl })
    let oldIdByURL = Dictionary(uniqueKeysWithValues: oldGallery.map { ($0.originalImageUrl ?? "", $0.id) })
    for g in gallery.dropFirst() { #expect(g.id == oldIdByURL[g.originalImageUrl ?? ""] ?? nil) }
    #expect(!oldGallery.contains { $0.id == gallery[0].id })  // the old main had no legacy id
    #expect(!gallery.contains { $0.originalImageUrl == imgs[3].imageOriginalUrl })

    // Moving it back: the image with id "12" moves, so it gets "0" and the now-displaced main gets "13".
    let back = try await h.put(Harness.sweater, mediaBody(now, order: [1, 0] + Array(2..<12)))
    #expect(back.status == 200)
    #expect(try await h.product(Harness.sweater).images.map(\.id).prefix(2) == ["0", "13"])
  }

  @Test func altTextsNotReSentAreLostAndSentOnesAreSet() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let imgs = try await h.product(Harness.sweater).images
    var body = mediaBody(imgs, order: Array(0..<12), keepAlt: ["0", "2"])
    // Change the alt of image "2" and give it translations.
    var list = try #require(body["media"]?["images"]?.arrayValue)
    list[2]["alt"] = ["main": "New alt", "translated": ["en": "New alt", "fr": "Nouveau", "ja": "新しい"]]
    body = ["media": ["images": .array(list)]]
    #expect(try await h.put(Harness.sweater, body).status == 200)
    let after = try await h.product(Harness.sweater).images
    #expect(after.map(\.id) == imgs.map(\.id))  // no reorder, no renumbering
    #expect(after[0].alt == imgs[0].alt)
    #expect(after[2].alt?.main == "New alt")
    #expect(after[2].alt?.translated?["fr"] == "Nouveau")
    for k in [1, 3, 4, 5, 6, 7, 8, 10] {
      #expect(after[k].alt?.main == nil, "image \(k) keeps an alt it was not sent")
      #expect(after[k].alt?.translated?.isEmpty ?? true)
    }
    let gallery = try #require(try await h.product(Harness.sweater).galleryImages)
    #expect(gallery[1].alt == "New alt")
    #expect(gallery[0].alt == nil)
  }

  @Test func imageListErrorsAreRefusedAndChangeNothing() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let before = try await h.product(Harness.sweater)
    let imgs = before.images

    let partial = try await h.put(Harness.sweater, mediaBody(Array(imgs.prefix(3)), order: [2, 0, 1]))
    #expect(partial.status == 400)
    #expect(partial.errorMessage?.contains("requires all image IDs") == true)

    var unknown = try #require(mediaBody(imgs, order: Array(0..<12))["media"]?["images"]?.arrayValue)
    unknown[5]["id"] = "999"
    let r = try await h.put(Harness.sweater, ["media": ["images": .array(unknown)]])
    #expect(r.status == 400)
    #expect(r.errorMessage?.contains("999") == true)

    let bad = try await h.put(Harness.sweater, ["name": "Not stored", "media": ["images": [["id": "0", "alt": ["translated": ["xx": "?"]]]]]])
    #expect(bad.status == 400 && bad.errorCode == "LANGUAGES_NOT_ALLOWED")
    #expect(try await h.product(Harness.sweater) == before)
  }

  @Test func bulkMediaReplacesEverythingFromURLs() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let body: JSON = [
      "mainMedia": ["imageUrl": "https://example.com/main.png", "videoUrl": "https://www.youtube.com/watch?v=abc123"],
      "galleryMedia": [
        ["imageUrl": "https://example.com/a.jpg"], ["videoUrl": "https://vimeo.com/12345"],
        ["imageUrl": "https://example.com/b.GIF?size=large"],
      ],
    ]
    let r = try await h.send(.PUT, "/products/\(Harness.sweater)/media", json: body)
    #expect(r.status == 200, "\(r.text)")
    #expect(r.json["mainMedia"] == ["success": true, "id": "0"])
    #expect(r.json["galleryMedia"] == [["success": true, "id": "1"], ["success": true, "id": "2"], ["success": true, "id": "3"]])
    let p = try await h.product(Harness.sweater)
    #expect(p.images.map(\.id) == ["0", "1", "3"])
    #expect(p.images.map(\.imageOriginalUrl) == ["https://example.com/main.png", "https://example.com/a.jpg", "https://example.com/b.GIF?size=large"])
    #expect(p.images[1].image160pxUrl == "https://example.com/a-160px.jpg")
    #expect(p.images.allSatisfy { $0.alt?.main == nil })  // alt texts are gone
    let videos = p.media?.videos ?? []
    #expect(videos.map(\.url) == ["https://www.youtube.com/watch?v=abc123", "https://vimeo.com/12345"])
    #expect(videos.map(\.isMain) == [true, false])
    #expect(p.galleryImages?.map(\.originalImageUrl) == ["https://example.com/a.jpg", "https://example.com/b.GIF?size=large"])
    #expect(p.imageUrl == p.images[0].image1500pxUrl)

    // galleryMedia null: the gallery stays; a new main image replaces only the main.
    let main = try await h.send(.PUT, "/products/\(Harness.sweater)/media", json: ["mainMedia": ["imageUrl": "https://example.com/new-main.jpg"], "galleryMedia": nil])
    #expect(main.status == 200)
    #expect(main.json["galleryMedia"] == nil)
    var q = try await h.product(Harness.sweater)
    #expect(q.images.map(\.imageOriginalUrl) == ["https://example.com/new-main.jpg", "https://example.com/a.jpg", "https://example.com/b.GIF?size=large"])
    #expect(q.media?.videos?.map(\.isMain) == [false])  // the main video was not re-sent: deleted

    // An empty mainMedia changes nothing; an empty galleryMedia erases the gallery.
    let erase = try await h.send(.PUT, "/products/\(Harness.sweater)/media", json: ["mainMedia": [:], "galleryMedia": []])
    #expect(erase.status == 200)
    q = try await h.product(Harness.sweater)
    #expect(q.images.map(\.imageOriginalUrl) == ["https://example.com/new-main.jpg"])
    #expect(q.galleryImages?.isEmpty == true)
    #expect(q.media?.videos?.isEmpty == true)

    // Both keys missing: 400.
    let none = try await h.send(.PUT, "/products/\(Harness.sweater)/media", json: [:])
    #expect(none.status == 400)
    let unknownProduct = try await h.send(.PUT, "/products/1/media", json: ["galleryMedia": []])
    #expect(unknownProduct.status == 404)
  }

  @Test func bulkMediaURLChecksAre422AndChangeNothing() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let before = try await h.product(Harness.sweater)
    let cases: [(JSON, String)] = [
      (["mainMedia": ["imageUrl": "not a url"]], "WRONG_URL"),
      (["galleryMedia": [["imageUrl": "ftp://example.com/a.jpg"]]], "WRONG_URL"),
      (["galleryMedia": [["videoUrl": "https://example.com/a.jpg"]]], "NOT_VIDEO_URL"),
      (["mainMedia": ["imageUrl": "https://example.com/ok.jpg", "videoUrl": "https://www.tiktok.com/@shop/video/1"]], "VIDEO_NOT_SUPPORTED"),
      (["galleryMedia": [["imageUrl": "https://example.com/ok.jpg"], ["videoUrl": "https://youtu.be/private-clip"]]], "VIDEO_UNAVAILABLE"),
      (["galleryMedia": [["videoUrl": "https://vimeo.com/unavailable/1"]]], "VIDEO_UNAVAILABLE"),
    ]
    for (body, code) in cases {
      let r = try await h.send(.PUT, "/products/\(Harness.sweater)/media", json: body)
      #expect(r.status == 422, "\(code): \(r.text)")
      #expect(r.errorCode == code)
    }
    let wrong = try await h.send(.PUT, "/products/\(Harness.sweater)/media", json: ["mainMedia": ["imageUrl": "nope"]])
    #expect(wrong.errorMessage == "That link doesn't look right. Make sure you are pasting the correct link. Try copying the link via the Share option.")
    #expect(try await h.product(Harness.sweater) == before)
  }

  @Test func bulkMediaDownloadFailuresArePerItem() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let before = try await h.product(Harness.sweater)
    let body: JSON = [
      "mainMedia": ["imageUrl": "https://unreachable.invalid/main.jpg"],
      "galleryMedia": [
        ["imageUrl": "https://example.com/fine.jpg"], ["imageUrl": "https://example.com/manual.pdf"],
        ["videoUrl": "https://cdn.unreachable.invalid/clip.mp4"], ["videoUrl": "https://example.com/clip.mp4"],
      ],
    ]
    let r = try await h.send(.PUT, "/products/\(Harness.sweater)/media", json: body)
    #expect(r.status == 200)
    #expect(r.json["mainMedia"]?["success"] == false)
    #expect(r.json["mainMedia"]?["errorCode"] == "DOWNLOAD_IMAGE_FAILED")
    let items = try #require(r.json["galleryMedia"]?.arrayValue)
    #expect(items.map { $0["success"]?.boolValue } == [true, false, false, true])
    #expect(items[1]["errorCode"] == "DOWNLOAD_IMAGE_FAILED")
    #expect(items[2]["errorCode"] == "DOWNLOAD_VIDEO_FAILED")
    #expect(items[2]["errorMessage"]?.stringValue?.isEmpty == false)
    #expect(items[3]["id"] == "4")
    let p = try await h.product(Harness.sweater)
    // The main image could not be downloaded: the old one stays. The gallery holds what worked.
    #expect(p.images.first?.imageOriginalUrl == before.images.first?.imageOriginalUrl)
    #expect(p.images.map(\.imageOriginalUrl) == [before.images.first?.imageOriginalUrl, "https://example.com/fine.jpg"])
    #expect(p.media?.videos?.map(\.url) == ["https://example.com/clip.mp4"])
  }

  @Test func galleryUploadAndDelete() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let before = try await h.product(Harness.sweater)
    let url = "https://example.com/new%20shot.jpg"
    let add = try await h.send(.POST, "/products/\(Harness.sweater)/gallery?externalUrl=\(url)&fileName=new-shot.jpg")
    #expect(add.status == 200, "\(add.text)")
    let gid = try #require(add.json["id"]?.intValue)
    var p = try await h.product(Harness.sweater)
    #expect(p.images.count == 13)
    #expect(p.images.last?.id == "12")
    #expect(p.images.last?.imageOriginalUrl == "https://example.com/new shot.jpg" || p.images.last?.imageOriginalUrl == url)
    #expect(p.galleryImages?.last?.id == gid)
    #expect(p.galleryImages?.last?.orderBy == 11)

    let bad = try await h.send(.POST, "/products/\(Harness.sweater)/gallery?externalUrl=not%20a%20url")
    #expect(bad.status == 422 && bad.errorCode == "WRONG_URL")
    let unreachable = try await h.send(.POST, "/products/\(Harness.sweater)/gallery?externalUrl=https://unreachable.invalid/x.jpg")
    #expect(unreachable.status == 422 && unreachable.errorCode == "DOWNLOAD_IMAGE_FAILED")

    let del = try await h.send(.DELETE, "/products/\(Harness.sweater)/gallery/\(gid)")
    #expect(del.json == ["deleteCount": 1])
    p = try await h.product(Harness.sweater)
    #expect(p.images.count == 12)
    #expect(p.galleryImages == before.galleryImages)
    #expect(p.images.map(\.id) == before.images.map(\.id))
    let again = try await h.send(.DELETE, "/products/\(Harness.sweater)/gallery/\(gid)")
    #expect(again.status == 404)

    // Deleting an original gallery image keeps the others' legacy ids.
    let victim = try #require(before.galleryImages?[4].id)
    #expect(try await h.send(.DELETE, "/products/\(Harness.sweater)/gallery/\(victim)").status == 200)
    p = try await h.product(Harness.sweater)
    #expect(p.galleryImages?.map(\.id) == before.galleryImages?.map(\.id).filter { $0 != victim })
    #expect(p.images.count == 11)

    // An image uploaded as the body.
    let upload = try await h.send(
      .POST, "/products/\(Harness.minimal)/gallery?fileName=Logo.png", raw: Data([0x89, 0x50, 0x4E, 0x47]), contentType: "image/png")
    #expect(upload.status == 200)
    #expect(try await h.product(Harness.minimal).images.count == 1)
  }

  @Test func mainImageEndpoints() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let before = try await h.product(Harness.tea)
    let set = try await h.send(.POST, "/products/\(Harness.tea)/image?externalUrl=https://example.com/new-main.png")
    #expect(set.status == 200 && set.json["id"]?.intValue != nil)
    var p = try await h.product(Harness.tea)
    #expect(p.images.map(\.imageOriginalUrl) == ["https://example.com/new-main.png", before.images[1].imageOriginalUrl])
    #expect(p.imageUrl == "https://example.com/new-main-1500px.png")
    #expect(p.galleryImages == before.galleryImages)
    let del = try await h.send(.DELETE, "/products/\(Harness.tea)/image")
    #expect(del.json == ["deleteCount": 1])
    p = try await h.product(Harness.tea)
    #expect(p.images.map(\.id) == ["0"])  // the gallery image took the main place
    #expect(p.galleryImages?.isEmpty == true)
    let all = try await h.send(.DELETE, "/products/\(Harness.sweater)/gallery")
    #expect(all.json == ["deleteCount": 11])
    #expect(try await h.product(Harness.sweater).images.count == 1)
  }
}

@Suite struct LegacyGalleryTests {
  @Test func legacyGalleryImagesSetTheGalleryOrder() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let before = try await h.product(Harness.sweater)
    let gallery = try #require(before.galleryImages)
    let reversed: [JSON] = gallery.reversed().enumerated().map { k, g in ["id": .int(g.id ?? 0), "orderBy": .int(k)] }
    #expect(try await h.put(Harness.sweater, ["galleryImages": .array(reversed)]).status == 200)
    let after = try await h.product(Harness.sweater)
    #expect(after.images.first == before.images.first)  // the main image stays
    #expect(after.galleryImages?.map(\.id) == gallery.reversed().map(\.id))  // legacy ids follow their images
    #expect(after.images.dropFirst().map(\.imageOriginalUrl) == before.images.dropFirst().reversed().map(\.imageOriginalUrl))
    #expect(after.images.dropFirst().map { $0.alt?.main } == before.images.dropFirst().reversed().map { $0.alt?.main })
    let unknown = try await h.put(Harness.sweater, ["galleryImages": [["id": 1, "orderBy": 0]]])
    #expect(unknown.status == 400)
  }
}
