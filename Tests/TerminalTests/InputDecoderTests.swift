import Testing

@testable import Terminal

/// Feeds a fixed list of raw inputs; nil (timeout) once they run out.
final class FakeInput {
  var items: [RawInput]
  init(_ items: [RawInput]) { self.items = items }
  convenience init(_ s: String) { self.init(s.unicodeScalars.map { RawInput.char($0.value) }) }
  func read(_ timeout: Int) -> RawInput? { items.isEmpty ? nil : items.removeFirst() }
}

func decodeAll(_ input: FakeInput) -> [TerminalEvent] {
  var decoder = InputDecoder()
  var events: [TerminalEvent] = []
  while let e = decoder.next(timeout: 0, read: input.read, mapKey: { .key(.unknown($0)) }) {
    events.append(e)
  }
  return events
}

@Suite struct InputDecoderTests {
  @Test func plainKeys() {
    #expect(decodeAll(FakeInput("aé商")) == [.key(.char("a")), .key(.char("é")), .key(.char("商"))])
    #expect(
      decodeAll(FakeInput("\u{1}\u{13}\u{9}\r\n\u{7f}\u{8}"))
        == [.key(.ctrl("a")), .key(.ctrl("s")), .key(.tab), .key(.enter), .key(.enter), .key(.backspace), .key(.backspace)])
  }

  @Test func escapeAndAlt() {
    #expect(decodeAll(FakeInput("\u{1b}")) == [.key(.escape)])
    #expect(decodeAll(FakeInput("\u{1b}x")) == [.key(.alt("x"))])
    #expect(decodeAll(FakeInput("\u{1b}\u{1b}")) == [.key(.escape), .key(.escape)])
    #expect(decodeAll(FakeInput("\u{1b}\u{1}")) == [.key(.escape), .key(.ctrl("a"))])
  }

  @Test func csiSequences() {
    #expect(decodeAll(FakeInput("\u{1b}[A\u{1b}[1;5C\u{1b}[1;2B\u{1b}[3~\u{1b}[Z")) == [
      .key(.up), .key(.ctrlRight), .key(.shiftDown), .key(.delete), .key(.backTab),
    ])
    #expect(decodeAll(FakeInput("\u{1b}OP\u{1b}[15~\u{1b}[1;5H")) == [.key(.function(1)), .key(.function(5)), .key(.ctrlHome)])
  }

  @Test func bracketedPaste() {
    let events = decodeAll(FakeInput("\u{1b}[200~hello q\r\nworld\r\u{1b}x\u{1b}[201~q"))
    #expect(events == [.paste("hello q\nworld\n\u{1b}x"), .key(.char("q"))])
  }

  @Test func unterminatedPasteEndsOnTimeout() {
    #expect(decodeAll(FakeInput("\u{1b}[200~abc")) == [.paste("abc")])
  }

  @Test func keyCodesGoThroughMapKey() {
    let input = FakeInput([.key(0o403), .char(0x61)])
    var decoder = InputDecoder()
    let e1 = decoder.next(timeout: 0, read: input.read, mapKey: { $0 == 0o403 ? .key(.up) : nil })
    #expect(e1 == .key(.up))
  }

  @Test func extendedKeyNames() {
    #expect(NcursesTerminal.extendedKey(named: "kUP5") == .ctrlUp)
    #expect(NcursesTerminal.extendedKey(named: "kDN5") == .ctrlDown)
    #expect(NcursesTerminal.extendedKey(named: "kLFT5") == .ctrlLeft)
    #expect(NcursesTerminal.extendedKey(named: "kRIT5") == .ctrlRight)
    #expect(NcursesTerminal.extendedKey(named: "kHOM5") == .ctrlHome)
    #expect(NcursesTerminal.extendedKey(named: "kEND5") == .ctrlEnd)
    #expect(NcursesTerminal.extendedKey(named: "kUP") == .shiftUp)
    #expect(NcursesTerminal.extendedKey(named: "kDN") == .shiftDown)
    #expect(NcursesTerminal.extendedKey(named: "kFOO") == nil)
  }

  @Test func colourDownsampling() {
    #expect(NcursesTerminal.downsample(9, toColors: 8) == 1)
    #expect(NcursesTerminal.downsample(196, toColors: 8) == 1)  // pure red
    #expect(NcursesTerminal.downsample(21, toColors: 8) == 4)  // pure blue
    #expect(NcursesTerminal.downsample(232, toColors: 8) == 0)
    #expect(NcursesTerminal.downsample(255, toColors: 8) == 7)
  }
}

