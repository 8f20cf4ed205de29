import EcwidAPI
import EcwidSandbox
import Terminal
import Testing

@testable import Editor

/// The translations grid draws rows of earlier frames by copying their cells (`RowMemo`). A frame
/// drawn that way must be, cell for cell, the frame drawn anew.
@Suite struct RowMemoTests {
  @Test func aGridDrawnFromItsMemoIsTheGridDrawnAnew() throws {
    let catalog = Sandbox.sampleCatalog()
    let product = try #require(catalog.products.first { ($0.name ?? "").contains("抹茶") } ?? catalog.products.first)
    var m = Model(storeLabel: "test", storeId: catalog.storeId, productId: product.id, width: 120, height: 40)
    _ = m.updateThroughFrame(
      .loaded(.success(Loaded(product: product, languages: ["en", "fr", "ja", "ar", "zh_CN"], draft: nil))))
    m.section = .translations
    // Down and up through the rows, across the columns, and a cell typed into and committed.
    let keys: [Key] =
      Array(repeating: .down, count: 25) + [.right, .right, .right] + Array(repeating: .up, count: 12)
      + [.enter, .char("x"), .char("y")] + [.enter, .down, .down, .left, .up, .pageDown, .pageUp]
    var fromMemo = 0
    for key in keys {
      _ = m.update(.key(key))
      let remembered = translationsRowMemo.count
      let warm = m.view().screen
      fromMemo += remembered
      translationsRowMemo.begin(RowMemo.FrameKey(numbers: [-1], texts: []))  // forget every row
      let fresh = m.view().screen
      #expect(warm == fresh, "after \(key):\n\(warm.text())\n---\n\(fresh.text())")
    }
    #expect(fromMemo > 0, "no frame had rows to draw from the memo")
  }

  /// The gallery draws a row from an earlier frame when its position, selection and image (the
  /// same storage) are the same: moving images, moving the selection, an alt text typed and
  /// committed, and undo each draw the frame that drawing anew draws.
  @Test func aGalleryDrawnFromItsMemoIsTheGalleryDrawnAnew() throws {
    let catalog = Sandbox.sampleCatalog()
    let product = try #require(catalog.products.max { ($0.json["media"]?["images"]?.arrayValue?.count ?? 0) < ($1.json["media"]?["images"]?.arrayValue?.count ?? 0) })
    var m = Model(storeLabel: "test", storeId: catalog.storeId, productId: product.id, width: 100, height: 12)
    _ = m.updateThroughFrame(.loaded(.success(Loaded(product: product, languages: ["en", "fr"], draft: nil))))
    m.section = .media
    let keys: [Key] =
      [.char("J"), .char("J"), .down, .down, .char("K"), .up, .enter, .char("z"), .enter, .char("J"), .ctrl("z"), .end, .home]
    var fromMemo = 0
    for key in keys {
      _ = m.update(.key(key))
      fromMemo += galleryRowMemo.count
      let warm = m.view().screen
      galleryRowMemo.begin(RowMemo.FrameKey(numbers: [-1], texts: []))  // forget every row
      let fresh = m.view().screen
      #expect(warm == fresh, "after \(key):\n\(warm.text())\n---\n\(fresh.text())")
    }
    #expect(fromMemo > 0, "no frame had rows to draw from the memo")
  }
}
