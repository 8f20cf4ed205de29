import EcwidAPI
import EcwidSandbox
import ProductDocument
import Terminal
import Testing

@testable import Editor

/// Issue 12, "Colours": every screen under xterm-256color, xterm (8 colours) and NO_COLOR, as the
/// backend draws it (`Style.terminalStyle` is what NcursesTerminal sends to ncurses).
@Suite struct ColourTests {
  enum Mode: String, CaseIterable, CustomStringConvertible {
    case xterm256 = "xterm-256color", xterm8 = "xterm", noColor = "NO_COLOR"
    var description: String { rawValue }
    func drawn(_ style: Style) -> TerminalStyle {
      switch self {
      case .xterm256: return style.terminalStyle(mode: .full256, colors: 256)
      case .xterm8: return style.terminalStyle(mode: .eight, colors: 8)
      case .noColor: return style.terminalStyle(mode: .none, colors: 0)
      }
    }
  }

  /// Every screen of the editor worth looking at, by name.
  static func screens() -> [(String, Model)] {
    var out: [(String, Model)] = []
    let base = EditorHarness.model(width: 100, height: 30)
    for (i, section) in Section.allCases.enumerated() {
      var m = base
      press(&m, .char(Character(String(i + 1))))
      out.append(("section \(section.title)", m))
    }
    var picker = Model(storeLabel: "test", storeId: 1, productId: nil, width: 100, height: 30)
    let items = EditorHarness.catalog.products.map { JSON.object($0.json) }
    _ = picker.update(
      .searched(requestId: 0, .success(SearchResult(json: ["items": .array(items), "total": .int(items.count)]))))
    out.append(("picker", picker))

    var translate = base
    translate.section = .translations
    press(&translate, .char("L"))
    out.append(("translate language chooser", translate))
    press(&translate, .enter)
    out.append(("translate mode", translate))
    // The selection on a cell next to missing ones: one column right of the first missing cell.
    press(&translate, .right)
    out.append(("translate mode, next column", translate))
    var noFilter = base
    noFilter.section = .translations
    press(&noFilter, .char("f"))
    out.append(("translations, only missing", noFilter))

    var media = base
    media.section = .media
    press(&media, .char("j"), .char("a"))
    out.append(("media add box", media))

    var review = base
    review.apply(.set([.key("name")], .string("A new name")))
    review.apply(.set([.key("price")], .double(12.5)))
    press(&review, .char("S"))
    out.append(("review", review))
    var requests = review
    press(&requests, .char("t"))
    out.append(("review requests", requests))
    var detail = review
    press(&detail, .enter)
    out.append(("review detail", detail))

    var help = base
    press(&help, .char("?"))
    out.append(("help", help))
    var quit = review
    press(&quit, .escape, .char("q"))
    out.append(("quit dialog", quit))
    return out
  }

  @Test(arguments: Mode.allCases)
  func noTextIsDrawnInItsBackgroundColour(mode: Mode) {
    guard mode != .noColor else { return }
    for (name, model) in Self.screens() {
      let screen = model.view().screen
      var bad: [String] = []
      for y in 0..<screen.height {
        for x in 0..<screen.width {
          let cell = screen[x, y]
          guard cell.width > 0, cell.text != " " else { continue }
          let colors = mode.drawn(cell.style).visibleColors
          if colors.fg == colors.bg && colors.fg >= 0 { bad.append("(\(x),\(y)) “\(cell.text)” \(colors)") }
          // Black text on the terminal's own background is unreadable on a dark terminal.
          if colors.fg == 0 && colors.bg == -1 { bad.append("(\(x),\(y)) “\(cell.text)” black on default") }
        }
      }
      #expect(bad.isEmpty, "\(name) under \(mode): \(bad.prefix(5))")
    }
  }

  @Test(arguments: Mode.allCases)
  func theSelectionLooksDifferentFromEverythingAroundIt(mode: Mode) {
    for (name, model) in Self.screens() {
      let screen = model.view().screen
      let selected = mode.drawn(Theme.selected)
      // The selection: the selected style, and reverse video laid over a selected row's value.
      func isSelection(_ style: Style) -> Bool { style == Theme.selected || style.reverse }
      var rows: Set<Int> = []
      for y in 0..<screen.height {
        for x in 0..<screen.width where screen[x, y].style == Theme.selected { rows.insert(y) }
      }
      guard !rows.isEmpty else { continue }
      var same: [String] = []
      // The title, the tab bar and the status line are chrome, not lists.
      for y in Set(rows.flatMap({ [$0 - 1, $0, $0 + 1] })) where y > 1 && y < screen.height - 1 {
        for x in 0..<screen.width {
          let cell = screen[x, y]
          guard !isSelection(cell.style) else { continue }
          if mode.drawn(cell.style) == selected { same.append("(\(x),\(y)) “\(cell.text)”") }
        }
      }
      #expect(same.isEmpty, "\(name) under \(mode): cells that look selected: \(same.prefix(5))")
    }
  }

  /// The two reported cases by name: missing cells with 8 colours, and a selected cell beside
  /// missing ones under NO_COLOR.
  @Test func missingCellsAreReadableAndNotLikeTheSelection() {
    let eight = Mode.xterm8.drawn(Theme.missing)
    #expect(eight.fg != eight.bg, "missing cells red on red with 8 colours")
    let none = Mode.noColor.drawn(Theme.missing)
    #expect(none != Mode.noColor.drawn(Theme.selected))
  }
}
