import EcwidAPI
import Terminal

/// The product picker: search by keyword or SKU through the API, paged; Enter opens a product.
/// The worked example of a screen as a component (see Component.swift).
public struct PickerState: Equatable, Sendable {
  public var query = TextField()
  public var results: [Product] = []
  public var total = 0
  public var offset = 0
  public var selected = 0
  public var requestId = 0
  public var searching = false
  public var typing = false
  /// The query of the newest search.
  public var searchedQuery: String?
  /// The SKU of a `sku:` search asked exactly; a keyword search follows when it finds nothing.
  public var exactSKU: String?
  /// Set when the results are the keyword search for a SKU nothing matched exactly.
  public var skuFallback: String?
  public static let pageSize = 50
  public init() {}
}

/// What the picker handles.
public enum PickerMsg: Sendable {
  /// A key while the picker has the keyboard.
  case key(Key)
  /// Pasted text (only while the search field is typed into; the root asks `typing` first).
  case paste(String)
  /// The answer to a search the picker asked for (older answers are dropped).
  case searched(requestId: Int, Result<SearchResult, EcwidError>)
  /// The picker is shown again (back from a product): search when there is nothing to show.
  case shown
}
