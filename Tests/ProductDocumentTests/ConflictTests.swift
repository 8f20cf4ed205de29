import EcwidAPI
import Foundation
import Testing

@testable import ProductDocument

@Suite struct ConflictTests {
  @Test func nothingChangedRemotely() {
    let base = sampleProduct()
    var mine = base
    mine.json["price"] = 1
    var theirs = base
    theirs.json["updateTimestamp"] = 2_000_000_000
    let r = checkConflicts(base: base, mine: mine, theirs: theirs)
    #expect(!r.remoteChanged && r.conflicts.isEmpty)
    #expect(r.merged.price?.double == 1)
  }

  @Test func nonOverlappingRemoteChangesAreTakenIn() {
    let base = sampleProduct()
    var mine = base
    mine.json["price"] = 1
    mine.setValue("Mon nom", at: [.key("nameTranslated"), .key("fr")])
    var theirs = base
    theirs.json["sku"] = "NEW-SKU"
    theirs.setValue("Mein Name", at: [.key("nameTranslated"), .key("de")])
    let r = checkConflicts(base: base, mine: mine, theirs: theirs)
    #expect(r.remoteChanged && r.conflicts.isEmpty)
    #expect(r.merged.sku == "NEW-SKU")
    #expect(r.merged.nameTranslated?["de"] == "Mein Name")
    #expect(r.merged.nameTranslated?["fr"] == "Mon nom")
    var doc = Document(base: base)
    doc.apply(.replaceProduct(mine))
    doc.takeRemote(r)
    guard case .updateProduct(let body)? = doc.plan(storeLanguages: nil).steps.first else { Issue.record("no PUT"); return }
    #expect(body["sku"] == nil)  // the save does not undo their change
    #expect(body["nameTranslated"]?["de"] == "Mein Name")
  }

  @Test func bothChangedDifferentlyIsAConflict() throws {
    let base = sampleProduct()
    var mine = base
    mine.json["price"] = 1
    var theirs = base
    theirs.json["price"] = 2
    let r = checkConflicts(base: base, mine: mine, theirs: theirs)
    let c = try #require(r.conflicts.first)
    #expect(r.conflicts.count == 1)
    #expect(c.path == [.key("price")] && c.base == base.json["price"] && c.mine == 1 && c.theirs == 2)
    #expect(r.merged.price?.double == 1)
  }

  @Test func bothChangedTheSameWayIsNoConflict() {
    let base = sampleProduct()
    var mine = base
    mine.json["price"] = 1
    let r = checkConflicts(base: base, mine: mine, theirs: mine)
    #expect(r.conflicts.isEmpty && r.remoteChanged)
  }
}
