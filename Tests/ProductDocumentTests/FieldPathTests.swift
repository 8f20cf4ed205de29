import EcwidAPI
import Foundation
import ProductSync
import Testing

@testable import ProductDocument

/// Issue 15, subscription settings: a write either lands where the path says or is refused with
/// a message; it is never dropped, and never turns an array into an object or the reverse.
@Suite struct FieldPathTests {
  /// The editor's subscription field paths (Sources/Editor/Form/Fields.swift, pricing section).
  static let formPaths: [(FieldPath, JSON)] = [
    ([.key("subscriptionSettings"), .key("subscriptionAllowed")], true),
    ([.key("subscriptionSettings"), .key("oneTimePurchaseAllowed")], false),
    ([.key("subscriptionSettings"), .key("recurringChargeSettings"), .index(0), .key("recurringInterval")], "WEEK"),
    ([.key("subscriptionSettings"), .key("recurringChargeSettings"), .index(0), .key("recurringIntervalCount")], 2),
  ]

  /// Every shape of `recurringChargeSettings` the spec (object) and Ecwid's examples (array of
  /// one object) allow, plus missing, null and empty.
  static let chargeShapes: [JSON?] = [
    nil, .null, [:], ["recurringInterval": "DAY", "signUpFee": 2], [], [["recurringInterval": "DAY", "signUpFee": 2]],
  ]

  /// Every shape of `subscriptionSettings`: missing, null, an object (Ecwid's examples), an array
  /// of one object (the spec's table), an empty array; each holding every charge shape.
  static var subscriptionShapes: [JSON?] {
    var out: [JSON?] = [nil, .null, [], [:]]
    for charge in chargeShapes {
      var settings: JSONObject = ["oneTimePurchasePrice": 5]
      if let charge { settings["recurringChargeSettings"] = charge }
      out.append(.object(settings))
      out.append(.array([.object(settings)]))
    }
    return out
  }

  static func product(_ subscription: JSON?) -> Product {
    var json: JSONObject = ["id": 42, "name": "Tea", "price": 10]
    if let subscription { json["subscriptionSettings"] = subscription }
    return Product(json: json)
  }

  static func kind(_ v: JSON?) -> String {
    switch v {
    case .array?: return "array"
    case .object?: return "object"
    default: return "none"
    }
  }

