import EcwidAPI
import Foundation
import Testing

@testable import ProductDocument

/// A product with Size × Color and four variations, as `GET /products/{id}` sends it.
func variedProduct() -> Product {
  func combo(_ id: Int, _ size: String, _ color: String, sku: String, price: Double, quantity: Int) -> JSON {
    .object([
      "id": .int(id), "combinationNumber": .int(id - 100), "options": [
        ["name": "Size", "value": .string(size)], ["name": "Color", "value": .string(color)],
      ],
      "sku": .string(sku), "price": .number(JSONNumber(price)), "quantity": .int(quantity), "unlimited": false,
      "inStock": .bool(quantity > 0), "warningLimit": 3, "weight": 0.5, "isShippingRequired": true,
      "defaultDisplayedPrice": .number(JSONNumber(price)),
    ])
  }
  return Product(json: [
    "id": 42, "sku": "TEE", "name": "Tee", "price": 10, "updateTimestamp": 1000,
    "options": [
      ["name": "Size", "type": "SIZE", "choices": [["text": "M"], ["text": "XL"]]],
      ["name": "Color", "type": "SELECT", "choices": [["text": "Red"], ["text": "Blue"]]],
    ],
    "combinations": [
      combo(101, "M", "Red", sku: "TEE-M-R", price: 10, quantity: 5),
      combo(102, "M", "Blue", sku: "TEE-M-B", price: 10, quantity: 0),
      combo(103, "XL", "Red", sku: "TEE-XL-R", price: 10, quantity: 7),
      combo(104, "XL", "Blue", sku: "TEE-XL-B", price: 11, quantity: 2),
    ],
  ])
}

func comboPath(_ index: Int, _ field: String) -> FieldPath { Document.combinationPath(index: index, field: field) }
func comboAt(_ index: Int) -> FieldPath { [.key("combinations"), .index(index)] }

@Suite struct CombinationDocumentTests {
  @Test func aPriceEditIsOneChangeLabelledByTheVariationsValues() throws {
    var doc = Document(base: variedProduct())
    doc.apply(.set(comboPath(2, "price"), 12.0))
    let changes = doc.changes()
    #expect(changes.count == 1)
    let c = try #require(changes.first)
    #expect(c.label == "Variation Size=XL · Color=Red › price")
    #expect(c.old == 10 && c.new == 12.0)
    #expect(c.kind == .changed)
    #expect(c.section == .variations)  // the Variations tab shows it
  }

  @Test func undoRedoAndRevertCoverVariationEdits() throws {
    var doc = Document(base: variedProduct())
    doc.apply(.set(comboPath(0, "quantity"), 0), coalesceKey: "q")
    doc.apply(.set(comboPath(3, "sku"), "NEW-SKU"))
    #expect(doc.changes().count == 2)
    #expect(doc.canUndo || doc.canRedo)
    doc.undo()
    #expect(doc.changes().map(\.label) == ["Variation Size=M · Color=Red › quantity"])
    #expect(doc.canUndo || doc.canRedo)
    doc.redo()
    #expect(doc.combinations[3].sku == "NEW-SKU")
    let skuChange = try #require(doc.changes().first { $0.label.hasSuffix("SKU") })
    doc.revert(skuChange)
    #expect(doc.combinations[3].sku == "TEE-XL-B")
    #expect(doc.changes().count == 1)
    #expect(doc.canUndo || doc.canRedo)
    doc.undo()
    #expect(doc.combinations[3].sku == "NEW-SKU")
  }

  @Test func addedAndRemovedVariationsAreNamedByTheirValues() throws {
    var doc = Document(base: variedProduct())
    doc.apply(.set(comboAt(1), nil))  // delete M/Blue
    let new: JSON = ["options": [["name": "Size", "value": "S"], ["name": "Color", "value": "Red"]], "sku": "TEE-S-R", "quantity": 3]
    doc.apply(.set(comboAt(3), new))  // appended at the end
    let labels = Set(doc.changes().map { "\($0.kind.rawValue) \($0.label)" })
    #expect(labels == ["removed Variation Size=M · Color=Blue", "added New variation Size=S · Color=Red"])
    // Reverting the removal puts it back where it was.
    let removal = try #require(doc.changes().first { $0.kind == .removed })
    doc.revert(removal)
    #expect(doc.combinations.map(\.id) == [101, 102, 103, 104, nil])
  }

