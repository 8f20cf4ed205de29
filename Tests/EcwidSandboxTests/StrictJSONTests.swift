import EcwidAPI
import EcwidSandbox
import Foundation
import Testing

/// Issue 12: a request body that is not strict JSON (RFC 8259) is answered 400, as a real server
/// would, and changes nothing.
@Suite struct StrictJSONTests {
  static let bad: [(String, [UInt8])] = [
    ("leading zero", Array(#"{"compareToPrice":007.5}"#.utf8)),
    ("negative leading zero", Array(#"{"price":-01}"#.utf8)),
    ("leading zero in an array", Array(#"{"options":[{"name":"A","choices":[{"text":"x","priceModifier":07}]}]}"#.utf8)),
    ("NaN", Array(#"{"price":NaN}"#.utf8)),
    ("Infinity", Array(#"{"price":Infinity}"#.utf8)),
    ("trailing comma in object", Array(#"{"price":7,}"#.utf8)),
    ("trailing comma in array", Array(#"{"categoryIds":[1,]}"#.utf8)),
    ("single quotes", Array(#"{'price':7}"#.utf8)),
    ("comment", Array("{\"price\":7 /* c */}".utf8)),
    ("invalid UTF-8", Array(#"{"name":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)),
    ("lone surrogate", Array(#"{"name":"a\uD800b"}"#.utf8)),
    ("leading plus", Array(#"{"price":+7}"#.utf8)),
    ("bare fraction", Array(#"{"price":.5}"#.utf8)),
  ]

  @Test(arguments: bad.indices) func notStrictJSONIs400AndChangesNothing(_ k: Int) async throws {
    let (label, body) = Self.bad[k]
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    let before = try await h.product(Harness.sweater)
    let r = try await h.send(.PUT, "/products/\(Harness.sweater)", raw: Data(body))
    #expect(r.status == 400, "\(label): \(r.status) \(r.text)")
    #expect(r.errorCode == "WRONG_PARAMETER", "\(label)")
    #expect(try await h.product(Harness.sweater) == before, "\(label)")
    let media = try await h.send(.PUT, "/products/\(Harness.sweater)/media", raw: Data(body))
    #expect(media.status == 400, "\(label) (media)")
    let post = try await h.send(.POST, "/products", raw: Data(body))
    #expect(post.status == 400, "\(label) (create)")
  }

  @Test func strictJSONThatLooksOddIsAccepted() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    for text in [
      #"{"price":0.5}"#, #"{"price":0}"#, #"{"price":-0.25}"#, #"{"price":1e02}"#, #"{"price":1E-07}"#,
      #"{"name":"007 \"x\" 0123 \ud83d\ude00 é"}"#, " {\"price\" : 10.50 } ",
    ] {
      let r = try await h.send(.PUT, "/products/\(Harness.sweater)", raw: Data(text.utf8))
      #expect(r.status == 200, "\(text): \(r.text)")
    }
    // RFC 8259 §8.1: a parser may ignore a byte order mark.
    let bom = try await h.send(.PUT, "/products/\(Harness.sweater)", raw: Data([0xEF, 0xBB, 0xBF] + Array(#"{"price":7}"#.utf8)))
    #expect(bom.status == 200)
  }
}
