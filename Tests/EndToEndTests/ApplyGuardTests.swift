import EcwidAPI
import EcwidSandbox
import Foundation
import Testing

/// A sandbox and one state home shared by every command of a test, so that `get` and `apply`
/// see the same kept bases and failure copies.
struct ApplyRig {
  let dir: TestDirectory
  let s: E2ESandbox
  static let id = E2ESandbox.sweater

  static func start(_ configure: (inout SandboxOptions) throws -> Void = { _ in }) async throws -> ApplyRig {
    let dir = try TestDirectory("apply")
    return ApplyRig(dir: dir, s: try await E2ESandbox.start(in: dir, configure))
  }

  func stop() async {
    await s.stop()
    dir.remove()
  }

  var env: [String: String] {
    s.environment.merging(["XDG_STATE_HOME": dir.stateHome, "XDG_CONFIG_HOME": dir.configHome]) { _, b in b }
  }

  /// Runs the binary (`CLI.run`) with this rig's sandbox and state directories.
  func run(_ args: [String], env extra: [String: String] = [:]) async throws -> CLI.Result {
    try await CLI.run(args, env: env.merging(extra, uniquingKeysWith: { _, b in b }))
  }

  func write(_ name: String, _ text: String) throws -> String {
    let path = dir.file(name)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func write(_ name: String, bytes: [UInt8]) throws -> String {
    let path = dir.file(name)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  func write(_ name: String, _ product: Product) throws -> String {
    try write(name, product.value.prettyText())
  }

  /// `ecwid-edit get` of the sweater (keeps its base in this rig's state home).
  func get(_ id: Int = ApplyRig.id) async throws -> Product {
    let r = try await run(["get", "\(id)"])
    #expect(r.status == 0, "\(r.stderr)")
    return Product(try JSON.parse(r.stdout))
  }

  func stored(_ id: Int = ApplyRig.id) async throws -> Product { try await s.product(id) }

  func apply(_ path: String, _ flags: [String] = []) async throws -> CLI.Result {
    try await run(["apply", "\(ApplyRig.id)", path, "--yes"] + flags)
  }

  /// The store's product without the fields the server maintains (to compare "nothing changed").
  static func content(_ p: Product) -> JSON {
    var p = p
    for k in ["updated", "updateTimestamp"] { p.json[k] = nil }
    return p.value
  }
}

@Suite(.serialized) struct ApplyGuardTests {
  @Test func anEmptyOrPartialFileLeavesOtherFieldsAsTheyAre() async throws {
    let rig = try await ApplyRig.start()
    defer { Task { await rig.stop() } }
    let before = try await rig.stored()
    let imageCount = before.images.count
    try #require(imageCount > 0)

    let empty = try rig.write("empty.json", "{}")
    let r = try await rig.apply(empty)
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.contains("No changes"), "\(r.stdout)")
    #expect(ApplyRig.content(try await rig.stored()) == ApplyRig.content(before))
    #expect(try rig.s.loggedWrites().isEmpty)

    let partial = try rig.write("price.json", #"{"price": 12.5}"#)
    let p = try await rig.apply(partial)
    #expect(p.status == 0, "\(p.stdout)\(p.stderr)")
    let after = try await rig.stored()
    #expect(after.price?.double == 12.5)
    #expect(after.name == before.name)
    #expect(after.images.count == imageCount)
    #expect(after.json["description"] == before.json["description"])
    let writes = try rig.s.loggedWrites()
    #expect(writes.count == 1)
    #expect(writes.first?["body"]?.objectValue?.keys.elementsEqual(["price"]) == true, "\(writes)")

    // Clearing is explicit: null.
    await #expect(try rig.apply(try rig.write("seo.json", #"{"seoTitle": "Warm merino"}"#)).status == 0)
    #expect(try await rig.stored().json["seoTitle"] == "Warm merino")
    let clear = try await rig.apply(try rig.write("seo-null.json", #"{"seoTitle": null}"#))
    #expect(clear.status == 0, "\(clear.stderr)")
    #expect(try await rig.stored().json["seoTitle"] == nil)
    #expect(try rig.s.loggedWrites().last?["body"] == ["seoTitle": nil])
  }

  @Test func anotherProductsFileIsRefused() async throws {
    let rig = try await ApplyRig.start()
    defer { Task { await rig.stop() } }
    let other = try #require(await rig.s.sandbox.products().first { $0.id != ApplyRig.id })
    let before = try await rig.stored()
    let path = try await rig.write("other.json", try rig.get(try #require(other.id)))
    let r = try await rig.apply(path)
    #expect(r.status == 2)
    #expect(r.stderr.contains("is product \(other.id!), not \(ApplyRig.id)"), "\(r.stderr)")
    #expect(ApplyRig.content(try await rig.stored()) == ApplyRig.content(before))
    #expect(try rig.s.loggedWrites().isEmpty)
    let diff = try await rig.run(["diff", "\(ApplyRig.id)", path])
    #expect(diff.status == 2)
  }

  @Test func requiredAndNumericValuesAreCheckedBeforeSending() async throws {
    let rig = try await ApplyRig.start()
    defer { Task { await rig.stop() } }
    let before = try await rig.stored()
    for (name, text, says) in [
      ("name-null.json", #"{"name": null}"#, "name is text"),
      ("price-null.json", #"{"price": null}"#, "price is a number"),
      ("price-nan.json", #"{"price": "NaN"}"#, "not a number"),
      ("price-inf.json", #"{"compareToPrice": "Infinity"}"#, "not a number"),
      ("price-tiny.json", #"{"price": 1e-400}"#, "would become 0"),
      ("price-long.json", #"{"price": 123456789012345678901234567890}"#, "cannot be stored exactly"),
    ] {
      let path = try rig.write(name, text)
      let r = try await rig.apply(path)
      #expect(r.status == 2, "\(name): \(r.stdout)\(r.stderr)")
      #expect(r.stderr.contains(says), "\(name): \(r.stderr)")
      // diff says the same before anything is tried.
      let d = try await rig.run(["diff", "\(ApplyRig.id)", path])
      #expect(d.stdout.contains(says) && d.stdout.contains("apply refuses"), "\(name): \(d.stdout)")
    }
    #expect(ApplyRig.content(try await rig.stored()) == ApplyRig.content(before))
    #expect(try rig.s.loggedWrites().isEmpty)
  }

  @Test func clearingTheNameThePriceOrEveryImageNeedsAllowDestructive() async throws {
    let rig = try await ApplyRig.start()
    defer { Task { await rig.stop() } }
    let before = try await rig.stored()
    let images = before.images.count
    try #require(images > 1)
    let name = try rig.write("name.json", #"{"name": ""}"#)
    let r = try await rig.apply(name)
    #expect(r.status == 4, "\(r.stdout)\(r.stderr)")
    #expect(r.stderr.contains("clear the name"), "\(r.stderr)")
    #expect(r.stderr.contains("--allow-destructive"))
    let price = try await rig.apply(try rig.write("price.json", #"{"price": 0}"#))
    #expect(price.status == 4, "\(price.stderr)")
    let media = try rig.write("media.json", #"{"media": {"images": []}}"#)
    let m = try await rig.apply(media)
    #expect(m.status == 4, "\(m.stdout)\(m.stderr)")
    #expect(m.stderr.contains("delete all \(images) images"), "\(m.stderr)")
    #expect(ApplyRig.content(try await rig.stored()) == ApplyRig.content(before))
    #expect(try rig.s.loggedWrites().isEmpty)

    let forced = try await rig.apply(media, ["--allow-destructive"])
    #expect(forced.status == 0, "\(forced.stdout)\(forced.stderr)")
    #expect(try await rig.stored().images.isEmpty)
    #expect(try await rig.stored().name == before.name)
  }

  @Test func invalidTextIsRefusedWithLineAndColumn() async throws {
    let rig = try await ApplyRig.start()
    defer { Task { await rig.stop() } }
    let before = try await rig.stored()
    let badUTF8 = try rig.write("bad.json", bytes: Array("{\n  \"name\": \"ab".utf8) + [0xFF] + Array("\"\n}".utf8))
    let r = try await rig.apply(badUTF8)
    #expect(r.status == 2)
    #expect(r.stderr.contains("line 2, column 14"), "\(r.stderr)")
    #expect(r.stderr.contains("UTF-8"))
    let surrogate = try rig.write("lone.json", "{\n  \"name\": \"x\\ud800\"\n}")
    let s = try await rig.apply(surrogate)
    #expect(s.status == 2)
    #expect(s.stderr.contains("line 2, column 13"), "\(s.stderr)")
    #expect(s.stderr.contains("surrogate"))
    let broken = try rig.write("broken.json", "{\n  \"name\": \"x\",\n  \"price\": 5,,\n}")
    for command in ["apply", "diff"] {
      let b = try await rig.run([command, "\(ApplyRig.id)", broken] + (command == "apply" ? ["--yes"] : []))
      #expect(b.status == 2)
      #expect(b.stderr.contains("line 3, column 14"), "\(b.stderr)")
      #expect(!b.stderr.contains("byte"), "\(b.stderr)")
    }
    #expect(ApplyRig.content(try await rig.stored()) == ApplyRig.content(before))
  }

  @Test func aNegativeIdIsBlamedOnTheId() async throws {
    let rig = try await ApplyRig.start()
    defer { Task { await rig.stop() } }
    let path = try rig.write("p.json", "{}")
    for args in [["apply", "-1", path, "--yes"], ["diff", "-1", path], ["apply", "--", "-1", path], ["diff", "0", path]] {
      let r = try await rig.run(args)
      #expect(r.status != 0)
      #expect(r.stderr.contains("product id"), "\(r.stderr)")
      #expect(!r.stderr.contains(path), "\(r.stderr)")
    }
  }

  @Test func progressIsBoundedAndReadable() async throws {
    let rig = try await ApplyRig.start()
    defer { Task { await rig.stop() } }
    var p = try await rig.get()
    p.json["description"] = .string(String(repeating: "Warm wool. ", count: 100_000))
    p.price = JSONNumber(77)
    let path = try rig.write("big.json", p)
    let r = try await rig.apply(path)
    #expect(r.status == 0, "\(r.stderr.prefix(500))")
    #expect(r.stderr.utf8.count < 2000, "\(r.stderr.utf8.count) bytes of stderr")
    #expect(r.stderr.contains("PUT /products/\(ApplyRig.id) (price, description) … ok"), "\(r.stderr.prefix(500))")
    #expect(!r.stderr.contains("started("))
    #expect(try await rig.stored().price?.double == 77)
  }

  @Test func everyFailureKeepsItsOwnPrivateCopy() async throws {
    let rig = try await ApplyRig.start()
    defer { Task { await rig.stop() } }
    let other = try #require(await rig.s.sandbox.products().first { $0.id != ApplyRig.id && $0.sku != nil })
    var edited = try await rig.get()
    edited.sku = other.sku
    let path = try rig.write("dup-sku.json", edited)
    let runs = 4
    let results = try await withThrowingTaskGroup(of: CLI.Result.self) { group in
      for _ in 0..<runs { group.addTask { try await rig.apply(path) } }
      var out: [CLI.Result] = []
      for try await r in group { out.append(r) }
      return out
    }
    for r in results { #expect(r.status == 2, "\(r.stderr)") }
    let dir = rig.dir.stateHome + "/ecwid-edit/apply-failed"
    let files = try FileManager.default.contentsOfDirectory(atPath: dir)
    #expect(files.count == runs, "\(files)")
    for f in files {
      let mode = try FileManager.default.attributesOfItem(atPath: dir + "/" + f)[.posixPermissions] as? Int
      #expect(mode == 0o600, "\(f): \(String(mode ?? 0, radix: 8))")
    }
  }

  @Test func readOnlyChangesAreNotedAsTheReadmeSays() async throws {
    let rig = try await ApplyRig.start()
    defer { Task { await rig.stop() } }
    var p = try await rig.get()
    p.json["updated"] = "2001-01-01 00:00:00 +0000"
    p.json["created"] = "2001-01-01 00:00:00 +0000"
    p.price = JSONNumber(31)
    let r = try await rig.apply(try rig.write("ro.json", p))
    #expect(r.status == 0, "\(r.stderr)")
    let noteLine = try #require(r.stderr.split(separator: "\n").first { $0.contains("read-only") }, "\(r.stderr)")
    #expect(noteLine.contains("updated") && noteLine.contains("created"))
    #expect(try await rig.stored().price?.double == 31)
  }

  @Test func aNewGalleryImageIsAddedByURLAndDiffAgrees() async throws {
    let rig = try await ApplyRig.start()
    defer { Task { await rig.stop() } }
    var p = try await rig.get()
    let before = p.images.count
    var gallery = p.json["galleryImages"]?.arrayValue ?? []
    gallery.append(["url": "https://photos.example.com/new-look.jpg"])
    p.json["galleryImages"] = .array(gallery)
    let path = try rig.write("gallery.json", p)
    let diff = try await rig.run(["diff", "\(ApplyRig.id)", path, "--requests"])
    #expect(diff.status == 1, "\(diff.stdout)\(diff.stderr)")
    #expect(diff.stdout.contains("new-look.jpg"))
    #expect(diff.stdout.contains("POST /products/\(ApplyRig.id)/gallery"), "\(diff.stdout)")
    let r = try await rig.apply(path)
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.contains("Saved: 1 request sent"), "\(r.stdout)")
    let after = try await rig.stored()
    #expect(after.images.count == before + 1)
    #expect(after.images.last?.imageOriginalUrl?.contains("new-look.jpg") == true)

    // Removing or reordering through the legacy list is refused with the reason, by both.
    var q = try await rig.get()
    q.json["galleryImages"] = .array(Array((q.json["galleryImages"]?.arrayValue ?? []).dropFirst()))
    let removal = try rig.write("removal.json", q)
    for command in ["diff", "apply"] {
      let x = try await rig.run([command, "\(ApplyRig.id)", removal] + (command == "apply" ? ["--yes"] : []))
      #expect(x.status == 2, "\(x.stdout)\(x.stderr)")
      #expect(x.stderr.contains("media"), "\(x.stderr)")
    }
    #expect(try await rig.stored().images.count == before + 1)
  }

  @Test func notifyLowStockIsSentOnlyWhenAsked() async throws {
    let rig = try await ApplyRig.start()
    defer { Task { await rig.stop() } }
    _ = try await rig.apply(try rig.write("q1.json", #"{"quantity": 3}"#))
    let r = try await rig.apply(try rig.write("q2.json", #"{"quantity": 2}"#), ["--notify-low-stock"])
    #expect(r.status == 0, "\(r.stderr)")
    let puts = try rig.s.loggedWrites().filter { $0["method"]?.stringValue == "PUT" }
    #expect(puts.count == 2, "\(puts)")
    let queries = puts.map { $0["query"]?.compactText ?? "" }
    #expect(!queries[0].contains("checkLowStockNotification"), "\(queries)")
    #expect(queries[1].contains("checkLowStockNotification"), "\(queries)")
    #expect(try await rig.stored().json["quantity"]?.intValue == 2)
  }
}
