import DraftJournal
import EcwidAPI
import Foundation
import ProductDocument
import Testing

/// A draft holding variation edits survives a crash and recovers like any other edit.
@Suite struct VariationDraftTests {
  func product() throws -> Product {
    Product(
      try JSON.parse(
        #"""
        {"id": 9, "name": "Tee", "updateTimestamp": 100,
         "options": [{"name": "Size", "type": "SIZE", "choices": [{"text": "M"}, {"text": "XL"}]}],
         "combinations": [
           {"id": 1, "options": [{"name": "Size", "value": "M"}], "sku": "T-M", "quantity": 4, "price": 10},
           {"id": 2, "options": [{"name": "Size", "value": "XL"}], "sku": "T-XL", "quantity": 8, "price": 10}]}
        """#))
  }

  func path(_ i: Int, _ key: String) -> FieldPath { Document.combinationPath(index: i, field: key) }

  @Test func variationEditsSurviveTheJournalAndRecoverOverARemoteSale() throws {
    let journal = DraftJournal(
      directory: FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)"))
    let fetched = try product()
    var doc = Document(base: fetched)
    doc.apply(.set(path(1, "price"), 12.5))
    doc.apply(.set(path(1, "quantity"), 0))
    try journal.write(.init(storeId: 1003, productId: 9, base: doc.base, current: doc.current))

    // The process dies; a new run reads the draft back, while a sale happened on the server.
    let draft = try #require(try journal.read(storeId: 1003, productId: 9))
    var live = fetched
    live.setValue(3, at: path(0, "quantity"))
    live.json["updateTimestamp"] = 200
    let merge = checkConflicts(base: draft.base, mine: draft.current, theirs: live)
    #expect(merge.conflicts.isEmpty)
    var recovered = Document(base: live)
    recovered.apply(.replaceProduct(merge.merged))
    #expect(Set(recovered.changes().map(\.label)) == ["Variation Size=XL › price", "Variation Size=XL › quantity"])
    #expect(recovered.plan(storeLanguages: nil).steps == [
      .updateCombination(id: 2, label: "Size=XL", body: ["price": 12.5, "quantity": 0])
    ])
    #expect(recovered.current.value(at: path(0, "quantity")) == 3)
    // Undo of the recovery step goes back to the server's version.
    recovered.undo()
    #expect(recovered.changes().isEmpty)
  }
}
