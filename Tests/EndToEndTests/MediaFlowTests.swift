import EcwidAPI
import EcwidSandbox
import Foundation
import Testing

extension EditorEndToEnd {
  /// The Media section (issue 5) through the real binary: order, main image, alt texts, adding by URL.
  @Suite struct MediaFlowTests {
    static func images(_ p: Product) -> [JSON] { p.json["media"]?["images"]?.arrayValue ?? [] }
    static func url(_ image: JSON) -> String { image["imageOriginalUrl"]?.stringValue ?? "" }

    @Test func reorderMainImageAndAltTextsAreSavedAndUntouchedAltsStayByteIdentical() async throws {
      let rig = try await EditorRig.start()
      defer { rig.finish() }
      let before = try await rig.sandbox.product()
      let originalImages = Self.images(before)
      try #require(originalImages.count == 12)
      let urls = originalImages.map(Self.url)
      try await rig.open()

      try rig.tmux.keys("5")
      try await rig.tmux.waitFor("12 images, 0 videos")
      // The fourth image to the top.
      try rig.tmux.keys("j", "j", "j")
      try rig.tmux.keys("M-g")
      try await rig.tmux.waitFor("Moved to the top")
      var rows = try Self.mediaRows(rig.tmux.capture())
      #expect(rows.first?.contains("4519591904.jpg") == true, "\(rows)")
      // The second image becomes the main one.
      try rig.tmux.keys("j")
      try rig.tmux.keys("m")
      try await rig.tmux.waitFor("Main image set")
      rows = try Self.mediaRows(rig.tmux.capture())
      #expect(rows.first?.contains("4519591901.jpg") == true, "\(rows)")
      #expect(rows.dropFirst().first?.contains("4519591904.jpg") == true, "\(rows)")
      // The main image (selected now) gets a new alt text, and a new German one.
      try rig.tmux.keys("e")
      try rig.tmux.keys("End")
      try rig.tmux.type(" (edited)")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("Alt text set", "front view (edited)")
      try rig.tmux.keys("l")
      try await rig.tmux.waitFor("Language", "de  Nordlys-Pullover")
      try rig.tmux.keys("j", "Enter")
      try await rig.tmux.waitFor("Alt text in de")
      try rig.tmux.keys("C-u")
      try rig.tmux.type("Pullover vorne, bearbeitet")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("Alt text (de) set")

      try rig.tmux.keys("S")
      // Waits for the whole review: "Review:" alone can be read while the rows below it are
      // still the gallery's (one failure in a loaded run).
      try await rig.tmux.waitFor("Review: 3 changes", "alt text › translations › de", "→ “Pullover vo")
      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("Saved:", timeout: 15)

      let after = try await rig.sandbox.product()
      let images = Self.images(after)
      var expectedOrder = urls
      let fourth = expectedOrder.remove(at: 3)
      expectedOrder.insert(fourth, at: 1)
      #expect(images.map(Self.url) == expectedOrder)
      // The main image is the first one, everywhere Ecwid shows it.
      #expect(images.first?["id"]?.idString == "0")
      #expect(after.json["originalImageUrl"]?.stringValue == urls[0])
      #expect(images.map { $0["orderBy"]?.intValue } == Array(0..<12).map { Optional($0) } || images.allSatisfy { $0["orderBy"] == nil })

      // Alt texts: the edited ones as typed, every other one byte-identical to before.
      let oldAlt = Dictionary(uniqueKeysWithValues: originalImages.map { (Self.url($0), $0["alt"]) })
      for image in images {
        let u = Self.url(image)
        if u == urls[0] {
          let alt = image["alt"]
          let old = oldAlt[u]!!
          #expect(alt?["main"]?.stringValue == "Nordlys sweater in fjord blue, front view (edited)")
          #expect(alt?["translated"]?["de"]?.stringValue == "Pullover vorne, bearbeitet")
          for (lang, text) in old["translated"]?.objectValue ?? [:] where lang != "de" && lang != "en" {
            #expect(alt?["translated"]?[lang] == text, "alt \(lang) of the main image changed")
          }
          if let en = alt?["translated"]?["en"] { #expect(en.stringValue == alt?["main"]?.stringValue) }
        } else {
          #expect(image["alt"]?.compactText == oldAlt[u]??.compactText, "alt of \(u) changed")
        }
      }
      // The draft is gone after a successful save.
      try await eventually("the journal to be removed") { rig.journalText() == nil }
    }

    @Test func imageTheServerCannotDownloadShows422AndKeepsEverything() async throws {
      let rig = try await EditorRig.start()
      defer { rig.finish() }
      try await rig.open()
      try await rig.setField(section: "1", index: 0, to: "Sweater With New Photo", label: "Name")

      try rig.tmux.keys("5")
      try await rig.tmux.waitFor("12 images")
      // Refused locally, before anything is sent.
      try rig.tmux.keys("a")
      try await rig.tmux.waitFor("Add an image or video by URL")
      try rig.tmux.type("not a url")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("is not a web address")
      try rig.tmux.keys("C-u")
      // Looks fine locally; the server cannot download it (a host under .invalid).
      try rig.tmux.type("https://photos.unreachable.invalid/new-photo.jpg")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("Image added", "13 images")
      #expect(try rig.sandbox.loggedWrites().isEmpty, "nothing is sent before saving")

      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("Review:")
      try rig.tmux.keys("S")
      let failed = try await rig.tmux.waitFor("Save failed", timeout: 15)
      let status = failed.split(separator: "\n").last { !$0.isEmpty } ?? ""
      #expect(
        status.contains("could not download the image") || status.contains("couldn't be downloaded")
          || status.contains("422"), "\(status)")
      #expect(failed.contains("Sweater With New Photo"))
      // Nothing lost: the new image is still in the gallery, the edits still counted.
      try rig.tmux.keys("5")
      let gallery = try await rig.tmux.waitFor("13 images")
      #expect(gallery.contains("new-photo.jpg"))
      #expect(gallery.contains("change"))
      let post = try #require(try rig.sandbox.loggedWrites().first { $0["method"]?.stringValue == "POST" })
      #expect(post["status"]?.intValue == 422)
      #expect(Self.images(try await rig.sandbox.product()).count == 12)

      // Removing the broken image and saving again stores the rest.
      try rig.tmux.keys("G", "x")
      try await rig.tmux.waitFor("Remove image 13")
      try rig.tmux.keys("y")
      try await rig.tmux.waitFor("12 images")
      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("Review:")
      try rig.tmux.keys("S")
      try await rig.tmux.waitUntil("the retry to finish", timeout: 15) {
        $0.contains("Saved:") || $0.contains("Nothing left to save")
      }
      let stored = try await rig.sandbox.product()
      #expect(stored.name == "Sweater With New Photo")
      #expect(Self.images(stored).count == 12)
    }

    /// The gallery rows of a captured Media screen (below the two header lines).
    static func mediaRows(_ screen: String) -> [String] {
      screen.split(separator: "\n").map(String.init).filter { $0.contains(".jpg") }
    }
  }
}
