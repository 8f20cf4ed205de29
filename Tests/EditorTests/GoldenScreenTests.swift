import EcwidAPI
import Foundation
import ProductDocument
import Terminal
import Testing

@testable import Editor
import TestSupport

/// Every screen compared whole (text and style of every cell) with its golden file in
/// `__Snapshots__`, at 80×24 and 120×40, with the sample catalog's CJK, Arabic and emoji texts.
/// To re-record after an intended change: `SNAPSHOT_RECORD=1 swift test --filter GoldenScreenTests`,
/// then read `git diff Tests/EditorTests/__Snapshots__` before committing.
@Suite struct GoldenScreenTests {
  static let names = [
    "picker", "loading", "failed",
    "general", "general-cjk", "general-emoji", "general-editing-cjk", "pricing", "options", "option-choices",
    "variations", "variations-editing", "variations-empty", "translations", "translations-arabic", "media", "shipping", "seo", "attributes",
    "review", "review-change-in-full", "conflict", "recover", "recover-list", "help", "command-menu",
    "quit-dialog", "saving",
  ]

  /// A fixed moment for drafts; its formatted form depends on the machine's zone and locale, so it
  /// is masked in the golden file.
  static let savedAt = Date(timeIntervalSince1970: 1_700_000_000)
  static var savedAtMask: [(String, String)] {
    [(savedAt.formatted(date: .abbreviated, time: .standard), "<saved-at>")]
  }

  @Test(.heavy, arguments: names, [(80, 24), (120, 40)])
  func screenMatchesItsGoldenFile(name: String, size: (Int, Int)) throws {
    let model = try Self.screen(name, width: size.0, height: size.1)
    GoldenScreen.check(model, named: "\(name)-\(size.0)x\(size.1)", masks: Self.savedAtMask)
  }

