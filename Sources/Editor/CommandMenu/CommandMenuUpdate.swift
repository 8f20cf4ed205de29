import Terminal

extension CommandMenuState: Component {
  var keys: KeyTable<CommandMenuState> { MenuKeys.table }

  public mutating func update(_ message: CommandMenuMsg, _ context: ScreenContext) -> [Effect] {
    switch message {
    case .key(let key):
      if let effects = keys.run(key, on: &self, context) { return effects }
      if filter.handle(key) == .edited { selected = 0 }
      return []
    case .paste(let text):
      filter.insert(text)
      selected = 0
      return []
    }
  }

  /// Every command of the screen as it is now (the global ones last).
  static func items(_ context: ScreenContext) -> [CommandMenuItem] {
    var seen = Set<Key>()
    var items: [CommandMenuItem] = []
    let tables = context.screenKeys + [GlobalKeys.table.erased]
    for table in tables {
      for binding in table.bindings {
        for entry in binding.menu where !seen.contains(entry.key) {
          // A key an earlier table already has is that table's (the dispatch takes the first).
          guard tables.first(where: { $0.binding(for: entry.key) != nil })?.name == table.name
          else { continue }
          seen.insert(entry.key)
          items.append(CommandMenuItem(title: entry.title, key: entry.key))
        }
      }
    }
    return items
  }

  /// The items whose title or key contains every word of the filter (any case).
  func filtered(_ context: ScreenContext) -> [CommandMenuItem] {
    let words = filter.text.lowercased().split(separator: " ").map(String.init)
    guard !words.isEmpty else { return Self.items(context) }
    return Self.items(context).filter { item in
      let text = (item.title + " " + keyName(item.key)).lowercased()
      return words.allSatisfy { text.contains($0) }
    }
  }

  static func rows(_ context: ScreenContext) -> Int { max(1, min(context.height - 2, 24) - 5) }

  mutating func moveSelection(by rows: Int, _ context: ScreenContext) -> [Effect] {
    let count = filtered(context).count
    selected = max(0, min(count - 1, selected + rows))
    return []
  }

  /// Closes the menu and sends the command's key through the ordinary dispatch, so a command
  /// run from the menu does exactly what its key does.
  func runSelection(_ context: ScreenContext) -> [Effect] {
    let items = filtered(context)
    guard !items.isEmpty else {
      return [.status(StatusMessage("No command matches “\(filter.text)”", .warning))]
    }
    let item = items[max(0, min(selected, items.count - 1))]
    return [.closeCommandMenu, .key(item.key)]
  }
}
