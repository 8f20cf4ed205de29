// Images and videos: `media` and the legacy `galleryImages`.

/// A legacy gallery image (numeric id, gallery only).
public struct GalleryImage: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var id: Int? {
    get { int("id") }
    set { set("id", int: newValue) }
  }
  public var url: String? {
    get { string("url") }
    set { set("url", string: newValue) }
  }
  public var originalImageUrl: String? {
    get { string("originalImageUrl") }
    set { set("originalImageUrl", string: newValue) }
  }
  public var imageUrl: String? {
    get { string("imageUrl") }
    set { set("imageUrl", string: newValue) }
  }
  public var thumbnailUrl: String? {
    get { string("thumbnailUrl") }
    set { set("thumbnailUrl", string: newValue) }
  }
  public var width: Int? {
    get { int("width") }
    set { set("width", int: newValue) }
  }
  public var height: Int? {
    get { int("height") }
    set { set("height", int: newValue) }
  }
  public var orderBy: Int? {
    get { int("orderBy") }
    set { set("orderBy", int: newValue) }
  }
  public var alt: String? {
    get { string("alt") }
    set { set("alt", string: newValue) }
  }
}

/// Images and videos with their order and alt texts.
public struct ProductMedia: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var images: [ProductImage]? {
    get { objects("images") }
    set { set("images", objects: newValue) }
  }
  public var videos: [ProductVideo]? {
    get { objects("videos") }
    set { set("videos", objects: newValue) }
  }
}

/// An image of `media.images`; the main image has id "0".
public struct ProductImage: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var alt: ImageAlt? {
    get { object("alt") }
    set { set("alt", object: newValue) }
  }
  public var orderBy: JSONNumber? {
    get { number("orderBy") }
    set { set("orderBy", number: newValue) }
  }
  public var isMain: Bool? {
    get { bool("isMain") }
    set { set("isMain", bool: newValue) }
  }
  public var image160pxUrl: String? {
    get { string("image160pxUrl") }
    set { set("image160pxUrl", string: newValue) }
  }
  public var image400pxUrl: String? {
    get { string("image400pxUrl") }
    set { set("image400pxUrl", string: newValue) }
  }
  public var image1500pxUrl: String? {
    get { string("image1500pxUrl") }
    set { set("image1500pxUrl", string: newValue) }
  }
  public var imageOriginalUrl: String? {
    get { string("imageOriginalUrl") }
    set { set("imageOriginalUrl", string: newValue) }
  }
}

/// A video of `media.videos`.
public struct ProductVideo: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var url: String? {
    get { string("url") }
    set { set("url", string: newValue) }
  }
  public var isMain: Bool? {
    get { bool("isMain") }
    set { set("isMain", bool: newValue) }
  }
}

/// Alt text of an image and its translations (`translated`, as the JSON has it).
public struct ImageAlt: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var main: String? {
    get { string("main") }
    set { set("main", string: newValue) }
  }
  public var translated: Translations? {
    get { translations("translated") }
    set { set("translated", object: newValue) }
  }
}
