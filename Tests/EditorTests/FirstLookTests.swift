import EcwidAPI
import Foundation
import ProductSamples
import Terminal
import TestSupport
import Testing

@testable import Editor

/// A big product's first screen is drawn before its `Loaded.readLast` members are read: that
/// screen must be the one the whole product gives, cell for cell and style for style.
@Suite struct FirstLookTests {
  static var products: [Product] {
    EditorHarness.catalog.products + [
      SampleProducts.huge(seed: 7), SampleProducts.typical(seed: 3),
    ]
  }

  @Test(.heavy) func theFirstScreenIsTheSameWithoutTheMembersReadLast() {
    var compared = 0
    for product in Self.products {
      var look = product
      for key in Loaded.readLast { look.json[key] = nil }
      for (width, height) in [(80, 24), (120, 40), (200, 60)] {
        let whole = EditorHarness.model(product, width: width, height: height)
        let early = EditorHarness.model(look, width: width, height: height)
        #expect(whole.page == .form && whole.section == .general)
        let (a, b) = (whole.view(), early.view())
        let same = a.screen == b.screen  // text and style of every cell
        let firstDifference = zip(a.screen.lines(), b.screen.lines()).first { $0 != $1 }
        #expect(
          same,
          "\(product.name ?? "?") at \(width)x\(height): \(firstDifference.map { "\($0.1) / \($0.0)" } ?? "styles differ")"
        )
        #expect(a.cursor?.x == b.cursor?.x && a.cursor?.y == b.cursor?.y)
        compared += 1
      }
    }
    #expect(compared >= 3 * 8)
  }

  /// Whether a look may be drawn: only when the load opens the form with nothing to ask first.
  @Test func onlyAPlainOpenShowsTheFirstScreenEarly() {
    let product = EditorHarness.product()
    let draft = DraftJournalDraft(
      base: product, current: product, savedAt: .init(timeIntervalSince1970: 0))
    #expect(Loaded(product: product, languages: [], draft: nil).showsFirstScreenEarly)
    #expect(!Loaded(product: product, languages: [], draft: draft).showsFirstScreenEarly)
    #expect(
      !Loaded(product: product, languages: [], draft: nil, otherDrafts: [draft])
        .showsFirstScreenEarly)
    #expect(
      !Loaded(product: product, languages: [], draft: nil, openElsewhere: ["pid 1"])
        .showsFirstScreenEarly)
    #expect(
      !Loaded(product: product, languages: [], draft: nil, journalProblem: "unreadable")
        .showsFirstScreenEarly)
  }
}
