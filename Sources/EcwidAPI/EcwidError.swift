import Foundation

/// Every way a call to Ecwid can fail, as one value: what the server said (status, code,
/// message), what it means for a person, and whether trying again could help.
/// The token is never part of it: errors are built from statuses, codes and server text only.
public struct EcwidError: Error, Sendable, CustomStringConvertible, Equatable {
  public enum Kind: String, Sendable, Equatable {
    case badRequest, paymentRequired, unauthorized, forbidden, notFound, conflict
    case unsupportedMediaType, unprocessable, rateLimited, server, httpStatus
    case network, timeout, invalidResponse, invalidConfiguration, cancelled
  }

  public var kind: Kind
  public var status: Int?
  public var errorCode: String?
  public var errorMessage: String?
  /// Seconds the server asked us to wait (429 `Retry-After`).
  public var retryAfter: Double?
  /// How many attempts were made before giving up.
  public var attempts: Int
  /// A detail for network and decoding failures (never holds the token).
  public var detail: String?
  /// A write that may or may not have been applied: it was sent, and its answer was lost
  /// (timeout, dropped connection) or could not be read. Such a request is never retried
  /// blindly; re-read the product to learn what landed.
  public var outcomeUnknown: Bool
  /// What re-reading the product showed about such a write (set by whoever re-read it).
  public var outcomeNote: String?
  /// Items of a bulk media request that Ecwid could not download (`success:false`), each with
  /// the URL that was sent; the sentence names every one.
  public var mediaFailures: [MediaFailure] = []

  /// One item of a bulk media request answered `success:false`.
  public struct MediaFailure: Sendable, Equatable {
    public var url: String
    public var errorCode: String?
    public var errorMessage: String?
    public init(url: String, errorCode: String?, errorMessage: String?) {
      self.url = url
      self.errorCode = errorCode
      self.errorMessage = errorMessage
    }
  }

  public init(
    kind: Kind, status: Int? = nil, errorCode: String? = nil, errorMessage: String? = nil,
    retryAfter: Double? = nil, attempts: Int = 1, detail: String? = nil, outcomeUnknown: Bool = false
  ) {
    self.outcomeUnknown = outcomeUnknown
    self.kind = kind
    self.status = status
    self.errorCode = errorCode
    self.errorMessage = errorMessage
    self.retryAfter = retryAfter
    self.attempts = attempts
    self.detail = detail
  }

