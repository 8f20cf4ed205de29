import EcwidAPI
import ProductDocument
import Terminal
import Testing

@testable import Editor
import TestSupport

/// The command menu (`:` / Ctrl-P), Ctrl-L and the help overlay that wraps and scrolls (issue 14).
@Suite struct CommandMenuAndHelpTests {
  static func imageURL(_ m: Model, _ index: Int) -> String? {
    m.document?.current.json["media"]?["images"]?[index]?["imageOriginalUrl"]?.stringValue
  }

  // MARK: Command menu

  @Test func colonOpensTheScreensCommandsAndTypingNarrowsThem() throws {
    var m = EditorHarness.model(width: 100, height: 30)
    press(&m, .char("5"), .char(":"))
    var text = EditorHarness.text(m)
    #expect(text.contains("Commands: Media"), "\(text)")
    // The gallery's commands and the ones every section has.
    #expect(text.contains("make it the main image"), "\(text)")
    #expect(m.menuItems.contains { $0.title == "review the changes, then save" })
    type(&m, "main")
    text = EditorHarness.text(m)
    #expect(m.filteredMenuItems.map(\.title) == ["make it the main image"], "\(m.filteredMenuItems)")
    #expect(text.contains("1 command"), "\(text)")
    // A word of the title and a key name both narrow.
    m.commandMenu?.filter = TextField("alt top")
    #expect(m.filteredMenuItems.map(\.title) == ["move the image to the top"])
  }

  @Test func enterRunsTheChosenCommandAsItsKeyWould() throws {
    var m = EditorHarness.model(width: 100, height: 30)
    press(&m, .char("5"), .char("j"))
    let second = try #require(Self.imageURL(m, 1))
    var byKey = m
    press(&byKey, .char("m"))
    press(&m, .ctrl("p"))
    type(&m, "main image")
    press(&m, .enter)
    #expect(m.commandMenu == nil)
    #expect(Self.imageURL(m, 0) == second)
    #expect(m.message == byKey.message)
    #expect(m.document?.current == byKey.document?.current)
  }

  @Test func theMenuSelectionMovesAndEscClosesWithoutRunningAnything() throws {
    var m = EditorHarness.model(width: 100, height: 30)
    press(&m, .char(":"))
    let items = m.filteredMenuItems
    #expect(items.count > 5)
    press(&m, .down, .down, .up)
    #expect(m.commandMenu?.selected == 1)
    let selectedRow = try #require(EditorHarness.lines(m).first { $0.contains(items[1].title) })
    #expect(selectedRow.contains(keyName(items[1].key)))
    let before = m.document?.current
    press(&m, .escape)
    #expect(m.commandMenu == nil)
    #expect(m.document?.current == before)
    #expect(!EditorHarness.text(m).contains("Commands:"))
  }

  @Test func aFilterThatMatchesNothingSaysSoAndEnterDoesNothing() {
    var m = EditorHarness.model()
    press(&m, .char(":"))
    type(&m, "zzzz")
    #expect(EditorHarness.text(m).contains("no command matches"))
    let commands = press(&m, .enter)
    #expect(commands.isEmpty)
    #expect(m.commandMenu != nil)
  }

  @Test func theMenuListsEachScreensOwnCommands() {
    var review = EditorHarness.model()
    review.apply(.set([.key("sku")], .string("X")))
    press(&review, .char("S"), .char(":"))
    #expect(review.menuItems.contains { $0.title == "save now" })
    #expect(!review.menuItems.contains { $0.title == "make it the main image" })
    var picker = Model(storeLabel: "t", storeId: 1, productId: nil)
    press(&picker, .char(":"))
    #expect(picker.menuItems.map(\.title).contains("open the selected product"))
    // Running "quit" from the picker's menu quits, as q does.
    type(&picker, "quit")
    let commands = press(&picker, .enter)
    #expect(commands.contains { if case .quit = $0 { true } else { false } })
  }

  @Test func colonAndQuestionMarkAreTextWhereTextIsTyped() throws {
    // A field: `:` goes into the text.
    var m = EditorHarness.model()
    press(&m, .enter, .ctrl("u"))
    type(&m, "Ratio 1:2?")
    #expect(m.commandMenu == nil && !m.showHelp)
    #expect(m.form.editing?.field.text == "Ratio 1:2?")
    // The gallery's URL box: every URL has a `:` and many a `?`.
    var media = EditorHarness.model()
    press(&media, .char("5"), .char("a"))
    type(&media, "https://example.com/a.jpg?v=1")
    #expect(media.commandMenu == nil && !media.showHelp)
    #expect(media.media.adding?.text == "https://example.com/a.jpg?v=1")
    // The picker's search.
    var picker = Model(storeLabel: "t", storeId: 1, productId: nil)
    press(&picker, .char("/"))
    type(&picker, "sku:A?")
    #expect(picker.commandMenu == nil && picker.picker.query.text == "sku:A?")
    // The menu's own filter.
    press(&media, .escape, .char(":"))
    type(&media, "a:?")
    #expect(media.commandMenu?.filter.text == "a:?" && !media.showHelp)
  }

