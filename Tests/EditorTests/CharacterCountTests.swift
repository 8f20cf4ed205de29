import ProductSamples
import Testing

@testable import Editor

/// The form's "N characters" and the grid's "N ch" count graphemes by cutting the text between
/// ASCII bytes: the count must be the standard library's, whatever the text holds.
@Suite struct CharacterCountTests {
  /// Pieces that join with their neighbours in every way Unicode's rules know: CR LF, combining
  /// marks after ASCII, emoji with modifiers and ZWJ, flags, Hangul jamo, a prepended Arabic
  /// sign before an ASCII digit, Indic conjuncts, variation selectors, lone joiners.
  static let pieces = [
    "a", "Z", "7", " ", "\t", "<p>", "\r", "\n", "\r\n", "é", "e\u{301}", "\u{301}", "\u{308}\u{301}", "👍🏽", "👨‍👩‍👧",
    "🇫🇷", "🇫", "\u{600}", "\u{600}1", "한", "\u{1100}\u{1161}\u{11A8}", "ก\u{E33}", "\u{200D}", "\u{FE0F}", "x\u{200D}y",
    "क्ष", "☺\u{FE0F}", "\u{0}", "ﷺ", "\u{E0061}",
  ]

  @Test func theCountIsTheStandardLibrarysOnAnyMixture() {
    var random = SeededRandom(seed: 29)
    for round in 0..<3_000 {
      let length = Int.random(in: 0...(round < 2_900 ? 60 : 3_000), using: &random)
      let text = (0..<length).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
      #expect(graphemeCount(text) == text.count, "\(Array(text.unicodeScalars.map { String($0.value, radix: 16) }))")
    }
    // Long texts go through the remembered count, the same answer.
    let long = String(repeating: "<p>plain words, and a café\r\n</p>", count: 400) + "👨‍👩‍👧e\u{301}"
    #expect(characterCount(long) == long.count)
    #expect(characterCount(long) == long.count)  // remembered
    #expect(graphemeCount("") == 0)
  }
}
