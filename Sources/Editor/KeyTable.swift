import Terminal

/// What a key table's actions act on, and what they get and give back: the root (`Model`) runs
/// its bindings on itself and returns `Command`s; a screen (`Component`) runs them on its own
/// state with the shared `ScreenContext` to read, and returns `Effect`s for the root.
public protocol KeyTarget {
  associatedtype KeyContext
  associatedtype KeyOutput
}

/// How a binding reads in the help, the hint line and the command menu: everything about a key
/// except what it does. Every table, whatever it acts on, is seen this way by the `?` overlay,
/// the hint line, the command menu, the README and the key-table tests.
public struct KeyEntry: Sendable {
  /// How the keys read in the help: "↑ ↓ / j k".
  public let label: String
  public let description: String
  /// The keys dispatched to the binding's action.
  public let keys: [Key]
  /// The short form for the hint line ("J/K: move"); nil keeps it out of the hint line.
  public let hint: String?
  /// Where the hint goes in the hint line (lower first; equal ranks keep the table's order).
  public let hintRank: Int
  /// The command menu's entries: a title and the key it sends. By default the description and
  /// the first key; empty for keys that only move a selection.
  public let menu: [(title: String, key: Key)]
}

/// One line of a screen's key table: the keys, what they do (for the `?` overlay, the README and
/// the command menu), their short form for the hint line, and the action they run.
///
/// The table is the dispatch: a screen hands a key to the first binding that lists it, and a key
/// no binding lists does nothing. A binding without keys is a note (how typing in a field works);
/// it is shown, never dispatched.
public struct KeyBinding<Target: KeyTarget>: Sendable {
  public let entry: KeyEntry
  let run: (@Sendable (inout Target, Key, Target.KeyContext) -> Target.KeyOutput)?

  public var label: String { entry.label }
  public var description: String { entry.description }
  public var keys: [Key] { entry.keys }
  public var hint: String? { entry.hint }
  public var hintRank: Int { entry.hintRank }
  public var menu: [(title: String, key: Key)] { entry.menu }

  init(
    _ label: String, _ description: String, keys: [Key], hint: String? = nil, hintRank: Int = 50,
    menu: [(title: String, key: Key)]? = nil,
    run: (@Sendable (inout Target, Key, Target.KeyContext) -> Target.KeyOutput)?
  ) {
    entry = KeyEntry(
      label: label, description: description, keys: keys, hint: hint, hintRank: hintRank,
      menu: menu ?? (keys.first.map { [(description, $0)] } ?? []))
    self.run = run
  }

  /// A line of text without keys (about typing in a field).
  static func note(_ label: String, _ description: String) -> KeyBinding {
    KeyBinding(label, description, keys: [], menu: [], run: nil)
  }
}

extension KeyBinding where Target.KeyContext == Void {
  /// A binding of the root, whose actions need no context: they read the model itself.
  init(
    _ label: String, _ description: String, keys: [Key], hint: String? = nil, hintRank: Int = 50,
    menu: [(title: String, key: Key)]? = nil, run: @escaping @Sendable (inout Target, Key) -> Target.KeyOutput
  ) {
    self.init(label, description, keys: keys, hint: hint, hintRank: hintRank, menu: menu) { target, key, _ in
      run(&target, key)
    }
  }
}

/// The keys of one screen (or of one state of it: the option list and the choice list differ).
public struct KeyTable<Target: KeyTarget>: Sendable {
  public let name: String
  public let bindings: [KeyBinding<Target>]
  /// The same table as the overlay, the hint line and the menu read it.
  public let erased: AnyKeyTable

  init(_ name: String, _ bindings: [KeyBinding<Target>]) {
    self.name = name
    self.bindings = bindings
    erased = AnyKeyTable(name: name, bindings: bindings.map(\.entry))
  }

  public func binding(for key: Key) -> KeyBinding<Target>? {
    bindings.first { $0.keys.contains(key) }
  }

