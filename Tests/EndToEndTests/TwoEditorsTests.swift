import EcwidAPI
import EcwidSandbox
import Foundation
import Testing

extension EditorEndToEnd {
  /// Two editors on one product (issue 12).
  @Suite struct TwoEditorsTests {
    func draftFiles(_ rig: EditorRig) -> [String] {
      let folder = rig.dir.stateHome + "/ecwid-edit/drafts"
      return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { $0.hasPrefix("\(rig.sandbox.storeId)-\(E2ESandbox.sweater).") && $0.hasSuffix(".json") }
        .map { folder + "/" + $0 }
    }

    func draftTexts(_ rig: EditorRig) -> [String] {
      draftFiles(rig).compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }
    }

    @Test func twoEditorsKeepTwoDraftsAndEveryLeftDraftIsOffered() async throws {
      let rig = try await EditorRig.start()
      defer { rig.finish() }
      let second = Tmux(width: 120, height: 40)
      defer { second.stop() }

      try await rig.open(exec: true)
      let firstPid = try rig.tmux.panePid
      try await rig.setField(section: "1", index: 0, to: "First Editor Name", label: "Name")
      try await eventually("the first editor's draft") { draftTexts(rig).contains { $0.contains("First Editor Name") } }

      // The second editor is told who else has the product open.
      try second.startEditor(["edit", "\(E2ESandbox.sweater)"], env: rig.sandbox.environment, dir: rig.dir, exec: true)
      let told = try await second.waitFor("Also open in another ecwid-edit", timeout: 15)
      #expect(told.contains("pid \(firstPid)"), "\(told)")
      #expect(!told.contains("A draft of this product"), "a live editor's draft is not offered")

      // The second one saves its own edit: the first one's draft stays.
      try second.keys("2", "g", "Enter", "C-u")
      try second.type("66.5")
      try second.keys("Enter")
      try await second.waitFor("Price set")
      try second.keys("S")
      try await second.waitFor("Review: 1 change")
      try second.keys("S")
      try await second.waitFor("Saved:")
      #expect(try await rig.sandbox.product().price?.double == 66.5)
      try await Task.sleep(for: .milliseconds(600))
      #expect(draftTexts(rig).contains { $0.contains("First Editor Name") }, "the second save deleted the first's draft")

      // The second one leaves a draft of its own too, then both end: kill -9 and quit keeping it.
      try await second.waitFor("saved")
      try second.keys("1", "g", "j", "Enter", "C-u")
      try second.type("SECOND-SKU")
      try second.keys("Enter")
      try await second.waitFor("SKU set")
      try await eventually("two drafts") { draftFiles(rig).count == 2 }
      try second.keys("q")
      try await second.waitFor("Unsaved changes")
      try second.keys("y")
      #expect(kill(firstPid, SIGKILL) == 0)
      #expect(Tmux.waitForExit(firstPid))

      // A new run offers both, listed.
      try await rig.open(waitFor: "2 drafts of this product were left behind")
      let list = try await rig.tmux.waitFor("1. “", "2. “")
      #expect(list.contains("First Editor Name"), "\(list)")
      try rig.tmux.keys("Tab")
      try await rig.tmux.waitFor("SECOND-SKU")
      try rig.tmux.keys("d")
      try await rig.tmux.waitFor("Draft discarded; 1 more left behind")
      try rig.tmux.keys("r")
      try await rig.tmux.waitFor("Recovered", "First Editor Name")
      try await eventually("only this run's draft to be left") {
        draftFiles(rig).count == 1 && draftTexts(rig).first?.contains("First Editor Name") == true
          && draftTexts(rig).first?.contains("SECOND-SKU") == false
      }
    }
  }
}
