import Terminal

/// Keys while the help overlay is open.
enum HelpKeys {
  static let table = KeyTable<HelpState>(
    "help",
    [
      KeyBinding("↑ ↓ / j k", "scroll the help a line, when it does not fit", keys: [.down, .up, .char("j"), .char("k")], menu: []) {
        h, key, c in h.scroll(by: key == .down || key == .char("j") ? 1 : -1, c)
      },
      KeyBinding("PgUp PgDn", "scroll the help a page", keys: [.pageDown, .pageUp], menu: []) { h, key, c in
        h.scroll(by: (key == .pageDown ? 1 : -1) * max(1, HelpState.page(c)), c)
      },
      .note("any other key", "closes the help"),
    ])
}
