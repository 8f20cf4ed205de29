import EcwidAPI
import Foundation
import ProductDocument
import Terminal
import Testing

@testable import Editor

/// The Variations tab (issue 16): the grid over a product's combinations, driven by keys.
@Suite struct VariationsGridTests {
  /// The 40-variation T-shirt (Size XS…XL × 8 colours) on its Variations tab.
  static func tee(width: Int = 120, height: Int = 40) -> Model {
    var m = EditorHarness.model(EditorHarness.product(named: "Everyday Crew"), width: width, height: height)
    press(&m, .char("9"))
    return m
  }

  static func combination(_ m: Model, _ row: Int) -> JSON {
    m.combinationValues[m.variationRows.shown[row].index]
  }

  /// Moves the cursor to the column titled `title`.
  static func column(_ m: inout Model, _ title: String) throws {
    let i = try #require(m.variationRows.columns.firstIndex { $0.title == title })
    m.variations.column = i
  }

  static func changedCombinations(_ m: Model) -> [Int] {
    let doc = m.document!
    let base = Dictionary(uniqueKeysWithValues: doc.base.combinations!.map { ($0.id!, JSON.object($0.json)) })
    return doc.current.combinations!.compactMap { c in base[c.id!] == .object(c.json) ? nil : c.id! }
  }

  @Test func theTabShowsOneRowPerVariationSortedByOptionOrderWithTheFooter() throws {
    let m = Self.tee()
    #expect(m.section == .variations)
    let rows = m.variationRows
    #expect(rows.total == 40 && rows.shown.count == 40)
    #expect(rows.columns.prefix(2) == [.option("Size"), .option("Color")])
    // Size XS first, its colours in the option's order.
    let first = Self.combination(m, 0)
    #expect(Model.optionValue(first, "Size") == "XS" && Model.optionValue(first, "Color") == "White")
    #expect(Model.optionValue(Self.combination(m, 1), "Color") == "Black")
    #expect(Model.optionValue(Self.combination(m, 39), "Size") == "XL")
    let lines = EditorHarness.lines(m)
    #expect(lines[1].contains("9 Variations"))
    #expect(lines[2].contains("Size") && lines[2].contains("Color") && lines[2].contains("SKU") && lines[2].contains("Price"))
    #expect(lines[3].contains("XS") && lines[3].contains("White"))
    // Any unlimited row makes the stock ∞.
    #expect(lines[37].contains("40 of 40 rows") && lines[37].contains("0 changed"))
  }

  @Test func editingAPriceIsOneUndoStepAndTakesADecimalComma() throws {
    var m = Self.tee()
    try Self.column(&m, "Price")
    press(&m, .char("j"), .enter, .ctrl("u"))
    type(&m, "21,5")
    press(&m, .enter)
    let edited = Self.combination(m, 1)
    #expect(edited["price"] == .number(JSONNumber(text: "21.5")))
    #expect(Self.changedCombinations(m) == [edited["id"]!.intValue!])
    #expect(m.variationRows.changed == 1)
    press(&m, .char("u"))
    #expect(Self.changedCombinations(m).isEmpty)
  }

  @Test func anInvalidNumberIsKeptShownAndRefusedUntilFixed() throws {
    var m = Self.tee()
    try Self.column(&m, "Qty")
    press(&m, .enter, .ctrl("u"))
    type(&m, "12a")
    #expect(m.variations.editing?.problem != nil)
    #expect(m.message?.kind == .error)
    press(&m, .enter)
    // Still open with the text as typed; nothing written.
    #expect(m.variations.editing?.field.text == "12a")
    #expect(Self.changedCombinations(m).isEmpty)
    press(&m, .backspace, .enter)
    #expect(m.variations.editing == nil)
    #expect(Self.combination(m, 0)["quantity"] == .int(12))
    // Esc reverts an edit without writing.
    press(&m, .enter, .ctrl("u"))
    type(&m, "99")
    press(&m, .escape)
    #expect(Self.combination(m, 0)["quantity"] == .int(12))
  }

