import EcwidAPI
import Testing

@testable import Editor

/// A conflict on a long text shows where the three values differ, not three equal beginnings.
@Suite struct DifferenceExcerptTests {
  let start = String(repeating: "Hand-finished in Norway from merino wool. ", count: 4)

  @Test func longValuesAreCutAtTheirFirstDifference() {
    let lines = differenceExcerpts(
      [.string(start + "Old ending."), .string(start + "Mine: new ending."), .string(start + "Theirs: other.")],
      prefixes: ["base: ", "mine: ", "theirs: "], room: 60)
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix("base: …") && lines[0].contains("Old ending."), "\(lines[0])")
    #expect(lines[1].contains("Mine: new ending."), "\(lines[1])")
    #expect(lines[2].contains("Theirs: other."), "\(lines[2])")
    #expect(lines.allSatisfy { displayWidthOf($0) <= 60 })
  }

  @Test func shortValuesAndEarlyDifferencesAreShownFromTheirStart() {
    let lines = differenceExcerpts([.string("Red"), .string("Blue"), nil], prefixes: ["a ", "b ", "c "], room: 40)
    #expect(lines == ["a “Red”", "b “Blue”", "c ∅"])
    let early = differenceExcerpts(
      [.string("A" + start), .string("B" + start)], prefixes: ["", ""], room: 30)
    #expect(early.allSatisfy { !$0.hasPrefix("…") && $0.hasSuffix("…") })
  }

  @Test func lineBreaksInAValueDoNotBreakTheLine() {
    let lines = differenceExcerpts([.string("a\nb"), .double(9.5)], prefixes: ["", ""], room: 40)
    #expect(lines == ["“a b”", "9.5"])
  }

  func displayWidthOf(_ s: String) -> Int { s.count }

  /// The conflict screen: both sides added a different sentence at the end of a long name; the
  /// screen shows the two endings, not three identical beginnings.
  @Test func theConflictScreenShowsWhereALongValueDiffers() throws {
    var model = EditorHarness.model()
    let long = String(repeating: "Hand-finished merino ", count: 6)
    press(&model, .enter, .ctrl("u"))
    type(&model, long + "MINE-END")
    press(&model, .enter)
    _ = press(&model, .char("S"))
    _ = press(&model, .char("S"))
    var theirs = model.document!.base
    theirs.json["name"] = .string(long + "THEIRS-END")
    _ = model.update(.remoteFetched(.success(theirs)))
    #expect(model.page == .conflict)
    let text = EditorHarness.text(model)
    #expect(text.contains("MINE-END"), "\(text)")
    #expect(text.contains("THEIRS-END"), "\(text)")
  }
}
