import Foundation
import Testing

@testable import EcwidAPI

@Suite struct StrictJSONTests {
  func error(_ bytes: [UInt8]) -> StrictJSONError? {
    do {
      _ = try StrictJSON.parse(Data(bytes))
      return nil
    } catch {
      return error
    }
  }

  func error(_ text: String) -> StrictJSONError? { error(Array(text.utf8)) }

  @Test func validTextParsesAsTheLenientParserDoes() throws {
    let text = "{\"name\": \"Pull \\u00e9t\\u00e9 \\ud83d\\ude00 日本\", \"price\": -0.5e2, \"a\": [0, 10, 1.0]}"
    #expect(try StrictJSON.parse(Data(text.utf8)) == (try JSON.parse(text)))
  }

  @Test func invalidUTF8IsRefusedWithLineAndColumn() {
    #expect(error(Array("{\n \"é\": \"x".utf8) + [0xC3, 0x28] + Array("\"}".utf8)) == StrictJSONError(line: 2, column: 9, reason: "invalid UTF-8 (byte 0xC3)"))
    #expect(error([0x7B, 0xED, 0xA0, 0x80, 0x7D])?.column == 2)  // an encoded surrogate
    #expect(error([0x22, 0xC0, 0xAF, 0x22])?.column == 2)  // overlong
    #expect(error(Array("\"ok\"".utf8)) == nil)
  }

  @Test func loneSurrogatesAreRefused() {
    #expect(error("[\"\\ud800\"]")?.reason.contains("surrogate") == true)
    #expect(error("[\"\\udc00\"]")?.column == 3)
    #expect(error("[\"\\ud800\\u0041\"]") != nil)
    #expect(error("[\"\\ud800\\udc00\"]") == nil)
    #expect(error("[\"\\\\ud800\"]") == nil)  // an escaped backslash, not an escape
  }

  @Test func syntaxErrorsGiveLineAndColumnNotBytes() {
    let e = error("{\n  \"a\": 1,\n  \"b\": ]\n}")
    #expect(e?.line == 3)
    #expect(e?.column == 8)
    #expect(e?.description.contains("byte") == false)
    #expect(error("{\"a\": 007}")?.reason.contains("leading zeros") == true)
    #expect(error("{\"a\": \"007\"}") == nil)
  }
}
