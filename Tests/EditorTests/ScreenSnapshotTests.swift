import EcwidAPI
import ProductDocument
import Terminal
import Testing

@testable import Editor

/// Every screen drawn without a terminal, at 80×24 and 120×40, read back as text.
@Suite struct ScreenSnapshotTests {
  static let sizes = [(80, 24), (120, 40)]

  @Test(arguments: [(80, 24), (120, 40)])
  func formShowsTabsFieldsAndStatus(size: (Int, Int)) {
    let model = EditorHarness.model(width: size.0, height: size.1)
    let lines = EditorHarness.lines(model)
    #expect(lines.count == size.1)
    #expect(lines[0].contains("ecwid-edit · test store · #692730761 Nordlys Merino Wool Sweater"))
    #expect(lines[1].contains("1 General") && lines[1].contains("8 "))
    #expect(lines[2].contains("Name") && lines[2].contains("Nordlys Merino Wool Sweater"))
    #expect(lines[3].contains("SKU") && lines[3].contains("NRD-SWT-001"))
    #expect(lines.last!.hasSuffix("saved"))
    #expect(lines[size.1 - 2].contains("S: review & save"))
  }

  @Test func everySectionDrawsAtBothSizes() {
    for (w, h) in Self.sizes {
      var model = EditorHarness.model(width: w, height: h)
      for section in Section.allCases {
        _ = model.update(.key(.char(Character(String(section.digit)))))
        #expect(model.section == section)
        let lines = EditorHarness.lines(model)
        #expect(lines.count == h)
        #expect(lines.allSatisfy { displayWidth($0) <= w }, "\(section) overflows at \(w)×\(h)")
      }
    }
  }

  @Test func cjkAndEmojiNamesKeepTheirColumns() {
    let tea = EditorHarness.product(named: "抹茶")
    let model = EditorHarness.model(tea, width: 80, height: 24)
    let lines = EditorHarness.lines(model)
    #expect(lines[2].contains("抹茶入り玄米茶 ティーバッグ 20袋"))
    // The SKU value starts in the same column on the CJK row's neighbour as on any other row.
    let valueColumn = displayWidth(String(lines[3].prefix(while: { $0 != "T" })))
    #expect(valueColumn == displayWidth(String(lines[2].prefix(while: { $0 != "抹" }))))

    let party = EditorHarness.product(named: "Party")
    let partyModel = EditorHarness.model(party, width: 120, height: 40)
    let partyLines = EditorHarness.lines(partyModel)
    #expect(partyLines[0].contains("Party Pack 🎉🎈"))
    #expect(partyLines.allSatisfy { displayWidth($0) <= 120 })
  }

  @Test func validationErrorShowsAtTheFieldAndInTheStatusBar() {
    var model = EditorHarness.model(width: 120, height: 40)
    EditorHarness.press([.char("8"), .enter], into: &model)  // Ribbon text
    EditorHarness.type(String(repeating: "x", count: 31), into: &model)
    EditorHarness.press([.enter], into: &model)
    let lines = EditorHarness.lines(model)
    let ribbonRow = lines.first { $0.contains("Ribbon text") }!
    #expect(ribbonRow.contains("⚠"))
    #expect(ribbonRow.contains("30"))
    #expect(lines.last!.contains("1 error"))
    // A save with errors is refused and jumps to the first error.
    EditorHarness.press([.char("1"), .char("S"), .char("S")], into: &model)
    #expect(model.page == .form)
    #expect(model.section == .attributes)
    #expect(model.message?.kind == .error)
    #expect(model.message?.text.contains("Not saved") == true)
  }

  @Test func numberFieldRefusesLettersWithAMessage() {
    var model = EditorHarness.model()
    EditorHarness.press([.char("2"), .enter, .ctrl("u")], into: &model)
    EditorHarness.type("12a", into: &model)
    // Kept as typed (issue 12: nothing is silently removed), with the reason, and Enter refused.
    #expect(model.message?.text.contains("“a” is not part of a number") == true)
    EditorHarness.press([.enter], into: &model)
    #expect(model.form.editing?.field.text == "12a")
    EditorHarness.press([.backspace, .enter], into: &model)
    #expect(model.document!.current.json["price"] == .number(JSONNumber(text: "12")))
  }

  @Test func helpOverlayListsTheKeysOfTheCurrentScreen() {
    var model = EditorHarness.model(width: 120, height: 40)
    EditorHarness.press([.char("5"), .char("?")], into: &model)
    let text = EditorHarness.text(model)
    #expect(text.contains("Keys: Media"))
    #expect(text.contains("move the image down / up one place"))
    #expect(text.contains("undo"))
    EditorHarness.press([.char("x")], into: &model)
    #expect(!EditorHarness.text(model).contains("Keys: Media"))
    #expect(model.media.confirmingRemove == nil, "the key that closes help does nothing else")
  }