  static func screen(_ name: String, width w: Int, height h: Int) throws -> Model {
    let sweater = EditorHarness.product()
    switch name {
    case "picker":
      var m = Model(storeLabel: "test store", storeId: 1003, productId: nil, width: w, height: h)
      let items = EditorHarness.catalog.products
      let found = SearchResult(json: [
        "items": .array(items.map { .object($0.json) }), "total": .int(items.count), "offset": .int(0),
      ])
      _ = m.update(.searched(requestId: 0, .success(found)))
      press(&m, .char("j"))
      return m
    case "loading":
      return Model(storeLabel: "test store", storeId: 1003, productId: 7, width: w, height: h)
    case "failed":
      var m = Model(storeLabel: "test store", storeId: 1003, productId: 7, width: w, height: h)
      _ = m.update(.loaded(.failure(EcwidError(kind: .network, detail: "connection refused"))))
      return m
    case "general":
      return EditorHarness.model(width: w, height: h)
    case "general-cjk":
      return EditorHarness.model(EditorHarness.product(named: "抹茶"), width: w, height: h)
    case "general-emoji":
      return EditorHarness.model(EditorHarness.product(named: "Party"), width: w, height: h)
    case "general-editing-cjk":
      var m = EditorHarness.model(EditorHarness.product(named: "抹茶"), width: w, height: h)
      press(&m, .enter, .end)
      type(&m, " 🍵 شاي")
      return m
    case "pricing", "shipping", "seo", "attributes":
      let digit: Character = ["pricing": "2", "shipping": "6", "seo": "7", "attributes": "8"][name]!
      var m = EditorHarness.model(width: w, height: h)
      press(&m, .char(digit), .char("j"))
      m.apply(.set([.key("sku")], .string("CHANGED")))
      return m
    case "options":
      var m = EditorHarness.model(width: w, height: h)
      press(&m, .char("3"), .char("j"))
      return m
    case "option-choices":
      var m = EditorHarness.model(width: w, height: h)
      press(&m, .char("3"), .right, .char("j"))
      return m
    case "translations":
      var m = EditorHarness.model(width: w, height: h)
      press(&m, .char("4"), .char("j"))
      return m
    case "variations", "variations-editing":
      // The 40-variation T-shirt, one price changed, two rows selected, the cursor on the price.
      var m = EditorHarness.model(EditorHarness.product(named: "Everyday Crew"), width: w, height: h)
      press(&m, .char("9"), .char("j"), .char(" "), .char(" "), .char("l"), .char("l"), .char("l"), .enter, .ctrl("u"))
      type(&m, "21,5")
      press(&m, .enter)
      if name == "variations-editing" {
        press(&m, .char("j"), .enter, .ctrl("u"))
        type(&m, "2x")
      }
      return m
    case "variations-empty":
      var m = EditorHarness.model(width: w, height: h)
      press(&m, .char("9"))
      return m
    case "translations-arabic":
      var m = EditorHarness.model(width: w, height: h)
      press(&m, .char("4"))
      for _ in 0..<5 { press(&m, .char("l")) }
      return m
    case "media":
      var m = EditorHarness.model(width: w, height: h)
      press(&m, .char("5"), .char("j"))
      return m
    case "review", "review-change-in-full":
      var m = EditorHarness.model(width: w, height: h)
      m.apply(.set([.key("name")], .string("Nordlys 毛衣 كنزة 🧶")))
      m.apply(.set([.key("sku")], .string("NRD-SWT-002")))
      m.apply(.set([.key("price")], .int(79)))
      m.apply(.set([.key("seoTitle")], .string("北欧のセーター · Nordlys")))
      press(&m, .char("S"))
      if name == "review-change-in-full" { press(&m, .enter) }
      return m
    case "conflict":
      var m = EditorHarness.model(width: w, height: h)
      m.apply(.set([.key("sku")], .string("MINE-1")))
      m.apply(.set([.key("name")], .string("毛衣 Mine")))
      press(&m, .char("S"), .char("S"))
      var theirs = try #require(m.document).base
      theirs.json["sku"] = .string("THEIRS-1")
      theirs.json["name"] = .string("كنزة Theirs 🎉")
      _ = m.update(.remoteFetched(.success(theirs)))
      try #require(m.page == .conflict)
      return m
    case "recover", "recover-list":
      var m = Model(storeLabel: "test store", storeId: 1003, productId: sweater.id, width: w, height: h)
      var drafted = sweater
      drafted.json["name"] = .string("Nordlys 毛衣 كنزة 🧶")
      var other = sweater
      other.json["sku"] = .string("OTHER")
      let count = name == "recover" ? 1 : 3
      let drafts = (1...count).map { i in
        DraftJournalDraft(base: sweater, current: i == 1 ? drafted : other, savedAt: savedAt, source: "/tmp/d\(i)")
      }
      _ = m.updateThroughFrame(
        .loaded(
          .success(
            Loaded(
              product: sweater, languages: EditorHarness.languages, draft: drafts[0],
              otherDrafts: Array(drafts.dropFirst())))))
      try #require(m.page == .recover)
      return m
    case "help":
      var m = EditorHarness.model(width: w, height: h)
      press(&m, .char("5"), .char("?"))
      return m
    case "command-menu":
      var m = EditorHarness.model(width: w, height: h)
      press(&m, .char("5"), .char(":"), .down)
      return m
    case "quit-dialog":
      var m = EditorHarness.model(width: w, height: h)
      m.apply(.set([.key("name")], .string("Nordlys 毛衣 كنزة 🧶")))
      press(&m, .char("q"))
      try #require(m.confirmingQuit)
      return m
    case "saving":
      var m = EditorHarness.model(width: w, height: h)
      m.busy = "Saving 1/1…"
      return m
    default:
      Issue.record("no screen named \(name)")
      return EditorHarness.model(width: w, height: h)
    }
  }

  /// The helper itself: a changed cell fails with the row that differs; an unchanged one passes.
  @Test func aChangedCellShowsAsItsRowInTheDiff() {
    var a = Screen(width: 10, height: 2)
    a.put("抹茶 ok", x: 0, y: 0, style: .plain)
    var b = a
    b.put("X", x: 8, y: 1, style: Theme.error)
    let expected = GoldenScreen.render(a, cursor: nil)
    let actual = GoldenScreen.render(b, cursor: nil)
    #expect(expected.contains("00|抹茶 ok\n"))
    let diff = GoldenScreen.diff(expected, actual)
    #expect(diff.contains("text row 01:"))
    #expect(diff.contains("expected: 01|\n"))
    #expect(diff.contains("actual:   01|        X"))
    #expect(diff.contains("style row 01:"))
    #expect(diff.contains("actual:   01|........E"))
    #expect(!diff.contains("row 00"))
    #expect(GoldenScreen.diff(expected, expected).isEmpty)
  }

  @Test func aMaskReplacesTheTextWhereverItIsDrawn() {
    var s = Screen(width: 30, height: 1)
    s.put("saved 14 Nov 2023 · 日本", x: 0, y: 0, style: .plain)
    let text = GoldenScreen.render(s, cursor: nil, masks: [("14 Nov 2023", "<when>")])
    #expect(text.contains("00|saved <when> · 日本\n"))
  }
}
