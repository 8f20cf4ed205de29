import EcwidAPI
import Foundation
import ProductSamples
import PropertyBased
import Testing

@testable import ProductDocument
import TestSupport

@Suite struct PropertyTests {
  static let productSeeds = Gen.int(in: 0...50)

  @Test func diffIsEmptyIffDocumentsAreEqual() async {
    await propertyCheck(count: 60, input: Self.productSeeds, EditScript.generator()) { seed, script in
      var doc = Document(base: SampleProducts.typical(seed: UInt64(seed)))
      script.run(on: &doc)
      #expect(doc.changes().isEmpty == sameJSON(.object(doc.base.json), .object(doc.current.json)))
    }
  }

  @Test func planBodyAppliedToFetchedGivesEdited() async {
    await propertyCheck(count: 60, input: Self.productSeeds, EditScript.generator()) { seed, script in
      var doc = Document(base: SampleProducts.typical(seed: UInt64(seed)))
      script.run(on: &doc)
      let plan = doc.plan(storeLanguages: nil)
      let renumbers = plan.steps.contains { if case .updateProduct = $0 { return false } else { return true } }
      var result = doc.base
      for case .updateProduct(let body) in plan.steps { result = applyPartialUpdate(body, to: result) }
      for key in Set(result.json.keys).union(doc.current.json.keys) where !UpdatePlan.notSent.contains(key) && key != "combinations" {
        #expect(sameJSON(result.json[key], doc.current.json[key]), "field \(key)")
      }
      if !renumbers {
        #expect(imageIds(result) == imageIds(doc.current))
        for (a, b) in zip(result.images, doc.current.images) {
          #expect(MediaPlanner.sameAlt(a.json["alt"], b.json["alt"]))
        }
      }
    }
  }

  @Test(.heavy) func undoAllRestoresTheOriginal() async {
    await propertyCheck(count: 60, input: Self.productSeeds, EditScript.generator(maxCount: 20)) { seed, script in
      let base = SampleProducts.typical(seed: UInt64(seed))
      var doc = Document(base: base)
      script.run(on: &doc, coalesce: true)
      while doc.undo() {}
      #expect(JSON.object(doc.current.json).encoded() == JSON.object(base.json).encoded())
      while doc.redo() {}
      var again = Document(base: base)
      script.run(on: &again, coalesce: true)
      #expect(doc.current == again.current)
    }
  }

  @Test func revertingEveryChangeRestoresTheOriginal() async {
    await propertyCheck(count: 60, input: Self.productSeeds, EditScript.generator()) { seed, script in
      let base = SampleProducts.typical(seed: UInt64(seed))
      var doc = Document(base: base)
      script.run(on: &doc)
      var rounds = 0
      while let change = doc.changes().first, rounds < 200 {
        doc.revert(change)
        rounds += 1
      }
      #expect(doc.changes().isEmpty)
      #expect(sameJSON(.object(doc.current.json), .object(base.json)))
    }
  }

  @Test func galleryPermutationKeepsTheImageIds() async {
    let permutations = Generator { rng in (0..<30).map { _ in (Int(rng.next() % 12), Int(rng.next() % 12)) } }
    await propertyCheck(count: 60, input: Self.productSeeds, permutations) { seed, moves in
      let base = SampleProducts.typical(seed: UInt64(seed))
      var doc = Document(base: base)
      for (from, to) in moves { doc.apply(from % 3 == 0 ? .setMainImage(index: from) : .moveImage(from: from, to: to)) }
      #expect(Set(imageIds(doc.current)) == Set(imageIds(base)))
      #expect(doc.changes().allSatisfy { $0.kind == .moved })
      let plan = doc.plan(storeLanguages: nil)
      if case .updateProduct(let body)? = plan.steps.first {
        let sent = body["media"]?["images"]?.arrayValue?.compactMap { $0["id"]?.idString } ?? []
        #expect(Set(sent) == Set(imageIds(base)))
      } else {
        #expect(plan.isEmpty)
      }
    }
  }
}