/// Raw input in chunks, as `read(2)` gives it: the first item comes through `read` (the paste's
/// start, as ncurses reports it), the rest through `readBytes`.
final class ChunkedInput {
  var start: [RawInput]
  var chunks: [[UInt8]]
  init(start: [RawInput], chunks: [[UInt8]]) {
    self.start = start
    self.chunks = chunks
  }
  /// After the start, what the bulk reads have not taken comes one character at a time (ASCII here).
  func read(_ timeout: Int) -> RawInput? {
    if !start.isEmpty { return start.removeFirst() }
    while let first = chunks.first, first.isEmpty { chunks.removeFirst() }
    guard !chunks.isEmpty else { return nil }
    return .char(UInt32(chunks[0].removeFirst()))
  }
  func readBytes(_ timeout: Int) -> [UInt8]? { chunks.isEmpty ? nil : chunks.removeFirst() }
}

@Suite struct BulkPasteTests {
  static let pasteKey: Int32 = 0o1100

  func decode(_ input: ChunkedInput) -> [TerminalEvent] {
    var decoder = InputDecoder()
    decoder.pasteStartKeyCode = Self.pasteKey
    var events: [TerminalEvent] = []
    while let e = decoder.next(
      timeout: 0, read: input.read, readBytes: input.readBytes, mapKey: { .key(.unknown($0)) })
    {
      events.append(e)
    }
    return events
  }

  /// The end marker split across reads, CRLF split too, keys after the marker in the same read
  /// (they are keys again), and multi-byte text across a chunk boundary.
  @Test func aPasteReadInChunksIsTheSameTextAndTheKeysAfterItStayKeys() {
    let text = Array("héllo\r\n商品 q\u{1b}x".utf8)
    let all = text + Array("\u{1b}[201~".utf8) + Array("q\u{1b}[A".utf8)
    for cut in 1..<all.count {
      for cut2 in cut..<all.count {
        let chunks = [Array(all[..<cut]), Array(all[cut..<cut2]), Array(all[cut2...])].filter { !$0.isEmpty }
        let events = decode(ChunkedInput(start: [.key(Self.pasteKey)], chunks: chunks))
        #expect(events == [.paste("héllo\n商品 q\u{1b}x"), .key(.char("q")), .key(.up)], "cuts \(cut), \(cut2)")
      }
    }
  }

  /// ESC[200~ seen by the decoder itself (the terminal did not turn it into a key) reads in bulk too.
  @Test func aPasteStartedByTheSequenceReadsItsBodyInBulk() {
    let start = "\u{1b}[200~".unicodeScalars.map { RawInput.char($0.value) }
    let events = decode(ChunkedInput(start: start, chunks: [Array("a\rb".utf8), Array("\u{1b}[201~".utf8)]))
    #expect(events == [.paste("a\nb")])
  }

  @Test func anUnterminatedPasteIsDeliveredWhenInputStops() {
    #expect(decode(ChunkedInput(start: [.key(Self.pasteKey)], chunks: [Array("abc\u{1b}[20".utf8)])) == [.paste("abc\u{1b}[20")])
  }

  @Test func aMegabytePasteComesWhole() {
    let line = Array("0123456789 abcdéf 商品\r\n".utf8)
    var body: [UInt8] = []
    while body.count < 1 << 20 { body += line }
    let all = body + Array("\u{1b}[201~".utf8)
    var chunks: [[UInt8]] = []
    var i = 0
    while i < all.count {
      chunks.append(Array(all[i..<min(all.count, i + 4096)]))
      i += 4096
    }
    let events = decode(ChunkedInput(start: [.key(Self.pasteKey)], chunks: chunks))
    let expected = String(decoding: body, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    #expect(events.count == 1)
    #expect(events.first == .paste(expected))
  }
}