  /// An undo step of a variation edit holds that one value, not the list of variations.
  @Test func aVariationEditIsASmallHistoryStep() {
    var doc = Document(base: variedProduct())
    let whole = (doc.current.json["combinations"] ?? .null).valueCount
    doc.apply(.set(comboPath(3, "quantity"), 9))
    #expect(doc.historySize <= 8 && doc.historySize * 5 < whole, "history holds \(doc.historySize); the variations are \(whole)")
    doc.undo()
    #expect(doc.historySize <= 8)
  }

  @Test func derivedFieldsAreNeverAChange() {
    var doc = Document(base: variedProduct())
    doc.apply(.set(comboPath(0, "inStock"), false))
    doc.apply(.set(comboPath(0, "defaultDisplayedPrice"), 99))
    #expect(doc.changes().isEmpty)
    #expect(doc.plan(storeLanguages: nil).isEmpty)
  }
}

@Suite struct CombinationPlanTests {
  @Test func onlyTheChangedFieldsOfTheChangedVariationsAreSent() throws {
    var doc = Document(base: variedProduct())
    doc.apply(.set(comboPath(2, "price"), 12))
    doc.apply(.set(comboPath(2, "quantity"), 0))
    doc.apply(.set(comboPath(0, "unlimited"), true))
    let plan = doc.plan(storeLanguages: nil)
    #expect(plan.warnings.isEmpty, "\(plan.warnings)")
    #expect(plan.steps.count == 2)
    #expect(Set(plan.steps) == [
      .updateCombination(id: 103, label: "Size=XL · Color=Red", body: ["price": 12, "quantity": 0]),
      .updateCombination(id: 101, label: "Size=M · Color=Red", body: ["unlimited": true]),
    ])
    #expect(plan.requestDescriptions.contains("PUT /products/42/combinations/103 {\"price\":12,\"quantity\":0} (Size=XL · Color=Red)"))
  }

  @Test func removedFirstThenUpdatesThenNewOnesThenImages() throws {
    var doc = Document(base: variedProduct())
    doc.apply(.set(comboPath(0, "sku"), "TEE-M-B"))  // takes the SKU of the variation deleted below
    doc.apply(.set(comboAt(1), nil))
    let new: JSON = ["options": [["name": "Size", "value": "S"], ["name": "Color", "value": "Red"]], "sku": "TEE-S-R", "quantity": 3, "inStock": true]
    doc.apply(.set(comboAt(3), new))
    doc.apply(.set(comboPath(1, combinationImageKey), "https://cdn.example.com/red.jpg"))
    let steps = doc.plan(storeLanguages: nil).steps
    #expect(
      steps == [
        .deleteCombination(id: 102, label: "Size=M · Color=Blue"),
        .updateCombination(id: 101, label: "Size=M · Color=Red", body: ["sku": "TEE-M-B"]),
        .createCombination(body: ["options": [["name": "Size", "value": "S"], ["name": "Color", "value": "Red"]], "sku": "TEE-S-R", "quantity": 3]),
        .setCombinationImage(id: 103, label: "Size=XL · Color=Red", url: "https://cdn.example.com/red.jpg"),
      ])
  }

  /// Two variations swapping SKUs: sent as they are, the first PUT would be refused (the SKU is
  /// still the other's). One is moved to a temporary SKU first.
  @Test func aSkuSwapFreesOneSkuFirst() throws {
    var doc = Document(base: variedProduct())
    doc.apply(.set(comboPath(0, "sku"), "TEE-M-B"))
    doc.apply(.set(comboPath(1, "sku"), "TEE-M-R"))
    let steps = doc.plan(storeLanguages: nil).steps
    #expect(steps.count == 3)
    var skus = Dictionary(uniqueKeysWithValues: variedProduct().combinations!.map { ($0.id!, $0.sku ?? "") })
    for step in steps {
      guard case .updateCombination(let id, _, let body) = step, let sku = body["sku"]?.stringValue else {
        Issue.record("unexpected \(step)")
        continue
      }
      #expect(!skus.contains { $0.key != id && $0.value == sku }, "SKU \(sku) still held when PUT \(id) is sent")
      skus[id] = sku
    }
    #expect(skus[101] == "TEE-M-B" && skus[102] == "TEE-M-R")
  }

  /// A chain (A takes B's SKU, B takes a new one): B goes first.
  @Test func aSkuChainIsOrdered() throws {
    var doc = Document(base: variedProduct())
    doc.apply(.set(comboPath(0, "sku"), "TEE-M-B"))
    doc.apply(.set(comboPath(1, "sku"), "TEE-M-B2"))
    let ids = doc.plan(storeLanguages: nil).steps.compactMap { step -> Int? in
      if case .updateCombination(let id, _, _) = step { return id }
      return nil
    }
    #expect(ids == [102, 101])
  }

  @Test func manyChangesGoThroughBatchesWithAStableKey() throws {
    var doc = Document(base: variedProduct())
    for i in 0..<4 { doc.apply(.set(comboPath(i, "quantity"), .int(50 + i))) }
    let batching = CombinationBatching(threshold: 2, batchSize: 3)
    let plan = doc.plan(storeLanguages: nil, batching: batching)
    #expect(plan.steps.count == 2)
    guard case .batch(let first, let key1) = plan.steps[0], case .batch(let second, let key2) = plan.steps[1] else {
      Issue.record("expected two batches: \(plan.steps)")
      return
    }
    #expect(first.count == 3 && second.count == 1)
    #expect(key1 != key2)
    // The same save plans the same keys (a retry is deduplicated); another save does not.
    #expect(doc.plan(storeLanguages: nil, batching: batching).steps == plan.steps)
    var other = doc
    other.apply(.set(comboPath(0, "quantity"), 1))
    guard case .batch(_, let otherKey) = other.plan(storeLanguages: nil, batching: batching).steps[0] else {
      Issue.record("expected a batch")
      return
    }
    #expect(otherKey != key1)
    #expect(plan.requestDescriptions[0] == "POST /batch (3 variation requests: 3 PUT)")
    // Under the threshold: one request each.
    #expect(doc.plan(storeLanguages: nil, batching: CombinationBatching(threshold: 4)).steps.count == 4)
  }

  @Test func combinationsNeverGoIntoTheProductUpdate() {
    var doc = Document(base: variedProduct())
    doc.apply(.set([.key("name")], "Tee 2"))
    doc.apply(.set(comboPath(0, "price"), 9))
    let steps = doc.plan(storeLanguages: nil).steps
    #expect(steps.first == .updateProduct(body: ["name": "Tee 2"]))
    #expect(steps.count == 2)
  }
}

