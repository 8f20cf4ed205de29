import Terminal

/// Keys of the scalar sections' field list (the common editor keys follow them).
enum FormKeys {
  static let table = KeyTable<FormState>(
    name: "form",
    [
      KeyBinding("↑ ↓ / j k", "select a field", keys: [.down, .up, .char("j"), .char("k")], hint: "↑↓: field", hintRank: 10, menu: []) {
        m, key, c in m.selectField(by: key == .down || key == .char("j") ? 1 : -1, c)
      },
      KeyBinding("PgUp PgDn / Ctrl-D", "page up / down", keys: [.pageUp, .pageDown, .ctrl("d")], menu: []) { m, key, c in
        m.selectField(by: key == .pageUp ? -c.formRows : c.formRows, c)
      },
      KeyBinding(
        "g G / Home End", "first / last field", keys: [.char("g"), .home, .char("G"), .end],
        menu: [("first field", .char("g")), ("last field", .char("G"))]
      ) { m, key, c in m.selectField(to: key == .char("g") || key == .home ? 0 : -1, c) },
      KeyBinding(
        "Enter / e / i", "edit the field (Description opens $EDITOR)", keys: [.enter, .char("e"), .char("i")],
        hint: "Enter: edit", hintRank: 20
      ) { m, _, c in m.editSelectedField(viaSpace: false, c) },
      KeyBinding("Space", "flip a yes/no field", keys: [.char(" ")]) { m, _, c in m.editSelectedField(viaSpace: true, c) },
      KeyBinding("r", "restore the field to the fetched value", keys: [.char("r")], hint: "r: restore", hintRank: 60) { m, _, c in
        m.restoreSelectedField(c)
      },
      .note("In a field", "←→ Home End, Ctrl-←→ words, Ctrl-U/K/W delete"),
      .note("", "Enter keeps, Esc cancels; pasted text stays text"),
    ])
}
