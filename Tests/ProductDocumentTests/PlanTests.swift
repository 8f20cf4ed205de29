import EcwidAPI
import Foundation
import ProductSamples
import Testing

@testable import ProductDocument
import TestSupport

@Suite struct PlanTests {
  @Test func noChangeNoRequest() {
    let doc = Document(base: sampleProduct())
    #expect(doc.plan(storeLanguages: nil).isEmpty)
  }

  @Test func onlyChangedTopLevelFieldsAsWholeValues() throws {
    var doc = Document(base: sampleProduct())
    doc.apply(.set([.key("price")], 10))
    doc.apply(.set([.key("nameTranslated"), .key("fr")], "Nouveau"))
    doc.apply(.set([.key("subtitle")], nil))
    let plan = doc.plan(storeLanguages: nil)
    #expect(plan.steps.count == 1)
    guard case .updateProduct(let body) = plan.steps[0] else { Issue.record("expected a PUT"); return }
    #expect(Set(body.keys) == ["price", "nameTranslated", "subtitle"])
    #expect(body["nameTranslated"] == doc.current.json["nameTranslated"])  // the whole map
    #expect(body["subtitle"] == .null)
    #expect(plan.steps[0].requestDescription(productId: 5).hasPrefix("PUT /products/5 {"))
    #expect(plan.steps[0].requestDescription(productId: 5).contains("\"price\":10,"))
  }

  @Test func reorderSendsEveryImageWithItsAltUntouched() throws {
    let base = sampleProduct()
    var doc = Document(base: base)
    doc.apply(.setMainImage(index: 3))
    doc.apply(.setImageAlt(index: 5, language: "de", text: "Neu"))
    let plan = doc.plan(storeLanguages: nil)
    #expect(plan.steps.count == 1)
    guard case .updateProduct(let body) = plan.steps[0] else { Issue.record("expected a PUT"); return }
    let images = try #require(body["media"]?["images"]?.arrayValue)
    #expect(images.count == base.images.count)
    #expect(images.map { $0["id"]?.idString } == doc.current.images.map(\.id))
    #expect(images.map { $0["orderBy"]?.intValue } == Array(0..<images.count).map { Optional($0) })
    for (i, img) in images.enumerated() where i != 5 {
      let original = base.images.first { $0.id == img["id"]?.idString }!
      #expect(img["alt"] == original.json["alt"])
    }
  }

  @Test func mediaByURLThenRefetchThenOrder() {
    let base = sampleProduct()
    var doc = Document(base: base)
    doc.apply(.set([.key("price")], 3))
    doc.apply(.removeMedia(index: 0))
    doc.apply(.removeMedia(index: 4))
    doc.apply(.addMedia(url: "https://cdn.example.com/a.jpg", kind: .image))
    doc.apply(.setMainImage(index: doc.current.images.count - 1))
    let steps = doc.plan(storeLanguages: nil).steps
    #expect(steps.count == 6)
    guard steps.count == 6 else { return }
    if case .updateProduct(let body) = steps[0] { #expect(Array(body.keys) == ["price"]) } else { Issue.record("PUT first") }
    #expect(steps[1] == .removeMedia(imageId: base.images[5].id!, kind: .image))
    #expect(steps[2] == .removeMedia(imageId: "0", kind: .image))
    #expect(steps[3] == .addMedia(url: "https://cdn.example.com/a.jpg", kind: .image))
    #expect(steps[4] == .refetch)
    if case .updateMediaOrder(let images) = steps[5] {
      #expect(images.count == base.images.count - 1)
      #expect(images[0]["imageOriginalUrl"] == "https://cdn.example.com/a.jpg")
    } else {
      Issue.record("order last")
    }
  }

  @Test func addingAtTheEndNeedsNoOrderUpdate() {
    var doc = Document(base: sampleProduct())
    doc.apply(.addMedia(url: "https://cdn.example.com/a.jpg", kind: .image))
    #expect(doc.plan(storeLanguages: nil).steps == [.addMedia(url: "https://cdn.example.com/a.jpg", kind: .image)])
  }

  @Test func videoChangeRestoresAltsAfterwards() {
    var doc = Document(base: sampleProduct())
    doc.apply(.addMedia(url: "https://youtu.be/xyz", kind: .video))
    let steps = doc.plan(storeLanguages: nil).steps
    #expect(steps.first == .addMedia(url: "https://youtu.be/xyz", kind: .video))
    #expect(steps.contains(.refetch))
  }

  @Test func warnsWhenOptionsChangeOnProductWithVariations() {
    var base = sampleProduct()
    base.json["combinations"] = [["id": 1, "combinationNumber": 1]]
    var doc = Document(base: base)
    doc.apply(.removeOption(0))
    #expect(doc.plan(storeLanguages: nil).warnings.contains { $0.contains("variations") })
  }

  @Test(.heavy) func hugeProductOneFieldPlanIsOneSmallRequest() throws {
    let base = SampleProducts.huge(seed: 3)
    var doc = Document(base: base)
    doc.apply(.set([.key("price")], 42))
    // Its speed is a figure of scripts/bench, not a timed test.
    let plan = doc.plan(storeLanguages: nil)
    guard case .updateProduct(let body)? = plan.steps.first else { Issue.record("no PUT"); return }
    let bodyBytes = JSON.object(body).encoded().count
    let productBytes = JSON.object(base.json).encoded().count
    #expect(plan.steps.count == 1)
    #expect(Double(bodyBytes) <= Double(productBytes) * 0.01)
  }
}
