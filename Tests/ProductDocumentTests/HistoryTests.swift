import EcwidAPI
import Foundation
import ProductSamples
import PropertyBased
import Testing

@testable import ProductDocument
import TestSupport

/// The undo history keeps what each step changed, not a whole product per step: reordering a
/// 1,000-image gallery must cost the history no more per move than reordering 12 images.
@Suite struct HistoryTests {
  /// Objects that are one storage are identical at once; objects that share only their values'
  /// storage are still told apart by their keys.
  @Test func objectsAreIdenticalByStorageOrByContent() {
    let image: JSON = ["id": 1, "url": "https://cdn.example.com/a.jpg", "alt": ["main": "front"]]
    let copy = image
    #expect(JSONPatch.identical(image, copy))
    let values: [JSON] = [1, "x"]
    let a = JSON.object(JSONObject(uniqueKeys: ["id", "url"], values: values))
    let b = JSON.object(JSONObject(uniqueKeys: ["id", "sku"], values: values))
    #expect(!JSONPatch.identical(a, b))
    let c = JSON.object(JSONObject(uniqueKeys: ["id", "url"], values: [1, "x"]))
    #expect(JSONPatch.identical(a, c))
    #expect(!JSONPatch.identical(a, .object(JSONObject(uniqueKeys: ["id", "url"], values: [1, "y"]))))
  }

  /// `historySize` per step after `moves` image moves (J/K-style neighbours, far moves, main image).
  static func historyPerMove(_ product: Product, moves: Int) throws -> Double {
    let images = product.images.count
    try #require(images >= 12)
    var doc = Document(base: product)
    for i in 0..<moves {
      switch i % 4 {
      case 0: doc.apply(.moveImage(from: 3 + i % 5, to: 4 + i % 5))
      case 1: doc.apply(.moveImage(from: 4 + i % 5, to: 3 + i % 5))
      case 2: doc.apply(.setMainImage(index: images - 1))
      default: doc.apply(.moveImage(from: 0, to: images - 1))
      }
    }
    return Double(doc.historySize) / Double(moves)
  }

  @Test(.heavy) func historyPerMoveDoesNotGrowWithTheGallery() throws {
    let small = try Self.historyPerMove(SampleProducts.typical(seed: 3), moves: 200)
    let huge = try Self.historyPerMove(SampleProducts.huge(seed: 3), moves: 200)
    #expect(huge <= small, "per move: \(huge) stored values with 1,000 images, \(small) with 12")
    #expect(huge <= 8, "per move: \(huge) stored values")
  }

  @Test(.heavy) func undoneMovesStaySmallAndUndoAllGivesTheFetchedBytes() throws {
    let base = SampleProducts.huge(seed: 5)
    var doc = Document(base: base)
    for i in 0..<300 { doc.apply(i % 2 == 0 ? .moveImage(from: i % 7, to: i % 7 + 1) : .setMainImage(index: 999 - i)) }
    var undone = 0
    while doc.undo() { undone += 1 }
    #expect(undone == 300)
    #expect(doc.historySize <= 300 * 8, "\(doc.historySize) stored values for 300 undone moves")
    #expect(JSON.object(doc.current.json).encoded() == JSON.object(base.json).encoded())
    var redone = 0
    while doc.redo() { redone += 1 }
    #expect(redone == 300)
    #expect(doc.historySize <= 300 * 8)
  }

  @Test func typingIntoTheNameOfAHugeProductIsOneSmallStep() throws {
    let base = SampleProducts.huge(seed: 6)
    var doc = Document(base: base)
    var text = base.name ?? ""
    for i in 0..<100 {
      text = i % 3 == 2 ? String(text.dropLast()) : text + "x"
      doc.apply(.set([.key("name")], .string(text)), coalesceKey: "field:name:1")
    }
    #expect(doc.historySize <= 8, "\(doc.historySize) stored values for one typing step")
    let undid = doc.undo()
    #expect(undid)
    #expect(!doc.canUndo)
    #expect(JSON.object(doc.current.json).encoded() == JSON.object(base.json).encoded())
    let redid = doc.redo()
    #expect(redid)
    #expect(doc.current.name == text)
  }

  /// The history as it was: a whole product per step. Every operation on a `Document` must give
  /// exactly (byte for byte) what this gives.
  struct SnapshotHistory {
    let base: Product
    var current: Product
    var undoStack: [Product] = []
    var redoStack: [Product] = []
    var lastKey: String?

    init(base: Product) {
      self.base = base
      self.current = base
    }
    mutating func commit(_ next: Product, key: String?) {
      if next == current { return }
      if !(key != nil && key == lastKey && !undoStack.isEmpty) { undoStack.append(current) }
      redoStack.removeAll()
      current = next
      lastKey = key
    }
    mutating func apply(_ edit: Edit, key: String?) {
      var next = current
      next.apply(edit)
      commit(next, key: key)
    }
    mutating func revert(_ change: Change) {
      var next = current
      next.revert(change, base: base)
      commit(next, key: nil)
    }
    mutating func undo() -> Bool {
      guard let p = undoStack.popLast() else { return false }
      redoStack.append(current)
      current = p
      lastKey = nil
      return true
    }
    mutating func redo() -> Bool {
      guard let p = redoStack.popLast() else { return false }
      undoStack.append(current)
      current = p
      lastKey = nil
      return true
    }
  }

  @Test(.heavy) func historyGivesExactlyWhatWholeSnapshotsGave() async {
    await propertyCheck(count: 40, input: PropertyTests.productSeeds, EditScript.generator(maxCount: 40)) { seed, script in
      let base = SampleProducts.typical(seed: UInt64(seed))
      var doc = Document(base: base)
      var reference = SnapshotHistory(base: base)
      var rng = SeededRandom(seed: script.seed)
      for step in 0..<script.count {
        switch EditScript.pick(10, &rng) {
        case 0, 1:
          let (did, expected) = (doc.undo(), reference.undo())
          #expect(did == expected)
        case 2:
          let (did, expected) = (doc.redo(), reference.redo())
          #expect(did == expected)
        case 3:
          if let change = doc.changes().first {
            doc.revert(change)
            reference.revert(change)
          }
        case 4:
          // Typing that comes back to where it started is still one (empty) step.
          let key = "typing:\(step / 4)"
          let name = JSON.string("Typed \(EditScript.pick(3, &rng))")
          doc.apply(.set([.key("name")], name), coalesceKey: key)
          reference.apply(.set([.key("name")], name), key: key)
        default:
          let edit = EditScript.randomEdit(for: doc.current, rng: &rng, mediaEdits: true)
          let key = EditScript.pick(3, &rng) == 0 ? "typing:\(step / 4)" : nil
          doc.apply(edit, coalesceKey: key)
          reference.apply(edit, key: key)
        }
        #expect(JSON.object(doc.current.json).encoded() == JSON.object(reference.current.json).encoded(), "step \(step)")
        #expect(doc.canUndo == !reference.undoStack.isEmpty)
        #expect(doc.canRedo == !reference.redoStack.isEmpty)
      }
      while reference.undo() {
        let did = doc.undo()
        #expect(did)
      }
      #expect(!doc.canUndo)
      #expect(JSON.object(doc.current.json).encoded() == JSON.object(base.json).encoded())
    }
  }
}
