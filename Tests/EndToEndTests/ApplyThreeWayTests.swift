import EcwidAPI
import EcwidSandbox
import Foundation
import Testing

/// `get` keeps the product as fetched; `diff` and `apply` compare three ways against it.
@Suite(.serialized) struct ApplyThreeWayTests {
  /// Someone else renames the product between `get` and `apply`.
  func renameRemotely(_ rig: ApplyRig, to name: String) async throws {
    _ = try await rig.s.withClient { try await $0.updateProduct(id: ApplyRig.id, body: ["name": .string(name)]) }
  }

  func setPriceRemotely(_ rig: ApplyRig, _ price: Double) async throws {
    _ = try await rig.s.withClient { try await $0.updateProduct(id: ApplyRig.id, body: ["price": .double(price)]) }
  }

  @Test func aRemoteRenameIsKeptAndTheLocalPriceLands() async throws {
    let rig = try await ApplyRig.start()
    defer { Task { await rig.stop() } }
    var mine = try await rig.get()
    let originalName = try #require(mine.name)
    mine.price = JSONNumber(123.45)
    let path = try rig.write("p.json", mine)
    try await renameRemotely(rig, to: "Renamed on the server")

    let diff = try await rig.run(["diff", "\(ApplyRig.id)", path])
    #expect(diff.status == 1, "\(diff.stdout)\(diff.stderr)")
    #expect(diff.stdout.contains("123.45"))
    #expect(!diff.stdout.contains(originalName), "diff would revert the rename: \(diff.stdout)")
    #expect(diff.stderr.contains("Name"), "the remote change is mentioned: \(diff.stderr)")

    let r = try await rig.apply(path)
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    let stored = try await rig.stored()
    #expect(stored.name == "Renamed on the server")
    #expect(stored.price?.double == 123.45)
    let put = try #require(try rig.s.loggedWrites().last { $0["method"]?.stringValue == "PUT" })
    #expect(put["body"]?["name"] == nil, "\(put)")

    // Editing the same file again: its own earlier apply is not someone else's change.
    mine.price = JSONNumber(99)
    try mine.value.prettyText().write(toFile: path, atomically: true, encoding: .utf8)
    let again = try await rig.apply(path)
    #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
    #expect(try await rig.stored().price?.double == 99)
    #expect(try await rig.stored().name == "Renamed on the server")
  }

  @Test func aConflictingRemotePriceIsRefusedWithTheThreeValues() async throws {
    let rig = try await ApplyRig.start()
    defer { Task { await rig.stop() } }
    var mine = try await rig.get()
    let base = try #require(mine.price?.text)
    mine.price = JSONNumber(text: "55.5")
    let path = try rig.write("p.json", mine)
    try await setPriceRemotely(rig, 66.25)

    let r = try await rig.apply(path)
    #expect(r.status == 3, "\(r.stdout)\(r.stderr)")
    let lines = r.stderr.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.contains("base") && $0.contains(base) }, "\(r.stderr)")
    #expect(lines.contains { $0.contains("mine") && $0.contains("55.5") }, "\(r.stderr)")
    #expect(lines.contains { $0.contains("theirs") && $0.contains("66.25") }, "\(r.stderr)")
    #expect(r.stderr.contains("Price"))
    #expect(try await rig.stored().price?.double == 66.25)

    let diff = try await rig.run(["diff", "\(ApplyRig.id)", path])
    #expect(diff.status == 3, "\(diff.stdout)\(diff.stderr)")

    let forced = try await rig.apply(path, ["--force"])
    #expect(forced.status == 0, "\(forced.stdout)\(forced.stderr)")
    #expect(try await rig.stored().price?.double == 55.5)
  }

  @Test func withoutABaseANewerServerProductIsRefused() async throws {
    let rig = try await ApplyRig.start()
    defer { Task { await rig.stop() } }
    var mine = try await rig.get()
    mine.price = JSONNumber(42)
    let path = try rig.write("p.json", mine)
    try FileManager.default.removeItem(atPath: rig.dir.stateHome + "/ecwid-edit/bases")
    try await renameRemotely(rig, to: "Renamed meanwhile")

    let r = try await rig.apply(path)
    #expect(r.status == 3, "\(r.stdout)\(r.stderr)")
    #expect(r.stderr.contains("Name") && r.stderr.contains("Price"), "\(r.stderr)")
    #expect(try await rig.stored().name == "Renamed meanwhile")

    let forced = try await rig.apply(path, ["--force"])
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(try await rig.stored().price?.double == 42)
  }

  @Test func theBaseIsPrivateAndKeyedByStoreProductAndTimestamp() async throws {
    let rig = try await ApplyRig.start()
    defer { Task { await rig.stop() } }
    let p = try await rig.get()
    let stamp = try #require(p.updateTimestamp)
    let path = rig.dir.stateHome + "/ecwid-edit/bases/\(rig.s.storeId)-\(ApplyRig.id)-\(stamp).json"
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect(attributes[.posixPermissions] as? Int == 0o600)
    let kept = Product(try JSON.parse(Data(contentsOf: URL(fileURLWithPath: path))))
    #expect(kept.value == p.value)
  }
}
