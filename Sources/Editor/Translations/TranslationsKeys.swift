import Terminal

/// Keys of the translation grid (the common editor keys follow them).
enum TranslationKeys {
  static let table = KeyTable<TranslationsState>(
    name: "translations",
    [
      KeyBinding(
        "↑ ↓ / j k", "select a text", keys: [.down, .up, .char("j"), .char("k")], hint: "↑↓←→: cell", menu: []
      ) { m, key, c in m.selectRow(by: key == .down || key == .char("j") ? 1 : -1, c) },
      KeyBinding(
        "← → / h l", "select a language column (columns scroll)", keys: [.left, .right, .char("h"), .char("l")], menu: []
      ) { m, key, c in m.selectColumn(by: key == .right || key == .char("l") ? 1 : -1, c) },
      KeyBinding(
        "PgUp PgDn / Ctrl-D", "page up / down", keys: [.pageUp, .pageDown, .ctrl("d")], hint: "PgUp/PgDn g G", hintRank: 90,
        menu: []
      ) { m, key, c in m.selectRow(by: key == .pageUp ? -c.translationPageRows : c.translationPageRows, c) },
      KeyBinding(
        "g G / Home End", "first / last text", keys: [.char("g"), .home, .char("G"), .end],
        menu: [("select the first text", .char("g")), ("select the last text", .char("G"))]
      ) { m, key, c in m.selectRow(to: key == .char("g") || key == .home ? 0 : -1, c) },
      KeyBinding("Enter / e", "edit the cell (long texts open $EDITOR)", keys: [.enter, .char("e")], hint: "Enter: edit") {
        m, _, c in m.editSelected(c)
      },
      KeyBinding("f", "show only texts missing a translation (again: all)", keys: [.char("f")], hint: "f: only missing") {
        m, _, c in m.toggleMissingFilter(c)
      },
      KeyBinding(
        "L", "translate mode: pick a language, go missing row after row", keys: [.char("L")], hint: "L: translate mode"
      ) { m, _, c in m.chooseTranslateLanguage(c) },
      KeyBinding("Esc", "leave translate mode / the filter", keys: [.escape]) { m, _, c in m.leaveTranslateModeOrFilter(c) },
      KeyBinding("x / Delete", "remove the translation in the cell", keys: [.char("x"), .delete]) { m, _, c in
        m.removeSelectedTranslation(c)
      },
      .note("In a cell", "Enter keeps (then next missing row in translate mode), Esc cancels"),
    ])
}
