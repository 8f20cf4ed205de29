import EcwidAPI
import Foundation
import ProductDocument
import Terminal

/// Keys of the product list (while the search field is typed into, keys are text for it).
enum PickerKeys {
  static let table = KeyTable(
    "picker",
    [
      KeyBinding("/ or s", "new search: results narrow as you type (sku:ABC for a SKU)", keys: [.char("/"), .char("s")]) {
        m, _ in
        // A new query, not more letters on the old one.
        m.picker.query = TextField()
        m.picker.typing = true
        return []
      },
      KeyBinding("Esc", "clear the search and show every product (without a search: quit)", keys: [.escape]) { m, _ in
        guard !m.picker.query.text.isEmpty else { return m.quitFromPicker() }
        m.picker.query = TextField()
        return m.search(offset: 0, quietly: true)
      },
      KeyBinding("↑ ↓ / j k", "select a product", keys: [.down, .up, .char("j"), .char("k")], menu: []) { m, key in
        m.selectProduct(by: key == .down || key == .char("j") ? 1 : -1)
      },
      KeyBinding("Enter", "open the selected product", keys: [.enter]) { m, _ in m.openSelectedProduct() },
      KeyBinding(
        "n / p, PgDn PgUp", "next / previous page", keys: [.char("n"), .pageDown, .char("p"), .pageUp],
        menu: [("next page", .char("n")), ("previous page", .char("p"))]
      ) { m, key in m.turnPickerPage(forward: key == .char("n") || key == .pageDown) },
      KeyBinding("q / Ctrl-C", "quit", keys: [.char("q"), .ctrl("c")]) { m, _ in m.quitFromPicker() },
    ])
}

/// The product picker: search by keyword or SKU through the API, paged; Enter opens.
extension Model {
  /// Keys while the search field is typed into.
  mutating func pickerTypingKey(_ key: Key) -> [Command] {
    switch key {
    case .enter:
      picker.typing = false
      if picker.searching || picker.searchedQuery != currentPickerQuery { return search(offset: 0) }
      return []
    case .escape:
      // Esc gives up the query: back to the whole list.
      picker.typing = false
      let hadQuery = !picker.query.text.isEmpty || picker.searchedQuery != ""
      picker.query = TextField()
      return hadQuery ? search(offset: 0, quietly: true) : []
    case .down, .up, .pageDown, .pageUp:
      picker.typing = false
      return dispatch(key, in: [PickerKeys.table])
    default:
      // Results narrow as you type: every edit asks again (older answers are dropped).
      if picker.query.handle(key) == .edited { return search(offset: 0, quietly: true) }
    }
    return []
  }

  mutating func selectProduct(by rows: Int) -> [Command] {
    picker.selected = max(0, min(max(0, picker.results.count - 1), picker.selected + rows))
    return []
  }

  /// n / p: the next or previous page of results, when there is one.
  mutating func turnPickerPage(forward: Bool) -> [Command] {
    let size = PickerState.pageSize
    if forward, picker.offset + size < picker.total { return search(offset: picker.offset + size) }
    if !forward, picker.offset > 0 { return search(offset: max(0, picker.offset - size)) }
    return []
  }

  mutating func openSelectedProduct() -> [Command] {
    guard picker.selected < picker.results.count, let id = picker.results[picker.selected].id else { return [] }
    // The product left for the list stays journaled until now (its newest draft is written
    // first); it must not be written under the new product's id.
    let flush = journalCommands()
    document = nil
    documentChanged()
    productId = id
    page = .loading
    busy = "Loading product \(id)…"
    return flush + [.load(productId: id)]
  }

  mutating func quitFromPicker() -> [Command] {
    quitting = true
    return [.quit(code: 0)]
  }

  var currentPickerQuery: String { picker.query.text.trimmingCharacters(in: .whitespaces) }

  /// Asks for the products matching the query. `quietly`: while typing, without the busy state
  /// that would hold the keys.
  mutating func search(offset: Int, quietly: Bool = false) -> [Command] {
    picker.requestId += 1
    picker.searching = true
    let query = currentPickerQuery
    picker.searchedQuery = query
    if !quietly { busy = "Searching…" }
    if query.lowercased().hasPrefix("sku:") {
      let sku = String(query.dropFirst(4)).trimmingCharacters(in: .whitespaces)
      if offset > 0, picker.skuFallback == sku {
        return [.search(requestId: picker.requestId, keyword: sku, sku: nil, offset: offset)]
      }
      picker.skuFallback = nil
      picker.exactSKU = sku
      return [.search(requestId: picker.requestId, keyword: nil, sku: sku, offset: offset)]
    }
    picker.skuFallback = nil
    picker.exactSKU = nil
    return [.search(requestId: picker.requestId, keyword: query.isEmpty ? nil : query, sku: nil, offset: offset)]
  }

  mutating func pickerSearched(requestId: Int, _ result: Result<SearchResult, EcwidError>) -> [Command] {
    guard requestId == picker.requestId else { return [] }  // an answer to an older search
    if case .success(let found) = result, found.items.isEmpty, let sku = picker.exactSKU, !sku.isEmpty {
      // The API's SKU filter is exact: a partial or differently-cased SKU finds nothing there,
      // so ask the keyword search (it matches SKUs in part, any case) and say so.
      picker.exactSKU = nil
      picker.skuFallback = sku
      picker.requestId += 1
      return [.search(requestId: picker.requestId, keyword: sku, sku: nil, offset: 0)]
    }
    busy = nil
    picker.searching = false
    switch result {
    case .success(let found):
      picker.results = found.items
      picker.total = found.total ?? found.items.count
      picker.offset = found.offset ?? 0
      picker.selected = 0
      let count = "\(picker.total) product\(picker.total == 1 ? "" : "s")"
      if let sku = picker.skuFallback {
        message = StatusMessage(
          found.items.isEmpty
            ? "No product has the SKU “\(sku)”, and no keyword match either"
            : "No product has exactly the SKU “\(sku)”; keyword search finds \(count) · Enter opens", .warning)
      } else {
        message = StatusMessage(found.items.isEmpty ? "No products found" : "\(count) · Enter opens · / searches")
      }
    case .failure(let error):
      message = StatusMessage("Search failed: \(error.sentence)", .error)
    }
    return []
  }

