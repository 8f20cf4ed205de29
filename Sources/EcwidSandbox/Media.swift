import EcwidAPI
import Foundation

/// The 422 codes of the bulk media spec (spec/000_…) and the per-item download failures.
enum MediaErrorCode: String, Sendable {
  case wrongURL = "WRONG_URL"
  case notVideoURL = "NOT_VIDEO_URL"
  case videoNotSupported = "VIDEO_NOT_SUPPORTED"
  case videoUnavailable = "VIDEO_UNAVAILABLE"
  case downloadImageFailed = "DOWNLOAD_IMAGE_FAILED"
  case downloadVideoFailed = "DOWNLOAD_VIDEO_FAILED"

  var message: String {
    switch self {
    case .wrongURL:
      return "That link doesn't look right. Make sure you are pasting the correct link. Try copying the link via the Share option."
    case .notVideoURL:
      return "This is not a link to a video. Make sure you are pasting the correct link. Try copying the link via the Share option."
    case .videoNotSupported: return "Sorry, videos on this platform are not supported."
    case .videoUnavailable:
      return "This video can't be accessed. Make sure that you're linking a video that can be viewed by anyone."
    case .downloadImageFailed: return "The image couldn't be downloaded from this link."
    case .downloadVideoFailed: return "The video couldn't be downloaded from this link."
    }
  }

  /// spec/000 "500 INTERNAL_ERROR".
  static let internalMessage = "The link you've pasted couldn't be processed. Please try again in a moment."
}

/// Rules for media URLs. The sandbox never fetches anything: whether a link "works" is decided
/// from the URL alone, deterministically.
///
/// - Not an absolute http(s) URL with a host → 422 `WRONG_URL` (whole request refused).
/// - Image links: a path ending in .jpg/.jpeg/.png/.gif (any case), or with no extension at all,
///   is an image. A path with another extension (.pdf, .mp4, .html…) is refused per item as
///   `DOWNLOAD_IMAGE_FAILED` ("downloaded, but not a JPG/PNG/GIF"), like a real fetch would.
/// - Video links: `MediaLinks.videoHosts` (YouTube and Vimeo, and subdomains) or a direct
///   .mp4/.mov/.webm/.m4v file on any host are videos. tiktok.com, instagram.com, facebook.com,
///   fb.watch, dailymotion.com, twitch.tv, rutube.ru, vk.com → 422 `VIDEO_NOT_SUPPORTED`. Anything
///   else → 422 `NOT_VIDEO_URL`. A video link containing "unavailable" or "private" → 422
///   `VIDEO_UNAVAILABLE`.
/// - Any link whose host ends in `.invalid` (e.g. `unreachable.invalid`: unreachable) or whose
///   path has a segment `404` (e.g. `https://cdn.example.com/404/photo.jpg`: the server answers
///   404) cannot be downloaded: per item `success:false` with `DOWNLOAD_IMAGE_FAILED` /
///   `DOWNLOAD_VIDEO_FAILED` (ECWID-API.md), the request itself answering 200.
enum MediaRules {
  static let imageExtensions = MediaLinks.imageExtensions
  static let videoExtensions = MediaLinks.videoFileExtensions
  static let videoHosts = MediaLinks.videoHosts
  static let unsupportedVideoHosts = [
    "tiktok.com", "instagram.com", "facebook.com", "fb.watch", "dailymotion.com", "twitch.tv", "rutube.ru", "vk.com",
  ]

  struct Parsed {
    var host: String
    var pathExtension: String
    var segments: [String] = []
  }

