import EcwidAPI
import Foundation
import Testing

@testable import ProductDocument

/// Options and variations stay consistent (issue 16): renaming an option or a choice renames it
/// in the variations, removing a choice removes the variations that had it; the review shows it
/// and the plan sends it after the product's new options.
@Suite struct CombinationOptionsTests {
  static func values(_ doc: Document, _ i: Int) -> [String] {
    (doc.current.combinations?[i].optionPairs ?? []).map { "\($0.name)=\($0.value)" }
  }

  @Test func renamingAChoiceRenamesItInEveryVariationAndThePlanSendsItAfterTheOptions() throws {
    var doc = Document(base: variedProduct())
    doc.apply(.set([.key("options"), .index(0), .key("choices"), .index(1), .key("text")], .string("XXL")))
    #expect(Self.values(doc, 2) == ["Size=XXL", "Color=Red"])
    #expect(Self.values(doc, 3) == ["Size=XXL", "Color=Blue"])
    #expect(Self.values(doc, 0) == ["Size=M", "Color=Red"])
    let labels = doc.changes().map(\.label)
    #expect(labels.contains { $0.hasPrefix("Variation Size=XXL · Color=Red") || $0.hasPrefix("Variation Size=XL · Color=Red") }, "\(labels)")
    let steps = doc.plan(storeLanguages: nil).steps
    guard case .updateProduct(let body)? = steps.first else {
      Issue.record("the options go first: \(steps)")
      return
    }
    #expect(body["options"] != nil)
    let updated = steps.compactMap { step -> Int? in
      if case .updateCombination(let id, _, let body) = step, body["options"] != nil { return id }
      return nil
    }
    #expect(updated == [103, 104])
    // One undo puts the choice and the variations back.
    doc.undo()
    #expect(!doc.isDirty)
  }

  @Test func renamingAnOptionRenamesItsValuesInEveryVariation() throws {
    var doc = Document(base: variedProduct())
    doc.apply(.set([.key("options"), .index(1), .key("name")], .string("Colour")))
    #expect((0..<4).allSatisfy { Self.values(doc, $0)[1].hasPrefix("Colour=") })
    // A name another option already has is left alone: the variations would be ambiguous.
    doc.apply(.set([.key("options"), .index(1), .key("name")], .string("Size")))
    #expect(Self.values(doc, 0)[1] == "Colour=Red")
  }

  @Test func removingAChoiceRemovesItsVariationsAndThePlanDeletesThem() throws {
    var doc = Document(base: variedProduct())
    doc.apply(.removeChoice(option: 1, choice: 1))  // Blue
    #expect(doc.current.combinations?.map(\.id) == [101, 103])
    let deletes = doc.plan(storeLanguages: nil).steps.compactMap { step -> Int? in
      if case .deleteCombination(let id, _) = step { return id }
      return nil
    }
    #expect(deletes == [102, 104])
    let removed = doc.changes().filter { $0.kind == .removed }.map(\.label)
    #expect(removed.contains { $0.contains("Size=M · Color=Blue") }, "\(removed)")
    doc.undo()
    #expect(doc.current.combinations?.count == 4)
  }

  @Test func typingAChoiceTextLetterByLetterEndsConsistent() throws {
    var doc = Document(base: variedProduct())
    let path: FieldPath = [.key("options"), .index(0), .key("choices"), .index(0), .key("text")]
    for text in ["", "L", "La", "Lar", "Large"] { doc.apply(.set(path, .string(text)), coalesceKey: "typing") }
    #expect(Self.values(doc, 0) == ["Size=Large", "Color=Red"])
    #expect(Self.values(doc, 1) == ["Size=Large", "Color=Blue"])
    #expect(Self.values(doc, 2) == ["Size=XL", "Color=Red"])
    doc.undo()
    #expect(!doc.isDirty)
  }
}
