import EcwidAPI
import EcwidSandbox
import Foundation
import Testing

extension EditorEndToEnd {
  /// The Variations tab (issue 16) through the real binary against the sandbox.
  @Suite struct VariationsFlowTests {
    static let tee = 692_730_775  // 40 variations, Size × Color

    /// One price edited in a cell, three rows' quantity filled with +5: the review names the
    /// variations, and the save changes exactly those on the server.
    @Test func aPriceEditAndAQuantityFillAreSavedToExactlyThoseVariations() async throws {
      let rig = try await EditorRig.start()
      defer { rig.finish() }
      let before = try #require(try await rig.sandbox.product(Self.tee).combinations)
      try #require(before.count == 40)
      try await rig.open(Self.tee)

      try rig.tmux.keys("9")
      try await rig.tmux.waitFor("40 of 40 rows")
      // Price of the first row (Size=XS · Color=White): Size, Color, SKU, Price.
      try rig.tmux.keys("l", "l", "l", "Enter", "C-u")
      try rig.tmux.type("21,5")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("Price set for")
      // Rows 3 to 5 as a range, then their quantity +5.
      try rig.tmux.keys("j", "j", "V", "j", "j", "V")
      try await rig.tmux.waitFor("3 rows in the range")
      try rig.tmux.keys("l", "l", "=")
      try await rig.tmux.waitFor("Fill Quantity of 3 rows")
      try rig.tmux.type("+5")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("Quantity: +5 on")

      try rig.tmux.keys("S")
      let review = try await rig.tmux.waitFor("Review:")
      #expect(review.contains("Variation \(before[0].label) › price"), "\(review)")
      let filled = before[2...4].filter { $0.unlimited != true }
      for c in filled { #expect(review.contains("Variation \(c.label) › quantity"), "\(review)") }
      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("Saved:", timeout: 20)

      let after = try #require(try await rig.sandbox.product(Self.tee).combinations)
      #expect(after.count == 40)
      let byId = Dictionary(uniqueKeysWithValues: after.map { ($0.id!, $0) })
      #expect(byId[before[0].id!]?.price?.double == 21.5)
      for c in filled { #expect(byId[c.id!]?.quantity?.double == (c.quantity?.double ?? 0) + 5, "\(c.label)") }
      // Every other variation as it was.
      let touched = Set([before[0].id!] + filled.map { $0.id! })
      for c in before where !touched.contains(c.id!) {
        #expect(byId[c.id!].map { JSON.object($0.json) } == JSON.object(c.json), "\(c.label) changed")
      }
      // And only those were sent.
      let writes = try rig.sandbox.loggedWrites().compactMap { $0["path"]?.stringValue }.filter { $0.contains("/combinations") }
      let sentIds = Set(writes.compactMap { $0.split(separator: "/").last.flatMap { Int($0) } })
      #expect(sentIds == touched, "\(writes)")
    }

    /// The example: the stock of every Size=XL row set to 0 with a filter and a fill.
    @Test func aFilteredFillSetsTheStockOfTheXLRowsToZero() async throws {
      let rig = try await EditorRig.start()
      defer { rig.finish() }
      let before = try #require(try await rig.sandbox.product(Self.tee).combinations)
      try await rig.open(Self.tee)
      try rig.tmux.keys("9")
      try await rig.tmux.waitFor("40 of 40 rows")
      try rig.tmux.keys("/")
      try rig.tmux.type("Size=XL")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("8 of 40 rows")
      try rig.tmux.keys("a")
      try await rig.tmux.waitFor("8 selected")
      for _ in 0..<5 { try rig.tmux.keys("l") }  // Size, Color, SKU, Price, Compare, Qty
      try rig.tmux.keys("=")
      try await rig.tmux.waitFor("Fill Quantity of 8 rows")
      try rig.tmux.type("0")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("Quantity: 0 on")
      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("Review:")
      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("Saved:", timeout: 20)

      let after = try #require(try await rig.sandbox.product(Self.tee).combinations)
      let xl = Set(before.filter { $0.value(of: "Size") == "XL" }.map { $0.id! })
      #expect(xl.count == 8)
      for c in after where xl.contains(c.id!) {
        #expect(c.quantity?.double == 0 && c.unlimited != true, "\(c.label)")
      }
      let byId = Dictionary(uniqueKeysWithValues: after.map { ($0.id!, $0) })
      for c in before where !xl.contains(c.id!) {
        #expect(byId[c.id!].map { JSON.object($0.json) } == JSON.object(c.json), "\(c.label) changed")
      }
      let writes = try rig.sandbox.loggedWrites().compactMap { $0["path"]?.stringValue }.filter { $0.contains("/combinations") }
      let sent = Set(writes.compactMap { $0.split(separator: "/").last.flatMap { Int($0) } })
      #expect(sent.isSubset(of: xl) && !sent.isEmpty, "\(writes)")
    }
  }
}
