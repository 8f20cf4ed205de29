import EcwidAPI
import Foundation
import Hummingbird

/// Which endpoint answers a request (after the checks of `Sandbox.handle`), and the request's
/// body as strict JSON.
extension Sandbox {
  // MARK: Routing

  func route(method: String, path: String, query: QueryParams, headers: HTTPFields, body: Data)
    async throws(APIError) -> Reply
  {
    let parts = path.split(separator: "/").map(String.init)
    guard parts.count >= 3, parts[0] == "api", parts[1] == "v3" else { throw .notFound("Resource not found: \(path)") }
    guard let sid = Int(parts[2]) else { throw .notFound("Store \(parts[2]) not found") }
    guard sid == storeId else {
      throw APIError(403, "INVALID_API_TOKEN", "The API token does not give access to store \(sid)")
    }
    let rest = Array(parts.dropFirst(3))
    if let r = try await routeVariations(method: method, rest: rest, path: path, query: query, headers: headers, body: body) {
      return r
    }
    let fields = query["responseFields"]

    func productId(_ s: String) throws(APIError) -> Int {
      guard let id = Int(s) else { throw .productNotFound(s) }
      return id
    }
    func ok(_ json: JSON) -> Reply {
      Reply(status: 200, json: fields.map { ResponseFields.filter(json, spec: $0) } ?? json)
    }
    func wrongMethod() -> APIError { APIError(405, nil, "Method \(method) is not allowed for \(path)") }

    switch rest.count {
    case 1 where rest[0] == "profile":
      guard method == "GET" else { throw wrongMethod() }
      return ok(.object(await store.profileObject()))
    case 1 where rest[0] == "products":
      switch method {
      case "GET": return ok(try await store.search(query))
      case "POST":
        let json = try Self.jsonBody(headers: headers, body: body)
        return Reply(status: 200, json: ["id": .int(try await store.create(body: json))])
      default: throw wrongMethod()
      }
    case 1 where rest[0] == "categories":
      guard method == "GET" else { throw wrongMethod() }
      return ok(try await store.categoryList(query))
    case 1 where rest[0] == "classes":
      guard method == "GET" else { throw wrongMethod() }
      return ok(.array(await store.productClasses.map(JSON.object)))
    case 2 where rest[0] == "products":
      let id = try productId(rest[1])
      switch method {
      case "GET":
        if fields == nil {
          guard let text = await store.productText(id: id) else { throw .productNotFound(rest[1]) }
          return Reply(status: 200, body: text)
        }
        guard let p = await store.product(id: id) else { throw .productNotFound(rest[1]) }
        return ok(p.value)
      case "PUT":
        let json = try Self.jsonBody(headers: headers, body: body)
        let p = try await store.update(id: id, body: json, saveCombinations: query.bool("saveCombinations"))
        var answer: JSONObject = ["updateCount": 1]
        if query.bool("returnItem") { answer["item"] = p.value }
        return Reply(status: 200, json: .object(answer))
      case "DELETE":
        return Reply(status: 200, json: ["deleteCount": .int(try await store.delete(id: id))])
      default: throw wrongMethod()
      }
    case 3 where rest[0] == "products" && rest[2] == "media":
      guard method == "PUT" else { throw wrongMethod() }
      let id = try productId(rest[1])
      let json = try Self.jsonBody(headers: headers, body: body)
      return Reply(status: 200, json: try await store.replaceMedia(id: id, body: json))
    case 3 where rest[0] == "products" && (rest[2] == "gallery" || rest[2] == "image"):
      let id = try productId(rest[1])
      let main = rest[2] == "image"
      switch method {
      case "POST":
        let url = try uploadURL(query: query, headers: headers, body: body, productId: id)
        let newId = main ? try await store.setMainImage(id: id, url: url) : try await store.addGalleryImage(id: id, url: url)
        return Reply(status: 200, json: ["id": .int(newId)])
      case "DELETE":
        let n = main ? try await store.deleteMainImage(id: id) : try await store.deleteAllGalleryImages(id: id)
        return Reply(status: 200, json: ["deleteCount": .int(n)])
      default: throw wrongMethod()
      }
    case 4 where rest[0] == "products" && rest[2] == "gallery":
      guard method == "DELETE" else { throw wrongMethod() }
      let id = try productId(rest[1])
      guard let gid = Int(rest[3]) else { throw .notFound("Gallery image #\(rest[3]) not found in product #\(id)") }
      return Reply(status: 200, json: ["deleteCount": .int(try await store.deleteGalleryImage(id: id, galleryId: gid))])
    default:
      throw .notFound("Resource not found: \(path)")
    }
  }

  /// The image URL of an upload: `externalUrl` in the query, or an image sent as the body (then a
  /// sandbox CDN URL is made up for it; nothing is stored but the URL).
  func uploadURL(query: QueryParams, headers: HTTPFields, body: Data, productId: Int) throws(APIError)
    -> String
  {
    if let u = query["externalUrl"] { return u }
    guard !body.isEmpty else { throw .badRequest("Send the image as the request body or as externalUrl") }
    if body.count > DocumentedRules.maxImageBytes {
      throw APIError(413, nil, "The image is \(body.count) bytes; an image may be at most 20 MB (ECWID-API.md)")
    }
    let ct = headers[.contentType]?.lowercased() ?? ""
    guard DocumentedRules.isImageType(ct) || ct.hasPrefix("application/octet-stream") else {
      throw APIError(415, nil, "Unsupported content-type: expected an image (image/jpeg, image/png, image/gif)")
    }
    let ext = ct.contains("png") ? "png" : ct.contains("gif") ? "gif" : "jpg"
    let name = query["fileName"].map { ProductRules.slug($0) } ?? "upload"
    let hash = fnv1a("\(productId)-\(body.count)-\(body.prefix(64).base64EncodedString())") % 10_000_000_000
    return "https://\(SampleCatalog.cdnHost)/images/\(storeId)/\(name)-\(hash).\(ext)"
  }

  /// The JSON body of a PUT/POST: 415 unless the content type is application/json or text/json,
  /// 400 when empty or not strict JSON (RFC 8259: `StrictJSON`, the one `apply` reads files with).
  static func jsonBody(headers: HTTPFields, body: Data) throws(APIError) -> JSON {
    guard !body.isEmpty else { throw .badRequest("The request body is empty: a JSON object is expected") }
    let type = (headers[.contentType] ?? "").split(separator: ";").first.map {
      $0.trimmingCharacters(in: .whitespaces).lowercased()
    }
    guard type == "application/json" || type == "text/json" else {
      throw APIError(415, nil, "Unsupported content-type: expected application/json or text/json")
    }
    do {
      return try StrictJSON.parse(body)
    } catch {
      throw .badRequest("The request body is not valid JSON: \(error)")
    }
  }
}
