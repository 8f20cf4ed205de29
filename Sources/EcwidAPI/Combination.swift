// Variations (Ecwid calls them combinations) and the batch endpoint's bodies. Like `Product`, each
// type is a view over the JSON object that came, so fields not listed here survive untouched.
import Foundation
import OrderedCollections

/// A variation of a product: one value per product option, with its own SKU, price and stock.
/// `GET /products/{id}/combinations[/{combinationId}]`; also `combinations[]` of a product.
public typealias Combination = ProductVariation

extension ProductVariation {
  /// The fields `POST`/`PUT /products/{id}/combinations…` accept (Ecwid's `UpdatedVariation`).
  /// Everything else in a fetched variation (`inStock`, image URLs, displayed prices…) is
  /// computed by Ecwid.
  public static let writableFields: [String] = [
    "sku", "options", "price", "compareToPrice", "wholesalePrices", "quantity", "unlimited", "warningLimit",
    "weight", "attributes", "isShippingRequired",
  ]

  public var compareToPrice: JSONNumber? {
    get { number("compareToPrice") }
    set { set("compareToPrice", number: newValue) }
  }
  public var wholesalePrices: [WholesalePrice]? {
    get { objects("wholesalePrices") }
    set { set("wholesalePrices", objects: newValue) }
  }
  /// The low-stock warning limit.
  public var warningLimit: JSONNumber? {
    get { number("warningLimit") }
    set { set("warningLimit", number: newValue) }
  }
  public var weight: JSONNumber? {
    get { number("weight") }
    set { set("weight", number: newValue) }
  }
  public var attributes: [AttributeValue]? {
    get { objects("attributes") }
    set { set("attributes", objects: newValue) }
  }
  public var isShippingRequired: Bool? {
    get { bool("isShippingRequired") }
    set { set("isShippingRequired", bool: newValue) }
  }

  // Read-only (computed by Ecwid).
  public var inStock: Bool? { bool("inStock") }
  public var defaultDisplayedPrice: JSONNumber? { number("defaultDisplayedPrice") }
  public var defaultDisplayedPriceFormatted: String? { string("defaultDisplayedPriceFormatted") }
  public var imageUrl: String? { string("imageUrl") }
  public var thumbnailUrl: String? { string("thumbnailUrl") }
  public var smallThumbnailUrl: String? { string("smallThumbnailUrl") }
  public var hdThumbnailUrl: String? { string("hdThumbnailUrl") }
  public var originalImageUrl: String? { string("originalImageUrl") }

  /// Whether the variation has an image of its own.
  public var hasImage: Bool {
    [imageUrl, originalImageUrl, thumbnailUrl].contains { !($0 ?? "").isEmpty }
  }

  /// The value this variation has for the option called `optionName` (matched exactly, as Ecwid
  /// matches option values by name and choice text).
  public func value(of optionName: String) -> String? {
    options?.first { $0.name == optionName }?.value
  }

  /// The option values as `name=value` pairs in the variation's order (for labels and matching).
  public var optionPairs: [(name: String, value: String)] {
    (options ?? []).map { ($0.name ?? "", $0.value ?? "") }
  }

  /// `Size=XL · Color=Red`: the variation named by its option values.
  public var label: String {
    optionPairs.map { "\($0.name)=\($0.value)" }.joined(separator: " · ")
  }

  /// Only the fields a create or update may send, in the order they came.
  public var writableBody: JSONObject {
    json.filter { Self.writableFields.contains($0.key) }
  }
}

// MARK: - Batch

