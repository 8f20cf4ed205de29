import Terminal

/// Keys of the product list (while the search field is typed into, keys are text for it: see
/// `PickerState.typingKey`).
enum PickerKeys {
  static let table = KeyTable<PickerState>(
    "picker",
    [
      KeyBinding("/ or s", "new search: results narrow as you type (sku:ABC for a SKU)", keys: [.char("/"), .char("s")]) {
        p, _, _ in
        // A new query, not more letters on the old one.
        p.query = TextField()
        p.typing = true
        return []
      },
      KeyBinding("Esc", "clear the search and show every product (without a search: quit)", keys: [.escape]) { p, _, _ in
        guard !p.query.text.isEmpty else { return [.quit(code: 0)] }
        p.query = TextField()
        return p.search(offset: 0, quietly: true)
      },
      KeyBinding("↑ ↓ / j k", "select a product", keys: [.down, .up, .char("j"), .char("k")], menu: []) { p, key, _ in
        p.select(by: key == .down || key == .char("j") ? 1 : -1)
      },
      KeyBinding("Enter", "open the selected product", keys: [.enter]) { p, _, _ in p.openSelected() },
      KeyBinding(
        "n / p, PgDn PgUp", "next / previous page", keys: [.char("n"), .pageDown, .char("p"), .pageUp],
        menu: [("next page", .char("n")), ("previous page", .char("p"))]
      ) { p, key, _ in p.turnPage(forward: key == .char("n") || key == .pageDown) },
      KeyBinding("q / Ctrl-C", "quit", keys: [.char("q"), .ctrl("c")]) { _, _, _ in [.quit(code: 0)] },
    ])
}
