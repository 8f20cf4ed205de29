import EcwidAPI
import Foundation
import ProductDocument

/// A refusal: the message to print and the exit status.
struct Refusal: Error {
  var lines: [String]
  var code: Int32
}


/// Fields the server maintains; a change to them in a file is noted and ignored.
let serverFields: Set<String> = ["updated", "updateTimestamp", "created", "createTimestamp"]

/// Turns a file (a whole product or part of one) into the edited product.
enum FileOverlay {
  /// `reference` with each top-level field the file holds put in its place. A field the file
  /// leaves out keeps its value (as Ecwid's own partial update does); `null` clears it. Inside
  /// `media`, `images` or `videos` left out are kept too. Fields the update request does not take
  /// keep their value and are named in `ignored`. New `galleryImages` entries become images added
  /// by URL; any other change to that legacy list is refused with the reason.
  static func apply(_ file: ProductFile, to reference: Product) throws(Refusal) -> (Product, ignored: [String]) {
    var mine = reference
    var ignored: [String] = []
    for (key, value) in file.json {
      if key == "id" { continue }
      if serverFields.contains(key) {
        if key != "updateTimestamp" && !sameJSON(value, reference.json[key]) { ignored.append(key) }
        continue
      }
      if key == "galleryImages" { continue }
      if key == "combinations" {
        // Variations: saved through the combination endpoints (only the changed ones).
        mine.json[key] = value
        continue
      }
      if !Product.updatableFields.contains(key) {
        if !sameJSON(value, reference.json[key]) { ignored.append(key) }
        continue
      }
      if key == "media", case .object(let given) = value, case .object(var kept)? = reference.json["media"] {
        for (k, v) in given { kept[k] = v }
        mine.json["media"] = .object(kept)
        continue
      }
      mine.json[key] = value
    }
    if let gallery = file.json["galleryImages"], !sameJSON(gallery, reference.json["galleryImages"]) {
      let urls = try galleryAdditions(gallery, reference: reference.json["galleryImages"])
      if !urls.isEmpty {
        var media = mine.json["media"]?.objectValue ?? [:]
        var images = media["images"]?.arrayValue ?? []
        for url in urls { images.append(.object(["imageOriginalUrl": .string(url)])) }
        media["images"] = .array(images)
        mine.json["media"] = .object(media)
      }
    }
    return (mine, ignored)
  }

  /// The URLs of entries added to `galleryImages` (no id, or an id the product does not have).
  /// Removing, reordering or changing an entry of this legacy list is refused: Ecwid takes it
  /// for the sort order only, and `media.images` is where images are edited.
  static func galleryAdditions(_ gallery: JSON, reference: JSON?) throws(Refusal) -> [String] {
    let how = "edit \"media\" › \"images\" instead (remove an entry to delete that image, reorder entries to reorder the gallery)"
    guard let entries = gallery.arrayValue else {
      throw Refusal(lines: ["\"galleryImages\" cannot be set to \(gallery.kindName) here; \(how)"], code: 2)
    }
    let old = (reference?.arrayValue ?? [])
    let oldIds = Set(old.compactMap { $0["id"]?.idString })
    var kept: [JSON] = []
    var urls: [String] = []
    for entry in entries {
      if let id = entry["id"]?.idString, oldIds.contains(id) {
        kept.append(entry)
        continue
      }
      let url = entry["originalImageUrl"]?.stringValue ?? entry["url"]?.stringValue ?? entry["imageUrl"]?.stringValue
      guard let url, !url.isEmpty, entry.objectValue != nil else {
        throw Refusal(
          lines: ["a new \"galleryImages\" entry needs an image URL (\"url\" or \"originalImageUrl\"); nothing was sent"],
          code: 2)
      }
      urls.append(url)
    }
    if !sameJSON(.array(kept), .array(old)) {
      throw Refusal(
        lines: ["\"galleryImages\" changes other than new images cannot be saved (Ecwid keeps this legacy list for the sort order only); \(how)"],
        code: 2)
    }
    return urls
  }
}

/// What `apply` refuses to send whatever the flags: values the API documents as required text
/// or as numbers, and numbers that would not arrive as written.
enum ValueGuard {
  /// Keys whose values are numbers wherever they appear (top level and nested). Not `value`: an
  /// attribute's value is text ("Infinity" can be a brand).
  static let numericKeys: Set<String> = [
    "quantity", "price", "lowestPrice", "compareToPrice", "costPrice", "weight", "warningLimit", "fixedShippingRate",
    "volume", "showOnFrontpage", "minPurchaseQuantity", "maxPurchaseQuantity", "productClassId", "defaultCategoryId",
    "priceModifier", "flatRate", "methodMarkup", "length", "width", "height", "signUpFee",
    "oneTimePurchasePrice", "recurringIntervalCount",
  ]