/// One request of a batch: `{id, path, method, body}`, `path` relative to the store
/// (`/products/42/combinations/7`, a query string allowed).
public struct BatchRequest: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public init(id: String, method: String, path: String, query: [(String, String)] = [], body: JSON? = nil) {
    var p = path
    if !query.isEmpty {
      p += "?" + query.map { "\(EcwidClient.percentEncode($0.0))=\(EcwidClient.percentEncode($0.1))" }
        .joined(separator: "&")
    }
    var o: JSONObject = ["id": .string(id), "path": .string(p), "method": .string(method.uppercased())]
    if let body { o["body"] = body }
    self.json = o
  }

  public var id: String? { json["id"]?.idString }
  public var path: String? { string("path") }
  public var method: String? { string("method") }
  public var body: JSON? { json["body"] }

  // The combination endpoints as batch requests.
  public static func createCombination(id: String, productId: Int, body: JSONObject) -> BatchRequest {
    BatchRequest(id: id, method: "POST", path: "/products/\(productId)/combinations", body: .object(body))
  }
  public static func updateCombination(
    id: String, productId: Int, combinationId: Int, body: JSONObject, checkLowStockNotification: Bool = false
  ) -> BatchRequest {
    BatchRequest(
      id: id, method: "PUT", path: "/products/\(productId)/combinations/\(combinationId)",
      query: checkLowStockNotification ? [("checkLowStockNotification", "true")] : [], body: .object(body))
  }
  public static func deleteCombination(id: String, productId: Int, combinationId: Int) -> BatchRequest {
    BatchRequest(id: id, method: "DELETE", path: "/products/\(productId)/combinations/\(combinationId)")
  }
}

/// Where a batch is: `QUEUED`, `IN_PROGRESS`, `COMPLETED`. Unknown values are kept as they came.
public struct BatchState: OpenEnum {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public static let queued = BatchState(rawValue: "QUEUED")
  public static let inProgress = BatchState(rawValue: "IN_PROGRESS")
  public static let completed = BatchState(rawValue: "COMPLETED")
  public static let known: [BatchState] = [queued, inProgress, completed]
}

/// What became of one request of a batch. Unknown values are kept as they came.
public struct BatchResponseStatus: OpenEnum {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public static let completed = BatchResponseStatus(rawValue: "COMPLETED")
  public static let failed = BatchResponseStatus(rawValue: "FAILED")
  /// Not run: an earlier request failed and the batch was sent with `stopOnFirstFailure=true`.
  public static let notExecuted = BatchResponseStatus(rawValue: "NOT_EXECUTED")
  public static let known: [BatchResponseStatus] = [completed, failed, notExecuted]
}

/// `POST /batch` answer.
public struct BatchTicket: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }
  public var ticket: String? { json["ticket"]?.idString }
}

/// `GET /batch?ticket=…&escapedJson=true` answer.
public struct BatchStatus: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var status: BatchState? { string("status").map(BatchState.init(rawValue:)) }
  public var totalRequests: Int? { int("totalRequests") }
  public var completedRequests: Int? { int("completedRequests") }
  public var responses: [BatchResponse] { objects("responses") ?? [] }
  public var isCompleted: Bool { status == .completed }

  /// The answer to the request sent with this id.
  public func response(id: String) -> BatchResponse? { responses.first { $0.id == id } }
}

/// The answer to one request of a batch.
public struct BatchResponse: JSONView {
  public var json: JSONObject
  public init(json: JSONObject) { self.json = json }

  public var id: String? { json["id"]?.idString }
  public var status: BatchResponseStatus? { string("status").map(BatchResponseStatus.init(rawValue:)) }
  public var httpStatusCode: Int? { int("httpStatusCode") }
  public var httpStatusLine: String? { string("httpStatusLine") }
  /// The answer's body as text (JSON escaped into a string with `escapedJson=true`).
  public var escapedHttpBody: String? { string("escapedHttpBody") }

  /// The answer's body, parsed; nil when there is none or it is not JSON.
  public var body: JSON? {
    guard let text = escapedHttpBody, !text.isEmpty else { return nil }
    return try? JSON.parse(text)
  }

  public var succeeded: Bool {
    status == .completed && (200..<300).contains(httpStatusCode ?? 200)
  }

  /// The error this request ended with, as the client would have thrown it had it been sent
  /// alone; nil when it succeeded. A request that was not executed is `.cancelled`.
  public var error: EcwidError? {
    if succeeded { return nil }
    if status == .notExecuted {
      return EcwidError(kind: .cancelled, detail: "not executed: an earlier request of the batch failed")
    }
    let code = httpStatusCode ?? 0
    if (200..<300).contains(code) {
      return EcwidError(kind: .server, status: code, detail: "the batch request \(status?.rawValue ?? "?")")
    }
    return EcwidError.from(status: code, body: escapedHttpBody.map { Data($0.utf8) }, retryAfter: nil)
  }
}
