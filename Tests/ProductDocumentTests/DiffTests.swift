import EcwidAPI
import Foundation
import ProductSamples
import Testing

@testable import ProductDocument
import TestSupport

@Suite struct DiffTests {
  func optionsProduct() -> Product {
    Product(json: [
      "id": 1,
      "options": [
        [
          "type": "SELECT", "name": "Size", "defaultChoice": 0,
          "choices": [["text": "30", "priceModifier": 0], ["text": "32", "priceModifier": 1, "priceModifierType": "ABSOLUTE"]],
        ],
        ["type": "RADIO", "name": "Color", "choices": [["text": "Red"], ["text": "Blue"]]],
      ],
    ])
  }

  @Test func noChangesWhenEqual() {
    let p = sampleProduct()
    #expect(diff(base: p, current: p).isEmpty)
  }

  @Test func choicePriceModifierLabel() throws {
    var doc = Document(base: optionsProduct())
    doc.apply(.set([.key("options"), .index(0), .key("choices"), .index(1), .key("priceModifier")], 5))
    let changes = doc.changes()
    #expect(changes.count == 1)
    let c = try #require(changes.first)
    #expect(c.label == "Option “Size” › choice “32” › price modifier")
    #expect(c.kind == .changed && c.old == 1 && c.new == 5)
    #expect(c.section == .options)
  }

  @Test func optionsByNameChoicesByTextMovesNotRewrites() {
    var doc = Document(base: optionsProduct())
    doc.apply(.moveOption(from: 1, to: 0))
    let changes = doc.changes()
    #expect(changes.allSatisfy { $0.kind == .moved })
    #expect(changes.count == 2)  // a swap of two is two moves
    doc.apply(.moveChoice(option: 0, from: 0, to: 1))
    #expect(doc.changes().filter { $0.label.contains("choice") }.allSatisfy { $0.kind == .moved })
  }

  @Test func imagesByIdSwapIsTwoMoves() {
    let base = sampleProduct()
    var doc = Document(base: base)
    doc.apply(.moveImage(from: 2, to: 7))
    doc.apply(.moveImage(from: 6, to: 2))  // net: images 2 and 7 swapped
    let changes = doc.changes()
    #expect(changes.count == 2)
    #expect(changes.allSatisfy { $0.kind == .moved && $0.section == .media })
  }

  @Test func movingOneImageFarIsOneMove() {
    var doc = Document(base: sampleProduct())
    doc.apply(.setMainImage(index: 11))
    #expect(doc.changes().count == 1)
  }

  @Test func altChangeIsReportedOnTheImage() {
    var doc = Document(base: sampleProduct())
    doc.apply(.setImageAlt(index: 3, language: "fr", text: "Nouveau"))
    let c = doc.changes()
    #expect(c.count == 1)
    #expect(c[0].path == [.key("media"), .key("images"), .index(3), .key("alt"), .key("translated"), .key("fr")])
    #expect(c[0].label.hasPrefix("Image 4"))
  }

  @Test func attributesByIdWholesaleByQuantityTranslationsByLanguage() {
    var base = Product(json: ["id": 1])
    base.json["attributes"] = [["id": 5, "name": "Brand", "value": "A"], ["alias": "UPC", "value": "1"]]
    base.json["wholesalePrices"] = [["quantity": 10, "price": 9], ["quantity": 20, "price": 8]]
    base.json["nameTranslated"] = ["en": "Toy", "fr": "Jouet"]
    var doc = Document(base: base)
    doc.apply(.set([.key("attributes")], [["alias": "UPC", "value": "1"], ["id": 5, "name": "Brand", "value": "B"]]))
    doc.apply(.set([.key("wholesalePrices")], [["quantity": 20, "price": 7], ["quantity": 50, "price": 6]]))
    doc.apply(.set([.key("nameTranslated"), .key("de")], "Spielzeug"))
    doc.apply(.set([.key("nameTranslated"), .key("fr")], nil))
    let c = doc.changes()
    let labels = Set(c.map { "\($0.kind.rawValue) \($0.label)" })
    #expect(labels.contains("changed Attribute “Brand” › value"))
    #expect(labels.contains("removed Wholesale tier from 10 items"))
    #expect(labels.contains("added Wholesale tier from 50 items"))
    #expect(labels.contains("changed Wholesale tier from 20 items › price"))
    #expect(labels.contains("added Name translations › de"))
    #expect(labels.contains("removed Name translations › fr"))
    #expect(c.contains { $0.kind == .moved && $0.label.contains("Brand") || $0.label.contains("UPC") && $0.kind == .moved })
  }

  @Test func scalarArraysByValue() {
    var base = Product(json: ["id": 1])
    base.json["categoryIds"] = [1, 2, 3]
    var doc = Document(base: base)
    doc.apply(.set([.key("categoryIds")], [1, 3, 4]))
    let kinds = doc.changes().map(\.kind)
    #expect(kinds.sorted { $0.rawValue < $1.rawValue } == [.added, .removed])
  }

  @Test func serverMaintainedFieldsAreIgnored() {
    let base = sampleProduct()
    var doc = Document(base: base)
    doc.apply(.set([.key("updateTimestamp")], 99))
    #expect(doc.changes().isEmpty)
  }

  @Test func changeIdsAreStable() {
    var doc = Document(base: optionsProduct())
    doc.apply(.set([.key("options"), .index(1), .key("required")], true))
    let id = doc.changes()[0].id
    doc.apply(.moveOption(from: 1, to: 0))
    #expect(doc.changes().contains { $0.id == id })
  }

  @Test func revertEachKind() {
    let base = sampleProduct()
    var doc = Document(base: base)
    doc.apply(.set([.key("price")], 1))
    doc.apply(.set([.key("subtitle")], nil))
    doc.apply(.set([.key("brandNew")], "x"))
    doc.apply(.removeMedia(index: 4))
    doc.apply(.moveImage(from: 0, to: 8))
    doc.apply(.removeChoice(option: 0, choice: 2))
    doc.apply(.addOption(["type": "SELECT", "name": "Extra"], at: 1))
    let priceChange = doc.changes().first { $0.path == [.key("price")] }!
    doc.revert(priceChange)
    #expect(doc.current.price == base.price)
    #expect(!doc.changes().contains { $0.id == priceChange.id })
    var guardCount = 0
    while let c = doc.changes().first, guardCount < 50 {
      doc.revert(c)
      guardCount += 1
    }
    #expect(doc.changes().isEmpty)
    #expect(JSON.object(doc.current.json).encoded() == JSON.object(base.json).encoded())
    #expect(doc.undo() == true)  // reverting is undoable
  }

  // How fast these diffs are is a figure of scripts/bench (diff, one field / 1,000 changes), not a
  // timed test: a shared 2-core machine varies too much for a bound here to mean anything.
  @Test(.heavy) func hugeProductDiffsFindExactlyTheChanges() {
    let base = SampleProducts.huge(seed: 1)
    var doc = Document(base: base)
    doc.apply(.set([.key("price")], 1))
    var changes: [Change] = []
    changes = doc.changes()
    #expect(changes.count == 1)
    var many = Document(base: base)
    for i in 0..<1000 { many.apply(.setImageAlt(index: i, language: nil, text: "n\(i)")) }
    changes = many.changes()
    #expect(changes.count == 1000)
  }
}

