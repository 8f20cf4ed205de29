import Foundation
import OrderedCollections

extension Product {
  /// `subscriptionSettings` is an object in real responses and an array in the spec's table;
  /// both are accepted, and the shape that came is kept when written back.
  public var subscriptionSettings: SubscriptionSettings? {
    get {
      if let o = json["subscriptionSettings"]?.objectValue { return SubscriptionSettings(json: o) }
      return json["subscriptionSettings"]?[0]?.objectValue.map(SubscriptionSettings.init(json:))
    }
    set {
      if case .array = json["subscriptionSettings"], let newValue {
        json["subscriptionSettings"] = .array([.object(newValue.json)])
      } else {
        set("subscriptionSettings", object: newValue)
      }
    }
  }

  /// The images of `media.images` in gallery order (main image first), as the editor shows them.
  public var images: [ProductImage] {
    get { media?.images ?? [] }
    set {
      var m = media ?? ProductMedia()
      m.images = newValue
      media = m
    }
  }

  public var hasCombinations: Bool { !(json["combinations"]?.arrayValue?.isEmpty ?? true) }
}

extension ProductImage {
  /// Image ids are strings ("0" is the main image) but are accepted as numbers too.
  public var id: String? {
    get { json["id"]?.idString }
    set { set("id", string: newValue) }
  }
}

extension ProductVideo {
  /// Video ids are numbers in the docs and strings in the official client.
  public var id: String? {
    get { json["id"]?.idString }
    set {
      if case .number = json["id"], let v = newValue, let n = Int(v) { json["id"] = .int(n) } else { set("id", string: newValue) }
    }
  }
}

extension OptionType {
  /// Types whose options have choices (and a default choice).
  public var hasChoices: Bool { [.select, .radio, .checkbox, .size].contains(self) || !isKnown }
  public var hasDefaultChoice: Bool { [.select, .radio, .size].contains(self) }
}

// MARK: - Other API bodies

/// `GET /products` answer.
public struct SearchResult: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }
  public var total: Int? { int("total") }
  public var count: Int? { int("count") }
  public var offset: Int? { int("offset") }
  public var limit: Int? { int("limit") }
  public var items: [Product] { objects("items") ?? [] }
}

/// `PUT /products/{id}` answer.
public struct UpdateStatus: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }
  public var updateCount: Int? { int("updateCount") }
  /// Present with `returnItem=true`.
  public var item: Product? { object("item") }
}

/// The store profile; the editor needs its languages.
public struct StoreProfile: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }
  public var languages: StoreLanguages? { object("languages") }
  public var storeName: String? {
    json["settings"]?["storeName"]?.stringValue ?? json["generalInfo"]?["storeName"]?.stringValue
  }
}

public struct StoreLanguages: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }
  public var enabledLanguages: [String] { json["enabledLanguages"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
  public var defaultLanguage: String? { string("defaultLanguage") }
  /// Enabled languages with the default one first.
  public var ordered: [String] {
    var langs = enabledLanguages
    if let d = defaultLanguage {
      langs.removeAll { $0 == d }
      langs.insert(d, at: 0)
    }
    return langs
  }
}

/// `PUT /products/{id}/media` body: replaces media from URLs.
public struct MediaBulkRequest: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }
  /// With neither a main image nor a main video, `mainMedia` is `{"imageUrl": null}`: the spec
  /// reads an empty `mainMedia` as "no changes" (the main video would stay), while a missing
  /// `videoUrl` in a non-empty one deletes the main video (and a missing or null `imageUrl` the
  /// main image, which the product does not have).
  public init(mainImageUrl: String?, mainVideoUrl: String? = nil, gallery: [MediaURL]) {
    var main = JSONObject()
    if let mainImageUrl { main["imageUrl"] = .string(mainImageUrl) }
    if let mainVideoUrl { main["videoUrl"] = .string(mainVideoUrl) }
    if main.isEmpty { main["imageUrl"] = .null }
    self.json = ["mainMedia": .object(main), "galleryMedia": .array(gallery.map(\.json))]
  }
  public var mainMedia: MediaURL? { json["mainMedia"]?.objectValue.map { MediaURL(object: $0) } }
  public var galleryMedia: [MediaURL]? {
    json["galleryMedia"]?.arrayValue?.compactMap { $0.objectValue.map { MediaURL(object: $0) } }
  }
}

/// An image or video URL of the bulk media request.
public struct MediaURL: Sendable, Hashable {
  public var imageUrl: String?
  public var videoUrl: String?
  public init(imageUrl: String? = nil, videoUrl: String? = nil) {
    self.imageUrl = imageUrl
    self.videoUrl = videoUrl
  }
  init(object: JSONObject) {
    imageUrl = object["imageUrl"]?.stringValue
    videoUrl = object["videoUrl"]?.stringValue
  }
  public var json: JSON {
    var o = JSONObject()
    if let imageUrl { o["imageUrl"] = .string(imageUrl) }
    if let videoUrl { o["videoUrl"] = .string(videoUrl) }
    return .object(o)
  }
}

/// `PUT /products/{id}/media` answer.
public struct MediaBulkResponse: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }
  public var mainMedia: MediaItemResult? { object("mainMedia") }
  public var galleryMedia: [MediaItemResult] { objects("galleryMedia") ?? [] }
}

/// Per-item result of the bulk media endpoint.
public struct MediaItemResult: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }
  public var success: Bool? { bool("success") }
  public var id: String? { json["id"]?.idString }
  public var errorCode: String? { string("errorCode") }
  public var errorMessage: String? { string("errorMessage") }
}

/// The optional error body: `{"errorMessage": "…", "errorCode": "…"}`.
public struct ErrorBody: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }
  public init(code: String?, message: String?) {
    var o = JSONObject()
    if let message { o["errorMessage"] = .string(message) }
    if let code { o["errorCode"] = .string(code) }
    self.json = o
  }
  public var errorMessage: String? { string("errorMessage") }
  public var errorCode: String? { string("errorCode") }
}

extension Product {
  /// Decodes a product from response bytes.
  public static func decode(_ data: Data) throws(JSONParseError) -> Product {
    let v = try JSON.parse(data)
    guard let o = v.objectValue else { throw JSONParseError(offset: 0, reason: "expected a JSON object, got \(v.kindName)") }
    return Product(json: o)
  }
}
