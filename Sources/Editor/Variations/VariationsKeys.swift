import ProductDocument
import Terminal

/// Keys of the variations grid (the common editor keys follow them).
enum VariationKeys {
  static let table = KeyTable<VariationsState>(
    name: "variations",
    [
      KeyBinding("↑ ↓ / j k", "move to the row above / below", keys: [.down, .up, .char("j"), .char("k")], hint: "↑↓←→: move", hintRank: 10, menu: []) {
        m, key, c in m.moveRow(by: key == .down || key == .char("j") ? 1 : -1, c)
      },
      KeyBinding("← → / h l", "move to the column left / right (option columns stay in view)", keys: [.left, .right, .char("h"), .char("l")], menu: []) {
        m, key, c in m.moveColumn(by: key == .left || key == .char("h") ? -1 : 1, c)
      },
      KeyBinding("PgUp PgDn", "a page of rows up / down", keys: [.pageUp, .pageDown], menu: []) { m, key, c in
        m.moveRow(by: (key == .pageUp ? -1 : 1) * c.variationPageRows, c)
      },
      KeyBinding(
        "g G / Home End", "first / last row", keys: [.char("g"), .home, .char("G"), .end],
        menu: [("first row", .char("g")), ("last row", .char("G"))]
      ) { m, key, c in m.moveRow(to: key == .char("g") || key == .home ? 0 : -1, c) },
      KeyBinding(
        "Enter / e", "edit the cell (Ship flips yes/no, Img picks an image)", keys: [.enter, .char("e")], hint: "Enter: edit",
        hintRank: 20
      ) { m, _, c in m.editCell(c) },
      KeyBinding("Space", "select / unselect the row", keys: [.char(" ")], hint: "Space: select", hintRank: 22) { m, _, c in
        m.toggleSelection(c)
      },
      KeyBinding("V", "start / end a range of selected rows", keys: [.char("V")]) { m, _, c in m.selectRange(c) },
      KeyBinding("a", "select every row shown (again: unselect them)", keys: [.char("a")]) { m, _, c in m.selectAll(c) },
      KeyBinding("Esc", "clear the selection", keys: [.escape]) { m, _, _ in m.clearSelection() },
      KeyBinding(
        "=", "fill the column of the selected rows: 12, +5, -10%, *1.1, ~.99, ∞", keys: [.char("=")], hint: "=: fill",
        hintRank: 24
      ) { m, _, c in m.openFill(c) },
      KeyBinding("c", "copy this row's price, stock, weight, shipping and image to the selected rows", keys: [.char("c")]) {
        m, _, c in m.copyRow(c)
      },
      KeyBinding(
        "/ / f", "filter: Size=XL, out of stock, no SKU, changed (comma = and; empty shows all)",
        keys: [.char("/"), .char("f")], hint: "/: filter", hintRank: 26
      ) { m, _, _ in m.openFilter() },
      KeyBinding("n", "create the missing variations of the options (shows them first)", keys: [.char("n")]) { m, _, c in
        m.askToCreate(c)
      },
      KeyBinding("x / Delete", "delete the selected variations (asks)", keys: [.char("x"), .delete]) { m, _, c in
        m.askToDelete(c)
      },
      KeyBinding("i", "pick the row's image from the product's gallery", keys: [.char("i")]) { m, _, c in
        m.openImagePicker(c)
      },
      .note("In a cell", "Enter keeps, Esc cancels; numbers take 9,5 or 9.5; Qty takes ∞"),
    ])
}

extension Section {
  /// The number key that opens the section. Variations came after the others had their
  /// numbers, so they take 9 and every other section keeps its key.
  var digit: Int {
    switch self {
    case .general: return 1
    case .pricing: return 2
    case .options: return 3
    case .variations: return 9
    case .translations: return 4
    case .media: return 5
    case .shipping: return 6
    case .seo: return 7
    case .attributes: return 8
    }
  }
}

extension VariationsState {
  /// The hint line while a cell, a prompt, a question or the image picker is open.
  var hint: String? {
    if editing != nil { return "Enter: keep · Esc: cancel · ←→ Home End: move · Ctrl-U/K: delete" }
    if let prompt {
      if let problem = prompt.problem { return "⚠ " + problem + " · Esc: cancel" }
      switch prompt.kind {
      case .fill: return "Enter: fill · Esc: cancel · 12  +5  -10%  *1.1  ~.99  ∞"
      case .filter: return "Enter: filter · Esc: cancel · Size=XL, out of stock, no SKU, changed (empty: all)"
      }
    }
    if confirming != nil { return "y: yes · any other key: no" }
    if choosingImage != nil { return "↑↓: choose · Enter: set · Esc: cancel" }
    return nil
  }
}
