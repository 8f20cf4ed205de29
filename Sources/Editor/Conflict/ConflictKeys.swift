import Terminal

/// Keys of the conflict screen.
enum ConflictKeys {
  static let table = KeyTable<ConflictState>(
    "conflict",
    [
      KeyBinding("↑ ↓ / j k", "select a field", keys: [.down, .up, .char("j"), .char("k")], menu: []) { s, key, _ in
        s.select(by: key == .down || key == .char("j") ? 1 : -1)
      },
      KeyBinding(
        "m / t", "keep mine / take theirs for this field", keys: [.char("m"), .char("t")], hint: "m/t: mine/theirs",
        menu: [("keep mine for this field", .char("m")), ("take theirs for this field", .char("t"))]
      ) { s, key, _ in s.decide(keepMine: key == .char("m"), everyField: false) },
      KeyBinding(
        "M / T", "keep mine / take theirs for every field", keys: [.char("M"), .char("T")],
        menu: [("keep mine for every field", .char("M")), ("take theirs for every field", .char("T"))]
      ) { s, key, _ in s.decide(keepMine: key == .char("M"), everyField: true) },
      KeyBinding("Enter", "use these decisions and go back to review", keys: [.enter], hint: "Enter: done") { s, _, _ in
        s.finish()
      },
      KeyBinding(
        "Esc / q", "cancel the save (nothing is sent, nothing lost)", keys: [.escape, .char("q")], hint: "Esc: cancel the save"
      ) { s, _, _ in s.cancel() },
    ])
}
