import Terminal

/// Keys of the option list (the common editor keys follow them).
enum OptionKeys {
  static let table = KeyTable<OptionsState>(
    name: "options",
    [
      KeyBinding("↑ ↓ / j k", "select an option", keys: [.down, .up, .char("j"), .char("k")], menu: []) { m, key, c in
        m.selectOption(by: key == .down || key == .char("j") ? 1 : -1, c)
      },
      KeyBinding("PgUp PgDn", "select a page further up / down", keys: [.pageUp, .pageDown], menu: []) { m, key, c in
        m.selectOption(by: (key == .pageUp ? -1 : 1) * max(1, c.height / 3), c)
      },
      KeyBinding(
        "g G / Home End", "first / last option", keys: [.char("g"), .home, .char("G"), .end],
        menu: [("select the first option", .char("g")), ("select the last option", .char("G"))]
      ) { m, key, c in m.selectOption(to: key == .char("g") || key == .home ? 0 : -1, c) },
      KeyBinding("→ / l", "into the option's choices", keys: [.right, .char("l")], hint: "→: choices") { m, _, c in
        m.enterChoices(c)
      },
      KeyBinding("a", "add an option", keys: [.char("a")], hint: "a: add") { m, _, c in m.addOption(c) },
      KeyBinding("x / Delete", "delete the option (asks)", keys: [.char("x"), .delete], hint: "x: delete") { m, _, c in
        m.askToDeleteOption(c)
      },
      KeyBinding(
        "J K / Shift-↑↓", "move the option down / up", keys: [.char("J"), .shiftDown, .char("K"), .shiftUp], hint: "J/K: move",
        menu: [("move the option down", .char("J")), ("move the option up", .char("K"))]
      ) { m, key, c in m.moveSelectedOption(down: key == .char("J") || key == .shiftDown, c) },
      KeyBinding("D", "duplicate the option", keys: [.char("D")], hint: "D: duplicate") { m, _, c in
        m.duplicateSelectedOption(c)
      },
      KeyBinding("Enter / e", "edit the option name", keys: [.enter, .char("e")], hint: "e: name") { m, _, c in
        m.editOptionName(c)
      },
      KeyBinding("t", "change the option type (SELECT, RADIO, … SIZE)", keys: [.char("t")], hint: "t: type") { m, _, c in
        m.chooseOptionType(c)
      },
      KeyBinding("Space / r", "toggle required", keys: [.char(" "), .char("r")], hint: "r: required") { m, _, c in
        m.toggleOptionRequired(c)
      },
      .note("", "Translations of names: section 4 (Translations)"),
    ])
}

/// Keys of the selected option's choice list (the common editor keys follow them).
enum ChoiceKeys {
  static let table = KeyTable<OptionsState>(
    name: "optionChoices",
    [
      KeyBinding("← / h / Esc", "back to the options", keys: [.left, .char("h"), .escape], hint: "←/Esc: options") { m, _, c in
        m.focus = .options
        return []
      },
      KeyBinding("↑ ↓ / j k", "select a choice", keys: [.down, .up, .char("j"), .char("k")], menu: []) { m, key, c in
        m.selectChoice(by: key == .down || key == .char("j") ? 1 : -1, c)
      },
      KeyBinding("PgUp PgDn", "select a page further up / down", keys: [.pageUp, .pageDown], menu: []) { m, key, c in
        m.selectChoice(by: (key == .pageUp ? -1 : 1) * max(1, c.height / 3), c)
      },
      KeyBinding(
        "g G / Home End", "first / last choice", keys: [.char("g"), .home, .char("G"), .end],
        menu: [("select the first choice", .char("g")), ("select the last choice", .char("G"))]
      ) { m, key, c in m.selectChoice(to: key == .char("g") || key == .home ? 0 : -1, c) },
      KeyBinding("a", "add a choice", keys: [.char("a")], hint: "a: add") { m, _, c in m.addChoice(c) },
      KeyBinding("x / Delete", "delete the choice (u undoes)", keys: [.char("x"), .delete], hint: "x: delete") { m, _, c in
        m.deleteSelectedChoice(c)
      },
      KeyBinding(
        "J K / Shift-↑↓", "move the choice down / up", keys: [.char("J"), .shiftDown, .char("K"), .shiftUp], hint: "J/K: move",
        menu: [("move the choice down", .char("J")), ("move the choice up", .char("K"))]
      ) { m, key, c in m.moveSelectedChoice(down: key == .char("J") || key == .shiftDown, c) },
      KeyBinding("Enter / e", "edit the choice text", keys: [.enter, .char("e")], hint: "e: text") { m, _, c in
        m.editSelectedChoice(priceModifier: false, c)
      },
      KeyBinding("p", "edit the choice's price modifier (a number)", keys: [.char("p")], hint: "p: price") { m, _, c in
        m.editSelectedChoice(priceModifier: true, c)
      },
      KeyBinding("%", "switch the modifier between ABSOLUTE and PERCENT", keys: [.char("%")], hint: "%: abs/%") { m, _, c in
        m.togglePriceModifierType(c)
      },
      KeyBinding(
        "*", "make the choice the default (a saved default cannot be cleared)", keys: [.char("*")], hint: "*: default"
      ) { m, _, c in m.toggleDefaultChoice(c) },
      KeyBinding("D", "duplicate the option", keys: [.char("D")]) { m, _, c in m.duplicateOptionFromChoices(c) },
      KeyBinding("t", "change the option type (back in the option list)", keys: [.char("t")]) { m, _, c in
        m.focus = .options
        return m.chooseOptionType(c)
      },
      KeyBinding("Space / r", "toggle the option's required (back in the option list)", keys: [.char(" "), .char("r")]) {
        m, _, c in
        m.focus = .options
        return m.toggleOptionRequired(c)
      },
    ])
}