  @Test func aPastedURLGoesIntoTheAddBox() {
    var media = EditorHarness.model()
    press(&media, .char("5"), .char("a"))
    _ = media.update(.paste("https://example.com/b.png"))
    #expect(media.media.adding?.text == "https://example.com/b.png")
  }

  // MARK: Ctrl-L

  @Test func ctrlLAsksForAFullRedrawAndChangesNothingElse() {
    var m = EditorHarness.model()
    press(&m, .enter, .ctrl("u"))
    type(&m, "Half typ")
    let before = m.view().screen
    let commands = press(&m, .ctrl("l"))
    #expect(commands.count == 1)
    #expect(commands.contains { if case .redraw = $0 { true } else { false } })
    #expect(m.form.editing?.field.text == "Half typ")
    #expect(m.view().screen == before)
    // Over the help it keeps the help open; it is in the help as well.
    press(&m, .escape, .char("?"))
    press(&m, .ctrl("l"))
    #expect(m.showHelp)
    #expect(m.helpLines.contains { $0.key.contains("Ctrl-L") && $0.text.contains("redraw") })
  }

  // MARK: Help overlay

  /// Every row of the overlay's description column, read from the screen while scrolling it with
  /// the keys a user has, joined: a description cut anywhere would not be found whole in it.
  static func helpText(_ model: Model) -> (text: String, widest: Int) {
    var m = model
    var rows: [String] = []
    var widest = 0
    let boxX = max(0, (m.width - m.helpBoxWidth) / 2)
    let x = boxX + 3 + m.helpKeyWidth
    let right = boxX + m.helpBoxWidth - 1
    /// The columns x..<right of a line, counted in display columns (the window behind may be CJK).
    func column(_ line: String) -> String {
      var out = ""
      var col = 0
      for c in line {
        if col >= x && col < right { out.append(c) }
        col += displayWidth(c)
      }
      return out.trimmingCharacters(in: .whitespaces)
    }
    func contentRows(_ m: Model) -> [String] {
      let lines = m.view().screen.lines()
      let top = lines.firstIndex { $0.contains("Keys:") }!
      let bottom = lines[(top + 1)...].firstIndex { $0.contains("└") }!
      widest = max(widest, lines.map(displayWidth).max() ?? 0)
      let scrolls = m.helpLines.count > m.helpPage
      return Array(lines[(top + 1)..<(scrolls ? bottom - 1 : bottom)])
    }
    var guardSteps = 0
    while m.helpScroll + m.helpPage < m.helpLines.count, guardSteps < 500 {
      rows.append(contentRows(m)[0])
      _ = m.update(.key(.down))
      guardSteps += 1
    }
    rows += contentRows(m)
    let text = rows.map(column).filter { !$0.isEmpty }.joined(separator: " ")
    return (text, widest)
  }

  @Test(.heavy, arguments: [(80, 24), (120, 40)])
  func theHelpNeverCutsADescription(size: (Int, Int)) throws {
    for (name, screen) in KeyTableTests.screens(width: size.0, height: size.1) where !screen.showHelp && screen.commandMenu == nil {
      var m = screen
      m.width = size.0
      m.height = size.1
      _ = m.update(.key(.char("?")))
      try #require(m.showHelp, "\(name)")
      let (text, widest) = Self.helpText(m)
      #expect(widest <= size.0)
      for (_, description) in m.helpEntries where !description.isEmpty {
        #expect(text.contains(description), "\(name) at \(size.0)x\(size.1): «\(description)» not whole in «\(text)»")
      }
    }
  }

  @Test func aHelpThatDoesNotFitScrollsAndSaysSo() {
    var m = EditorHarness.model(width: 80, height: 24)
    press(&m, .char("5"), .char("?"))
    #expect(m.helpLines.count > m.helpPage, "the gallery's keys need more than 24 rows")
    var text = EditorHarness.text(m)
    #expect(text.contains("↓ more"), "\(text)")
    #expect(text.contains("select an image"))
    press(&m, .pageDown, .pageDown, .pageDown, .pageDown)
    text = EditorHarness.text(m)
    #expect(m.showHelp)
    #expect(text.contains("end · lines"), "\(text)")
    #expect(text.contains("suspend to the shell"), "the last key is reached: \(text)")
    // Any other key closes it and does nothing else.
    press(&m, .char("x"))
    #expect(!m.showHelp)
    #expect(m.media.confirmingRemove == nil)
  }

  @Test func aHelpThatFitsClosesOnAnyKeyAsBefore() {
    var m = EditorHarness.model(width: 120, height: 60)
    press(&m, .char("5"), .char("?"))
    #expect(m.helpLines.count <= m.helpPage)
    #expect(!EditorHarness.text(m).contains("↓ more"))
    press(&m, .down)
    #expect(!m.showHelp)
  }
}
