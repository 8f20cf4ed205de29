import Testing

@testable import Terminal

/// Each row's cell widths add up to the screen width and wide cells are followed by continuations.
func rowsAreConsistent(_ s: Screen) -> Bool {
  for y in 0..<s.height {
    var total = 0
    var x = 0
    while x < s.width {
      let c = s[x, y]
      if c.width == 2 {
        guard x + 1 < s.width, s[x + 1, y].width == 0, s[x + 1, y].text.isEmpty else { return false }
        total += 2
        x += 2
      } else if c.width == 1 {
        total += 1
        x += 1
      } else {
        return false  // a continuation without its left half
      }
    }
    if total != s.width { return false }
  }
  return true
}

@Suite struct ScreenTests {
  @Test func blankScreen() {
    let s = Screen(width: 4, height: 2)
    #expect(s.lines() == ["", ""])
    #expect(s.text() == "\n")
    #expect(s[0, 0] == .blank)
    #expect(s[9, 9] == .blank)
  }

  @Test func putAndLines() {
    var s = Screen(width: 10, height: 3)
    #expect(s.put("hello", x: 1, y: 0) == 5)
    #expect(s.put("商品", x: 0, y: 1) == 4)
    s.put("end", x: 7, y: 2)
    #expect(s.lines() == [" hello", "商品", "       end"])
    #expect(s[0, 1].text == "商")
    #expect(s[0, 1].width == 2)
    #expect(s[1, 1].text == "")
    #expect(s[1, 1].width == 0)
    #expect(rowsAreConsistent(s))
  }

  @Test func clippingAtEdges() {
    var s = Screen(width: 5, height: 2)
    #expect(s.put("abcdefgh", x: 2, y: 0) == 3)
    #expect(s.lines()[0] == "  abc")
    #expect(s.put("xyz", x: -2, y: 1) == 3)
    #expect(s.lines()[1] == "z")
    #expect(s.put("nope", x: 0, y: 5) == 0)
    #expect(s.put("nope", x: 0, y: -1) == 0)
    #expect(s.put("nope", x: 5, y: 0) == 0)
    #expect(rowsAreConsistent(s))
  }

  @Test func maxWidth() {
    var s = Screen(width: 10, height: 1)
    #expect(s.put("abcdef", x: 1, y: 0, maxWidth: 3) == 3)
    #expect(s.lines() == [" abc"])
    #expect(s.put("zz", x: 0, y: 0, maxWidth: 0) == 0)
  }

  @Test func wideCharAtLastColumnBecomesBlank() {
    var s = Screen(width: 5, height: 1)
    s.put("xxxxx", x: 0, y: 0)
    #expect(s.put("abcd商", x: 0, y: 0) == 5)
    #expect(s.lines() == ["abcd"])
    #expect(s[4, 0] == .blank)
    #expect(rowsAreConsistent(s))
    var t = Screen(width: 10, height: 1)
    #expect(t.put("ab商品", x: 0, y: 0, maxWidth: 5) == 5)
    #expect(t.lines() == ["ab商"])
    #expect(rowsAreConsistent(t))
  }

  @Test func wideCharAtLeftEdge() {
    var s = Screen(width: 5, height: 1)
    s.put("商品x", x: -1, y: 0)
    #expect(s.lines() == [" 品x"])
    #expect(rowsAreConsistent(s))
  }

  @Test func overwritingHalfAWideCharBlanksTheOtherHalf() {
    var s = Screen(width: 6, height: 1)
    s.put("商品", x: 0, y: 0)
    s.put("a", x: 1, y: 0)
    #expect(s.lines() == [" a品"])
    #expect(rowsAreConsistent(s))
    s.put("b", x: 2, y: 0)
    #expect(s.lines() == [" ab"])
    #expect(rowsAreConsistent(s))
    s[4, 0] = Cell(text: "字", width: 2, style: .plain)
    #expect(s.lines() == [" ab 字"])
    s[5, 0] = Cell(text: "z", width: 1, style: .plain)
    #expect(s.lines() == [" ab  z"])
    #expect(rowsAreConsistent(s))
  }

