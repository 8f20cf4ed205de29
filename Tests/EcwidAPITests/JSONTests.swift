@testable import EcwidAPI
import Foundation
import PropertyBased
import Testing

/// Ecwid's own published example responses, kept in Tests/Fixtures/ecwid-docs.
enum Fixtures {
  static var directory: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/ecwid-docs")
  }
  static var all: [URL] {
    ((try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? [])
      .filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
  }
  static func data(_ name: String) throws -> Data { try Data(contentsOf: directory.appendingPathComponent(name)) }
}

@Suite struct LosslessJSONTests {
  @Test func everyDocsFixtureIsPresent() {
    #expect(Fixtures.all.count >= 4, "fixtures not found at \(Fixtures.directory.path)")
  }

  @Test(arguments: Fixtures.all)
  func fixtureReencodesToTheSameText(url: URL) throws {
    let text = try String(contentsOf: url, encoding: .utf8)
    let value = try JSON.parse(text)
    // Our compact encoding is the docs' text with only the insignificant whitespace taken out,
    // which proves key order, number text and string escapes all survive byte for byte.
    #expect(value.compactText == minified(text))
    // And the compact form parses back to an equal value.
    #expect(try JSON.parse(value.encoded()) == value)
  }

  @Test(arguments: Fixtures.all)
  func fixtureSurvivesTheTypedProductView(url: URL) throws {
    let value = try JSON.parse(try Data(contentsOf: url))
    if url.lastPathComponent.hasPrefix("search") {
      let r = SearchResult(value)
      #expect(r.items.count == r.count)
      for item in r.items {
        #expect(Product(item.value).value == item.value)
      }
    } else {
      let p = Product(value)
      #expect(p.value.prettyText() == value.prettyText())
      #expect(p.id != nil)
    }
  }

