import EcwidAPI
import EcwidSandbox
import Foundation
import Testing

extension EditorEndToEnd {
  /// The Variations tab when the store moves meanwhile and when the editor is killed (issue 16):
  /// the real binary in tmux against the sandbox.
  @Suite struct VariationsResilienceFlowTests {
    static let tee = VariationsFlowTests.tee

    /// Price of row 1 and stock of row 2 edited in the grid; meanwhile someone sells row 6 (an
    /// untouched row) and sets row 2's stock too. The save takes the sale in silently, shows row
    /// 2's stock as a conflict with the three values, and after "keep mine" lands both edits and
    /// keeps the sale.
    @Test func aRemoteSaleIsTakenInAndAConflictingStockChangeOpensTheDialog() async throws {
      let rig = try await EditorRig.start()
      defer { rig.finish() }
      let before = try #require(try await rig.sandbox.product(Self.tee).combinations)
      try #require(before.count == 40)
      try #require(before[1].unlimited != true && before[5].unlimited != true)
      try await rig.open(Self.tee)
      try rig.tmux.keys("9")
      try await rig.tmux.waitFor("40 of 40 rows")
      // Row 1's price: Size, Color, SKU, Price.
      try rig.tmux.keys("l", "l", "l", "Enter", "C-u")
      try rig.tmux.type("22")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("Price set for \(before[0].label)")
      // Row 2's stock: Price → Compare → Qty.
      try rig.tmux.keys("j", "l", "l", "Enter", "C-u")
      try rig.tmux.type("7")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("Quantity set for \(before[1].label)")

      // Someone else, meanwhile.
      try await rig.sandbox.withClient { client in
        try await client.updateCombination(productId: Self.tee, combinationId: before[5].id!, body: ["quantity": 99])
        try await client.updateCombination(productId: Self.tee, combinationId: before[1].id!, body: ["quantity": 55])
      }

      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("Review:")
      try rig.tmux.keys("S")
      let conflict = try await rig.tmux.waitFor("Conflict:", timeout: 20)
      #expect(conflict.contains("Variation \(before[1].label) › quantity"), "\(conflict)")
      #expect(conflict.contains("theirs: 55") && conflict.contains("mine:   7"), "\(conflict)")
      #expect(!conflict.contains(before[5].label), "the untouched row's sale is not a conflict: \(conflict)")
      try rig.tmux.keys("m")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("Review:")
      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("Saved:", timeout: 20)

      let after = try #require(try await rig.sandbox.product(Self.tee).combinations)
      let byId = Dictionary(uniqueKeysWithValues: after.map { ($0.id!, $0) })
      #expect(byId[before[0].id!]?.price?.double == 22)
      #expect(byId[before[1].id!]?.quantity?.double == 7, "mine was kept")
      #expect(byId[before[5].id!]?.quantity?.double == 99, "the sale was kept")
    }

    /// kill -9 right after a grid edit: the next run offers the draft, names the variation's
    /// change, recovers it into the grid, and it saves.
    @Test func killMinus9AfterAGridEditRecoversIt() async throws {
      let rig = try await EditorRig.start()
      defer { rig.finish() }
      let before = try #require(try await rig.sandbox.product(Self.tee).combinations)
      try await rig.open(Self.tee, exec: true)
      try rig.tmux.keys("9")
      try await rig.tmux.waitFor("40 of 40 rows")
      try rig.tmux.keys("l", "l", "l", "Enter", "C-u")
      try rig.tmux.type("33")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("Price set for \(before[0].label)")
      let journal = { rig.dir.journal(storeId: rig.sandbox.storeId, productId: Self.tee) }
      try await eventually("the journal to hold the variation's price") {
        ((try? String(contentsOfFile: journal(), encoding: .utf8)) ?? "").contains("33")
      }
      let pid = try rig.tmux.panePid
      #expect(kill(pid, SIGKILL) == 0)
      #expect(Tmux.waitForExit(pid), "ecwid-edit survived kill -9")

      try await rig.open(Self.tee, waitFor: "A draft of this product was left by an earlier session")
      let offer = try await rig.tmux.waitFor("Variation \(before[0].label) › price")
      #expect(offer.contains("r: recover it"), "\(offer)")
      try rig.tmux.keys("r")
      try await rig.tmux.waitFor("Recovered 1 change(s)")
      try rig.tmux.keys("9")
      try await rig.tmux.waitFor("40 of 40 rows")
      try rig.tmux.keys("S")
      let review = try await rig.tmux.waitFor("Review: 1 change")
      #expect(review.contains("Variation \(before[0].label) › price"), "\(review)")
      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("Saved:", timeout: 20)
      let after = try #require(try await rig.sandbox.product(Self.tee).combinations)
      #expect(after.first { $0.id == before[0].id }?.price?.double == 33)
    }
  }
}
