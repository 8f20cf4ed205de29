import Testing

@testable import Terminal

@Suite struct WidthTests {
  @Test func ascii() {
    #expect(displayWidth("") == 0)
    #expect(displayWidth("hello world") == 11)
    #expect(displayWidth(Character("a")) == 1)
  }

  @Test func cjkAndFullwidth() {
    #expect(displayWidth("商品") == 4)
    #expect(displayWidth("a商b") == 4)
    #expect(displayWidth("ＡＢ") == 4)
    #expect(displayWidth("한국어") == 6)
    #expect(displayWidth("カタカナ") == 8)
    #expect(displayWidth(Character("商")) == 2)
  }

  @Test func emoji() {
    #expect(displayWidth("👍") == 2)
    #expect(displayWidth("👍🏽") == 2)
    #expect(displayWidth("👩‍💻") == 2)
    #expect(displayWidth("👨‍👩‍👧‍👦") == 2)
    #expect(displayWidth("🇺🇸") == 2)
    #expect(displayWidth("🇩🇪🇫🇷") == 4)
    #expect(displayWidth("❤️") == 2)
    #expect(displayWidth("❤") == 1)
    #expect(displayWidth("1️⃣") == 2)
    #expect(displayWidth("🏳️‍🌈") == 2)
    #expect(displayWidth(Character("👩‍💻")) == 2)
  }

  @Test func combiningAndZeroWidth() {
    #expect(displayWidth("e\u{301}") == 1)
    #expect(displayWidth("cafe\u{301}") == 4)
    #expect(displayWidth("a\u{200B}b") == 2)
    #expect(displayWidth("\u{FEFF}x") == 1)
    #expect(displayWidth("Z\u{335}\u{321}\u{320}") == 1)
  }

  @Test func arabicAndHebrew() {
    #expect(displayWidth("مرحبا") == 5)
    #expect(displayWidth("שלום") == 4)
    #expect(displayWidth("\u{202E}abc") == 3)
  }

  @Test func controlsCountAsTheirPictures() {
    #expect(displayWidth("a\u{1b}[31mb") == 7)  // "a␛[31mb"
    #expect(displayWidth("a\tb") == 3)
    #expect(displayWidth("a\nb") == 3)
  }

  @Test func aLongTextIsCutLikeItsStart() {
    let long = String(repeating: "Ткань 商品 cotton é ", count: 20_000)  // 400 KB
    for width in [1, 5, 20, 80] {
      #expect(truncate(long, toWidth: width) == truncate(String(long.prefix(500)), toWidth: width))
      #expect(displayWidth(padRight(long, toWidth: width)) == width)
    }
    // Made mostly of what sanitising removes: shorter than the width, but still marked as cut,
    // and still free of control characters.
    let hidden = String(repeating: "\u{200B}", count: 10_000) + "visible" + String(repeating: "\u{202E}x", count: 10_000)
    let shown = truncate(hidden, toWidth: 10)
    #expect(shown.hasSuffix("…"))
    #expect(displayWidth(shown) <= 10)
    #expect(!shown.unicodeScalars.contains { $0.value == 0x200B || $0.value == 0x202E })
  }

  @Test func truncateRespectsWidth() {
    #expect(truncate("hello", toWidth: 10) == "hello")
    #expect(truncate("hello world", toWidth: 8) == "hello w…")
    #expect(truncate("hello", toWidth: 0) == "")
    #expect(truncate("hello", toWidth: 1) == "…")
    #expect(truncate("hello", toWidth: 3, ellipsis: "") == "hel")
    #expect(truncate("商品商品", toWidth: 4) == "商…")
    #expect(truncate("商品商品", toWidth: 5) == "商品…")
    #expect(truncate("商品商品", toWidth: 6) == "商品…")
    #expect(truncate("ab👩‍💻cd", toWidth: 4) == "ab…")
    #expect(truncate("cafe\u{301}s", toWidth: 4) == "caf…")
    #expect(truncate("abc", toWidth: 2, ellipsis: "...") == "ab")
  }

  @Test func truncateNeverSplitsGraphemes() {
    let samples = ["商品の説明", "👩‍💻👩‍💻👩‍💻", "🇺🇸🇩🇪🇫🇷", "e\u{301}e\u{301}e\u{301}", "مرحبا بالعالم", "a商b品c"]
    for s in samples {
      for w in 0...12 {
        let t = truncate(s, toWidth: w)
        #expect(displayWidth(t) <= w, "\(s) @\(w) -> \(t)")
        let body = t.hasSuffix("…") ? String(t.dropLast()) : t
        #expect(s.hasPrefix(body), "\(s) @\(w) -> \(t)")
      }
    }
  }

  @Test func padRightIsExact() {
    #expect(padRight("ab", toWidth: 4) == "ab  ")
    #expect(padRight("商品商品", toWidth: 5) == "商品…")
    #expect(displayWidth(padRight("商品商品", toWidth: 6)) == 6)
    #expect(padRight("x", toWidth: 0) == "")
    for s in ["商品商品", "👩‍💻x", "abcdef", "🇺🇸🇺🇸"] {
      for w in 1...9 { #expect(displayWidth(padRight(s, toWidth: w)) == w) }
    }
  }
}
