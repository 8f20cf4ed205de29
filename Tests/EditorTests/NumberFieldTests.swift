import EcwidAPI
import Foundation
import ProductDocument
import ProductSamples
import Terminal
import Testing

@testable import Editor
import TestSupport

/// Number fields keep the text as typed, say why it is not a number yet, refuse Enter meanwhile,
/// and write canonical JSON numbers only (issue 12).
@Suite struct NumberFieldTests {
  /// Pricing section fields (see `FieldCatalogue`): 0 price, 1 compare-to price, 4 wholesale tiers, 5 quantity.
  static let price = 0
  static let compareTo = 1
  static let tiers = 4
  static let quantity = 5

  /// Opens the field at `index` of the Pricing section, clears it and types `text`.
  func typeInto(_ m: inout Model, field index: Int, _ text: String) {
    if m.form.editing != nil { press(&m, .escape) }
    m.section = .pricing
    m.form.selected[.pricing] = index
    press(&m, .enter, .ctrl("u"))
    type(&m, text)
  }

  func value(_ m: Model, _ key: String) -> JSON? { m.document!.current.json[key] }

  @Test func decimalCommaIsADecimalPoint() {
    var m = EditorHarness.model()
    typeInto(&m, field: Self.price, "9,5")
    press(&m, .enter)
    #expect(m.form.editing == nil, "\(m.message?.text ?? "")")
    #expect(value(m, "price") == .number(JSONNumber(text: "9.5")))
    #expect(value(m, "price")?.numberValue?.text == "9.5")
  }

  @Test func aLetterInANumberIsKeptShownAndRefused() throws {
    var m = EditorHarness.model()
    typeInto(&m, field: Self.price, "94.5O")
    // Nothing removed: the field holds what was typed, and says what is wrong.
    let editing = try #require(m.form.editing)
    #expect(editing.field.text == "94.5O")
    #expect(m.message?.kind == .error)
    #expect(m.message?.text.contains("“O” is not part of a number") == true, "\(m.message?.text ?? "")")
    #expect(EditorHarness.text(m).contains("94.5O"))
    // Enter is refused while it is not a number.
    press(&m, .enter)
    #expect(m.form.editing?.field.text == "94.5O")
    #expect(m.message?.kind == .error)
    // Saving is refused too (the review does not open on a half-typed number).
    _ = m.openReview()
    #expect(m.page == .form)
    // Fixing it is accepted.
    press(&m, .backspace)
    #expect(m.form.editing?.problem == nil)
    press(&m, .enter)
    #expect(m.form.editing == nil)
    #expect(value(m, "price")?.numberValue?.text == "94.5")
  }

  @Test func separatorsInAStockAreNotDropped() throws {
    var m = EditorHarness.model()
    typeInto(&m, field: Self.quantity, "42")
    press(&m, .enter)
    #expect(value(m, "quantity")?.intValue == 42)
    press(&m, .enter, .end)
    type(&m, ", 50:65")
    #expect(m.form.editing?.field.text == "42, 50:65")
    press(&m, .enter)
    #expect(m.form.editing != nil, "Enter must be refused")
    #expect(m.message?.kind == .error)
    #expect(value(m, "quantity")?.intValue == 42, "never 425065")
    press(&m, .escape)
    #expect(value(m, "quantity")?.intValue == 42)
  }

  @Test func aFractionInAWholeNumberFieldIsRefused() {
    var m = EditorHarness.model()
    typeInto(&m, field: Self.quantity, "9,5")
    press(&m, .enter)
    #expect(m.form.editing != nil)
    #expect(m.message?.text.contains("whole number") == true)
  }