  /// Problems in the fields that would be sent (top-level values that differ from `live`).
  static func problems(current: Product, live: Product) -> [String] {
    var out: [String] = []
    for (key, value) in current.json where !serverFields.contains(key) && !sameJSON(value, live.json[key]) {
      let label = fieldLabel(key)
      switch key {
      case "name":
        if value.stringValue == nil {
          out.append("\(label): \(value.kindName) is not allowed; a product's name is text (leave the field out to keep it)")
        }
      case "price":
        if value.isNull {
          out.append("\(label): null is not allowed; a product's price is a number (leave the field out to keep it)")
        }
      default: break
      }
      walk(value, key: key, label: label, into: &out)
    }
    return out
  }

  static func walk(_ value: JSON, key: String?, label: String, into out: inout [String]) {
    switch value {
    case .number(let n):
      if let problem = exactness(n.text) { out.append("\(label): \(problem)") }
    case .string(let s):
      if let key, numericKeys.contains(key), let d = Double(s.trimmingCharacters(in: .whitespaces)), !d.isFinite {
        out.append("\(label): \"\(TextSafety.plain(String(s.prefix(20))))\" is not a number Ecwid can store")
      }
    case .array(let a):
      for (i, e) in a.enumerated() { walk(e, key: key, label: "\(label) › item \(i + 1)", into: &out) }
    case .object(let o):
      for (k, v) in o { walk(v, key: k, label: "\(label) › \(TextSafety.plain(String(k.prefix(40))))", into: &out) }
    default: break
    }
  }

  static func fieldLabel(_ key: String) -> String {
    TextSafety.plain(String(Product.label(forField: key).prefix(60)))
  }

  /// Nil when the number text denotes exactly the value Ecwid will keep (a 64-bit float); else why not.
  static func exactness(_ text: String) -> String? {
    let shown = text.count > 40 ? String(text.prefix(37)) + "…" : text
    guard let d = Double(text), d.isFinite else {
      return "\(shown) is not a number Ecwid can store (out of range)"
    }
    if canonical(text) == canonical("\(d)") { return nil }
    let becomes = d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)"
    return "\(shown) cannot be stored exactly (Ecwid keeps 64-bit floating point numbers: it would become \(becomes)); write it with at most 15 significant digits"
  }

  /// A decimal number as (sign, significant digits, exponent of the last digit): `1.50e2` → ("", "15", 1).
  static func canonical(_ text: String) -> String {
    var s = Substring(text)
    var negative = false
    if s.first == "-" {
      negative = true
      s = s.dropFirst()
    } else if s.first == "+" {
      s = s.dropFirst()
    }
    var exponent = 0
    if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponent = Int(s[s.index(after: e)...]) ?? 0
      s = s[..<e]
    }
    var digits = ""
    if let dot = s.firstIndex(of: ".") {
      let fraction = s[s.index(after: dot)...]
      digits = String(s[..<dot]) + fraction
      exponent -= fraction.count
    } else {
      digits = String(s)
    }
    let trimmedLeading = digits.drop { $0 == "0" }
    if trimmedLeading.isEmpty { return "0" }
    var significant = String(trimmedLeading)
    while significant.last == "0" {
      significant.removeLast()
      exponent += 1
    }
    return "\(negative ? "-" : "")\(significant)e\(exponent)"
  }
}

/// What `apply` sends only with `--allow-destructive`: clearing the name, the price, or every image.
enum DestructiveGuard {
  static func problems(current: Product, live: Product) -> [String] {
    var out: [String] = []
    if let old = live.name, !old.trimmingCharacters(in: .whitespaces).isEmpty,
      let new = current.json["name"]?.stringValue, new.trimmingCharacters(in: .whitespaces).isEmpty
    {
      out.append("clear the name (\(short(.string(old))))")
    }
    if let old = live.json["price"]?.doubleValue, old != 0, let new = current.json["price"], !new.isNull,
      new.doubleValue == 0
    {
      out.append("set the price from \(live.json["price"].map(short) ?? "?") to 0")
    }
    let oldImages = live.images.count
    let oldVideos = live.media?.videos?.count ?? 0
    let newImages = current.images.count
    let newVideos = current.media?.videos?.count ?? 0
    if oldImages > 0 && newImages == 0 {
      var what = "delete all \(oldImages) image\(oldImages == 1 ? "" : "s")"
      if oldVideos > 0 && newVideos == 0 { what += " and \(oldVideos) video\(oldVideos == 1 ? "" : "s")" }
      out.append(what)
    }
    return out
  }
}
