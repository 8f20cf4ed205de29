import Terminal

/// The `?` overlay: the keys of the screen it was opened on (from that screen's key tables, the
/// same that run the keys), then the keys every screen has; scrolled when they do not fit.
public struct HelpState: Equatable, Sendable {
  /// How far the overlay is scrolled (when the keys do not fit the window).
  public var scroll = 0
  public init() {}
}

/// What the help overlay handles.
public enum HelpMsg: Sendable {
  case key(Key)
}

extension Model {
  /// The help overlay is open.
  public var showHelp: Bool { help != nil }
  public var helpScroll: Int { help?.scroll ?? 0 }
  /// The overlay's lines and how many it shows at once, for the screen as it is now.
  var helpLines: [(key: String, text: String)] { HelpState.lines(context) }
  var helpPage: Int { HelpState.page(context) }
}

extension Model {
  /// What the overlay lists, and its box's and key column's widths, for the screen as it is now.
  var helpEntries: [(String, String)] { HelpState.entries(context) }
  var helpBoxWidth: Int { HelpState.boxWidth(context) }
  var helpKeyWidth: Int { HelpState.keyWidth(context) }
}