  @Test func numbersKeepTheirTextButCompareByValue() throws {
    let v = try JSON.parse(#"{"price": 14.989999999999998, "a": 10, "b": 10.0, "c": 1e2}"#)
    #expect(v.compactText == #"{"price":14.989999999999998,"a":10,"b":10.0,"c":1e2}"#)
    #expect(v["a"] == v["b"])
    #expect(v["c"]?.intValue == 100)
    #expect(v["price"]?.doubleValue == 14.989999999999998)
  }

  @Test func escapesAndSurrogatesDecode() throws {
    let v = try JSON.parse(#"["\u00e9\n\t\"\\\/", "\ud83d\ude00", "\ud800x", "\udc00"]"#)
    #expect(v[0]?.stringValue == "é\n\t\"\\/")
    #expect(v[1]?.stringValue == "😀")
    // A lone surrogate becomes U+FFFD instead of failing the whole product.
    #expect(v[2]?.stringValue == "\u{FFFD}x")
    #expect(v[3]?.stringValue == "\u{FFFD}")
  }

  @Test func invalidUTF8BytesBecomeReplacementCharacters() throws {
    var bytes = Array(#"{"name": "ab"#.utf8)
    bytes += [0xFF, 0xC3]
    bytes += Array(#"cd"}"#.utf8)
    let v = try JSON.parse(Data(bytes))
    #expect(v["name"]?.stringValue?.contains("\u{FFFD}") == true)
    #expect(v["name"]?.stringValue?.hasPrefix("ab") == true)
  }

  @Test func controlCharactersAreEscapedOnOutput() throws {
    let v = JSON.string("a\u{1b}[2J\u{7f}b\u{0}")
    #expect(v.compactText == #""a\u001b[2J\u007fb\u0000""#)
    #expect(try JSON.parse(v.compactText) == v)
  }

  /// Clean bytes are copied in stretches between escapes: an escape first, last, twice in a row
  /// or alone, and text that needs none, all come out exactly as one byte at a time would.
  @Test func escapesAtEitherEndAndBetweenCleanStretches() throws {
    let cases: [(String, String)] = [
      ("\"", #""\"""#),
      ("\"a\\", #""\"a\\""#),
      ("ab\n\ncd\t", #""ab\n\ncd\t""#),
      ("\r日本\u{7}語", #""\r日本\u0007語""#),
      ("plain text, no escapes", #""plain text, no escapes""#),
      ("", #""""#),
    ]
    for (text, wire) in cases {
      #expect(JSON.string(text).compactText == wire)
      #expect(try JSON.parse(wire) == .string(text))
    }
  }

  @Test(arguments: [
    "", "{", "{\"a\":}", "[1,]", "{\"a\" 1}", "tru", "01x", "\"abc", "{\"a\":1}x", "[1 2]", "-", "1.", "1e",
  ])
  func malformedJSONIsRejectedWithAPosition(text: String) {
    #expect(throws: JSONParseError.self) { try JSON.parse(text) }
  }

  @Test func deepNestingIsRefusedNotCrashed() {
    let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect(throws: JSONParseError.self) { try JSON.parse(deep) }
  }

  @Test func duplicateKeysKeepFirstPlaceAndLastValue() throws {
    let v = try JSON.parse(#"{"a":1,"b":2,"a":3}"#)
    #expect(v.compactText == #"{"a":3,"b":2}"#)
  }

  /// Big documents are read by two threads: the value, and every error, must be the one-thread
  /// reading's.
  @Test func twoThreadsReadWhatOneThreadReads() async throws {
    await propertyCheck(count: 100, input: JSONGen.value(depth: 3)) { v in
      let doc: JSON = ["a": v, "b": [v, v], "c": "x", "a2": v]
      for text in [doc.encoded(), Data(doc.prettyText().utf8)] {
        let one = try? JSON.parse(text, twoThreadsFrom: Int.max)
        let two = try? JSON.parse(text, twoThreadsFrom: 0)
        #expect(two == one)
        #expect(two?.compactText == doc.compactText)
      }
    }
    // A repeated key keeps its first place and the last value, across the two halves too.
    let repeated = Data(#"{"k": 1, "big": "\#(String(repeating: "x", count: 64))", "k": 2, "z": [1, {"k": 3}]}"#.utf8)
    let split = try JSON.parse(repeated, twoThreadsFrom: 0)
    #expect(split == (try JSON.parse(repeated, twoThreadsFrom: Int.max)))
    #expect(split.objectValue?.keys.elementsEqual(["k", "big", "z"]) == true)
    #expect(split["k"]?.intValue == 2)
    // Broken documents fail as one thread fails them: same offset, same reason.
    let broken = [
      #"{"a": [1, 2}, "b": 3}"#, #"{"a": 1, "b": tru}"#, #"{"a": "x\#u{01}y", "b": 2}"#, #"{"a": 1, "b": 2} x"#,
      #"{"a": 1, "b": "unterminated}"#, #"{"a": 01.e5, "b": 2}"#, #"{"a": {"b": 1}, "c": [}"#, #"{"a" 1, "b": 2}"#,
      "{\"a\": \"\\q\", \"b\": 2}",
    ]
    for text in broken {
      var errors: [JSONParseError?] = []
      for threshold in [0, Int.max] {
        do {
          _ = try JSON.parse(Data(text.utf8), twoThreadsFrom: threshold)
          errors.append(nil)
        } catch {
          errors.append(error)
        }
      }
      #expect(errors[0] != nil, "\(text)")
      #expect(errors[0] == errors[1], "\(text)")
    }
  }

  /// A big product is read in two steps (what the first frame shows, then its media and options):
  /// the early object holds exactly the other members, in order, and the whole value and every
  /// error are the one-thread reading's.
  @Test func twoStepReadingHandsOverTheEarlyMembersFirst() async throws {
    let later: Set<String> = ["media", "options"]
    await propertyCheck(count: 100, input: JSONGen.value(depth: 3)) { v in
      let doc: JSON = ["name": v, "media": [v, v], "sku": "x", "options": v, "price": v]
      for text in [doc.encoded(), Data(doc.prettyText().utf8)] {
        var early: [JSONObject] = []
        let staged = try? JSON.parse(text, readingLast: later, from: 0) { early.append($0) }
        #expect(staged == (try? JSON.parse(text, twoThreadsFrom: Int.max)))
        #expect(staged?.compactText == doc.compactText)
        #expect(early.count == 1)
        #expect(early.first.map { JSON.object($0).compactText } == JSON.object(["name": v, "sku": "x", "price": v]).compactText)
      }
    }
    // Big later members are shared by two threads; the order is still the document's.
    let big = String(repeating: "y", count: 300 << 10)
    let two = Data(#"{"a": 1, "media": ["\#(big)"], "b": 2, "options": [{"k": "\#(big)"}], "c": {"d": [3]}}"#.utf8)
    var seen: JSONObject?
    let value = try JSON.parse(two, readingLast: later, from: 0) { seen = $0 }
    #expect(value == (try JSON.parse(two, twoThreadsFrom: Int.max)))
    #expect(value.objectValue?.keys.elementsEqual(["a", "media", "b", "options", "c"]) == true)
    #expect(seen?.keys.elementsEqual(["a", "b", "c"]) == true)
    // Below the threshold, with nothing to read later, or not an object: one step, no early call.
    for (text, threshold) in [(two, two.count + 1), (Data(#"{"a": 1, "b": 2}"#.utf8), 0), (Data("[1, 2]".utf8), 0)] {
      var called = false
      let v = try JSON.parse(text, readingLast: later, from: threshold) { _ in called = true }
      #expect(!called)
      #expect(v == (try JSON.parse(text, twoThreadsFrom: Int.max)))
    }
    // Broken documents fail as one thread fails them, whether the break is early or later.
    let broken = [
      #"{"a": [1, 2}, "media": 3}"#, #"{"a": 1, "media": tru}"#, #"{"media": "x\#u{01}y", "b": 2}"#,
      #"{"a": 1, "options": 2} x"#, #"{"a": 1, "media": "unterminated}"#, #"{"a": 01.e5, "media": 2}"#,
      #"{"a": {"b": 1}, "options": [}"#, #"{"a" 1, "media": 2}"#, "{\"media\": \"\\q\", \"b\": 2}",
    ]
    for text in broken {
      var staged: JSONParseError?
      do { _ = try JSON.parse(Data(text.utf8), readingLast: later, from: 0) { _ in } } catch { staged = error }
      var one: JSONParseError?
      do { _ = try JSON.parse(Data(text.utf8), twoThreadsFrom: Int.max) } catch { one = error }
      #expect(staged != nil, "\(text)")
      #expect(staged == one, "\(text)")
    }
  }

  @Test func randomValuesRoundTrip() async {
    await propertyCheck(count: 300, input: JSONGen.value(depth: 3)) { v in
      let back = try? JSON.parse(v.encoded())
      #expect(back == v)
      #expect(back?.compactText == v.compactText)
      let pretty = try? JSON.parse(v.prettyText())
      #expect(pretty == v)
    }
  }
}

/// Generators of JSON values for property tests.
enum JSONGen {
  static let texts = [
    "plain", "商品", "👨‍👩‍👧 emoji", "مرحبا", "e\u{301}", "a\u{1b}[31mred", "\"quoted\" \\ /", "line\nbreak", "",
    "\u{0}nul", "tab\there", "OSC\u{1b}]52;c;ZXZpbA==\u{7}",
  ]

  static func randomValue(_ rng: inout any SeededRandomNumberGenerator, depth: Int) -> JSON {
    let pick = Int.random(in: 0..<(depth > 0 ? 8 : 5), using: &rng)
    switch pick {
    case 0: return .bool(Bool.random(using: &rng))
    case 1: return .int(Int.random(in: -1_000_000...1_000_000, using: &rng))
    case 2: return .double(Double.random(in: -10_000...10_000, using: &rng))
    case 3: return .string(texts.randomElement(using: &rng)! + String(Int.random(in: 0...99, using: &rng)))
    case 4: return .null
    case 5, 6:
      var o = JSONObject()
      for i in 0..<Int.random(in: 0...5, using: &rng) { o["k\(i)\(texts[i % texts.count])"] = randomValue(&rng, depth: depth - 1) }
      return .object(o)
    default:
      return .array((0..<Int.random(in: 0...5, using: &rng)).map { _ in randomValue(&rng, depth: depth - 1) })
    }
  }

  static func value(depth: Int) -> Generator<JSON, Shrink.None<JSON>> {
    Generator { rng in randomValue(&rng, depth: depth) }
  }
}

/// The JSON text with whitespace outside strings removed (an independent, byte-level reference).
func minified(_ text: String) -> String {
  var out = [UInt8]()
  var inString = false
  var escaped = false
  for byte in text.utf8 {
    if inString {
      out.append(byte)
      if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
    } else if byte == UInt8(ascii: "\"") {
      inString = true
      out.append(byte)
    } else if ![0x20, 0x0A, 0x0D, 0x09].contains(byte) {
      out.append(byte)
    }
  }
  return String(decoding: out, as: UTF8.self)
}
