import EcwidAPI
import EcwidSandbox
import Foundation
import Testing

extension EditorEndToEnd {
  /// The Options form and the translations grid (issue 5) through the real binary.
  @Suite struct OptionsFlowTests {
    @Test func aChoiceWithATenPercentModifierIsAddedTranslatedAndSaved() async throws {
      let rig = try await EditorRig.start()
      defer { rig.finish() }
      try await rig.open()

      // Options: into the choices of “Color” (the first option), add “Pink” at +10%.
      try rig.tmux.keys("3")
      try await rig.tmux.waitFor("8 options")
      try rig.tmux.keys("Right", "G")
      try rig.tmux.keys("a")
      try await rig.tmux.waitFor("Choice added")
      try rig.tmux.keys("C-u")
      try rig.tmux.type("Pink")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("Choice text set")
      try rig.tmux.keys("p", "C-u")
      try rig.tmux.type("10")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("Price modifier set")
      try rig.tmux.keys("%")
      let options = try await rig.tmux.waitFor("a percentage")
      let pinkRow = options.split(separator: "\n").first { $0.contains("Pink") }
      #expect(pinkRow?.contains("+10%") == true, "\(options)")

      // Translations: the new choice's row (after Name … Ribbon, the option and its four
      // choices), French column.
      try rig.tmux.keys("4")
      try await rig.tmux.waitFor("texts × 7 languages")
      for _ in 0..<11 { try rig.tmux.keys("j") }
      try rig.tmux.keys("l", "Enter")
      try rig.tmux.type("Rose")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitUntil("the French text in the grid") { screen in
        screen.split(separator: "\n").contains { $0.contains("choice “Pin") && $0.contains("Rose") }
      }

      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("Review:")
      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("Saved:", timeout: 15)

      let stored = try await rig.sandbox.product()
      let color = try #require(stored.json["options"]?.arrayValue?.first)
      let pink = try #require(color["choices"]?.arrayValue?.first { $0["text"]?.stringValue == "Pink" })
      #expect(pink["priceModifier"]?.doubleValue == 10)
      #expect(pink["priceModifierType"]?.stringValue == "PERCENT")
      #expect(pink["textTranslated"]?["fr"]?.stringValue == "Rose")
      // The other choices are as they were.
      #expect(color["choices"]?.arrayValue?.count == 5)
      #expect(color["choices"]?.arrayValue?.first?["text"]?.stringValue == "Fjord Blue")
    }
  }
}
