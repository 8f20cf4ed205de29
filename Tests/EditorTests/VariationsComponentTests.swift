import EcwidAPI
import ProductDocument
import Terminal
import Testing

@testable import Editor

/// The variations grid as a component (issues 14 and 16): its update changes only
/// `VariationsState`; the document and the status line are changed by the root from its effects.
@Suite struct VariationsComponentTests {
  /// The 40-variation T-shirt on its Variations tab, the cursor on the first row's `title` column.
  static func tee(column title: String) throws -> Model {
    var m = EditorHarness.model(EditorHarness.product(named: "Everyday Crew"), width: 120, height: 40)
    // k on the first row only lets the grid see the document (it works out its rows).
    _ = press(&m, .char("9"), .char("k"))
    m.variations.column = try #require(m.variationRows.columns.firstIndex { $0.title == title })
    return m
  }

  /// Sends keys to the grid alone (not through the root) and gathers what it asks for.
  static func send(_ grid: inout VariationsState, _ context: ScreenContext, _ keys: Key...) -> [Effect] {
    keys.flatMap { grid.update(.key($0), context) }
  }

  static func status<Effects: Sequence<Effect>>(_ effects: Effects) -> StatusMessage? {
    for case .status(let message) in effects { return message }
    return nil
  }

  @Test func committingACellIsOneApplyWithTheSessionsCoalesceKeyThenTheStatus() throws {
    var m = try Self.tee(column: "Price")
    let context = m.context
    let row = try #require(m.variationRows.shown.first)
    var grid = m.variations
    // Opening the cell and typing change no document: the text is the grid's own until Enter
    // (the status line says whether it is a number yet).
    let typing = Self.send(&grid, context, .enter, .ctrl("u"), .char("1"), .char("2"), .char(","), .char("5"))
    #expect(!typing.contains { if case .apply = $0 { true } else { false } }, "\(typing)")
    #expect(Self.status(typing.reversed())?.text == "Price: a valid value")
    #expect(grid.editing?.field.text == "12,5")
    let effects = Self.send(&grid, context, .enter)
    #expect(grid.editing == nil)
    #expect(effects.count == 2, "\(effects)")
    guard case .apply(.set(let path, let value), let coalesceKey)? = effects.first else {
      Issue.record("expected .apply(.set) first, got \(effects)")
      return
    }
    #expect(path == [.key("combinations"), .index(row.index)])
    #expect(value?["price"] == .number(JSONNumber(text: "12.5")))
    #expect(coalesceKey == "variation:\(row.key):Price:\(context.documentVersion)")
    #expect(Self.status(effects)?.text.hasPrefix("Price set for Size=XS") == true)
    // The grid did not touch the document: it asked. The root applies the edit and the message.
    #expect(m.combinationValues[row.index]["price"] != .number(JSONNumber(text: "12.5")))
    m.variations = grid
    _ = m.perform(effects)
    #expect(m.combinationValues[row.index]["price"] == .number(JSONNumber(text: "12.5")))
    #expect(m.message?.text.hasPrefix("Price set for") == true)
    #expect(m.document?.canUndo == true)
  }

  @Test func escRevertsWithOnlyAStatusAndNoEdit() throws {
    let m = try Self.tee(column: "SKU")
    var grid = m.variations
    _ = Self.send(&grid, m.context, .enter, .ctrl("u"), .char("X"))
    #expect(grid.editing?.field.text == "X")
    let effects = Self.send(&grid, m.context, .escape)
    #expect(grid.editing == nil)
    #expect(effects.count == 1)
    #expect(Self.status(effects) == StatusMessage("Edit cancelled"))
  }

  @Test func aNumberThatIsNotOneIsRefusedWithItsReasonAsAnErrorStatus() throws {
    let m = try Self.tee(column: "Qty")
    var grid = m.variations
    let typed = Self.send(&grid, m.context, .enter, .ctrl("u"), .char("1"), .char("2"), .char("x"))
    #expect(Self.status(typed)?.kind == .error)
    let effects = Self.send(&grid, m.context, .enter)
    #expect(effects.count == 1, "no edit: \(effects)")
    let status = try #require(Self.status(effects))
    #expect(status.kind == .error && status.text.hasPrefix("Quantity: “12x”") && status.text.hasSuffix("(Esc cancels)"))
    #expect(grid.editing?.field.text == "12x" && grid.editing?.problem != nil)
  }

  @Test func enterOnAnOptionColumnIsAWarningStatusOnly() throws {
    let m = try Self.tee(column: "Size")
    var grid = m.variations
    let effects = Self.send(&grid, m.context, .enter)
    #expect(grid == m.variations)
    #expect(effects.count == 1)
    let status = try #require(Self.status(effects))
    #expect(status.kind == .warning && status.text.hasPrefix("Size is an option value"))
  }

  @Test func movingIsTheGridsOwnAndTheSectionKeysAreTheRoots() throws {
    var m = try Self.tee(column: "Price")
    var grid = m.variations
    // j moves the grid's cursor and asks the root for nothing.
    #expect(grid.update(.key(.char("j")), m.context).isEmpty)
    #expect(grid.row == 1)
    // Tab is not the grid's key: it says so (nil), and the root's table shows the next section.
    #expect(grid.handle(.tab, m.context) == nil)
    _ = press(&m, .char("j"), .tab)
    #expect(m.variations.row == 1)
    #expect(m.section != .variations)
  }

  @Test func theRowsFollowTheDocumentWithoutTheRootAndAMoveDoesNotWorkThemOut() throws {
    var m = try Self.tee(column: "Price")
    let cached = try #require(m.variations.rows)
    #expect(cached.version == m.documentVersion)
    _ = press(&m, .char("j"), .char("l"), .char("G"))
    #expect(m.variations.rows == cached, "moving reuses the rows")
    // The root's undo changes the document: the grid draws the new value at once and takes
    // the new rows when it next handles a message.
    _ = press(&m, .char("g"), .enter, .ctrl("u"))
    type(&m, "55")
    _ = press(&m, .enter)
    #expect(m.variations.rows?.version == m.documentVersion, "refreshed after its own edit")
    #expect(m.variationRows.changed == 1)
    _ = press(&m, .char("u"))
    #expect(m.variations.rows?.version != m.documentVersion)
    #expect(m.variationRows.changed == 0)
    #expect(EditorHarness.lines(m)[37].contains("0 changed"))
    _ = press(&m, .char("j"))
    #expect(m.variations.rows?.version == m.documentVersion)
  }
}
