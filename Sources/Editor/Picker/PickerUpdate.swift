import EcwidAPI
import Foundation
import Terminal

extension PickerState: Component {
  var keys: KeyTable<PickerState> { PickerKeys.table }

  /// A picker message in, the picker changed and what the root should do out.
  public mutating func update(_ message: PickerMsg, _ context: ScreenContext) -> [Effect] {
    switch message {
    case .key(let key):
      return typing ? typingKey(key, context) : dispatch(key, context)
    case .paste(let text):
      guard typing else { return [] }
      query.insert(text)
      return search(offset: 0, quietly: true)
    case .searched(let requestId, let result):
      return searched(requestId: requestId, result)
    case .shown:
      typing = false
      return results.isEmpty ? search(offset: 0, quietly: true) : []
    }
  }

  /// Keys while the search field is typed into.
  mutating func typingKey(_ key: Key, _ context: ScreenContext) -> [Effect] {
    switch key {
    case .enter:
      typing = false
      if searching || searchedQuery != currentQuery { return search(offset: 0) }
      return []
    case .escape:
      // Esc gives up the query: back to the whole list.
      typing = false
      let hadQuery = !query.text.isEmpty || searchedQuery != ""
      query = TextField()
      return hadQuery ? search(offset: 0, quietly: true) : []
    case .down, .up, .pageDown, .pageUp:
      typing = false
      return dispatch(key, context)
    default:
      // Results narrow as you type: every edit asks again (older answers are dropped).
      if query.handle(key) == .edited { return search(offset: 0, quietly: true) }
    }
    return []
  }

  mutating func select(by rows: Int) -> [Effect] {
    selected = max(0, min(max(0, results.count - 1), selected + rows))
    return []
  }

  /// n / p: the next or previous page of results, when there is one.
  mutating func turnPage(forward: Bool) -> [Effect] {
    let size = PickerState.pageSize
    if forward, offset + size < total { return search(offset: offset + size) }
    if !forward, offset > 0 { return search(offset: max(0, offset - size)) }
    return []
  }

  func openSelected() -> [Effect] {
    guard selected < results.count, let id = results[selected].id else { return [] }
    return [.openProduct(id: id)]
  }

  var currentQuery: String { query.text.trimmingCharacters(in: .whitespaces) }

  /// Asks for the products matching the query. `quietly`: while typing, without the busy state
  /// that would hold the keys.
  mutating func search(offset: Int, quietly: Bool = false) -> [Effect] {
    requestId += 1
    searching = true
    let query = currentQuery
    searchedQuery = query
    let busy: [Effect] = quietly ? [] : [.busy("Searching…")]
    if query.lowercased().hasPrefix("sku:") {
      let sku = String(query.dropFirst(4)).trimmingCharacters(in: .whitespaces)
      if offset > 0, skuFallback == sku {
        return busy + [.run(.search(requestId: requestId, keyword: sku, sku: nil, offset: offset))]
      }
      skuFallback = nil
      exactSKU = sku
      return busy + [.run(.search(requestId: requestId, keyword: nil, sku: sku, offset: offset))]
    }
    skuFallback = nil
    exactSKU = nil
    return busy + [.run(.search(requestId: requestId, keyword: query.isEmpty ? nil : query, sku: nil, offset: offset))]
  }

  mutating func searched(requestId: Int, _ result: Result<SearchResult, EcwidError>) -> [Effect] {
    guard requestId == self.requestId else { return [] }  // an answer to an older search
    if case .success(let found) = result, found.items.isEmpty, let sku = exactSKU, !sku.isEmpty {
      // The API's SKU filter is exact: a partial or differently-cased SKU finds nothing there,
      // so ask the keyword search (it matches SKUs in part, any case) and say so.
      exactSKU = nil
      skuFallback = sku
      self.requestId += 1
      return [.run(.search(requestId: self.requestId, keyword: sku, sku: nil, offset: 0))]
    }
    searching = false
    switch result {
    case .success(let found):
      results = found.items
      total = found.total ?? found.items.count
      offset = found.offset ?? 0
      selected = 0
      let count = "\(total) product\(total == 1 ? "" : "s")"
      if let sku = skuFallback {
        return [
          .busy(nil),
          .status(
            StatusMessage(
              found.items.isEmpty
                ? "No product has the SKU “\(sku)”, and no keyword match either"
                : "No product has exactly the SKU “\(sku)”; keyword search finds \(count) · Enter opens", .warning)),
        ]
      }
      return [.busy(nil), .status(StatusMessage(found.items.isEmpty ? "No products found" : "\(count) · Enter opens · / searches"))]
    case .failure(let error):
      return [.busy(nil), .status(StatusMessage("Search failed: \(error.sentence)", .error))]
    }
  }
}
