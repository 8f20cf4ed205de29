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

/// What the command menu handles.
public enum CommandMenuMsg: Sendable {
  case key(Key)
  /// Pasted text: it goes into the filter.
  case paste(String)
}

extension Model {
  /// Every command of the screen as it is now (the global ones last).
  var menuItems: [CommandMenuItem] { CommandMenuState.items(context) }
  /// The commands the menu's filter lets through.
  var filteredMenuItems: [CommandMenuItem] { (commandMenu ?? CommandMenuState()).filtered(context) }
  var menuRows: Int { CommandMenuState.rows(context) }
}