  /// Runs the binding of `key` on `target`; nil when no binding lists the key.
  func run(_ key: Key, on target: inout Target, _ context: Target.KeyContext) -> Target.KeyOutput? {
    guard let run = binding(for: key)?.run else { return nil }
    return run(&target, key, context)
  }

  /// Every key the table dispatches.
  public var keys: [Key] { erased.keys }

  /// (keys, description) pairs, as the overlay and the README show them.
  public var reference: [(String, String)] { erased.reference }

  /// The hints, in rank order (the hint line appends `?: help` itself).
  var hints: [(rank: Int, text: String)] { erased.hints }
}

extension KeyTable where Target.KeyContext == Void {
  func run(_ key: Key, on target: inout Target) -> Target.KeyOutput? { run(key, on: &target, ()) }
}

/// A key table seen without its actions: what the `?` overlay, the hint line, the command menu,
/// the README and the tests read, the same for every table whatever it acts on.
public struct AnyKeyTable: Sendable {
  public let name: String
  public let bindings: [KeyEntry]

  public func binding(for key: Key) -> KeyEntry? {
    bindings.first { $0.keys.contains(key) }
  }

  /// Every key the table dispatches.
  public var keys: [Key] { bindings.flatMap(\.keys) }

  /// (keys, description) pairs, as the overlay and the README show them.
  public var reference: [(String, String)] { bindings.map { ($0.label, $0.description) } }

  /// The hints, in rank order (the hint line appends `?: help` itself).
  var hints: [(rank: Int, text: String)] {
    bindings.compactMap { b in b.hint.map { (b.hintRank, $0) } }
  }
}

/// Joins hints of one or more tables into a hint line (without `?: help`).
func hintText(_ tables: [AnyKeyTable]) -> String {
  let all = tables.flatMap(\.hints).enumerated().sorted { a, b in
    a.element.rank != b.element.rank ? a.element.rank < b.element.rank : a.offset < b.offset
  }
  return all.map(\.element.text).joined(separator: " · ")
}

/// The hint line of tables of one kind.
func hintText<Target>(_ tables: [KeyTable<Target>]) -> String { hintText(tables.map(\.erased)) }

/// How a key is named in the command menu.
public func keyName(_ key: Key) -> String {
  switch key {
  case .char(" "): return "Space"
  case .char(let c): return String(c)
  case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
  case .alt(let c): return "Alt-" + String(c)
  case .enter: return "Enter"
  case .tab: return "Tab"
  case .backTab: return "Shift-Tab"
  case .backspace: return "Backspace"
  case .delete: return "Delete"
  case .escape: return "Esc"
  case .insert: return "Insert"
  case .up: return "↑"
  case .down: return "↓"
  case .left: return "←"
  case .right: return "→"
  case .home: return "Home"
  case .end: return "End"
  case .pageUp: return "PgUp"
  case .pageDown: return "PgDn"
  case .shiftUp: return "Shift-↑"
  case .shiftDown: return "Shift-↓"
  case .shiftLeft: return "Shift-←"
  case .shiftRight: return "Shift-→"
  case .ctrlLeft: return "Ctrl-←"
  case .ctrlRight: return "Ctrl-→"
  case .ctrlUp: return "Ctrl-↑"
  case .ctrlDown: return "Ctrl-↓"
  case .ctrlHome: return "Ctrl-Home"
  case .ctrlEnd: return "Ctrl-End"
  case .function(let n): return "F\(n)"
  case .unknown(let code): return "key \(code)"
  }
}

/// Cuts text into lines of at most `width` columns at spaces (a word longer than a line is cut).
func wordWrap(_ text: String, width: Int) -> [String] {
  let width = max(1, width)
  var lines: [String] = []
  var current = ""
  for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
    let candidate = current.isEmpty ? word : current + " " + word
    if displayWidth(candidate) <= width {
      current = candidate
      continue
    }
    if !current.isEmpty { lines.append(current) }
    if displayWidth(word) <= width {
      current = word
    } else {
      var pieces = wrap(word, width: width)
      current = pieces.removeLast()
      lines += pieces
    }
  }
  if !current.isEmpty || lines.isEmpty { lines.append(current) }
  return lines
}
