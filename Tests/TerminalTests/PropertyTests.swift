import Testing

@testable import Terminal

#if canImport(PropertyBased)
  import PropertyBased

  /// Fragments mixing everything that tends to break terminal layout.
  private let fragments: [String] = [
    "a", "Z", " ", "商", "品", "ｱ", "Ａ", "👍", "👍🏽", "👩‍💻", "🇺🇸", "🇺", "❤️", "1️⃣", "e\u{301}", "\u{301}", "مرحبا",
    "\u{1b}", "\u{1b}[31m", "\u{1b}]52;c;ZXZpbA==\u{07}", "\u{9b}", "\u{85}", "\u{7f}", "\t", "\n", "\r", "\u{0}",
    "\u{202E}", "\u{2066}", "\u{200B}", "\u{200D}", "\u{FEFF}", String(Character(Unicode.Scalar(0xFFFF)!)), "\u{E0067}", "\u{1F3F4}", "…", "─",
  ]

  private let textGen = Generator<String, Shrink.None<String>> { rng in
    let count = Int.random(in: 0...12, using: &rng)
    var s = ""
    for _ in 0..<count { s += fragments.randomElement(using: &rng)! }
    return s
  }

  @Suite struct PropertyTests {
    @Test func randomPutsKeepRowsConsistentAndSafe() async {
      await propertyCheck(
        count: 300, input: Gen.int(in: -3...12), Gen.int(in: -1...4), textGen, Gen.int(in: 0...14)
      ) { x, y, text, maxW in
        var screen = Screen(width: 10, height: 4)
        screen.put("商品👩‍💻abc", x: 1, y: 1)
        let used = screen.put(text, x: x, y: y, maxWidth: maxW == 14 ? nil : maxW)
        #expect(used >= 0)
        #expect(rowsAreConsistent(screen))
        for row in 0..<screen.height {
          var total = 0
          for col in 0..<screen.width {
            total += screen[col, row].width
            #expect(isTerminalSafe(screen[col, row].text))
          }
          #expect(total == screen.width)
        }
        for line in screen.lines() { #expect(isTerminalSafe(line)) }
      }
    }

    /// A grid cell drawn in place (`put(_:padTo:)`) is exactly the cell drawn from the padded string.
    @Test func puttingPaddedIsPuttingThePaddedString() async {
      await propertyCheck(
        count: 300, input: Gen.int(in: -3...12), textGen, Gen.int(in: 0...12)
      ) { x, text, w in
        var expected = Screen(width: 10, height: 2)
        expected.put("商品👩‍💻abcdef", x: 0, y: 1)
        var drawn = expected
        let usedExpected = expected.put(padRight(text, toWidth: w), x: x, y: 1, style: Style(bold: true))
        let usedDrawn = drawn.put(text, x: x, y: 1, style: Style(bold: true), padTo: w)
        #expect(drawn == expected)
        #expect(usedDrawn == usedExpected)
      }
    }

    @Test func truncateAndPadRespectWidth() async {
      await propertyCheck(input: textGen, Gen.int(in: 0...10)) { text, w in
        let t = truncate(text, toWidth: w)
        #expect(displayWidth(t) <= w)
        #expect(isTerminalSafe(t))
        #expect(displayWidth(padRight(text, toWidth: w)) == w)
      }
    }

    @Test func sanitizeIsIdempotentAndSafe() async {
      await propertyCheck(input: textGen) { text in
        let once = sanitizeForTerminal(text)
        #expect(isTerminalSafe(once))
        #expect(sanitizeForTerminal(once) == once)
        #expect(displayWidth(text) == displayWidth(once))
      }
    }
  }
#endif
