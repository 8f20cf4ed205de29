import Terminal

/// Keys of the option list (the common editor keys follow them).
enum OptionKeys {
  static let table = KeyTable<Model>(
    "options",
    [
      KeyBinding("↑ ↓ / j k", "select an option", keys: [.down, .up, .char("j"), .char("k")], menu: []) { m, key in
        m.selectOption(by: key == .down || key == .char("j") ? 1 : -1)
      },
      KeyBinding("PgUp PgDn", "select a page further up / down", keys: [.pageUp, .pageDown], menu: []) { m, key in
        m.selectOption(by: (key == .pageUp ? -1 : 1) * max(1, m.height / 3))
      },
      KeyBinding(
        "g G / Home End", "first / last option", keys: [.char("g"), .home, .char("G"), .end],
        menu: [("select the first option", .char("g")), ("select the last option", .char("G"))]
      ) { m, key in m.selectOption(to: key == .char("g") || key == .home ? 0 : -1) },
      KeyBinding("→ / l", "into the option's choices", keys: [.right, .char("l")], hint: "→: choices") { m, _ in m.enterChoices() },
      KeyBinding("a", "add an option", keys: [.char("a")], hint: "a: add") { m, _ in m.addOption() },
      KeyBinding("x / Delete", "delete the option (asks)", keys: [.char("x"), .delete], hint: "x: delete") { m, _ in
        m.askToDeleteOption()
      },
      KeyBinding(
        "J K / Shift-↑↓", "move the option down / up", keys: [.char("J"), .shiftDown, .char("K"), .shiftUp], hint: "J/K: move",
        menu: [("move the option down", .char("J")), ("move the option up", .char("K"))]
      ) { m, key in m.moveSelectedOption(down: key == .char("J") || key == .shiftDown) },
      KeyBinding("D", "duplicate the option", keys: [.char("D")], hint: "D: duplicate") { m, _ in m.duplicateSelectedOption() },
      KeyBinding("Enter / e", "edit the option name", keys: [.enter, .char("e")], hint: "e: name") { m, _ in m.editOptionName() },
      KeyBinding("t", "change the option type (SELECT, RADIO, … SIZE)", keys: [.char("t")], hint: "t: type") { m, _ in
        m.chooseOptionType()
      },
      KeyBinding("Space / r", "toggle required", keys: [.char(" "), .char("r")], hint: "r: required") { m, _ in
        m.toggleOptionRequired()
      },
      .note("", "Translations of names: section 4 (Translations)"),
    ])
}

/// Keys of the selected option's choice list (the common editor keys follow them).
enum ChoiceKeys {
  static let table = KeyTable<Model>(
    "optionChoices",
    [
      KeyBinding("← / h / Esc", "back to the options", keys: [.left, .char("h"), .escape], hint: "←/Esc: options") { m, _ in
        m.options.focus = .options
        return []
      },
      KeyBinding("↑ ↓ / j k", "select a choice", keys: [.down, .up, .char("j"), .char("k")], menu: []) { m, key in
        m.selectChoice(by: key == .down || key == .char("j") ? 1 : -1)
      },
      KeyBinding("PgUp PgDn", "select a page further up / down", keys: [.pageUp, .pageDown], menu: []) { m, key in
        m.selectChoice(by: (key == .pageUp ? -1 : 1) * max(1, m.height / 3))
      },
      KeyBinding(
        "g G / Home End", "first / last choice", keys: [.char("g"), .home, .char("G"), .end],
        menu: [("select the first choice", .char("g")), ("select the last choice", .char("G"))]
      ) { m, key in m.selectChoice(to: key == .char("g") || key == .home ? 0 : -1) },
      KeyBinding("a", "add a choice", keys: [.char("a")], hint: "a: add") { m, _ in m.addChoice() },
      KeyBinding("x / Delete", "delete the choice (u undoes)", keys: [.char("x"), .delete], hint: "x: delete") { m, _ in
        m.deleteSelectedChoice()
      },
      KeyBinding(
        "J K / Shift-↑↓", "move the choice down / up", keys: [.char("J"), .shiftDown, .char("K"), .shiftUp], hint: "J/K: move",
        menu: [("move the choice down", .char("J")), ("move the choice up", .char("K"))]
      ) { m, key in m.moveSelectedChoice(down: key == .char("J") || key == .shiftDown) },
      KeyBinding("Enter / e", "edit the choice text", keys: [.enter, .char("e")], hint: "e: text") { m, _ in
        m.editSelectedChoice(priceModifier: false)
      },
      KeyBinding("p", "edit the choice's price modifier (a number)", keys: [.char("p")], hint: "p: price") { m, _ in
        m.editSelectedChoice(priceModifier: true)
      },
      KeyBinding("%", "switch the modifier between ABSOLUTE and PERCENT", keys: [.char("%")], hint: "%: abs/%") { m, _ in
        m.togglePriceModifierType()
      },
      KeyBinding(
        "*", "make the choice the default (a saved default cannot be cleared)", keys: [.char("*")], hint: "*: default"
      ) { m, _ in m.toggleDefaultChoice() },
      KeyBinding("D", "duplicate the option", keys: [.char("D")]) { m, _ in m.duplicateOptionFromChoices() },
      KeyBinding("t", "change the option type (back in the option list)", keys: [.char("t")]) { m, _ in
        m.options.focus = .options
        return m.chooseOptionType()
      },
      KeyBinding("Space / r", "toggle the option's required (back in the option list)", keys: [.char(" "), .char("r")]) {
        m, _ in
        m.options.focus = .options
        return m.toggleOptionRequired()
      },
    ])
}
