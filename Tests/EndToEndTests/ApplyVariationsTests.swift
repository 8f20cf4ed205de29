import EcwidAPI
import EcwidSandbox
import Foundation
import Testing

/// `get`, `diff` and `apply` with a product's variations (`combinations`).
@Suite(.serialized) struct ApplyVariationsTests {
  static let tee = 692_730_775  // 40 variations

  func combinationWrites(_ rig: ApplyRig) throws -> [JSON] {
    try rig.s.loggedWrites().filter { ($0["path"]?.stringValue ?? "").contains("/combinations") }
  }

  func setPath(_ p: inout Product, _ index: Int, _ key: String, _ value: JSON) {
    var list = p.json["combinations"]!.arrayValue!
    var c = list[index].objectValue!
    c[key] = value
    list[index] = .object(c)
    p.json["combinations"] = .array(list)
  }

  /// The file's variation edits are shown by their option values and sent as one PUT per
  /// changed variation with only its changed fields; a sale made on the server meanwhile, on
  /// a variation the file does not change, is kept.
  @Test func aFilesVariationEditsAreSentAndARemoteSaleIsKept() async throws {
    let rig = try await ApplyRig.start()
    defer { Task { await rig.stop() } }
    var mine = try await rig.get(Self.tee)
    let list = try #require(mine.combinations)
    #expect(list.count == 40)
    let (sold, priced, stocked) = (list[0], list[5], list[6])
    setPath(&mine, 5, "price", 24.5)
    setPath(&mine, 6, "quantity", 0)
    let path = try rig.write("tee.json", mine)
    _ = try await rig.s.withClient {
      try await $0.updateCombination(productId: Self.tee, combinationId: sold.id!, body: ["quantity": 2])
    }

    let diff = try await rig.run(["diff", "\(Self.tee)", path, "--requests"])
    #expect(diff.status == 1, "\(diff.stdout)\(diff.stderr)")
    #expect(diff.stdout.contains("Variation \(priced.label) › price"), "\(diff.stdout)")
    #expect(diff.stdout.contains("Variation \(stocked.label) › quantity"), "\(diff.stdout)")
    #expect(!diff.stdout.contains(sold.label), "diff would revert the sale: \(diff.stdout)")
    #expect(diff.stdout.contains("PUT /products/\(Self.tee)/combinations/\(priced.id!) {\"price\":24.5}"), "\(diff.stdout)")
    #expect(!diff.stdout.contains("were left out"))

    let r = try await rig.run(["apply", "\(Self.tee)", path, "--yes"])
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    let writes = try combinationWrites(rig).filter { !($0["path"]?.stringValue ?? "").hasSuffix("/combinations/\(sold.id!)") }
    #expect(writes.count == 2, "\(writes)")
    #expect(writes.contains { $0["path"]?.stringValue?.hasSuffix("/\(priced.id!)") == true && $0["body"] == ["price": 24.5] })
    #expect(writes.contains { $0["path"]?.stringValue?.hasSuffix("/\(stocked.id!)") == true && $0["body"] == ["quantity": 0] })
    let stored = try #require(try await rig.stored(Self.tee).combinations)
    #expect(stored.first { $0.id == sold.id }?.quantity?.double == 2)
    #expect(stored.first { $0.id == priced.id }?.price?.double == 24.5)
    #expect(stored.first { $0.id == stocked.id }?.quantity?.double == 0)
  }

  /// The same field of the same variation changed on the server and in the file: nothing is
  /// sent, and the three values are shown.
  @Test func aConflictingRemoteVariationChangeIsRefusedWithTheThreeValues() async throws {
    let rig = try await ApplyRig.start()
    defer { Task { await rig.stop() } }
    var mine = try await rig.get(Self.tee)
    let target = try #require(mine.combinations?[3])
    let base = try #require(target.quantity?.text)
    setPath(&mine, 3, "quantity", 31)
    let path = try rig.write("tee.json", mine)
    _ = try await rig.s.withClient {
      try await $0.updateCombination(productId: Self.tee, combinationId: target.id!, body: ["quantity": 17])
    }
    let before = try combinationWrites(rig).count
    let r = try await rig.run(["apply", "\(Self.tee)", path, "--yes"])
    #expect(r.status == 3, "\(r.stdout)\(r.stderr)")
    #expect(r.stderr.contains("Variation \(target.label) › quantity"), "\(r.stderr)")
    let lines = r.stderr.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.contains("base") && $0.contains(base) }, "\(r.stderr)")
    #expect(lines.contains { $0.contains("mine") && $0.contains("31") }, "\(r.stderr)")
    #expect(lines.contains { $0.contains("theirs") && $0.contains("17") }, "\(r.stderr)")
    #expect(try combinationWrites(rig).count == before)
    #expect(try await rig.stored(Self.tee).combinations?.first { $0.id == target.id }?.quantity?.double == 17)
  }

  /// A variation removed from the file is deleted; one added (no id) is created.
  @Test func removedAndAddedVariationsInTheFile() async throws {
    let rig = try await ApplyRig.start()
    defer { Task { await rig.stop() } }
    var mine = try await rig.get(Self.tee)
    var list = try #require(mine.json["combinations"]?.arrayValue)
    let removed = Combination(json: list.removeLast().objectValue!)
    var added = removed.json
    added["id"] = nil
    added["sku"] = "TEE-NEW-1"
    list.append(.object(added))
    mine.json["combinations"] = .array(list)
    let path = try rig.write("tee.json", mine)
    let r = try await rig.run(["apply", "\(Self.tee)", path, "--yes"])
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    let writes = try combinationWrites(rig)
    #expect(writes.map { $0["method"]?.stringValue ?? "" } == ["DELETE", "POST"], "\(writes)")
    let stored = try #require(try await rig.stored(Self.tee).combinations)
    #expect(stored.count == 40)
    #expect(!stored.contains { $0.id == removed.id })
    #expect(stored.contains { $0.sku == "TEE-NEW-1" && $0.label == removed.label })
  }

  /// Fifteen changed rows (more than the batch threshold): one `POST /batch` carries exactly
  /// those fifteen PUTs; no variation request goes out on its own.
  @Test func manyChangedRowsGoThroughOneBatch() async throws {
    let rig = try await ApplyRig.start()
    defer { Task { await rig.stop() } }
    var mine = try await rig.get(Self.tee)
    let list = try #require(mine.combinations)
    for i in 10..<25 { setPath(&mine, i, "quantity", .int(500 + i)) }
    let path = try rig.write("tee.json", mine)
    let r = try await rig.run(["apply", "\(Self.tee)", path, "--yes"])
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    let writes = try rig.s.loggedWrites()
    let direct = writes.filter { $0["batchTicket"] == nil }
    #expect(direct.map { "\($0["method"]?.stringValue ?? "") \($0["path"]?.stringValue?.split(separator: "/").last ?? "")" } == ["POST batch"])
    let members = writes.filter { $0["batchTicket"] != nil }
    #expect(members.count == 15)
    let ids = Set(members.compactMap { $0["path"]?.stringValue?.split(separator: "/").last.flatMap { Int($0) } })
    #expect(ids == Set(list[10..<25].compactMap(\.id)))
    let stored = try #require(try await rig.stored(Self.tee).combinations)
    for c in list[10..<25] {
      let i = list.firstIndex { $0.id == c.id }!
      #expect(stored.first { $0.id == c.id }?.quantity?.double == Double(500 + i))
    }
  }
}
