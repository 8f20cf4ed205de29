import EcwidAPI
import EcwidSandbox
import Foundation
import Testing

extension EditorEndToEnd {
  /// The product changing on the server while it is open (issue 12).
  @Suite struct RemoteChangeFlowTests {
    @Test func aChangeOnTheServerIsTakenInWhileEditing() async throws {
      let rig = try await EditorRig.start()
      defer { rig.finish() }
      var env = rig.sandbox.environment
      env["ECWID_EDIT_REMOTE_CHECK_SECONDS"] = "1"
      try rig.tmux.startEditor(["edit", "\(E2ESandbox.sweater)"], env: env, dir: rig.dir)
      try await rig.tmux.waitFor("Opened “", timeout: 15)
      try await rig.setField(section: "1", index: 0, to: "Mine While Theirs", label: "Name")

      _ = try await rig.sandbox.withClient { client in
        try await client.updateProduct(id: E2ESandbox.sweater, body: ["compareToPrice": .double(123.45)])
      }
      try await rig.tmux.waitFor("changed on the server", timeout: 10)
      try rig.tmux.keys("2")
      // The status line names "Compare-to price" too ("took in 1 change (Compare-to price)"),
      // so the row is the line that names it and is not the announcement.
      func pricingRow(_ screen: String) -> Substring? {
        screen.split(separator: "\n").first { $0.contains("Compare-to price") && !$0.contains("took in") }
      }
      let pricing = try await rig.tmux.waitUntil("the Compare-to price row") { pricingRow($0) != nil }
      let line = try #require(pricingRow(pricing))
      #expect(line.contains("123.45"), "\(pricing)")
      // Saving sends only my edit and keeps theirs.
      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("Review: 1 change")
      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("Saved:")
      let after = try await rig.sandbox.product()
      #expect(after.name == "Mine While Theirs")
      #expect(after.json["compareToPrice"]?.doubleValue == 123.45)
      let put = try #require(try rig.sandbox.loggedWrites().last)
      #expect(put["body"]?["compareToPrice"] == nil, "\(put.compactText)")
    }
  }
}