  /// From the editor back to the product list; asks first when there are unsaved changes (the
  /// draft is kept either way unless the user discards it).
  mutating func backToList() -> [Command] {
    if form.editing != nil { _ = commitEditing() }
    refreshDerived()
    if let document, document.isDirty {
      confirmingBack = true
      return []
    }
    return showPicker(discarding: false)
  }

  mutating func confirmBackKey(_ key: Key) -> [Command] {
    confirmingBack = false
    switch key {
    case .char("y"), .char("Y"): return showPicker(discarding: false)
    case .char("D"): return showPicker(discarding: true)
    default:
      message = StatusMessage("Still editing")
      return []
    }
  }

  private mutating func showPicker(discarding: Bool) -> [Command] {
    var commands: [Command] = []
    if discarding {
      document = nil
      documentChanged()
      if let productId { commands.append(.removeJournal(productId: productId)) }
      message = StatusMessage("Changes discarded · Enter opens a product")
    } else if document?.isDirty == true {
      message = StatusMessage("Your changes are kept as a draft; opening the product again offers them")
    } else {
      message = StatusMessage("Enter opens a product · / searches")
    }
    page = .picker
    picker.typing = false
    if picker.results.isEmpty { commands += search(offset: 0, quietly: true) }
    return commands
  }

  func drawPicker(into screen: inout Screen, top: Int, bottom: Int) -> (x: Int, y: Int)? {
    screen.put(" Search: ", x: 0, y: top + 1, style: Theme.header)
    var cursor: (x: Int, y: Int)?
    let fieldX = 9
    let fieldWidth = max(1, width - fieldX - 2)
    if picker.typing {
      cursor = (picker.query.draw(into: &screen, x: fieldX, y: top + 1, width: fieldWidth, style: Theme.input), top + 1)
    } else {
      let q = picker.query.text
      screen.put(q.isEmpty ? "(all products — / to search, sku:ABC for a SKU)" : q, x: fieldX, y: top + 1,
        style: q.isEmpty ? Theme.dim : Theme.value, maxWidth: fieldWidth)
    }
    let idWidth = 11
    let skuWidth = 14
    let priceWidth = 10
    let stockWidth = 7
    let enabledWidth = 3
    let nameWidth = max(4, width - idWidth - skuWidth - priceWidth - stockWidth - enabledWidth - 7)
    let header = padRight("id", toWidth: idWidth) + " " + padRight("SKU", toWidth: skuWidth) + " "
      + padRight("name", toWidth: nameWidth) + " " + padLeft("price", toWidth: priceWidth) + " "
      + padLeft("stock", toWidth: stockWidth) + " " + "on"
    screen.put(" " + header, x: 0, y: top + 3, style: Theme.header, maxWidth: width)
    let rows = bottom - top - 4
    guard rows > 0 else { return cursor }
    let first = scrollStart(selected: picker.selected, count: picker.results.count, rows: rows)
    for row in 0..<rows {
      let i = first + row
      guard i < picker.results.count else { break }
      let p = picker.results[i]
      let line = padRight(p.id.map(String.init) ?? "?", toWidth: idWidth) + " "
        + padRight(p.sku ?? "", toWidth: skuWidth) + " " + padRight(p.name ?? "", toWidth: nameWidth) + " "
        + padLeft(Model.pickerPrice(p), toWidth: priceWidth) + " " + padLeft(Model.pickerStock(p), toWidth: stockWidth)
        + " " + (p.enabled == false ? "no" : "yes")
      let y = top + 4 + row
      screen.put(" " + line, x: 0, y: y, style: i == picker.selected ? Theme.selected : Theme.value, maxWidth: width)
      if i == picker.selected { screen.setStyle(x: 0, y: y, width: width, style: Theme.selected) }
    }
    if picker.total > PickerState.pageSize {
      let pageText = "page \(picker.offset / PickerState.pageSize + 1) of \((picker.total + PickerState.pageSize - 1) / PickerState.pageSize) · n/p"
      screen.put(pageText, x: max(0, width - displayWidth(pageText) - 1), y: top + 1, style: Theme.dim)
    }
    return cursor
  }
}

extension Model {
  /// The price as `ecwid-edit search` prints it: two decimals.
  static func pickerPrice(_ p: Product) -> String {
    guard let price = p.price else { return "" }
    return String(format: "%.2f", price.double)
  }

  /// Stock: ∞ when unlimited, else the quantity ("out" when out of stock without a quantity).
  static func pickerStock(_ p: Product) -> String {
    if p.unlimited == true { return "∞" }
    if let q = p.quantity { return q.text }
    if p.inStock == false { return "out" }
    return ""
  }
}

/// Pads on the left to `toWidth` display columns (cuts with "…" when longer).
func padLeft(_ s: String, toWidth: Int) -> String {
  let w = displayWidth(s)
  if w > toWidth { return truncate(s, toWidth: toWidth) }
  return String(repeating: " ", count: toWidth - w) + s
}
