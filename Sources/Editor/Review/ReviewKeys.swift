import Terminal

/// Keys of the review's list of changes.
enum ReviewKeys {
  static let table = KeyTable<ReviewState>(
    "review",
    [
      KeyBinding("↑ ↓ / j k", "select a change", keys: [.down, .up, .char("j"), .char("k")], menu: []) { r, key, c in
        r.selectChange(by: key == .down || key == .char("j") ? 1 : -1, c)
      },
      KeyBinding(
        "y / n", "accept / reject the change (rejecting reverts it)", keys: [.char("y"), .char("n")],
        hint: "y/n: accept/reject", hintRank: 40,
        menu: [("accept the change", .char("y")), ("reject the change (reverts it)", .char("n"))]
      ) { r, key, c in key == .char("y") ? r.acceptSelectedChange(c) : r.rejectSelectedChange(c) },
      KeyBinding(
        "a / r", "accept all / reject all", keys: [.char("a"), .char("r")], hint: "a/r: all", hintRank: 50,
        menu: [("accept all changes", .char("a")), ("reject all changes", .char("r"))]
      ) { r, key, c in key == .char("a") ? r.acceptAllChanges(c) : r.rejectAllChanges(c) },
      KeyBinding("u", "undo (a rejection)", keys: [.char("u")]) { _, _, _ in [.undo, .refreshDerived] },
      KeyBinding(
        "Enter / → / l", "the change in full, word by word (Esc back)", keys: [.enter, .right, .char("l")],
        hint: "Enter: details", hintRank: 30
      ) { r, _, c in r.openChangeDetail(c) },
      KeyBinding("t", "show the exact HTTP requests the save sends", keys: [.char("t")], hint: "t: requests", hintRank: 60) {
        r, _, _ in
        r.showRequests.toggle()
        r.scroll = r.showRequests ? -10_000 : 0
        return []
      },
      KeyBinding("PgUp PgDn Space", "scroll", keys: [.pageUp, .pageDown, .char(" ")], menu: []) { r, key, c in
        r.scrollList(down: key != .pageUp, c)
      },
      KeyBinding("S / Ctrl-S", "save now", keys: [.char("S"), .ctrl("s")], hint: "S: save", hintRank: 10) { _, _, _ in
        [.save]
      },
      KeyBinding("Esc / q", "back to the editor", keys: [.escape, .char("q")], hint: "Esc: back", hintRank: 20) { _, _, _ in
        [.goTo(.form)]
      },
    ])
}

/// Keys of one change shown in full.
enum ReviewDetailKeys {
  static let table = KeyTable<ReviewState>(
    "reviewDetail",
    [
      KeyBinding(
        "↑ ↓ / j k", "scroll a line", keys: [.down, .up, .char("j"), .char("k")], hint: "↑↓ PgUp PgDn: scroll",
        hintRank: 30, menu: []
      ) { r, key, c in r.scrollDetail(by: key == .down || key == .char("j") ? 1 : -1, c) },
      KeyBinding("PgUp PgDn Space", "scroll a page", keys: [.pageUp, .pageDown, .char(" ")], menu: []) { r, key, c in
        r.scrollDetail(by: (key == .pageUp ? -1 : 1) * max(1, c.height - 4), c)
      },
      KeyBinding(
        "g G / Home End", "top / bottom", keys: [.char("g"), .home, .char("G"), .end],
        menu: [("scroll to the top", .char("g")), ("scroll to the bottom", .char("G"))]
      ) { r, key, c in r.scrollDetail(to: key == .char("g") || key == .home ? 0 : -1, c) },
      KeyBinding(
        "y / n", "accept / reject the change (rejecting reverts it)", keys: [.char("y"), .char("n")],
        hint: "y/n: accept/reject", hintRank: 20,
        menu: [("accept the change", .char("y")), ("reject the change (reverts it)", .char("n"))]
      ) { r, key, c in key == .char("y") ? r.acceptShownChange(c) : r.rejectShownChange(c) },
      KeyBinding(
        "Esc / q / Enter / ← / h", "back to the list", keys: [.escape, .char("q"), .enter, .left, .char("h")],
        hint: "Esc: back to the list", hintRank: 10
      ) { r, _, _ in
        r.detail = nil
        return []
      },
      KeyBinding("S / Ctrl-S", "save now", keys: [.char("S"), .ctrl("s")]) { r, _, _ in
        r.detail = nil
        return [.save]
      },
    ])
}
