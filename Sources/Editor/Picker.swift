import EcwidAPI
import ProductDocument
import Terminal

/// The product picker: search by keyword or SKU through the API, paged; Enter opens.
extension Model {
  mutating func pickerKey(_ key: Key) -> [Command] {
    if picker.typing {
      switch key {
      case .enter:
        picker.typing = false
        return search(offset: 0)
      case .escape:
        picker.typing = false
      default:
        picker.query.handle(key)
      }
      return []
    }
    switch key {
    case .char("/"), .char("s"):
      picker.typing = true
    case .down, .char("j"):
      picker.selected = min(max(0, picker.results.count - 1), picker.selected + 1)
    case .up, .char("k"):
      picker.selected = max(0, picker.selected - 1)
    case .pageDown, .char("n"):
      if picker.offset + PickerState.pageSize < picker.total { return search(offset: picker.offset + PickerState.pageSize) }
    case .pageUp, .char("p"):
      if picker.offset > 0 { return search(offset: max(0, picker.offset - PickerState.pageSize)) }
    case .enter:
      guard picker.selected < picker.results.count, let id = picker.results[picker.selected].id else { return [] }
      productId = id
      page = .loading
      busy = "Loading product \(id)…"
      return [.load(productId: id)]
    case .char("q"), .ctrl("c"), .escape:
      quitting = true
      return [.quit(code: 0)]
    default:
      break
    }
    return []
  }

  mutating func search(offset: Int) -> [Command] {
    picker.requestId += 1
    picker.searching = true
    let query = picker.query.text.trimmingCharacters(in: .whitespaces)
    busy = "Searching…"
    if query.lowercased().hasPrefix("sku:") {
      let sku = String(query.dropFirst(4)).trimmingCharacters(in: .whitespaces)
      return [.search(requestId: picker.requestId, keyword: nil, sku: sku, offset: offset)]
    }
    return [.search(requestId: picker.requestId, keyword: query.isEmpty ? nil : query, sku: nil, offset: offset)]
  }

  mutating func pickerSearched(requestId: Int, _ result: Result<SearchResult, EcwidError>) -> [Command] {
    guard requestId == picker.requestId else { return [] }  // an answer to an older search
    busy = nil
    picker.searching = false
    switch result {
    case .success(let found):
      picker.results = found.items
      picker.total = found.total ?? found.items.count
      picker.offset = found.offset ?? 0
      picker.selected = 0
      message = StatusMessage(
        found.items.isEmpty
          ? "No products found" : "\(picker.total) product\(picker.total == 1 ? "" : "s") · Enter opens · / searches")
    case .failure(let error):
      message = StatusMessage("Search failed: \(error.sentence)", .error)
    }
    return []
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
    let nameWidth = max(4, width - idWidth - skuWidth - priceWidth - 6)
    let header = padRight("id", toWidth: idWidth) + " " + padRight("SKU", toWidth: skuWidth) + " "
      + padRight("name", toWidth: nameWidth) + " " + "price"
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
        + (p.json["price"]?.compactText ?? "")
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
