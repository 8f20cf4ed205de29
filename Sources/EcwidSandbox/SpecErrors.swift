import EcwidAPI

/// The error answers of the two spec pages and ECWID-API.md, with their messages, so that every
/// status and code can be produced on request (`FaultSpec`'s `NNN` and `NNN:CODE` items), and
/// the access scopes a sandbox token carries.
enum SpecErrors {
  /// The spec's description for an error code (spec/003 "Errors", spec/000 "HTTP codes",
  /// ECWID-API.md "Errors and limits").
  static let messages: [String: String] = [
    "WRONG_PARAMETER": "Request parameters are malformed",
    "SKU_ALREADY_EXISTS": "The product with such SKU already exists",
    "WHOLESALE_PRICES_CANT_BE_NULL": "Specified wholesale price can't be null",
    "WHOLESALE_PRICES_CANT_BE_NEGATIVE": "Specified wholesale price can't be negative",
    "WHOLESALE_PRICES_TOO_BIG": "Specified wholesale price is too big",
    "WHOLESALE_PRICES_QUANTITY_TOO_SMALL": "Specified wholesale price quantity is too small",
    "NOT_AVAILABLE_ON_CURRENT_PLAN": "The functionality/method is not available on the merchant plan",
    "INSUFFICIENT_APP_SCOPE": "Access token doesn't have update_catalog scope",
    "INVALID_API_TOKEN": "Invalid API token",
    "PRODUCT_NOT_FOUND": "Product not found",
    "LANGUAGES_NOT_ALLOWED": "Languages are not enabled in the store",
    "COST_PRICE_CANT_BE_NEGATIVE": "Cost price can't be negative",
    "RATE_LIMITED": "Too many requests",
    "INTERNAL_ERROR": MediaErrorCode.internalMessage,
    "WRONG_URL": MediaErrorCode.wrongURL.message,
    "NOT_VIDEO_URL": MediaErrorCode.notVideoURL.message,
    "VIDEO_NOT_SUPPORTED": MediaErrorCode.videoNotSupported.message,
    "VIDEO_UNAVAILABLE": MediaErrorCode.videoUnavailable.message,
    "DOWNLOAD_IMAGE_FAILED": MediaErrorCode.downloadImageFailed.message,
    "DOWNLOAD_VIDEO_FAILED": MediaErrorCode.downloadVideoFailed.message,
  ]

  /// The spec's description of a status when no code is given.
  static func message(status: Int) -> String {
    switch status {
    case 400: return "Request parameters are malformed"
    case 401, 403: return "Access token doesn't have update_catalog scope"
    case 402: return "The functionality/method is not available on the merchant plan"
    case 404: return "Some of the linked entities in the request doesn't exist"
    case 409: return "The product with such SKU already exists"
    case 415: return "Unsupported content-type: expected application/json or text/json"
    case 422: return MediaErrorCode.wrongURL.message
    case 429: return "Too many requests"
    default: return MediaErrorCode.internalMessage
    }
  }

  /// An injected answer (`FaultSpec` `NNN` / `NNN:CODE`).
  static func injected(status: Int, code: String?) -> APIError {
    let text = code.flatMap { messages[$0] } ?? message(status: status)
    return APIError(status, code, "\(text) (injected fault)")
  }

  // MARK: Scopes

  /// ECWID-API.md "Base, auth, scopes": the scopes the editor's endpoints need.
  static let allScopes: Set<String> = ["read_catalog", "update_catalog", "read_store_profile"]

  /// `secret_x:read_catalog,update_catalog` → the token and its scopes; without `:`, every scope.
  static func token(_ spec: String) -> (token: String, scopes: Set<String>?) {
    guard let colon = spec.firstIndex(of: ":") else { return (spec, nil) }
    let scopes = spec[spec.index(after: colon)...].split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces).lowercased()
    }
    return (String(spec[..<colon]), Set(scopes.filter { !$0.isEmpty }))
  }

  /// The scope a request needs: `read_store_profile` for the profile, `read_catalog` to read
  /// products, categories and product types, `update_catalog` for every change.
  static func scope(method: String, path: String) -> String {
    if path.hasSuffix("/profile") { return "read_store_profile" }
    return method == "GET" ? "read_catalog" : "update_catalog"
  }

  static func insufficientScope(_ scope: String) -> APIError {
    APIError(403, "INSUFFICIENT_APP_SCOPE", "Access token doesn't have \(scope) scope")
  }
}
