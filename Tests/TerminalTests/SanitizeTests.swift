import Testing

@testable import Terminal

/// True when the string has nothing a terminal would interpret as control.
func isTerminalSafe(_ s: String) -> Bool {
  for sc in s.unicodeScalars {
    let v = sc.value
    if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { return false }
    if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F
      || v == 0x061C
    {
      return false
    }
    if v == 0x200B || v == 0x200C || v == 0x2060 || v == 0xFEFF { return false }
  }
  return true
}

@Suite struct SanitizeTests {
  @Test func printableASCIIUnchanged() {
    let s = "Plain ASCII ~!@#$%^&*()_+ 123"
    #expect(sanitizeForTerminal(s) == s)
    #expect(sanitizeForTerminal("") == "")
  }

  @Test func escapeSequences() {
    #expect(sanitizeForTerminal("\u{1b}[31mred\u{1b}[0m") == "␛[31mred␛[0m")
    let osc52 = "x\u{1b}]52;c;ZXZpbA==\u{07}y"
    let clean = sanitizeForTerminal(osc52)
    #expect(!clean.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    #expect(clean == "x␛]52;c;ZXZpbA==␇y")
    #expect(isTerminalSafe(clean))
  }

  @Test func c1AndDel() {
    #expect(sanitizeForTerminal("a\u{9b}31mb") == "a\u{FFFD}31mb")
    #expect(sanitizeForTerminal("a\u{85}b\u{7f}") == "a\u{FFFD}b␡")
    #expect(isTerminalSafe(sanitizeForTerminal("\u{80}\u{9f}\u{90}")))
  }

  @Test func tabsAndNewlines() {
    #expect(sanitizeForTerminal("a\tb") == "a b")
    #expect(sanitizeForTerminal("a\nb") == "a⏎b")
    #expect(sanitizeForTerminal("a\r\nb") == "a⏎b")
    #expect(sanitizeForTerminal("a\u{0}b") == "a␀b")
  }

  @Test func bidiAndZeroWidth() {
    #expect(sanitizeForTerminal("abc\u{202E}fed\u{202C}") == "abcfed")
    #expect(sanitizeForTerminal("\u{2066}x\u{2069}\u{200E}\u{200F}\u{061C}") == "x")
    #expect(sanitizeForTerminal("a\u{200B}b\u{200C}c\u{200D}d\u{2060}e\u{FEFF}") == "abcde")
  }

  @Test func keepsEmojiSequences() {
    for e in ["👩‍💻", "👨‍👩‍👧‍👦", "🏳️‍🌈", "👍🏽", "🇺🇸", "1️⃣", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"] {
      #expect(sanitizeForTerminal(e) == e, "\(e)")
      #expect(sanitizeForTerminal("x\(e)y") == "x\(e)y")
    }
  }

  @Test func keepsOrdinaryText() {
    for s in ["Café crème", "商品の説明", "مرحبا", "Ünïcödé — “quotes” …", "e\u{301}"] {
      #expect(sanitizeForTerminal(s) == s)
    }
  }

  @Test func junkBecomesReplacement() {
    for v: UInt32 in [0xFFFF, 0xFFFE, 0xFDD0, 0x10FFFF] {
      let junk = "a" + String(Character(Unicode.Scalar(v)!)) + "b"
      #expect(sanitizeForTerminal(junk) == "a\u{FFFD}b")
    }
    // Invalid UTF-8 decodes to U+FFFD and stays so.
    let bytes: [UInt8] = [0x61, 0xFF, 0xC3, 0x62]
    let decoded = String(decoding: bytes, as: UTF8.self)
    #expect(isTerminalSafe(sanitizeForTerminal(decoded)))
  }

  @Test func everyCodePointBelow0x3000IsSafe() {
    var s = ""
    for v in 0..<0x3000 { if let sc = Unicode.Scalar(v) { s.unicodeScalars.append(sc) } }
    #expect(isTerminalSafe(sanitizeForTerminal(s)))
  }
}