  /// The link as stored: surrounding whitespace dropped, inner spaces percent-encoded (clients
  /// often send `externalUrl` with its own escapes decoded once).
  static func normalizedURL(_ s: String) -> String {
    s.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: " ", with: "%20")
  }

  static func parse(_ s: String) -> Parsed? {
    let t = normalizedURL(s)
    guard !t.isEmpty, !t.contains(where: { $0.isWhitespace }),
      let c = URLComponents(string: t), let scheme = c.scheme?.lowercased(), scheme == "http" || scheme == "https",
      let host = c.host?.lowercased(), !host.isEmpty, host.contains(".") || host == "localhost"
    else { return nil }
    let last = c.path.split(separator: "/").last.map(String.init) ?? ""
    let ext = last.contains(".") ? String(last.split(separator: ".").last ?? "").lowercased() : ""
    return Parsed(host: host, pathExtension: ext, segments: c.path.split(separator: "/").map(String.init))
  }

  static func hostMatches(_ host: String, _ domains: [String]) -> Bool {
    domains.contains { host == $0 || host.hasSuffix("." + $0) }
  }

  /// Checks an image link: nil when usable, otherwise the whole-request 422 error.
  static func checkImage(_ url: String) -> MediaErrorCode? {
    parse(url) == nil ? .wrongURL : nil
  }

  /// Per-item download failure of an image link that passed `checkImage`.
  static func imageDownloadFails(_ url: String) -> Bool {
    guard let p = parse(url) else { return true }
    if unreachable(p) { return true }
    return !p.pathExtension.isEmpty && !imageExtensions.contains(p.pathExtension)
  }

  /// Checks a video link: nil when usable, otherwise the whole-request 422 error.
  static func checkVideo(_ url: String) -> MediaErrorCode? {
    guard let p = parse(url) else { return .wrongURL }
    if hostMatches(p.host, unsupportedVideoHosts) { return .videoNotSupported }
    guard hostMatches(p.host, videoHosts) || videoExtensions.contains(p.pathExtension) else { return .notVideoURL }
    let lower = url.lowercased()
    if lower.contains("unavailable") || lower.contains("private") { return .videoUnavailable }
    return nil
  }

  static func videoDownloadFails(_ url: String) -> Bool {
    guard let p = parse(url) else { return true }
    return unreachable(p)
  }

  /// The documented download triggers: a `.invalid` host, or a `404` path segment.
  static func unreachable(_ p: Parsed) -> Bool {
    p.host.hasSuffix(".invalid") || p.host == "invalid" || p.segments.contains("404")
  }

  // MARK: Building media objects

  /// The URL of a resized copy: `…/photo.jpg` → `…/photo-160px.jpg` (query kept).
  static func sized(_ url: String, _ px: Int) -> String {
    guard var c = URLComponents(string: url) else { return url }
    var path = c.path
    let suffix = "-\(px)px"
    if let slash = path.lastIndex(of: "/"), let dot = path[slash...].lastIndex(of: ".") {
      path.insert(contentsOf: suffix, at: dot)
    } else if let dot = path.lastIndex(of: ".") {
      path.insert(contentsOf: suffix, at: dot)
    } else {
      path += suffix
    }
    c.path = path
    return c.string ?? url
  }

  /// A `media.images[]` entry for an image at `url`.
  static func image(id: String, url given: String, alt: JSONObject? = nil) -> JSONObject {
    let url = normalizedURL(given)
    return [
      "id": .string(id),
      "isMain": .bool(id == "0"),
      "orderBy": 0,
      "image160pxUrl": .string(sized(url, 160)),
      "image400pxUrl": .string(sized(url, 400)),
      "image800pxUrl": .string(sized(url, 800)),
      "image1500pxUrl": .string(sized(url, 1500)),
      "imageOriginalUrl": .string(url),
      "alt": .object(alt ?? ["translated": .object([:])]),
    ]
  }

  /// A `media.videos[]` entry for a video at `url`.
  static func video(id: String, url given: String, isMain: Bool) -> JSONObject {
    let url = normalizedURL(given)
    let host = parse(url)?.host ?? ""
    let provider: String
    if hostMatches(host, MediaLinks.youTubeHosts) {
      provider = "YouTube"
    } else if hostMatches(host, MediaLinks.vimeoHosts) {
      provider = "Vimeo"
    } else {
      provider = "Direct link"
    }
    let escaped = url.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
    let embed =
      provider == "Direct link"
      ? "<video controls src=\"\(escaped)\"></video>"
      : "<iframe src=\"\(escaped)\" frameborder=\"0\" allowfullscreen></iframe>"
    return [
      "id": .string(id),
      "url": .string(url),
      "embedHtml": .string(embed),
      "providerName": .string(provider),
      "title": .string(""),
      "isMain": .bool(isMain),
    ]
  }

  static func images(of p: Product) -> [JSONObject] {
    p.json["media"]?["images"]?.arrayValue?.compactMap(\.objectValue) ?? []
  }

  static func videos(of p: Product) -> [JSONObject] {
    p.json["media"]?["videos"]?.arrayValue?.compactMap(\.objectValue) ?? []
  }

  static func numericId(_ image: JSONObject) -> Int? {
    image["id"]?.idString.flatMap { Int($0) }
  }

  static func maxNumericId(_ images: [JSONObject]) -> Int {
    images.compactMap(numericId).max() ?? -1
  }

  /// The original URL of an image, the key that ties a media image to its legacy gallery entry.
  static func originalURL(_ image: JSONObject) -> String {
    image["imageOriginalUrl"]?.stringValue ?? image["image1500pxUrl"]?.stringValue ?? image["id"]?.idString ?? ""
  }

  /// Legacy gallery ids of the product's current gallery: stored ones are kept (matched by image
  /// URL), new images get a stable id derived from their URL.
  static func legacyIds(images: [JSONObject], previous: [JSONObject]) -> [Int] {
    var byURL: [String: [Int]] = [:]
    for g in previous {
      guard let id = g["id"]?.intValue else { continue }
      for key in ["originalImageUrl", "imageUrl", "url"] {
        if let u = g[key]?.stringValue { byURL[u, default: []].append(id) }
      }
    }
    let previousIds = Set(previous.compactMap { $0["id"]?.intValue })
    var used = Set<Int>()
    var out: [Int] = []
    for img in images.dropFirst() {
      let candidates = [originalURL(img), img["image1500pxUrl"]?.stringValue ?? ""].flatMap { byURL[$0] ?? [] }
      if let keep = candidates.first(where: { !used.contains($0) }) {
        used.insert(keep)
        out.append(keep)
        continue
      }
      var id = Int(fnv1a(originalURL(img)) % 900_000_000) + 100_000_000
      while used.contains(id) || previousIds.contains(id) { id += 1 }
      used.insert(id)
      out.append(id)
    }
    return out
  }

  /// Makes everything Ecwid derives from `media.images` consistent: `orderBy` and `isMain`, the
  /// legacy `galleryImages` (gallery only, numeric ids, 0-based orderBy), and the top-level
  /// `imageUrl`/`thumbnailUrl`/… of the main image.
  static func normalize(_ p: inout Product, images input: [JSONObject], videos: [JSONObject]? = nil) {
    var images = input
    for i in images.indices {
      images[i]["orderBy"] = .int(i)
      images[i]["isMain"] = .bool(i == 0)
    }
    var media = p.json["media"]?.objectValue ?? [:]
    media["images"] = .array(images.map(JSON.object))
    if let videos {
      media["videos"] = .array(videos.map(JSON.object))
    } else if media["videos"] == nil {
      media["videos"] = .array([])
    }
    p.json["media"] = .object(media)

    let previous = p.json["galleryImages"]?.arrayValue?.compactMap(\.objectValue) ?? []
    let ids = legacyIds(images: images, previous: previous)
    var gallery: [JSON] = []
    for (k, img) in images.dropFirst().enumerated() {
      let old = previous.first { $0["id"]?.intValue == ids[k] }
      var g: JSONObject = [
        "id": .int(ids[k]),
        "url": img["image1500pxUrl"] ?? .null,
        "thumbnail": img["image160pxUrl"] ?? .null,
        "originalImageUrl": img["imageOriginalUrl"] ?? .null,
        "imageUrl": img["image1500pxUrl"] ?? .null,
        "hdThumbnailUrl": img["image800pxUrl"] ?? .null,
        "thumbnailUrl": img["image400pxUrl"] ?? .null,
        "smallThumbnailUrl": img["image160pxUrl"] ?? .null,
        "width": old?["width"] ?? .int(1200),
        "height": old?["height"] ?? .int(1200),
        "orderBy": .int(k),
      ]
      if let alt = img["alt"]?["main"]?.stringValue { g["alt"] = .string(alt) }
      if let b = old?["borderInfo"] { g["borderInfo"] = b }
      gallery.append(.object(g))
    }
    p.json["galleryImages"] = .array(gallery)

    let topKeys = ["imageUrl", "thumbnailUrl", "hdThumbnailUrl", "smallThumbnailUrl", "originalImageUrl", "originalImage"]
    if let main = images.first {
      p.json["imageUrl"] = main["image1500pxUrl"] ?? .null
      p.json["thumbnailUrl"] = main["image400pxUrl"] ?? .null
      p.json["hdThumbnailUrl"] = main["image800pxUrl"] ?? .null
      p.json["smallThumbnailUrl"] = main["image160pxUrl"] ?? .null
      p.json["originalImageUrl"] = main["imageOriginalUrl"] ?? .null
      var original = p.json["originalImage"]?.objectValue ?? ["width": 1200, "height": 1200]
      let oldURL = original["url"]?.stringValue ?? ""
      let sameImage = oldURL.isEmpty || original["url"] == main["imageOriginalUrl"]
      original["url"] = main["imageOriginalUrl"] ?? .null
      if !sameImage {
        original["width"] = .int(1200)
        original["height"] = .int(1200)
      }
      // Keep the key order url, width, height.
      p.json["originalImage"] = .object([
        "url": original["url"] ?? .null, "width": original["width"] ?? .int(1200),
        "height": original["height"] ?? .int(1200),
      ])
    } else {
      for k in topKeys { p.json.removeValue(forKey: k) }
      p.json.removeValue(forKey: "borderInfo")
    }
  }

  // MARK: Reordering (PUT media.images)

  /// Applies `media.images` of a product update: order by `orderBy`, set alt texts (an image whose
  /// alt is not sent loses it), and renumber ids the way Ecwid does.
  static func reorder(current: [JSONObject], body: JSON, defaultLanguage: String) throws(APIError) -> [JSONObject] {
    guard let entries = body.arrayValue else { throw .badRequest("media.images must be an array") }
    let ids = current.map { $0["id"]?.idString ?? "" }
    var seen = Set<String>()
    var sent: [(old: Int, order: Double, alt: JSON?)] = []
    for (k, e) in entries.enumerated() {
      guard let o = e.objectValue else { throw .badRequest("media.images[\(k)] must be an object") }
      guard let id = o["id"]?.idString else { throw .badRequest("media.images[\(k)].id is required") }
      guard let old = ids.firstIndex(of: id) else {
        throw .badRequest("Image with id \(id) is not found in the product")
      }
      guard seen.insert(id).inserted else { throw .badRequest("Image id \(id) is listed twice in media.images") }
      let order: Double
      switch o["orderBy"] {
      case nil, .null?: order = Double(old)
      case let v?:
        guard let d = v.doubleValue else { throw .badRequest("media.images[\(k)].orderBy must be a number") }
        order = d
      }
      sent.append((old, order, o["alt"]))
    }
    guard seen.count == ids.count else {
      throw .badRequest("Any changes to orderBy and alt requires all image IDs to be listed in the update request")
    }
    let sorted = sent.enumerated().sorted { a, b in
      a.element.order != b.element.order ? a.element.order < b.element.order : a.offset < b.offset
    }.map(\.element)

    // New ids: the first image is "0"; the images that keep their relative order keep their id;
    // the others (and the old main image, which loses "0") get the next free ids.
    let newOrder = sorted.map(\.old)
    var next = maxNumericId(current) + 1
    var newIds = [String](repeating: "", count: newOrder.count)
    if !newOrder.isEmpty {
      newIds[0] = "0"
      let rest = Array(newOrder.dropFirst())
      let keep = longestIncreasing(rest.map { $0 == 0 ? -1 : $0 }, excluding: -1)
      for (k, old) in rest.enumerated() {
        if keep.contains(k) && old != 0 {
          newIds[k + 1] = ids[old]
        } else {
          newIds[k + 1] = String(next)
          next += 1
        }
      }
    }

    var out: [JSONObject] = []
    for (k, s) in sorted.enumerated() {
      var img = current[s.old]
      img["id"] = .string(newIds[k])
      img["alt"] = .object(try altValue(s.alt, path: "media.images[\(k)].alt", defaultLanguage: defaultLanguage))
      out.append(img)
    }
    return out
  }

  /// The stored alt object for a sent alt (`nil`/null: no alt).
  static func altValue(_ v: JSON?, path: String, defaultLanguage: String) throws(APIError) -> JSONObject {
    guard let v, !v.isNull else { return ["translated": .object([:])] }
    guard let o = v.objectValue else { throw .badRequest("\(path) must be an object") }
    var main = o["main"]
    if let m = main, !m.isNull, m.stringValue == nil { throw .badRequest("\(path).main must be a string") }
    var translated = o["translated"]?.objectValue ?? [:]
    if let t = o["translated"], !t.isNull, t.objectValue == nil { throw .badRequest("\(path).translated must be an object") }
    if let m = main?.stringValue, !translated.isEmpty {
      translated[defaultLanguage] = .string(m)
    } else if main == nil || main == .null, let d = translated[defaultLanguage]?.stringValue, !d.isEmpty {
      main = .string(d)
    }
    var out: JSONObject = [:]
    if let m = main, !m.isNull { out["main"] = m }
    out["translated"] = .object(translated)
    for (k, val) in o where k != "main" && k != "translated" { out[k] = val }
    return out
  }

  /// Indices (into `a`) of one longest strictly increasing subsequence, skipping `excluding` values.
  static func longestIncreasing(_ a: [Int], excluding: Int) -> Set<Int> {
    let n = a.count
    guard n > 0 else { return [] }
    var len = [Int](repeating: 0, count: n)
    var prev = [Int](repeating: -1, count: n)
    var best = -1
    for i in 0..<n where a[i] != excluding {
      len[i] = 1
      for j in 0..<i where a[j] != excluding && a[j] < a[i] && len[j] + 1 > len[i] {
        len[i] = len[j] + 1
        prev[i] = j
      }
      if best < 0 || len[i] > len[best] { best = i }
    }
    var out = Set<Int>()
    var i = best
    while i >= 0 {
      out.insert(i)
      i = prev[i]
    }
    return out
  }

  /// Applies a legacy `galleryImages` update (sort order of the gallery only; the main image stays).
  static func reorderGallery(current: [JSONObject], legacy: [JSONObject], body: JSON) throws(APIError) -> [JSONObject] {
    guard let entries = body.arrayValue else { throw .badRequest("galleryImages must be an array") }
    let legacyIds = MediaRules.legacyIds(images: current, previous: legacy)
    var orders: [Int: Double] = [:]
    for (k, e) in entries.enumerated() {
      guard let o = e.objectValue, let id = o["id"]?.intValue else {
        throw .badRequest("galleryImages[\(k)].id is required")
      }
      guard let pos = legacyIds.firstIndex(of: id) else {
        throw .badRequest("Gallery image with id \(id) is not found in the product")
      }
      orders[pos] = o["orderBy"]?.doubleValue ?? Double(pos)
    }
    guard current.count > 1 else { return current }
    let gallery = Array(current.dropFirst())
    let sorted = gallery.indices.sorted { a, b in
      let oa = orders[a] ?? Double(a)
      let ob = orders[b] ?? Double(b)
      return oa != ob ? oa < ob : a < b
    }
    // Keep the legacy ids' images stable; media ids of moved gallery images get new ones.
    var next = maxNumericId(current) + 1
    let keep = longestIncreasing(sorted, excluding: -1)
    var out = [current[0]]
    for (k, g) in sorted.enumerated() {
      var img = gallery[g]
      if !keep.contains(k) {
        img["id"] = .string(String(next))
        next += 1
      }
      out.append(img)
    }
    return out
  }
}