  @Test func fillAddsToTheSelectedRowsAsOneUndoStep() throws {
    var m = Self.tee()
    try Self.column(&m, "Qty")
    // Rows with a number (not unlimited): select three of them.
    let finite = m.variationRows.shown.enumerated().filter { Self.combination(m, $0.offset)["unlimited"]?.boolValue == false }
      .prefix(3).map(\.offset)
    try #require(finite.count == 3)
    for r in finite {
      m.variations.row = r
      press(&m, .char(" "))
    }
    let before = finite.map { Self.combination(m, $0)["quantity"]!.intValue! }
    press(&m, .char("="))
    type(&m, "+5")
    press(&m, .enter)
    #expect(finite.map { Self.combination(m, $0)["quantity"]!.intValue! } == before.map { $0 + 5 })
    #expect(Self.changedCombinations(m).count == 3)
    press(&m, .char("u"))
    #expect(Self.changedCombinations(m).isEmpty)
  }

  @Test func fillPercentRoundingAndUnlimited() throws {
    var m = Self.tee()
    try Self.column(&m, "Price")
    press(&m, .char("V"), .char("j"), .char("V"))
    #expect(m.variations.selected.count == 2)
    let rows = [0, 1]
    press(&m, .char("="))
    type(&m, "10")
    press(&m, .enter)
    #expect(rows.map { Self.combination(m, $0)["price"] } == [.int(10), .int(10)])
    press(&m, .char("="))
    type(&m, "-10%")
    press(&m, .enter)
    #expect(rows.map { Self.combination(m, $0)["price"] } == [.int(9), .int(9)])
    press(&m, .char("="))
    type(&m, "*1.1")
    press(&m, .enter)
    #expect(Self.combination(m, 0)["price"] == .number(JSONNumber(text: "9.9")))
    press(&m, .char("="))
    type(&m, "~.99")
    press(&m, .enter)
    #expect(rows.map { Self.combination(m, $0)["price"] } == [.number(JSONNumber(text: "9.99")), .number(JSONNumber(text: "9.99"))])
    // Each fill is one step: four undos go back to the fetched prices.
    for _ in 0..<4 { press(&m, .char("u")) }
    #expect(Self.changedCombinations(m).isEmpty)
    try Self.column(&m, "Qty")
    press(&m, .char("="))
    type(&m, "∞")
    press(&m, .enter)
    #expect(rows.allSatisfy { Self.combination(m, $0)["unlimited"] == .bool(true) })
    #expect(m.variationRows.stock == nil)
    #expect(EditorHarness.lines(m)[37].contains("Stock ∞"))
  }

  @Test func aFillThatIsNotOneIsRefusedWithTheReasonAndChangesNothing() throws {
    var m = Self.tee()
    try Self.column(&m, "Price")
    press(&m, .char(" "), .char("="))
    type(&m, "+abc")
    press(&m, .enter)
    #expect(m.variations.prompt?.problem != nil)
    #expect(m.message?.kind == .error)
    #expect(Self.changedCombinations(m).isEmpty)
    // A negative result is refused too.
    press(&m, .ctrl("u"))
    type(&m, "-1000")
    press(&m, .enter)
    #expect(m.variations.prompt?.problem?.contains("negative") == true)
    press(&m, .escape)
    #expect(m.variations.prompt == nil)
    #expect(Self.changedCombinations(m).isEmpty)
  }