  @Test func reviewListsChangesGroupedWithOldAndNewAndTheRequests() {
    var model = EditorHarness.model(width: 120, height: 40)
    EditorHarness.press([.enter, .end], into: &model)
    EditorHarness.type(" Pro", into: &model)
    EditorHarness.press([.enter, .char("2"), .enter, .ctrl("u")], into: &model)
    EditorHarness.type("79.5", into: &model)
    EditorHarness.press([.enter, .char("S")], into: &model)
    #expect(model.page == .review)
    var lines = EditorHarness.lines(model)
    #expect(lines.contains { $0.contains("Review: 2 changes") })
    let general = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "General" }!
    let pricing = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "Pricing & stock" }!
    #expect(general < pricing)
    #expect(lines.contains { $0.contains("Name: “Nordlys Merino Wool Sweater” → “Nordlys Merino Wool Sweater Pro”") })
    #expect(lines.contains { $0.contains("Price: 89.95 → 79.5") })
    EditorHarness.press([.char("t")], into: &model)
    lines = EditorHarness.lines(model)
    #expect(lines.contains { $0.contains("PUT /products/692730761 {\"name\":\"Nordlys Merino Wool Sweater Pro\",\"price\":79.5}") })
  }

  @Test func rejectingAChangeRevertsItInTheDraft() {
    var model = EditorHarness.model()
    EditorHarness.press([.enter, .end], into: &model)
    EditorHarness.type("!", into: &model)
    EditorHarness.press([.enter, .char("2"), .enter, .ctrl("u")], into: &model)
    EditorHarness.type("1", into: &model)
    EditorHarness.press([.enter, .char("S"), .char("n")], into: &model)
    #expect(model.document!.current.name == "Nordlys Merino Wool Sweater")
    #expect(model.document!.current.json["price"] == .number(JSONNumber(text: "1")))
    EditorHarness.press([.char("r")], into: &model)
    let differing = model.document!.current.json.keys.filter {
      model.document!.current.json[$0] != model.document!.base.json[$0]
    }
    #expect(differing == [])
    #expect(model.document!.current.json.keys.elementsEqual(model.document!.base.json.keys))
    #expect(EditorHarness.text(model).contains("No changes"))
  }

  @Test func pickerListsSearchResultsAndOpensTheSelectedProduct() {
    var model = Model(storeLabel: "test store", storeId: 1003, productId: nil, width: 100, height: 30)
    let start = model.start()
    guard case .search(let requestId, nil, nil, 0)? = start.first else {
      Issue.record("the picker starts with a search, got \(start)")
      return
    }
    let items = EditorHarness.catalog.products
    var found = SearchResult(json: [:])
    found.json["total"] = .number(JSONNumber(items.count))
    found.json["items"] = .array(items.map { .object($0.json) })
    _ = model.update(.searched(requestId: requestId, .success(found)))
    let lines = EditorHarness.lines(model)
    #expect(lines.contains { $0.contains("NRD-SWT-001") && $0.contains("Nordlys") })
    #expect(lines.contains { $0.contains("抹茶入り玄米茶") })
    EditorHarness.press([.char("j")], into: &model)
    let commands = EditorHarness.press([.enter], into: &model)
    guard case .load(let id)? = commands.first else {
      Issue.record("Enter opens the product, got \(commands)")
      return
    }
    #expect(id == items[1].id)
    // A search typed with / goes out with the keyword; sku: searches by SKU.
    var picker = Model(storeLabel: "s", storeId: 1, productId: nil)
    EditorHarness.press([.char("/")], into: &picker)
    EditorHarness.type("sku:TEA-GMC-20", into: &picker)
    let search = EditorHarness.press([.enter], into: &picker)
    guard case .search(_, nil, "TEA-GMC-20", 0)? = search.first else {
      Issue.record("sku search, got \(search)")
      return
    }
  }

  @Test func conflictDialogShowsBaseMineAndTheirs() {
    var model = EditorHarness.model(width: 120, height: 40)
    EditorHarness.press([.enter, .ctrl("u")], into: &model)
    EditorHarness.type("Mine", into: &model)
    EditorHarness.press([.enter], into: &model)
    var theirs = model.document!.base
    theirs.json["name"] = .string("Theirs")
    theirs.json["price"] = .number(JSONNumber(text: "1.5"))
    EditorHarness.press([.char("S")], into: &model)
    let commands = EditorHarness.press([.char("S")], into: &model)
    guard case .fetchRemote? = commands.first else {
      Issue.record("saving re-reads the product first, got \(commands)")
      return
    }
    _ = model.update(.remoteFetched(.success(theirs)))
    #expect(model.page == .conflict)
    let text = EditorHarness.text(model)
    #expect(text.contains("base:   “Nordlys Merino Wool Sweater”"))
    #expect(text.contains("mine:   “Mine”"))
    #expect(text.contains("theirs: “Theirs”"))
    EditorHarness.press([.char("m"), .enter], into: &model)
    #expect(model.page == .review)
    #expect(model.document!.current.name == "Mine")
    #expect(model.document!.current.json["price"] == .number(JSONNumber(text: "1.5")), "their other change is taken in")
  }

  @Test func tinyWindowsNeverDrawOutside() {
    for (w, h) in [(20, 6), (21, 7), (40, 12), (1, 1), (19, 5)] {
      var model = EditorHarness.model(width: w, height: h)
      for key in [Key.char("5"), .char("j"), .char("J"), .char("?"), .char("3"), .char("4"), .char("S")] {
        _ = model.update(.key(key))
        let screen = model.view().screen
        #expect(screen.width == w && screen.height == h)
        #expect(screen.lines().allSatisfy { displayWidth($0) <= w })
      }
    }
  }
}
