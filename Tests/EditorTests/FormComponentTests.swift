import EcwidAPI
import ProductDocument
import Terminal
import Testing

@testable import Editor

/// The scalar sections of the form as a component (issue 14): `FormState.update` changes only the
/// selection, the open field and the choice popup; the document, the status line, the server's
/// errors, `$EDITOR` and the section shown are changed by the root from the effects it returns.
@Suite struct FormComponentTests {
  /// General: 0 Name, 1 SKU, 2 Enabled, 3 Subtitle, 4 Description (see `FieldCatalogue`).
  static let sku: FieldPath = [.key("sku")]
  static let name: FieldPath = [.key("name")]

  static func model(selecting index: Int = 1) -> Model {
    var m = EditorHarness.model()
    m.form.selected[.general] = index
    return m
  }

  /// The root's side of a key: the form's effects applied, as `Model.route` does.
  static func send(_ m: inout Model, _ message: FormMsg) -> [Effect] {
    var form = m.form
    let effects = form.update(message, m.context)
    m.form = form
    _ = m.perform(effects)
    return effects
  }

  @Test func typingInAFieldAsksForTheEditAndEnterCommitsIt() throws {
    var m = Self.model()
    let original = try #require(m.document?.current.value(at: Self.sku)?.stringValue)
    let version = m.documentVersion
    #expect(Self.send(&m, .key(.enter)).isEmpty, "Enter opens the field")
    #expect(m.form.editing?.field.text == original)

    // A typed character is an edit of the document with the field's undo step; the form itself
    // did not change the document.
    var form = m.form
    let context = m.context
    let typed = form.update(.key(.char("X")), context)
    let coalesceKey = "field:\(Self.sku.text):\(version)"
    #expect(
      "\(typed)" == "\([Effect.apply(.set(Self.sku, .string(original + "X")), coalesceKey: coalesceKey)])")
    #expect(context.document?.current.value(at: Self.sku)?.stringValue == original)
    m.form = form
    _ = m.perform(typed)
    #expect(m.document?.current.value(at: Self.sku)?.stringValue == original + "X")

    // Enter closes the field, clears the server's error there, and asks for the status line as the
    // refreshed validation has it (the value is already in the document: no second edit).
    m.serverErrors[Self.sku] = "SKU already exists"
    let committed = Self.send(&m, .key(.enter))
    let expected: [Effect] = [
      .serverError(Self.sku, nil), .refreshDerived,
      .issueStatus(at: Self.sku, label: "SKU", otherwise: StatusMessage("SKU set")),
    ]
    #expect("\(committed)" == "\(expected)")
    #expect(m.form.editing == nil)
    #expect(m.serverErrors.isEmpty)
    #expect(m.message == StatusMessage("SKU set"))
    #expect(m.changeCount == 1, "the refresh ran before the status line")
    // One undo step for the whole edit.
    press(&m, .char("u"))
    #expect(m.document?.current.value(at: Self.sku)?.stringValue == original)
  }

  @Test func escAsksToPutTheValueBackAndSaysSo() throws {
    var m = Self.model(selecting: 0)
    let original = try #require(m.document?.current.value(at: Self.name))
    let version = m.documentVersion
    _ = Self.send(&m, .key(.enter))
    _ = Self.send(&m, .key(.ctrl("u")))
    _ = Self.send(&m, .key(.char("Z")))
    #expect(m.document?.current.value(at: Self.name) == .string("Z"))
    var form = m.form
    let effects = form.update(.key(.escape), m.context)
    #expect(form.editing == nil)
    let expected: [Effect] = [
      .apply(.set(Self.name, original), coalesceKey: "field:\(Self.name.text):\(version)"),
      .status(StatusMessage("Edit cancelled")),
    ]
    #expect("\(effects)" == "\(expected)")
    m.form = form
    _ = m.perform(effects)
    #expect(m.document?.current.value(at: Self.name) == original)
    #expect(m.message?.text == "Edit cancelled")
  }

  @Test func restoringAnUntouchedFieldOnlySaysSo() {
    var m = Self.model()
    let before = m.form
    var form = m.form
    let effects = form.update(.key(.char("r")), m.context)
    #expect(form == before)
    #expect("\(effects)" == "\([Effect.status(StatusMessage("SKU is as fetched: nothing to restore"))])")
    _ = m.perform(effects)
    #expect(m.message?.text == "SKU is as fetched: nothing to restore")
  }

  @Test func aNumberNotValidYetIsAnErrorInTheStatusLineAndKeepsTheFieldOpenForTheReview() throws {
    var m = EditorHarness.model()
    m.section = .pricing
    m.form.selected[.pricing] = 0  // Price
    let price = m.document?.current.json["price"]
    _ = Self.send(&m, .key(.enter))
    _ = Self.send(&m, .key(.ctrl("u")))
    var form = m.form
    let effects = form.update(.key(.char("x")), m.context)
    guard case .status(let status?)? = effects.first, effects.count == 1 else {
      Issue.record("expected one status, got \(effects)")
      return
    }
    #expect(status.kind == .error && status.text.hasPrefix("Price: "), "\(status.text)")
    m.form = form
    _ = m.perform(effects)
    // The review (S, from the command menu) asks the form to keep what is typed: it cannot, so
    // the review does not open.
    _ = m.openReview()
    #expect(m.page == .form)
    #expect(m.form.editing?.field.text == "x")
    #expect(m.message?.kind == .error)
    #expect(m.document?.current.json["price"] == price)
  }

  @Test func showingAPathSelectsItsFieldAndAsksForItsSection() {
    var m = Self.model()
    var form = m.form
    let effects = form.update(.show([.key("quantity")]), m.context)
    #expect("\(effects)" == "\([Effect.showSection(.pricing)])")
    #expect(form.selected[.pricing] == 5, "Quantity in stock")
    #expect(m.section == .general, "the form does not change the section itself")
    // A path no scalar section shows is not the form's: nothing selected, nothing asked.
    var other = m.form
    #expect(other.update(.show([.key("media")]), m.context).isEmpty)
    #expect(other == m.form)
    // The root's jump goes through it.
    m.jump(to: [.key("quantity")])
    #expect(m.section == .pricing && m.form.selected[.pricing] == 5)
  }

  @Test func theDescriptionAsksTheRuntimeForTheExternalEditor() throws {
    var m = Self.model(selecting: 4)
    let text = m.document?.current.value(at: [.key("description")])?.stringValue ?? ""
    var form = m.form
    let effects = form.update(.key(.enter), m.context)
    #expect(form == m.form)
    #expect(
      "\(effects)" == "\([Effect.run(.externalEdit(path: [.key("description")], text: text, suffix: ".html"))])")
    let commands = m.perform(effects)
    #expect("\(commands)" == "\([Command.externalEdit(path: [.key("description")], text: text, suffix: ".html")])")
  }
}