  @Test func filtersAndTheFooterFigures() throws {
    var m = Self.tee()
    press(&m, .char("/"))
    type(&m, "size=xl")
    press(&m, .enter)
    let rows = m.variationRows
    #expect(rows.shown.count == 8)
    #expect(rows.shown.allSatisfy { Model.optionValue(m.combinationValues[$0.index], "Size") == "XL" })
    let lines = EditorHarness.lines(m)
    #expect(lines[37].contains("8 of 40 rows") && lines[37].contains("filter: size=xl"))
    // Out of stock: every finite row with no quantity.
    press(&m, .char("f"), .ctrl("u"))
    type(&m, "out of stock")
    press(&m, .enter)
    let expected = m.combinationValues.filter(Model.isOutOfStock).count
    #expect(expected > 0 && m.variationRows.shown.count == expected)
    #expect(m.variationRows.stock == 0)
    press(&m, .char("f"), .ctrl("u"))
    type(&m, "no SKU")
    press(&m, .enter)
    #expect(m.variationRows.shown.count == m.combinationValues.filter { ($0["sku"]?.stringValue ?? "").isEmpty }.count)
    // Changed: only the edited row.
    press(&m, .char("f"), .ctrl("u"), .enter)
    try Self.column(&m, "Low")
    press(&m, .enter, .ctrl("u"))
    type(&m, "7")
    press(&m, .enter, .char("f"))
    type(&m, "changed")
    press(&m, .enter)
    #expect(m.variationRows.shown.count == 1 && m.variationRows.changed == 1)
    // A term that means nothing is named.
    press(&m, .char("f"), .ctrl("u"))
    type(&m, "Fabric=Silk")
    press(&m, .enter)
    #expect(m.message?.text.contains("Not a filter") == true)
    // Total stock of the shown rows, without a filter and with no unlimited row shown.
    press(&m, .char("f"), .ctrl("u"))
    type(&m, "Size=M, Color=Black")
    press(&m, .enter)
    let one = Self.combination(m, 0)
    #expect(m.variationRows.shown.count == 1)
    if one["unlimited"]?.boolValue != true {
      #expect(m.variationRows.stock == one["quantity"]?.doubleValue)
    }
  }

  @Test func createTheMissingCombinationsAfterSeeingThem() throws {
    var m = Self.tee()
    // Delete three rows, then create the missing ones again.
    press(&m, .char(" "), .char(" "), .char(" "), .char("x"))
    guard case .delete(let keys, let labels)? = m.variations.confirming else {
      Issue.record("no delete question")
      return
    }
    #expect(keys.count == 3 && labels[0] == "Size=XS · Color=White")
    #expect(EditorHarness.text(m).contains("Delete 3 variations"))
    press(&m, .char("n"))  // no: nothing deleted
    #expect(m.combinationValues.count == 40)
    press(&m, .char("x"), .char("y"))
    #expect(m.combinationValues.count == 37)
    #expect(m.document!.plan(storeLanguages: nil).steps.filter { $0.httpMethod == "DELETE" }.count == 3)
    press(&m, .char("n"))
    guard case .create(let missing)? = m.variations.confirming else {
      Issue.record("no preview of the missing variations")
      return
    }
    #expect(missing.count == 3)
    #expect(missing[0] == [OptionPair(name: "Size", value: "XS"), OptionPair(name: "Color", value: "White")])
    #expect(EditorHarness.text(m).contains("+ Size=XS · Color=White"))
    press(&m, .char("y"))
    #expect(m.combinationValues.count == 40)
    #expect(m.variationRows.changed == 3)
    // One undo takes the three new rows away again.
    press(&m, .char("u"))
    #expect(m.combinationValues.count == 37)
  }

  @Test func copyTheRowsValuesToTheSelection() throws {
    var m = Self.tee()
    try Self.column(&m, "Price")
    press(&m, .enter, .ctrl("u"))
    type(&m, "33")
    press(&m, .enter, .char("j"), .char(" "), .char(" "), .char("g"), .char("c"))
    #expect(Self.combination(m, 1)["price"] == .int(33) && Self.combination(m, 2)["price"] == .int(33))
    #expect(Self.combination(m, 1)["quantity"] == Self.combination(m, 0)["quantity"])
    #expect(Self.combination(m, 1)["sku"] != Self.combination(m, 0)["sku"])
  }