  @Test func subscriptSanitises() {
    var s = Screen(width: 3, height: 1)
    s[0, 0] = Cell(text: "\u{1b}", width: 1, style: .plain)
    #expect(s[0, 0].text == "␛")
    s[1, 0] = Cell(text: "商", width: 1, style: .plain)
    #expect(s[1, 0].width == 2)
    #expect(rowsAreConsistent(s))
  }

  @Test func controlTextIsSanitised() {
    var s = Screen(width: 20, height: 1)
    s.put("a\u{1b}[2Jb\u{9b}c", x: 0, y: 0)
    #expect(s.lines() == ["a␛[2Jb\u{FFFD}c"])
  }

  @Test func emojiCells() {
    var s = Screen(width: 8, height: 1)
    #expect(s.put("👩‍💻🇺🇸e\u{301}", x: 0, y: 0) == 5)
    #expect(s[0, 0].text == "👩‍💻")
    #expect(s[2, 0].text == "🇺🇸")
    #expect(s[4, 0].text == "e\u{301}")
    #expect(s.lines() == ["👩‍💻🇺🇸e\u{301}"])
  }

  @Test func fillAndSetStyle() {
    var s = Screen(width: 6, height: 3)
    let red = Style(fg: .red, bold: true)
    s.put("abcdef", x: 0, y: 1)
    s.fill(x: 1, y: 1, width: 2, height: 5, style: red)
    #expect(s.lines() == ["", "a  def", ""])
    #expect(s[1, 2].style == red)
    #expect(s[0, 2].style == .plain)
    s.put("商品", x: 0, y: 0)
    s.fill(x: 1, y: 0, width: 2, height: 1)
    #expect(s.lines()[0] == "")
    #expect(rowsAreConsistent(s))
    s.put("商品", x: 0, y: 0)
    let sel = Style(reverse: true)
    s.setStyle(x: 1, y: 0, width: 1, style: sel)
    #expect(s[0, 0].style == sel)
    #expect(s[1, 0].style == sel)
    #expect(s[2, 0].style == .plain)
    #expect(s.lines()[0] == "商品")
  }

  @Test func changedRunsFull() {
    var s = Screen(width: 4, height: 3)
    s.put("ab", x: 0, y: 0)
    let runs = s.changedRuns(from: nil)
    #expect(runs.count == 3)
    #expect(runs.allSatisfy { $0.x == 0 && $0.cells.count == 4 })
    #expect(runs.map(\.y) == [0, 1, 2])
    #expect(s.changedRuns(from: Screen(width: 5, height: 3)).count == 3)
  }

  @Test func changedRunsMinimal() {
    var a = Screen(width: 20, height: 5)
    a.put("hello world", x: 0, y: 2)
    #expect(a.changedRuns(from: a).isEmpty)
    var b = a
    b.put("X", x: 4, y: 2)
    let runs = b.changedRuns(from: a)
    #expect(runs == [Screen.Run(x: 4, y: 2, cells: [Cell(text: "X", width: 1, style: .plain)])])
    var c = a
    c.put("AB", x: 0, y: 0)
    c.put("Z", x: 19, y: 4)
    c.setStyle(x: 6, y: 2, width: 5, style: Style(reverse: true))
    let runs2 = c.changedRuns(from: a)
    #expect(runs2.map { [$0.x, $0.y, $0.cells.count] } == [[0, 0, 2], [6, 2, 5], [19, 4, 1]])
  }

  @Test func changedRunsKeepWideCharsWhole() {
    var a = Screen(width: 6, height: 1)
    a.put("商品", x: 0, y: 0)
    var b = a
    b.setStyle(x: 1, y: 0, width: 1, style: Style(bold: true))
    let runs = b.changedRuns(from: a)
    #expect(runs.count == 1)
    #expect(runs[0].x == 0)
    #expect(runs[0].cells.count == 2)
  }

