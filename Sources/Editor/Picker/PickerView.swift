import EcwidAPI
import Foundation
import Terminal

extension PickerState {
  /// The search line, then the results as a table (id, SKU, name, price, stock, enabled).
  func view(_ context: ScreenContext, into screen: inout Screen, top: Int, bottom: Int) -> (x: Int, y: Int)? {
    let width = context.width
    screen.put(" Search: ", x: 0, y: top + 1, style: Theme.header)
    var cursor: (x: Int, y: Int)?
    let fieldX = 9
    let fieldWidth = max(1, width - fieldX - 2)
    if typing {
      cursor = (query.draw(into: &screen, x: fieldX, y: top + 1, width: fieldWidth, style: Theme.input), top + 1)
    } else {
      let q = query.text
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
    let first = scrollStart(selected: selected, count: results.count, rows: rows)
    for row in 0..<rows {
      let i = first + row
      guard i < results.count else { break }
      let p = results[i]
      let line = padRight(p.id.map(String.init) ?? "?", toWidth: idWidth) + " "
        + padRight(p.sku ?? "", toWidth: skuWidth) + " " + padRight(p.name ?? "", toWidth: nameWidth) + " "
        + padLeft(Self.price(p), toWidth: priceWidth) + " " + padLeft(Self.stock(p), toWidth: stockWidth)
        + " " + (p.enabled == false ? "no" : "yes")
      let y = top + 4 + row
      screen.put(" " + line, x: 0, y: y, style: i == selected ? Theme.selected : Theme.value, maxWidth: width)
      if i == selected { screen.setStyle(x: 0, y: y, width: width, style: Theme.selected) }
    }
    if total > PickerState.pageSize {
      let pageText = "page \(offset / PickerState.pageSize + 1) of \((total + PickerState.pageSize - 1) / PickerState.pageSize) · n/p"
      screen.put(pageText, x: max(0, width - displayWidth(pageText) - 1), y: top + 1, style: Theme.dim)
    }
    return cursor
  }

  /// The price as `ecwid-edit search` prints it: two decimals.
  static func price(_ p: Product) -> String {
    guard let price = p.price else { return "" }
    return String(format: "%.2f", price.double)
  }

  /// Stock: ∞ when unlimited, else the quantity ("out" when out of stock without a quantity).
  static func stock(_ p: Product) -> String {
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