@Suite struct CombinationConflictTests {
  /// A sale while I edit: their quantity on a variation I did not touch is taken in silently,
  /// while my price edit on another stays.
  @Test func aRemoteStockChangeOnAnUntouchedVariationIsTakenIn() throws {
    let base = variedProduct()
    var doc = Document(base: base)
    doc.apply(.set(comboPath(2, "price"), 12))
    var theirs = base
    theirs.setValue(4, at: comboPath(0, "quantity"))
    theirs.setValue(5, at: comboPath(2, "quantity"))  // same variation as mine, other field
    let result = checkConflicts(base: doc.base, mine: doc.current, theirs: theirs)
    #expect(result.conflicts.isEmpty)
    #expect(result.merged.value(at: comboPath(0, "quantity")) == 4)
    #expect(result.merged.value(at: comboPath(2, "quantity")) == 5)
    #expect(result.merged.value(at: comboPath(2, "price")) == 12)
    doc.takeRemote(result)
    #expect(doc.changes().map(\.label) == ["Variation Size=XL · Color=Red › price"])
    #expect(doc.plan(storeLanguages: nil).steps == [.updateCombination(id: 103, label: "Size=XL · Color=Red", body: ["price": 12])])
  }

  @Test func aRemoteChangeToAFieldIChangedIsAConflictWithAllThreeValues() throws {
    let base = variedProduct()
    var doc = Document(base: base)
    doc.apply(.set(comboPath(2, "quantity"), 0))
    var theirs = base
    theirs.setValue(6, at: comboPath(2, "quantity"))
    let result = checkConflicts(base: doc.base, mine: doc.current, theirs: theirs)
    let c = try #require(result.conflicts.first)
    #expect(result.conflicts.count == 1)
    #expect(c.label == "Variation Size=XL · Color=Red › quantity")
    #expect(c.base == 7 && c.mine == 0 && c.theirs == 6)
    #expect(c.path == comboPath(2, "quantity"))
  }

  @Test func variationsAddedOrDeletedRemotelyFollowTheServer() throws {
    let base = variedProduct()
    var doc = Document(base: base)
    doc.apply(.set(comboPath(0, "price"), 9))
    var theirs = base
    var list = theirs.json["combinations"]!.arrayValue!
    list.remove(at: 3)  // they deleted XL/Blue
    list.append(["id": 105, "options": [["name": "Size", "value": "S"], ["name": "Color", "value": "Red"]], "quantity": 1])
    theirs.json["combinations"] = .array(list)
    let result = checkConflicts(base: doc.base, mine: doc.current, theirs: theirs)
    #expect(result.conflicts.isEmpty)
    #expect(result.merged.combinations?.map(\.id) == [101, 102, 103, 105])
    #expect(result.merged.value(at: comboPath(0, "price")) == 9)
  }
}