  @Test func aFullScreenWithOneChangeGivesOneRun() {
    var a = Screen(width: 200, height: 60)
    for y in 0..<60 { a.put(String(repeating: "product line 商品 ", count: 12), x: 0, y: y) }
    var b = a
    b.put("changed", x: 10, y: 30)
    // Its speed is measured in scripts/bench (key to frame), not here.
    let runs = b.changedRuns(from: a)
    #expect(runs.count == 1)
    #expect(runs.first?.y == 30 && runs.first?.x == 10)
  }

  @Test func aCellIsAPlainValueThatKeepsEveryGrapheme() {
    // A frame copies and compares thousands of cells per key: they must hold no reference.
    #expect(_isPOD(Cell.self))
    let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦"  // 25 bytes of UTF-8: kept in the shared table
    let accented = "e\u{301}"  // two scalars, one grapheme
    var a = Screen(width: 10, height: 1)
    a.put(family + accented + "商x", x: 0, y: 0)
    #expect(a[0, 0].text == family)
    #expect(a[0, 0].width == 2)
    #expect(a[2, 0].text == accented)
    #expect(a[3, 0].text == "商")
    #expect(a[5, 0].text == "x")
    #expect(a.lines() == [family + accented + "商x"])
    // The same text drawn into another screen is the same cells: nothing to redraw.
    var b = Screen(width: 10, height: 1)
    b.put(family + accented + "商x", x: 0, y: 0)
    #expect(b == a)
    #expect(b.changedRuns(from: a).isEmpty)
    b.put("👩\u{200D}👩\u{200D}👧\u{200D}👦", x: 0, y: 0)
    #expect(b.changedRuns(from: a).map { [$0.x, $0.cells.count] } == [[0, 2]])
  }

  /// Narrow non-ASCII text is written as a stretch of cells: the same cells, and the same columns
  /// advanced, as writing it one cell at a time, wherever it starts and however it is clipped.
  @Test func narrowTextPutIsCellByCell() {
    let texts = ["—│é", "Ткань", "ñandú — 10 €", "→→→→→→→→→→→→"]
    for text in texts {
      for x in -14...11 {
        for maxWidth in [nil, 0, 1, 3, 20] as [Int?] {
          var base = Screen(width: 10, height: 1)
          base.put("商品字abcd", x: 0, y: 0)
          var expected = base
          var col = x
          let limit = min(10, maxWidth.map { x + $0 } ?? 10)
          for sc in text.unicodeScalars {
            if col >= limit { break }
            if col >= 0 { expected[col, 0] = Cell(text: String(sc), width: 1, style: Style(bold: true)) }
            col += 1
          }
          var drawn = base
          let used = drawn.put(text, x: x, y: 0, style: Style(bold: true), maxWidth: maxWidth)
          #expect(drawn == expected, "\(text) at \(x), max \(String(describing: maxWidth))")
          if limit > 0 && x < limit { #expect(used == col - x, "\(text) at \(x)") }
        }
      }
    }
  }
}

/// A row's cells taken from one frame and set in another draw the same row; a stretch set over
/// half of a wide character blanks its other half, as `put` does.
@Test func cellsTakenFromARowAndSetAgainDrawTheSameRow() {
  var a = Screen(width: 12, height: 2)
  a.put("ab日本c", x: 1, y: 0, style: .plain)
  let row = a.cells(y: 0, from: 0, to: 12)
  var b = Screen(width: 12, height: 2)
  b.setCells(row, x: 0, y: 0)
  #expect(b == a)
  var c = Screen(width: 12, height: 2)
  c.put("日本語", x: 0, y: 1, style: .plain)
  c.setCells(Array(row[0..<3]), x: 0, y: 1)  // " ab" over 日 and the left half of 本
  #expect(c.lines()[1] == " ab 語")
}
