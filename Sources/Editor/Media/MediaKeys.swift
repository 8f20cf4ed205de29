import Terminal

/// Keys of the gallery (the common editor keys follow them).
enum MediaKeys {
  static let table = KeyTable<MediaState>(
    name: "media",
    [
      KeyBinding("↑ ↓ / j k", "select an image", keys: [.down, .up, .char("j"), .char("k")], menu: []) { m, key, c in
        m.selectMedium(by: key == .down || key == .char("j") ? 1 : -1, c)
      },
      KeyBinding("PgUp PgDn", "select a page further up / down", keys: [.pageUp, .pageDown], menu: []) { m, key, c in
        m.selectMedium(by: key == .pageDown ? c.mediaPageRows : -c.mediaPageRows, c)
      },
      KeyBinding(
        "g G / Home End", "select the first / last image", keys: [.char("g"), .home, .char("G"), .end],
        menu: [("select the first image", .char("g")), ("select the last image", .char("G"))]
      ) { m, key, c in m.selectMedium(to: key == .char("g") || key == .home ? 0 : -1, c) },
      KeyBinding(
        "J K / Shift-↑↓", "move the image down / up one place", keys: [.char("J"), .shiftDown, .char("K"), .shiftUp],
        hint: "J/K: move",
        menu: [("move the image down one place", .char("J")), ("move the image up one place", .char("K"))]
      ) { m, key, c in m.moveSelectedImage(down: key == .char("J") || key == .shiftDown, c) },
      KeyBinding(
        "Alt-g / Alt-G, Ctrl-Home / Ctrl-End", "move the image to the top / bottom",
        keys: [.alt("g"), .ctrlHome, .alt("G"), .ctrlEnd], hint: "Alt-g/Alt-G: to top/bottom",
        menu: [("move the image to the top", .alt("g")), ("move the image to the bottom", .alt("G"))]
      ) { m, key, c in m.moveSelectedImageToEnd(top: key == .alt("g") || key == .ctrlHome, c) },
      KeyBinding("m", "make it the main image", keys: [.char("m")], hint: "m: main") { m, _, c in m.makeSelectedImageMain(c) },
      KeyBinding("e / Enter", "edit the alt text", keys: [.char("e"), .enter], hint: "e: alt") { m, _, c in
        m.startAltEditing(index: m.selectedMedium(c), language: nil, c)
      },
      KeyBinding("l", "edit the alt text's translation in another language", keys: [.char("l")], hint: "l: alt translation") {
        m, _, c in m.chooseAltLanguage(c)
      },
      KeyBinding("a", "add an image (or a video: URL of a video site) by URL", keys: [.char("a")], hint: "a: add URL") { m, _, _ in
        m.adding = TextEdit("", coalesceKey: "media-add")
        return []
      },
      KeyBinding("x / Delete", "remove the image (asks first)", keys: [.char("x"), .delete], hint: "x: remove") { m, _, c in
        m.askToRemoveSelectedMedium(c)
      },
    ])
}
