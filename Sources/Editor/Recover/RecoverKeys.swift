import Terminal

/// Keys of the recovery screen.
enum RecoverKeys {
  static let table = KeyTable<RecoverState>(
    "recover",
    [
      KeyBinding("r / Enter", "recover the draft's changes", keys: [.char("r"), .enter], hint: "r: recover it") { s, _, _ in
        s.recoverShownDraft()
      },
      KeyBinding("d", "discard the draft", keys: [.char("d")], hint: "d: discard it") { s, _, c in s.discardShownDraft(c) },
      KeyBinding(
        "Tab → n / Shift-Tab ← p", "next / previous draft, when several were left behind",
        keys: [.tab, .right, .char("n"), .backTab, .left, .char("p")],
        menu: [("show the next draft", .char("n")), ("show the previous draft", .char("p"))]
      ) { s, key, _ in s.showDraft(offset: [.tab, .right, .char("n")].contains(key) ? 1 : -1) },
      KeyBinding("↑ ↓ / j k", "scroll the changes", keys: [.down, .up, .char("j"), .char("k")], menu: []) { s, key, _ in
        s.scroll = max(0, s.scroll + (key == .down || key == .char("j") ? 1 : -1))
        return []
      },
      KeyBinding("q / Ctrl-C", "quit and keep the draft for later", keys: [.char("q"), .ctrl("c")], hint: "q: decide later") {
        _, _, _ in
        // Leaving keeps every draft untouched for next time.
        [.quit(code: 0)]
      },
    ])
}
