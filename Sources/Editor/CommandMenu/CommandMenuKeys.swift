import Terminal

/// Keys while the command menu is open; every other key is text for the filter.
enum MenuKeys {
  static let table = KeyTable<CommandMenuState>(
    "commandMenu",
    [
      KeyBinding("↑ ↓ / Ctrl-N Ctrl-P", "select a command", keys: [.down, .up, .ctrl("n"), .ctrl("p")], menu: []) { s, key, c in
        s.moveSelection(by: key == .down || key == .ctrl("n") ? 1 : -1, c)
      },
      KeyBinding("PgUp PgDn", "select a page further", keys: [.pageDown, .pageUp], menu: []) { s, key, c in
        s.moveSelection(by: (key == .pageDown ? 1 : -1) * CommandMenuState.rows(c), c)
      },
      KeyBinding("Enter", "run the selected command", keys: [.enter], menu: []) { s, _, c in s.runSelection(c) },
      KeyBinding("Esc", "close the menu", keys: [.escape], menu: []) { _, _, _ in [.closeCommandMenu] },
      .note("what you type", "narrows the list to the commands whose name or key contains every word typed"),
    ])
}