  @Test(arguments: [
    ("007.50", "7.5"), ("07", "7"), ("-0", "0"), ("1e5", "100000"), ("1,25", "1.25"), (" 12.0 ", "12"),
    (".5", "0.5"), ("-3.10", "-3.1"), ("2.5E-3", "0.0025"),
  ])
  func numbersAreWrittenCanonically(typed: String, sent: String) {
    var m = EditorHarness.model()
    typeInto(&m, field: Self.compareTo, typed)
    press(&m, .enter)
    #expect(m.form.editing == nil, "\(typed): \(m.message?.text ?? "")")
    #expect(value(m, "compareToPrice")?.numberValue?.text == sent)
  }

  @Test(arguments: ["1e400", "1e-400", "123456789012345678901234567890", "0.000000000001", "1,000", "1.2.3", "--1", "1e"])
  func hugeTinyAndAmbiguousNumbersAreRefused(typed: String) {
    var m = EditorHarness.model()
    typeInto(&m, field: Self.compareTo, typed)
    press(&m, .enter)
    #expect(m.form.editing != nil, "\(typed) was accepted as \(value(m, "compareToPrice")?.compactText ?? "nil")")
    #expect(m.message?.kind == .error)
  }

  @Test func choiceModifierIsCanonical() throws {
    var m = EditorHarness.model(width: 120, height: 40)
    m.section = .options
    press(&m, .right, .char("p"), .ctrl("u"))
    type(&m, "07")
    press(&m, .enter)
    let choice = try #require(m.document!.current.json["options"]?[0]?["choices"]?[0])
    #expect(choice["priceModifier"]?.numberValue?.text == "7")
    press(&m, .char("p"), .ctrl("u"))
    type(&m, "2,5")
    press(&m, .enter)
    let again = try #require(m.document!.current.json["options"]?[0]?["choices"]?[0])
    #expect(again["priceModifier"]?.numberValue?.text == "2.5")
    press(&m, .char("p"), .ctrl("u"))
    type(&m, "2.5x")
    #expect(m.options.editing?.field.text == "2.5x")
    press(&m, .enter)
    #expect(m.options.isTyping, "a modifier that is not a number is refused")
  }

  // MARK: Property: whatever is typed, every body the save would send is strict JSON.

  /// Every number in `value` is strict, canonical JSON: no leading zeros, no `-0`.
  func nonCanonicalNumbers(in value: JSON) -> [String] {
    switch value {
    case .number(let n):
      let strict = n.text.range(of: #"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$"#, options: .regularExpression)
      return strict == nil || n.text == "-0" ? [n.text] : []
    case .array(let items): return items.flatMap(nonCanonicalNumbers)
    case .object(let o): return o.values.flatMap(nonCanonicalNumbers)
    default: return []
    }
  }

  @Test(.heavy) func randomTypingAlwaysGivesStrictJSONBodies() throws {
    var rng = SeededRandom(seed: 12)
    let alphabet = Array("0000123456789..,,--+eE O:x ")
    let fields = [Self.price, Self.compareTo, Self.tiers, Self.quantity, 2, 3, 7, 8, 9]
    var m = EditorHarness.model()
    var accepted = 0
    for round in 0..<400 {
      let field = fields[Int(rng.next() % UInt64(fields.count))]
      let length = Int(rng.next() % 9)
      var text = String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
      if field == Self.tiers { text = "\(rng.next() % 20):" + text }
      typeInto(&m, field: field, text)
      press(&m, .enter)
      if m.form.editing == nil { accepted += 1 } else { press(&m, .escape) }
      let plan = m.document!.plan(storeLanguages: EditorHarness.languages)
      for step in plan.steps {
        guard case .updateProduct(let body) = step else { continue }
        let data = Data(JSON.object(body).compactText.utf8)
        #expect(
          (try? JSONSerialization.jsonObject(with: data)) != nil,
          "round \(round): typed “\(text)”, body is not strict JSON: \(JSON.object(body).compactText)")
        let bad = nonCanonicalNumbers(in: .object(body))
        #expect(bad.isEmpty, "round \(round): typed “\(text)”, numbers \(bad) in \(JSON.object(body).compactText)")
      }
    }
    #expect(accepted > 40, "the generator should produce valid numbers too")
  }
}