  /// Builds the error for an HTTP status and its (optional, possibly non-JSON) body.
  public static func from(status: Int, body: Data?, retryAfter: Double?) -> EcwidError {
    var code: String?
    var message: String?
    if let body, !body.isEmpty, let v = try? JSON.parse(body), let o = v.objectValue {
      let e = ErrorBody(json: o)
      code = e.errorCode
      message = e.errorMessage
    } else if let body, !body.isEmpty {
      // A proxy's HTML page or plain text: keep a short, printable excerpt for the log/message.
      let text = String(decoding: body.prefix(200), as: UTF8.self)
        .unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) }
      let s = String(String.UnicodeScalarView(text)).trimmingCharacters(in: .whitespacesAndNewlines)
      message = s.isEmpty ? nil : s
    }
    let kind: Kind
    switch status {
    case 400: kind = .badRequest
    case 401: kind = .unauthorized
    case 402: kind = .paymentRequired
    case 403: kind = .forbidden
    case 404: kind = .notFound
    case 409: kind = .conflict
    case 415: kind = .unsupportedMediaType
    case 422: kind = .unprocessable
    case 429: kind = .rateLimited
    case 500...599: kind = .server
    default: kind = .httpStatus
    }
    return EcwidError(kind: kind, status: status, errorCode: code, errorMessage: message, retryAfter: retryAfter)
  }

  /// Whether the same request may succeed later. 401/403 and other 4xx never do: Ecwid blocks
  /// tokens that keep failing.
  public var isTransient: Bool {
    switch kind {
    case .rateLimited, .server, .network, .timeout: return true
    default: return false
    }
  }

  /// The product field this error is about, when the code tells (for showing it at the field).
  public var field: String? {
    switch errorCode {
    case "SKU_ALREADY_EXISTS": return "sku"
    case let c? where c.hasPrefix("WHOLESALE_PRICES"): return "wholesalePrices"
    case "COST_PRICE_CANT_BE_NEGATIVE": return "costPrice"
    case "WRONG_URL", "NOT_VIDEO_URL", "VIDEO_NOT_SUPPORTED", "VIDEO_UNAVAILABLE",
      "DOWNLOAD_IMAGE_FAILED", "DOWNLOAD_VIDEO_FAILED":
      return "media"
    case "LANGUAGES_NOT_ALLOWED": return "translations"
    default:
      if let m = errorMessage?.lowercased() {
        if m.contains("showonfrontpage") { return "showOnFrontpage" }
        if m.contains("product class") { return "productClassId" }
        if m.contains("tax") { return "tax" }
        if m.contains("ribbon") { return "ribbon" }
      }
      return nil
    }
  }

  /// One sentence a person can act on.
  public var sentence: String {
    if !mediaFailures.isEmpty {
      let items = mediaFailures.map { f in
        let why = [f.errorCode, f.errorMessage].compactMap { $0 }.joined(separator: ": ")
        return "\(f.url) (\(why.isEmpty ? "no reason given" : why))"
      }
      let n = mediaFailures.count
      return "Ecwid could not save \(n) of the media: " + items.joined(separator: "; ") + "."
        + (detail.map { " " + $0 } ?? "")
    }
    if let known = Self.codeSentences[errorCode ?? ""] { return known }
    switch kind {
    case .badRequest:
      if let m = errorMessage { return "Ecwid refused the request: \(m)" }
      return "Ecwid refused the request as malformed (400)."
    case .paymentRequired:
      return "This is not available on the store's current Ecwid plan, or the plan's product limit is reached (402)."
    case .unauthorized, .forbidden:
      return
        "The token was refused (\(status ?? 403)): check that it is valid and has the read_catalog, update_catalog and read_store_profile scopes."
    case .notFound:
      return errorMessage.map { "Not found: \($0)" }
        ?? "Ecwid could not find the product or something the request links to (404)."
    case .conflict:
      return errorMessage.map { "Ecwid refused the change: \($0)" } ?? "Ecwid refused the change as a conflict (409)."
    case .unsupportedMediaType:
      return "Ecwid expected a JSON body (415 unsupported content type)."
    case .unprocessable:
      return errorMessage.map { "Ecwid could not use the link: \($0)" } ?? "Ecwid could not use the link (422)."
    case .rateLimited:
      let wait = retryAfter.map { " Ecwid asked to wait \(Int($0.rounded(.up))) s." } ?? ""
      return "Too many requests: the store's limit is 600 a minute.\(wait)"
    case .server:
      return "Ecwid had a server error (\(status ?? 500)) after \(attempts) attempt\(attempts == 1 ? "" : "s"); nothing was lost, try again in a moment."
    case .httpStatus:
      return "Ecwid answered with HTTP \(status ?? 0)\(errorMessage.map { ": \($0)" } ?? "")."
    case .network:
      return "Could not reach Ecwid\(detail.map { ": \($0)" } ?? "") (\(attemptsText))." + unknownNote
    case .timeout:
      return "Ecwid did not answer in time (\(attemptsText))." + unknownNote
    case .invalidResponse:
      return "Ecwid's answer could not be read\(detail.map { ": \($0)" } ?? "")." + unknownNote
    case .invalidConfiguration:
      return detail ?? "The connection settings are not valid."
    case .cancelled:
      return "Cancelled."
    }
  }

  var attemptsText: String { "\(attempts) attempt\(attempts == 1 ? "" : "s")" }

  var unknownNote: String {
    guard outcomeUnknown else { return "" }
    return " " + (outcomeNote ?? "The request may have been applied: re-read the product to see what landed.")
  }

  /// The spec's codes and their meaning (../shared/spec and ECWID-API.md).
  static let codeSentences: [String: String] = [
    "SKU_ALREADY_EXISTS": "Another product already has this SKU (409 SKU_ALREADY_EXISTS).",
    "WHOLESALE_PRICES_CANT_BE_NULL": "A wholesale tier has no price (409 WHOLESALE_PRICES_CANT_BE_NULL).",
    "WHOLESALE_PRICES_CANT_BE_NEGATIVE": "A wholesale price is negative (409 WHOLESALE_PRICES_CANT_BE_NEGATIVE).",
    "WHOLESALE_PRICES_TOO_BIG": "A wholesale price is too big (409 WHOLESALE_PRICES_TOO_BIG).",
    "WHOLESALE_PRICES_QUANTITY_TOO_SMALL":
      "A wholesale tier's quantity is too small (409 WHOLESALE_PRICES_QUANTITY_TOO_SMALL).",
    "COST_PRICE_CANT_BE_NEGATIVE": "The cost price can't be negative (400 COST_PRICE_CANT_BE_NEGATIVE).",
    "LANGUAGES_NOT_ALLOWED": "A translation is in a language the store does not have (400 LANGUAGES_NOT_ALLOWED).",
    "WRONG_PARAMETER": "A request parameter is wrong (400 WRONG_PARAMETER).",
    "NOT_AVAILABLE_ON_CURRENT_PLAN": "Not available on the store's current plan (402 NOT_AVAILABLE_ON_CURRENT_PLAN).",
    "INVALID_API_TOKEN": "The token is not valid (403 INVALID_API_TOKEN): check ECWID_TOKEN or the token file.",
    "INSUFFICIENT_APP_SCOPE":
      "The token lacks a scope (403 INSUFFICIENT_APP_SCOPE): it needs read_catalog, update_catalog and read_store_profile.",
    "PRODUCT_NOT_FOUND": "The product does not exist in this store (404 PRODUCT_NOT_FOUND).",
    "RATE_LIMITED": "Too many requests: the store's limit is 600 a minute (429 RATE_LIMITED).",
    "INTERNAL_ERROR": "Ecwid could not process it; please try again in a moment (500 INTERNAL_ERROR).",
    "WRONG_URL":
      "That link doesn't look right. Make sure you are pasting the correct link. Try copying the link via the Share option. (422 WRONG_URL)",
    "NOT_VIDEO_URL":
      "This is not a link to a video. Make sure you are pasting the correct link. Try copying the link via the Share option. (422 NOT_VIDEO_URL)",
    "VIDEO_NOT_SUPPORTED": "Sorry, videos on this platform are not supported. (422 VIDEO_NOT_SUPPORTED)",
    "VIDEO_UNAVAILABLE":
      "This video can't be accessed. Make sure that you're linking a video that can be viewed by anyone. (422 VIDEO_UNAVAILABLE)",
    "DOWNLOAD_IMAGE_FAILED": "Ecwid could not download the image from that link (DOWNLOAD_IMAGE_FAILED).",
    "DOWNLOAD_VIDEO_FAILED": "Ecwid could not download the video from that link (DOWNLOAD_VIDEO_FAILED).",
  ]

  public var description: String {
    var parts = [sentence]
    if let status, !sentence.contains("\(status)") { parts.append("[HTTP \(status)]") }
    if let errorMessage, !sentence.contains(errorMessage) { parts.append("Server said: \(errorMessage)") }
    return parts.joined(separator: " ")
  }
}
