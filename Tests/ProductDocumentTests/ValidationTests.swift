import EcwidAPI
import Foundation
import ProductSamples
import Testing

@testable import ProductDocument

@Suite struct ValidationTests {
  func issues(_ edit: Edit, base: Product = sampleProduct(), languages: [String]? = nil) -> [ValidationIssue] {
    var doc = Document(base: base)
    doc.apply(edit)
    return doc.validate(storeLanguages: languages)
  }

  func errorPaths(_ edit: Edit, base: Product = sampleProduct(), languages: [String]? = nil) -> [FieldPath] {
    issues(edit, base: base, languages: languages).filter { $0.severity == .error }.map(\.path)
  }

  @Test func sampleIsValid() {
    #expect(Document(base: sampleProduct()).validate(storeLanguages: SampleProducts.typicalLanguages).isEmpty)
  }

  @Test func ribbon() {
    #expect(errorPaths(.set([.key("ribbon"), .key("text")], .string(String(repeating: "x", count: 31)))) == [[.key("ribbon"), .key("text")]])
    #expect(errorPaths(.set([.key("ribbon"), .key("text")], .string(String(repeating: "x", count: 30)))).isEmpty)
    for good in ["#abc", "#ABCD", "#a1b2c3", "#a1b2c3d4"] {
      #expect(errorPaths(.set([.key("ribbon"), .key("color")], .string(good))).isEmpty)
    }
    for bad in ["abc", "#ab", "#abcde", "#ggg", "red"] {
      #expect(errorPaths(.set([.key("ribbon"), .key("color")], .string(bad))) == [[.key("ribbon"), .key("color")]])
    }
  }

  @Test func wholesale() {
    let path: FieldPath = [.key("wholesalePrices")]
    #expect(errorPaths(.set(path, [["quantity": 5, "price": nil]])) == [path + [.index(0), .key("price")]])
    #expect(errorPaths(.set(path, [["quantity": 5]])) == [path + [.index(0), .key("price")]])
    #expect(errorPaths(.set(path, [["quantity": 5, "price": -1]])) == [path + [.index(0), .key("price")]])
    #expect(errorPaths(.set(path, [["quantity": "many", "price": 1]])) == [path + [.index(0), .key("quantity")]])
    #expect(errorPaths(.set(path, [["quantity": 2, "price": 1]])).isEmpty)
  }

  /// Issue 15: no rule the documentation does not have (a tier of 1, a price over 1e9, negative
  /// price, compare-to price, lowest price or quantity) refuses a save.
  @Test func undocumentedLimitsDoNotRefuseASave() {
    #expect(errorPaths(.set([.key("wholesalePrices")], [["quantity": 1, "price": 1]])).isEmpty)
    #expect(errorPaths(.set([.key("wholesalePrices")], [["quantity": 5, "price": 1e15]])).isEmpty)
    for key in ["price", "compareToPrice", "lowestPrice", "quantity"] {
      #expect(errorPaths(.set([.key(key)], -1)).isEmpty, "\(key)")
    }
  }

  @Test func costPriceAndFrontpage() {
    #expect(errorPaths(.set([.key("costPrice")], -1)) == [[.key("costPrice")]])
    var base = sampleProduct()
    base.json["categoryIds"] = []
    #expect(errorPaths(.set([.key("showOnFrontpage")], -1), base: base) == [[.key("showOnFrontpage")]])
    base.json["categoryIds"] = [5]
    #expect(errorPaths(.set([.key("showOnFrontpage")], -1), base: base).isEmpty)
  }

  @Test func enumerations() {
    #expect(errorPaths(.setOptionType(option: 0, type: "BOGUS")).contains([.key("options"), .index(0), .key("type")]))
    #expect(errorPaths(.set([.key("options"), .index(0), .key("choices"), .index(0), .key("priceModifierType")], "HALF")) == [[.key("options"), .index(0), .key("choices"), .index(0), .key("priceModifierType")]])
    #expect(errorPaths(.set([.key("shipping"), .key("type")], "TELEPORT")) == [[.key("shipping"), .key("type")]])
    #expect(errorPaths(.set([.key("volumeUnit")], "gal")) == [[.key("volumeUnit")]])
    #expect(errorPaths(.set([.key("outOfStockVisibilityBehaviour")], "MAYBE")) == [[.key("outOfStockVisibilityBehaviour")]])
    #expect(errorPaths(.set([.key("attributes"), .index(0), .key("show")], "ALWAYS")) == [[.key("attributes"), .index(0), .key("show")]])
    let recurring: FieldPath = [.key("subscriptionSettings"), .key("recurringChargeSettings"), .index(0)]
    #expect(errorPaths(.set(recurring + [.key("recurringInterval")], "HOUR")) == [recurring + [.key("recurringInterval")]])
    #expect(errorPaths(.set(recurring + [.key("recurringIntervalCount")], 2)) == [recurring + [.key("recurringIntervalCount")]])
    #expect(errorPaths(.set(recurring + [.key("recurringIntervalCount")], 3)).isEmpty)  // quarterly
  }

  @Test func unknownValuesFromTheServerAreOnlyWarnings() {
    var base = sampleProduct()
    base.json["options"] = [["type": "SWATCHES", "name": "Color"]]
    let found = issues(.set([.key("price")], 3), base: base)
    #expect(found.allSatisfy { $0.severity == .warning })
    #expect(!found.isEmpty)
  }

  @Test func defaultChoice() {
    let option: FieldPath = [.key("options"), .index(0)]
    #expect(errorPaths(.set(option + [.key("defaultChoice")], 99)) == [option + [.key("defaultChoice")]])
    var base = sampleProduct()
    base.json["options"] = [["type": "CHECKBOX", "name": "Extras", "choices": [["text": "a"]]]]
    #expect(errorPaths(.set(option + [.key("defaultChoice")], 0), base: base) == [option + [.key("defaultChoice")]])
  }

  @Test func translationsOnlyInStoreLanguages() {
    let found = errorPaths(.set([.key("nameTranslated"), .key("xx")], "?"), languages: SampleProducts.typicalLanguages)
    #expect(found == [[.key("nameTranslated"), .key("xx")]])
    let alt = errorPaths(.setImageAlt(index: 0, language: "yy", text: "?"), languages: SampleProducts.typicalLanguages)
    #expect(alt == [[.key("media"), .key("images"), .index(0), .key("alt"), .key("translated"), .key("yy")]])
  }

  @Test func purchaseLimitsAndNumbers() {
    #expect(errorPaths(.set([.key("minPurchaseQuantity")], 500)) == [[.key("minPurchaseQuantity")]])
    #expect(errorPaths(.set([.key("price")], "ten")) == [[.key("price")]])
    #expect(errorPaths(.set([.key("weight")], .number(JSONNumber(text: "1..2")))) == [[.key("weight")]])
    #expect(errorPaths(.set([.key("dimensions"), .key("width")], "wide")) == [[.key("dimensions"), .key("width")]])
  }

  @Test func seoLengthsAreWarnings() {
    let title = issues(.set([.key("seoTitle")], .string(String(repeating: "t", count: 56))))
    #expect(title.map(\.severity) == [.warning])
    let description = issues(.set([.key("seoDescription")], .string(String(repeating: "d", count: 161))))
    #expect(description.map(\.severity) == [.warning])
  }
}
