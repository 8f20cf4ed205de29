import AsyncHTTPClient
import EcwidAPI
import EcwidSandbox
import Foundation
import NIOHTTP1
import Testing

@Suite struct PersistenceAndLogTests {
  @Test func aDataFileSurvivesARestartWithUnknownFieldsKeyOrderAndNumberText() async throws {
    let file = tempPath("store.json")
    let productText = #"""
      {"zeta": true, "id": 5001, "name": "Lossless", "price": 1.10, "alpha": {"y": 2, "x": [1.0, 2e3]},
       "nameTranslated": {"cs": "", "en": "Lossless"}, "sku": "L-1", "updateTimestamp": 1700000000,
       "categoryIds": [77], "future": {"nested": null}}
      """#
    let doc = #"{"storeId": 4321, "products": [\#(productText), {"id": 5002, "name": "Other", "sku": "L-2"}], "extra": [1]}"#
    try doc.write(toFile: file, atomically: true, encoding: .utf8)

    let h = try await Harness.start { $0.dataFile = file }
    #expect(h.sandbox.storeId == 4321)
    let raw = try await h.get("/products/5001")
    #expect(raw.status == 200)
    #expect(raw.body == (try JSON.parse(productText)).encoded())  // byte-compatible, key order and "1.10" kept
    // Languages come from the products when the file has no profile.
    let langs = try await h.get("/profile").json["languages"]?["enabledLanguages"]
    #expect(langs == ["en", "cs"])

    #expect(try await h.put(5001, ["price": .number(JSONNumber(text: "2.50")), "newField": ["k": "v"]]).status == 200)
    await h.stop()

    // Written back atomically: no temp files left, the document keeps its other keys.
    let dir = URL(fileURLWithPath: file).deletingLastPathComponent()
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["store.json"])
    let saved = try JSON.parse(Data(contentsOf: URL(fileURLWithPath: file)))
    #expect(saved["extra"] == [1])
    #expect(saved["storeId"] == 4321)

    let h2 = try await Harness.start { $0.dataFile = file }
    defer { Task { await h2.stop() } }
    let p = try await h2.product(5001)
    #expect(Array(p.json.keys.prefix(5)) == ["zeta", "id", "name", "price", "alpha"])
    #expect(p.json["price"]?.numberValue?.text == "2.50")
    #expect(p.json["alpha"]?.compactText == #"{"y":2,"x":[1.0,2e3]}"#)
    #expect(p.json["future"] == ["nested": nil])
    #expect(p.json["newField"] == ["k": "v"])
    #expect((p.updateTimestamp ?? 0) > 1_700_000_000)
    #expect(try await h2.product(5002).name == "Other")
  }

  @Test func aMissingDataFileIsCreatedFromTheSampleCatalog() async throws {
    let file = tempPath("new-store.json")
    let h = try await Harness.start { $0.dataFile = file }
    #expect(FileManager.default.fileExists(atPath: file))
    _ = try await h.put(Harness.tea, ["name": "Persisted"])
    await h.stop()
    let h2 = try await Harness.start { $0.dataFile = file }
    defer { Task { await h2.stop() } }
    #expect(try await h2.product(Harness.tea).name == "Persisted")
    #expect(try await h2.product(Harness.sweater).images.count == 12)
  }

  @Test func badDataFilesAreRefusedClearly() throws {
    let file = tempPath("bad.json")
    try "{ not json".write(toFile: file, atomically: true, encoding: .utf8)
    var o = SandboxOptions()
    o.dataFile = file
    #expect(throws: SandboxError.self) { _ = try Sandbox(options: o) }
    try #"{"products": [{"name": "no id"}]}"#.write(toFile: file, atomically: true, encoding: .utf8)
    #expect(throws: SandboxError.self) { _ = try Sandbox(options: o) }
  }

  @Test func requestLogHasOneLinePerRequestAndNeverTheToken() async throws {
    let log = tempPath("requests.jsonl")
    let h = try await Harness.start { $0.requestLog = log }
    defer { Task { await h.stop() } }
    _ = try await h.get("/products?keyword=merino")
    _ = try await h.put(Harness.sweater, ["name": "Logged", "note": .string("contains the token \(h.token) by mistake")])
    _ = try await h.send(.GET, "/products?token=\(h.token)", auth: .some(nil))
    _ = try await h.send(.GET, "/profile", auth: "secret_some_other_token")
    _ = try await h.send(.PUT, "/products/\(Harness.sweater)", raw: Data("plain text".utf8), contentType: "text/plain")

    let text = try String(contentsOfFile: log, encoding: .utf8)
    #expect(!text.contains(h.token))
    #expect(!text.contains("secret_some_other_token"))
    #expect(!text.lowercased().contains("bearer"))
    let lines = text.split(separator: "\n").map { try? JSON.parse(String($0)) }
    #expect(lines.count == 5)
    #expect(lines.allSatisfy { $0 != nil })
    let first = try #require(lines[0])
    #expect(first["method"] == "GET")
    #expect(first["path"] == "/api/v3/1003/products")
    #expect(first["query"] == ["keyword": "merino"])
    #expect(first["status"] == 200)
    #expect(first["time"]?.stringValue?.hasSuffix("Z") == true)
    let put = try #require(lines[1])
    #expect(put["body"]?["name"] == "Logged")
    #expect(put["status"] == 200)
    #expect(lines[2]?["status"] == 403)
    #expect(lines[2]?["query"]?["token"] == "[REDACTED]")
    #expect(lines[4]?["status"] == 415)
    #expect(lines[4]?["body"] == "plain text")
  }

  @Test func requestCountsPerMethodAndPath() async throws {
    let h = try await Harness.start()
    defer { Task { await h.stop() } }
    _ = try await h.get("/products")
    _ = try await h.get("/products")
    _ = try await h.get("/products/\(Harness.tea)")
    _ = try await h.put(Harness.tea, ["name": "x"])
    #expect(await h.sandbox.requestCount(method: "GET", pathSuffix: "/products") == 2)
    #expect(await h.sandbox.requestCount(method: "PUT", pathSuffix: "/products/\(Harness.tea)") == 1)
    #expect(await h.sandbox.requestCount(pathSuffix: "/products/\(Harness.tea)") == 2)
    #expect(await h.sandbox.requests().count == 4)
  }
}
