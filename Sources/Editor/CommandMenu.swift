import Terminal

/// The command menu (`:` or Ctrl-P): the current screen's commands from its key tables, narrowed
/// by typing, run with Enter, like lazygit's `?` menu. A user need not remember the letters.
public struct CommandMenuState: Equatable, Sendable {
  public var filter = TextField()
  /// Index into the filtered items.
  public var selected = 0
  public init() {}
}

/// One command of the menu: what it does and the key that runs it.
public struct CommandMenuItem: Equatable, Sendable {
  public var title: String
  public var key: Key
}

/// Keys while the command menu is open; every other key is text for the filter.
enum MenuKeys {
  static let table = KeyTable(
    "commandMenu",
    [
      KeyBinding("↑ ↓ / Ctrl-N Ctrl-P", "select a command", keys: [.down, .up, .ctrl("n"), .ctrl("p")], menu: []) { m, key in
        m.moveMenuSelection(by: key == .down || key == .ctrl("n") ? 1 : -1)
      },
      KeyBinding("PgUp PgDn", "select a page further", keys: [.pageDown, .pageUp], menu: []) { m, key in
        m.moveMenuSelection(by: (key == .pageDown ? 1 : -1) * m.menuRows)
      },
      KeyBinding("Enter", "run the selected command", keys: [.enter], menu: []) { m, _ in m.runMenuSelection() },
      KeyBinding("Esc", "close the menu", keys: [.escape], menu: []) { m, _ in
        m.commandMenu = nil
        return []
      },
      .note("what you type", "narrows the list to the commands whose name or key contains every word typed"),
    ])
}

extension Model {
  mutating func openCommandMenu() -> [Command] {
    commandMenu = CommandMenuState()
    return []
  }

  /// Every command of the screen as it is now (the global ones last).
  var menuItems: [CommandMenuItem] {
    var seen = Set<Key>()
    var items: [CommandMenuItem] = []
    for table in screenKeyTables + [GlobalKeys.table] {
      for binding in table.bindings {
        for entry in binding.menu where !seen.contains(entry.key) {
          // A key an earlier table already has is that table's (the dispatch takes the first).
          guard (screenKeyTables + [GlobalKeys.table]).first(where: { $0.binding(for: entry.key) != nil })?.name == table.name
          else { continue }
          seen.insert(entry.key)
          items.append(CommandMenuItem(title: entry.title, key: entry.key))
        }
      }
    }
    return items
  }

  /// The items whose title or key contains every word of the filter (any case).
  var filteredMenuItems: [CommandMenuItem] {
    let words = (commandMenu?.filter.text ?? "").lowercased().split(separator: " ").map(String.init)
    guard !words.isEmpty else { return menuItems }
    return menuItems.filter { item in
      let text = (item.title + " " + keyName(item.key)).lowercased()
      return words.allSatisfy { text.contains($0) }
    }
  }

  var menuRows: Int { max(1, min(height - 2, 24) - 5) }

  mutating func commandMenuKey(_ key: Key) -> [Command] {
    if let binding = MenuKeys.table.binding(for: key) { return binding.run(&self, key) }
    guard var menu = commandMenu else { return [] }
    if menu.filter.handle(key) == .edited { menu.selected = 0 }
    commandMenu = menu
    return []
  }

  mutating func moveMenuSelection(by rows: Int) -> [Command] {
    let count = filteredMenuItems.count
    guard var menu = commandMenu else { return [] }
    menu.selected = max(0, min(count - 1, menu.selected + rows))
    commandMenu = menu
    return []
  }

  /// Closes the menu and sends the command's key through the ordinary dispatch, so a command
  /// run from the menu does exactly what its key does.
  mutating func runMenuSelection() -> [Command] {
    let items = filteredMenuItems
    guard let menu = commandMenu else { return [] }
    guard !items.isEmpty else {
      message = StatusMessage("No command matches “\(menu.filter.text)”", .warning)
      return []
    }
    let item = items[max(0, min(menu.selected, items.count - 1))]
    commandMenu = nil
    return handleKey(item.key)
  }

  func drawCommandMenu(into screen: inout Screen) -> (x: Int, y: Int)? {
    guard let menu = commandMenu else { return nil }
    let items = filteredMenuItems
    let w = min(width - 2, 72)
    let rows = menuRows
    let h = min(height - 2, rows + 5)
    let x = max(0, (width - w) / 2)
    let y = max(0, (height - h) / 2)
    drawBox(into: &screen, x: x, y: y, width: w, height: h, title: "Commands: \(helpTitle) (Enter runs, Esc closes)")
    screen.put("> ", x: x + 2, y: y + 1, style: Theme.header)
    let cursorX = menu.filter.draw(into: &screen, x: x + 4, y: y + 1, width: w - 6, style: Theme.input)
    let selected = max(0, min(menu.selected, items.count - 1))
    let first = scrollStart(selected: selected, count: items.count, rows: h - 5)
    let keyWidth = 11
    for row in 0..<max(0, h - 5) {
      let i = first + row
      guard i < items.count else { break }
      let style = i == selected ? Theme.selected : Theme.popup
      let line = padRight(keyName(items[i].key), toWidth: keyWidth) + " " + items[i].title
      screen.put(padRight(truncate(line, toWidth: w - 4), toWidth: w - 4), x: x + 2, y: y + 3 + row, style: style)
    }
    let count = items.isEmpty ? "no command matches" : "\(items.count) command\(items.count == 1 ? "" : "s")"
    screen.put(count, x: x + 2, y: y + h - 2, style: Theme.dim, maxWidth: w - 4)
    return (cursorX, y + 1)
  }
}
