import EcwidAPI
import EcwidSandbox
import Foundation
import Testing

extension EditorEndToEnd {
  /// Issue 12, "The picker, and getting back to it", through the real binary and the sandbox.
  @Suite struct PickerFlowTests {
    @Test func searchNarrowsAsYouTypeEscShowsAllAndSkuFallsBackToKeywords() async throws {
      let rig = try await EditorRig.start()
      defer { rig.finish() }
      try rig.tmux.startEditor(["edit"], env: rig.sandbox.environment, dir: rig.dir)
      let all = try await rig.tmux.waitFor("NRD-SWT-001", "TEA-GMC-20")
      // Columns for stock and enabled; prices as `ecwid-edit search` prints them (two decimals).
      #expect(all.contains("stock"), "\(all)")
      #expect(all.contains(" on"), "\(all)")
      #expect(all.contains("89.95"))
      #expect(all.contains("14.99"), "\(all)")
      #expect(!all.contains("14.98999"), "\(all)")
      #expect(all.contains("32.00"), "\(all)")

      // Results narrow as you type, without Enter.
      try rig.tmux.keys("/")
      try rig.tmux.type("matcha")
      try await rig.tmux.waitGone("NRD-SWT-001")
      #expect(try rig.tmux.capture().contains("TEA-GMC-20"))

      // Esc clears the query and shows the whole list again.
      try rig.tmux.keys("Escape")
      try await rig.tmux.waitFor("NRD-SWT-001", "TEA-GMC-20")
      #expect(!(try rig.tmux.capture().contains("matcha")))

      // `/` starts a new query (not "matcha" + more letters); a partial, lower-case SKU finds the
      // product through the keyword search, and the status line says so.
      try rig.tmux.keys("/")
      try rig.tmux.type("sku:nrd-swt")
      try rig.tmux.keys("Enter")
      let found = try await rig.tmux.waitFor("No product has exactly the SKU “nrd-swt”")
      #expect(found.contains("NRD-SWT-001"), "\(found)")
      #expect(!found.contains("TEA-GMC-20"), "\(found)")
      #expect(!found.contains("matchasku:"), "\(found)")
    }

    @Test func fromTheEditorBackToTheListKeepsTheDraft() async throws {
      let rig = try await EditorRig.start()
      defer { rig.finish() }
      try rig.tmux.startEditor(["edit"], env: rig.sandbox.environment, dir: rig.dir)
      try await rig.tmux.waitFor("NRD-SWT-001")
      try rig.tmux.keys("/")
      try rig.tmux.type("NRD-SWT")
      try await rig.tmux.waitGone("TEA-GMC-20")
      try rig.tmux.keys("Enter")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("Opened “Nordlys")
      try await rig.setField(section: "1", index: 0, to: "Draft Name", label: "Name")

      // Back to the list: asked first, then the list, and the editor is still running.
      try rig.tmux.keys("o")
      try await rig.tmux.waitFor("Back to the product list", "1 unsaved change")
      try rig.tmux.keys("y")
      let list = try await rig.tmux.waitFor("kept as a draft")
      #expect(list.contains("NRD-SWT-001"))
      #expect(!list.contains("EXIT="), "the editor did not quit")
      _ = try await eventually("the draft journal is written") { rig.journalText()?.contains("Draft Name") == true }

      // Opening it again offers the draft.
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("A draft of this product", "Draft Name")
      let stored = try await rig.sandbox.product()
      #expect(stored.name == "Nordlys Merino Wool Sweater", "nothing was saved")
    }
  }
}