  @Test func pickAVariationsImageFromTheGallery() throws {
    var m = Self.tee()
    let gallery = m.galleryImageURLs
    try #require(gallery.count >= 2)
    try Self.column(&m, "Img")
    press(&m, .enter)
    #expect(m.variations.choosingImage != nil)
    press(&m, .char("g"))  // not a picker key: still open
    m.variations.choosingImage = 0
    press(&m, .down, .down, .enter)
    #expect(Self.combination(m, 0)[combinationImageKey] == .string(gallery[1]))
    let steps = m.document!.plan(storeLanguages: nil).steps
    #expect(steps.contains { if case .setCombinationImage(_, _, let url) = $0 { url == gallery[1] } else { false } })
    press(&m, .char("u"))
    #expect(Self.changedCombinations(m).isEmpty)
  }

  @Test func aPasteIsTextForTheCellAndASkuFillOverManyRowsIsRefused() throws {
    var m = Self.tee()
    try Self.column(&m, "SKU")
    press(&m, .enter, .ctrl("u"))
    _ = m.update(.paste("TEE-NEW\n1"))
    press(&m, .enter)
    #expect(Self.combination(m, 0)["sku"] == .string("TEE-NEW 1"))
    // Without a cell open, a paste changes nothing.
    _ = m.update(.paste("S"))
    #expect(Self.changedCombinations(m).count == 1)
    press(&m, .char(" "), .char(" "), .char("="))
    type(&m, "SAME")
    press(&m, .enter)
    #expect(m.variations.prompt?.problem?.contains("unique") == true)
    #expect(Self.changedCombinations(m).count == 1)
  }

  @Test func renamingAChoiceInTheOptionsTabShowsTheVariationsItChangesInTheReview() throws {
    var m = EditorHarness.model(EditorHarness.product(named: "Everyday Crew"), width: 120, height: 40)
    // Options: Size's first choice, XS, becomes XXS.
    press(&m, .char("3"), .right, .enter, .ctrl("u"))
    type(&m, "XXS")
    press(&m, .enter)
    press(&m, .char("9"))
    #expect(Model.optionValue(Self.combination(m, 0), "Size") == "XXS")
    #expect(m.variationRows.changed == 8)
    press(&m, .char("S"))
    let touched = Set(
      m.reviewChanges.compactMap { c -> Int? in
        guard c.path.first == .key("combinations"), case .index(let i)? = c.path.dropFirst().first else { return nil }
        return i
      })
    #expect(touched.count == 8, "\(m.reviewChanges.map(\.label))")
    #expect(m.reviewChanges.contains { $0.label.hasPrefix("Variation Size=XXS") || $0.label.hasPrefix("Variation Size=XS") })
  }

  @Test func aProductWithoutVariationsSaysWhatToDo() {
    var m = EditorHarness.model(width: 100, height: 30)
    press(&m, .char("9"))
    let text = EditorHarness.text(m)
    #expect(text.contains("no variations"))
    #expect(text.contains("press n") || text.contains("Options"))
  }

  @Test func fiveHundredRowsDrawOnlyWhatFits() throws {
    var m = EditorHarness.model(EditorHarness.product(named: "Trail Runner"), width: 80, height: 24)
    press(&m, .char("9"))
    #expect(m.variationRows.total == 500)
    press(&m, .char("G"))
    let lines = EditorHarness.lines(m)
    #expect(lines.contains { $0.contains("EU 45") && $0.contains("Clay") && $0.contains("Recycled Knit") })
    // Far right columns scroll in while the option columns stay.
    for _ in 0..<12 { press(&m, .char("l")) }
    let right = EditorHarness.lines(m)
    #expect(right[2].contains("Size") && right[2].contains("Img"))
  }

  // MARK: A cell is edited with the shared text editor (TextEdit), as form fields are