  @Test(arguments: 0..<16) func formWritesLandInEveryShape(_ k: Int) throws {
    let shapes = Self.subscriptionShapes
    guard k < shapes.count else { return }
    let shape = shapes[k]
    for (path, value) in Self.formPaths {
      var doc = Document(base: Self.product(shape))
      let refused = doc.apply(.set(path, value))
      #expect(refused == nil, "\(String(describing: shape)) \(path.text): \(refused?.message ?? "")")
      #expect(doc.current.value(at: path) == value, "\(String(describing: shape)) \(path.text)")
      let settings = doc.current.json["subscriptionSettings"]
      // The container keeps the shape the server sent (when it had one).
      if case .array? = shape { #expect(settings?.arrayValue?.count == 1) }
      if case .object? = shape { #expect(Self.kind(settings) == "object") }
      let element = settings?.arrayValue?.first ?? settings
      if let before = shape?.arrayValue?.first ?? (shape?.objectValue != nil ? shape : nil) {
        #expect(element?["oneTimePurchasePrice"] == before["oneTimePurchasePrice"])
        let chargeBefore = before["recurringChargeSettings"]
        let chargeAfter = element?["recurringChargeSettings"]
        if case .array? = chargeBefore, path.count > 2 { #expect(Self.kind(chargeAfter) == "array") }
        if case .object? = chargeBefore { #expect(Self.kind(chargeAfter) == "object") }
        let chargeElement = chargeAfter?.arrayValue?.first ?? chargeAfter
        if (chargeBefore?.arrayValue?.first ?? chargeBefore)?["signUpFee"] != nil {
          #expect(chargeElement?["signUpFee"] == 2, "\(String(describing: shape)) \(path.text)")
        }
      }
      // And the save sends it: the plan body holds the value where the product has it.
      let body = try #require(doc.plan(storeLanguages: nil).steps.first.flatMap { step -> JSONObject? in
        if case .updateProduct(let body) = step { return body }
        return nil
      })
      #expect(Product(json: body).value(at: path) == value)
    }
  }

  @Test func settingTheIntervalWithNoChargeSettingsIsNotLost() {
    // Issue 15's example: "Recurring interval" on a product with no charge settings.
    for shape: JSON in [["subscriptionAllowed": true], ["recurringChargeSettings": []], []] {
      var doc = Document(base: Self.product(shape))
      let path = Self.formPaths[2].0
      #expect(doc.apply(.set(path, "MONTH")) == nil)
      #expect(doc.current.value(at: path) == "MONTH")
      #expect(doc.isDirty)
    }
  }

  @Test func mismatchedShapesAreRefusedAndChangeNothing() {
    let base = Product(json: [
      "id": 1, "categoryIds": [1, 2], "dimensions": ["length": 1], "price": 3, "options": [],
      "wholesalePrices": [["quantity": 2, "price": 1]],
    ])
    let refused: [FieldPath] = [
      [.key("categoryIds"), .key("first")],  // a key into an array
      [.key("dimensions"), .index(0)],  // an index into an object
      [.key("price"), .key("amount")],  // a key into a number
      [.key("price"), .index(0)],  // an index into a number
      [.key("options"), .index(1)],  // past the end of an empty array
      [.key("options"), .index(1), .key("name")],
      [.key("wholesalePrices"), .index(3), .key("price")],
      [.key("categoryIds"), .index(-1)],
      [.key("missing"), .index(2)],  // a new list can only start at 0
      [.index(0)],
    ]
    for path in refused {
      var doc = Document(base: base)
      let error = doc.apply(.set(path, 9))
      #expect(error != nil, "\(path.text) should be refused")
      #expect(error?.message.contains(path.text) == true, "\(error?.message ?? "")")
      #expect(doc.current == base, "\(path.text) changed the product")
      #expect(!doc.canUndo)
    }
  }

  @Test func writesIntoEmptyAndMissingContainersLand() {
    let base = Product(json: ["id": 1, "options": [], "ribbon": .null])
    let landing: [(FieldPath, JSON)] = [
      ([.key("options"), .index(0), .key("name")], "Size"),  // index 0 into an empty array
      ([.key("wholesalePrices"), .index(0), .key("quantity")], 5),  // a missing array
      ([.key("ribbon"), .key("text")], "Sale"),  // into null
      ([.key("dimensions"), .key("width")], 3),  // a missing object
      ([.key("categoryIds"), .index(0)], 7),
    ]
    for (path, value) in landing {
      var doc = Document(base: base)
      #expect(doc.apply(.set(path, value)) == nil, "\(path.text)")
      #expect(doc.current.value(at: path) == value, "\(path.text)")
    }
  }

  /// Any path over any value: the write lands (and reads back) or is refused with the value unchanged.
  @Test func everyWriteLandsOrIsRefused() {
    let values: [JSON] = [
      .null, 1, "s", [], [1], [[:]], [:], ["a": [1, 2]], ["a": ["b": 1]], [["a": 1], ["a": [1]]],
    ]
    let steps: [PathComponent] = [.key("a"), .key("b"), .index(0), .index(1), .index(2)]
    var paths: [[PathComponent]] = [[]]
    for _ in 0..<3 { paths = paths + paths.flatMap { p in steps.map { p + [$0] } } }
    var landed = 0
    var refusedCount = 0
    for v in values {
      for path in paths where !path.isEmpty {
        var json = v
        do throws(FieldPathError) {
          try json.write("new", at: path)
          #expect(json.value(at: path) == "new", "\(v) \(path.text)")
          landed += 1
        } catch {
          #expect(json == v, "\(v) \(path.text): refused but changed")
          #expect(!error.message.isEmpty)
          refusedCount += 1
        }
      }
    }
    #expect(landed > 0 && refusedCount > 0)
  }
}
