import EcwidAPI
import EcwidSandbox
import Foundation
import ProductDocument
import ProductSync
import Testing

/// Options and variations stay consistent: a renamed option or choice is renamed in every
/// variation that has it, a removed choice takes its variations with it, the review shows those
/// rows, and the save does it (issue 16).
@Suite(.serialized) struct OptionVariationConsistencyTests {
  func values(_ doc: Document) -> [[String]] {
    doc.combinations.map { c in (c.json["options"]?.arrayValue ?? []).map { "\($0["name"]?.stringValue ?? "")=\($0["value"]?.stringValue ?? "")" } }
  }

  @Test func renamingAChoiceRenamesItInItsVariationsAsOneUndoStep() throws {
    var doc = Document(base: variedProduct())
    let sizeChoices = doc.current.json["options"]?[0]?["choices"]?.arrayValue ?? []
    let m = try #require(sizeChoices.firstIndex { $0["text"]?.stringValue == "M" })
    doc.apply(.set([.key("options"), .index(0), .key("choices"), .index(m), .key("text")], "Medium"), coalesceKey: "k")
    doc.apply(.renameInCombinations(option: "Size", value: "M", to: "Medium"), coalesceKey: "k")
    #expect(values(doc).filter { $0.contains("Size=M") }.isEmpty)
    #expect(values(doc).filter { $0.contains("Size=Medium") }.count == 2)
    let labels = doc.changes().map(\.label)
    #expect(
      labels == [
        "Option “Size” › choice “M”", "Option “Size” › choice “Medium”",
        "Variation Size=Medium · Color=Red › option “Size” › value",
        "Variation Size=Medium · Color=Blue › option “Size” › value",
      ], "\(labels)")
    let value = try #require(doc.changes().first { $0.label.hasPrefix("Variation Size=Medium · Color=Red") })
    #expect(value.old == "M" && value.new == "Medium")
    doc.undo()
    #expect(values(doc) == values(Document(base: variedProduct())))
    #expect(doc.changes().isEmpty)
  }

  @Test func removingAChoiceRemovesTheVariationsThatHaveIt() throws {
    var doc = Document(base: variedProduct())
    let before = doc.combinations.count
    let sizeChoices = doc.current.json["options"]?[0]?["choices"]?.arrayValue ?? []
    let m = try #require(sizeChoices.firstIndex { $0["text"]?.stringValue == "M" })
    #expect(doc.current.combinationIndices(option: "Size", value: "M").count == 2)
    doc.apply(.removeChoice(option: 0, choice: m))
    #expect(doc.combinations.count == before - 2)
    let removed = doc.changes().filter { $0.kind == .removed && $0.label.hasPrefix("Variation") }.map(\.label).sorted()
    #expect(removed == ["Variation Size=M · Color=Blue", "Variation Size=M · Color=Red"])
    doc.undo()
    #expect(doc.combinations.count == before)
  }

  @Test func renamingAChoiceToTheSameTextOrAnUnusedOptionChangesNoVariation() throws {
    var doc = Document(base: variedProduct())
    doc.apply(.renameInCombinations(option: "Size", value: "M", to: "M"))
    doc.apply(.renameInCombinations(option: "Nope", value: nil, to: "Other"))
    #expect(doc.changes().isEmpty)
  }

  /// `Product.followRename` (the Options and Translations screens apply what it returns): a
  /// renamed choice or option gives the one edit that renames it in its variations, with their
  /// count; an unchanged or unused text, or a path that names no option text, gives none.
  @Test func followRenameGivesTheEditThatRenamesTheVariations() throws {
    let product = variedProduct()
    let choice = product.followRename(
      at: [.key("options"), .index(0), .key("choices"), .index(0), .key("text")], from: "M", to: "Medium")
    #expect(choice.edits == [.renameInCombinations(option: "Size", value: "M", to: "Medium")])
    #expect(choice.variations == 2)
    let option = product.followRename(at: [.key("options"), .index(1), .key("name")], from: "Color", to: "Colour")
    #expect(option.edits == [.renameInCombinations(option: "Color", value: nil, to: "Colour")])
    #expect(option.variations == 4)
    var doc = Document(base: product)
    doc.apply(.set([.key("options"), .index(1), .key("name")], "Colour"), coalesceKey: "k")
    for edit in option.edits { doc.apply(edit, coalesceKey: "k") }
    #expect(values(doc).allSatisfy { $0.contains { $0.hasPrefix("Colour=") } })
    doc.undo()
    #expect(doc.changes().isEmpty)
    let none = [
      product.followRename(at: [.key("options"), .index(0), .key("name")], from: "Size", to: "Size"),
      product.followRename(at: [.key("options"), .index(0), .key("name")], from: "Nope", to: "Other"),
      product.followRename(at: [.key("options"), .index(0), .key("choices"), .index(0), .key("text")], from: "S", to: "Small"),
      product.followRename(at: [.key("name")], from: "Tee", to: "Shirt"),
    ]
    #expect(none.allSatisfy { $0.edits.isEmpty && $0.variations == 0 })
  }

  /// Against the sandbox, over HTTP: the 40-variation T-shirt's option "Color" renamed to
  /// "Colour", its choice "M" to "Medium" and its choice "XS" removed. After the save the store
  /// holds 32 variations with the new names (the same ids as before), none with the old ones,
  /// and the product re-read shows no change left.
  @Test func theSaveDoesWhatTheReviewShowed() async throws {
    let env = try await LoggedSandbox.start()
    defer { Task { await env.stop() } }
    let fetched = try await env.client.productWithCombinations(id: LoggedSandbox.tee)
    var doc = Document(base: fetched)
    let options = doc.current.json["options"]?.arrayValue ?? []
    let size = try #require(options.firstIndex { $0["name"]?.stringValue == "Size" })
    let color = try #require(options.firstIndex { $0["name"]?.stringValue == "Color" })
    let sizeChoices = options[size]["choices"]?.arrayValue ?? []
    let m = try #require(sizeChoices.firstIndex { $0["text"]?.stringValue == "M" })
    let xs = try #require(sizeChoices.firstIndex { $0["text"]?.stringValue == "XS" })
    let keptIds = Set(
      doc.combinations.filter { c in !(c.json["options"]?.arrayValue ?? []).contains { $0["value"]?.stringValue == "XS" } }
        .compactMap(\.id))
    #expect(keptIds.count == 32)

    doc.apply(.set([.key("options"), .index(color), .key("name")], "Colour"), coalesceKey: "a")
    doc.apply(.renameInCombinations(option: "Color", value: nil, to: "Colour"), coalesceKey: "a")
    doc.apply(.set([.key("options"), .index(size), .key("choices"), .index(m), .key("text")], "Medium"), coalesceKey: "b")
    doc.apply(.renameInCombinations(option: "Size", value: "M", to: "Medium"), coalesceKey: "b")
    doc.apply(.removeChoice(option: size, choice: xs))

    let changes = doc.changes()
    #expect(changes.filter { $0.kind == .removed && $0.label.hasPrefix("Variation Size=XS") }.count == 8)
    #expect(changes.contains { $0.label == "Variation Size=Medium · Colour=Black › option “Size” › value" })
    let renamed = changes.filter { $0.label.hasSuffix("› option “Colour” › name") }
    #expect(renamed.count == 32, "\(changes.map(\.label))")
    #expect(renamed.allSatisfy { $0.old == "Color" && $0.new == "Colour" })

    let outcome = await runPlan(doc.plan(storeLanguages: nil), productId: LoggedSandbox.tee, client: env.client)
    #expect(outcome.succeeded, "\(outcome.error.map(\.sentence) ?? "")")

    let after = try await env.client.productWithCombinations(id: LoggedSandbox.tee)
    let stored = (after.combinations ?? []).map { c in
      (c.json["options"]?.arrayValue ?? []).map { "\($0["name"]?.stringValue ?? "")=\($0["value"]?.stringValue ?? "")" }
    }
    #expect(stored.count == 32)
    #expect(Set((after.combinations ?? []).compactMap(\.id)) == keptIds)
    #expect(stored.allSatisfy { $0.count == 2 && $0.contains { $0.hasPrefix("Colour=") } })
    #expect(!stored.contains { $0.contains("Size=M") || $0.contains("Size=XS") || $0.contains { $0.hasPrefix("Color=") } })
    #expect(stored.filter { $0.contains("Size=Medium") }.count == 8)
    let storedOptions = after.json["options"]?.arrayValue ?? []
    #expect(storedOptions.map { $0["name"]?.stringValue ?? "" } == ["Size", "Colour"])
    #expect(storedOptions[0]["choices"]?.arrayValue?.map { $0["text"]?.stringValue ?? "" } == ["S", "Medium", "L", "XL"])
  }
}
