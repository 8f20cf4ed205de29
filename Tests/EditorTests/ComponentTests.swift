import EcwidAPI
import ProductDocument
import Terminal
import Testing

@testable import Editor

/// Screens as components (issue 14): a screen's update changes only its own state and says what
/// the root should do as effects; the root applies them. These tests state exactly what a key
/// changed, the way a TCA test store does.
@Suite struct ComponentTests {
  static func pickerModel() -> Model {
    var m = Model(storeLabel: "test", storeId: 1, productId: nil)
    let items = EditorHarness.catalog.products.prefix(3).map { JSON.object($0.json) }
    _ = m.update(.searched(requestId: 0, .success(SearchResult(json: ["items": .array(Array(items)), "total": .int(3)]))))
    return m
  }

  @Test func enterOnThePickerAsksTheRootToOpenTheProductAndChangesNothingElse() throws {
    var m = Self.pickerModel()
    _ = press(&m, .char("j"))
    let id = try #require(m.picker.results[1].id)
    var picker = m.picker
    let effects = picker.update(.key(.enter), m.context)
    #expect(picker == m.picker, "the picker's own state does not change on Enter")
    #expect(effects.count == 1)
    guard case .openProduct(let opened)? = effects.first else {
      Issue.record("expected .openProduct, got \(effects)")
      return
    }
    #expect(opened == id)

    // The root applies it: the loading page, the busy line and the load command.
    let commands = m.perform(effects)
    #expect(m.page == .loading && m.productId == id && m.busy == "Loading product \(id)…")
    #expect("\(commands)" == "\([Command.load(productId: id)])")
  }

  @Test func typingInThePickerSearchesAndOnlyThePickerAndTheRootsCommandsChange() {
    var m = Self.pickerModel()
    _ = press(&m, .char("/"))
    let before = m
    let commands = press(&m, .char("w"))
    #expect(m.picker.query.text == "w" && m.picker.searching)
    #expect("\(commands)" == "\([Command.search(requestId: m.picker.requestId, keyword: "w", sku: nil, offset: 0)])")
    // Typing is quiet: no busy line, the page and the status line stay.
    #expect(m.busy == nil && m.page == before.page && m.message == before.message)
  }

  @Test func rejectingAChangeInTheReviewIsAnEffectTheRootAppliesToTheDocument() throws {
    var m = EditorHarness.model()
    m.apply(.set([.key("sku")], .string("CHANGED")))
    _ = press(&m, .char("S"))
    #expect(m.page == .review)
    var review = m.review
    let context = m.context
    let effects = review.update(.key(.char("n")), context)
    // The screen did not touch the document: it asked for the revert.
    #expect(context.document?.current.json["sku"] == .string("CHANGED"))
    guard case .revert(let changes)? = effects.first else {
      Issue.record("expected .revert first, got \(effects)")
      return
    }
    #expect(changes.map(\.path) == [[.key("sku")]])
    _ = m.perform(effects)
    #expect(m.document?.current.json["sku"] == m.document?.base.json["sku"])
    #expect(m.message?.text.hasPrefix("Rejected:") == true)
    // u undoes the rejection through the same effect the form's u uses.
    _ = press(&m, .char("u"))
    #expect(m.document?.current.json["sku"] == .string("CHANGED"))
  }

  @Test func aKeyGoesToTheOneScreenThatOwnsThePage() {
    var m = EditorHarness.model(height: 40)
    m.apply(.set([.key("sku")], .string("CHANGED")))
    m.apply(.set([.key("name")], .string("Renamed")))
    _ = press(&m, .char("S"))
    let picker = m.picker
    let conflict = m.conflict
    _ = press(&m, .char("j"))
    #expect(m.review.selected == 1)
    #expect(m.picker == picker && m.conflict.selected == conflict.selected)
  }

  @Test func theHelpOverlayClosesItselfThroughAnEffect() {
    var m = EditorHarness.model(width: 120, height: 60)
    _ = press(&m, .char("?"))
    #expect(m.showHelp)
    var help = m.help ?? HelpState()
    let effects = help.update(.key(.char("x")), m.context)
    guard case .closeHelp? = effects.first, effects.count == 1 else {
      Issue.record("expected [.closeHelp], got \(effects)")
      return
    }
    _ = m.perform(effects)
    #expect(!m.showHelp)
  }
}