  @Test func aCellTakesTheFieldKeysCtrlWAWordAndAPasteWithALineBreakIsOneLine() throws {
    var m = Self.tee()
    try Self.column(&m, "SKU")
    press(&m, .enter, .ctrl("u"))
    type(&m, "TEE RED")
    press(&m, .ctrl("w"))
    #expect(m.variations.editing?.field.text == "TEE ")
    // Word moves and Ctrl-K, as in a form field.
    press(&m, .ctrl("u"))
    type(&m, "RED XL")
    press(&m, .ctrlLeft)
    type(&m, "BIG-")
    #expect(m.variations.editing?.field.text == "RED BIG-XL")
    press(&m, .ctrl("k"))
    #expect(m.variations.editing?.field.text == "RED BIG-")
    _ = m.update(.paste("A\nB"))
    #expect(m.variations.editing?.field.text == "RED BIG-A B")
    // Nothing is written while the cell is open; Enter writes it as one undo step.
    #expect(Self.changedCombinations(m).isEmpty)
    press(&m, .enter)
    #expect(m.variations.editing == nil)
    #expect(Self.combination(m, 0)["sku"] == .string("RED BIG-A B"))
    press(&m, .char("u"))
    #expect(Self.changedCombinations(m).isEmpty)
  }

  @Test func escRevertsTheCellAndWritesNothing() throws {
    var m = Self.tee()
    try Self.column(&m, "Price")
    let before = Self.combination(m, 0)["price"]
    press(&m, .enter, .ctrl("u"))
    type(&m, "77")
    #expect(m.variations.editing?.field.text == "77")
    press(&m, .escape)
    #expect(m.variations.editing == nil)
    #expect(m.message?.text == "Edit cancelled")
    #expect(Self.combination(m, 0)["price"] == before)
    #expect(m.document?.canUndo == false, "nothing to undo: the document never changed")
    #expect(!EditorHarness.lines(m)[3].contains("77"))
  }

  @Test func aDecimalCommaCommitsAsAPointAndEachCellIsItsOwnUndoStep() throws {
    var m = Self.tee()
    try Self.column(&m, "Price")
    press(&m, .enter, .ctrl("u"))
    type(&m, "12,5")
    #expect(m.variations.editing?.problem == nil)
    press(&m, .enter)
    #expect(Self.combination(m, 0)["price"] == .number(JSONNumber(text: "12.5")))
    #expect(m.message?.text.hasPrefix("Price set for") == true)
    try Self.column(&m, "Weight")
    press(&m, .enter, .ctrl("u"))
    type(&m, "2")
    press(&m, .enter)
    #expect(Self.combination(m, 0)["weight"] == .int(2))
    // One u takes back the weight only, the next the price.
    press(&m, .char("u"))
    #expect(Self.combination(m, 0)["weight"] != .int(2))
    #expect(Self.combination(m, 0)["price"] == .number(JSONNumber(text: "12.5")))
    press(&m, .char("u"))
    #expect(Self.changedCombinations(m).isEmpty)
  }

  @Test func textThatIsNotANumberIsKeptWithItsReasonAndEnterIsRefused() throws {
    var m = Self.tee()
    try Self.column(&m, "Price")
    press(&m, .enter, .ctrl("u"))
    type(&m, "12x")
    let problem = try #require(m.variations.editing?.problem)
    #expect(problem.contains("12x"))
    #expect(m.message?.kind == .error && m.message?.text == "Price: \(problem)")
    press(&m, .enter)
    #expect(m.variations.editing?.field.text == "12x", "Enter is refused: the text stays as typed")
    #expect(m.message?.text == "Price: \(problem) (Esc cancels)")
    #expect(EditorHarness.lines(m)[39].contains("Price: “12x”"), "the reason is on the status line")
    #expect(Self.changedCombinations(m).isEmpty)
    // Fixed, it goes in.
    press(&m, .backspace)
    #expect(m.variations.editing?.problem == nil && m.message?.text == "Price: a valid value")
    press(&m, .enter)
    #expect(Self.combination(m, 0)["price"] == .int(12))
  }
}
