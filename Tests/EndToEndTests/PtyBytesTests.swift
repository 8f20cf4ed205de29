import EcwidAPI
import EcwidSandbox
import Foundation
import Testing

extension EditorEndToEnd {
  /// Product text is data, never terminal control: every byte the editor writes to the pty is
  /// captured (`tmux pipe-pane`) while every screen shows a product full of escape sequences.
  @Suite struct PtyBytesTests {
    /// Each hostile sequence is followed by a marker, so the markers show whether the sequence
    /// reached the terminal raw (ncurses legitimately sends its own ESC sequences).
    static let hostile =
      "Pwn \u{1b}[31mEVIL \u{1b}]52;c;SGVsbG8=\u{07}OSCMARK \u{9b}31mC1MARK \u{1b}[2JCLRMARK \u{202e}RTLMARK\u{202c} Z\u{200b}W\u{2060}J\u{feff}K BELL\u{07}MARK"
    static let surrogatePlaceholder = "SURROGATE_PLACEHOLDER"

    /// The sample store with hostile text in every kind of field the editor shows.
    static func hostileDataFile(_ dir: TestDirectory) throws -> String {
      var doc = Sandbox.sampleDocument().objectValue!
      var products = doc["products"]!.arrayValue!
      var p = products[0].objectValue!
      p["name"] = .string(hostile)
      var nameTranslated = p["nameTranslated"]?.objectValue ?? [:]
      nameTranslated["en"] = .string(hostile)
      nameTranslated["fr"] = .string("fr " + hostile)
      p["nameTranslated"] = .object(nameTranslated)
      p["subtitle"] = .string("sub " + hostile + " " + surrogatePlaceholder)
      p["description"] = .string("<p>" + hostile + "</p>" + String(repeating: "long ", count: 20_000))
      p["seoTitle"] = .string("seo " + hostile)
      p["seoDescription"] = .string(String(repeating: "x\u{1b}[31mEVIL", count: 100_000 / 10))
      p["customSlug"] = .string("slug-\u{1b}[31mEVIL")
      p["ribbon"] = .object(["text": .string("rib\u{1b}[31mEVIL"), "color": .string("#ff0000")])
      if var options = p["options"]?.arrayValue, var first = options.first?.objectValue {
        first["name"] = .string("opt " + hostile)
        if var choices = first["choices"]?.arrayValue, var choice = choices.first?.objectValue {
          choice["text"] = .string("choice " + hostile)
          choices[0] = .object(choice)
          first["choices"] = .array(choices)
        }
        options[0] = .object(first)
        p["options"] = .array(options)
      }
      if var attributes = p["attributes"]?.arrayValue, var a = attributes.first?.objectValue {
        a["value"] = .string("attr " + hostile)
        attributes[0] = .object(a)
        p["attributes"] = .array(attributes)
      }
      if var media = p["media"]?.objectValue, var images = media["images"]?.arrayValue {
        for k in 0..<2 {
          var image = images[k].objectValue!
          var alt = image["alt"]?.objectValue ?? [:]
          alt["main"] = .string("alt\(k) " + hostile)
          var translated = alt["translated"]?.objectValue ?? [:]
          translated["de"] = .string("de\(k) " + hostile)
          alt["translated"] = .object(translated)
          image["alt"] = .object(alt)
          images[k] = .object(image)
        }
        media["images"] = .array(images)
        p["media"] = .object(media)
      }
      products[0] = .object(p)
      doc["products"] = .array(products)
      // A lone surrogate as a JSON escape: not valid Unicode text.
      let text = JSON.object(doc).prettyText().replacingOccurrences(of: surrogatePlaceholder, with: "\\ud800\\udfff\\ud800x")
      let path = dir.file("hostile-store.json")
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      return path
    }

    @Test func noControlSequenceFromProductDataReachesTheTerminal() async throws {
      let dir0 = try TestDirectory("hostile-data")
      defer { dir0.remove() }
      let data = try Self.hostileDataFile(dir0)
      let rig = try await EditorRig.start { o, _ in o.dataFile = data }
      defer { rig.finish() }
      let bytesFile = rig.dir.file("pty-bytes.bin")
      _ = FileManager.default.createFile(atPath: bytesFile, contents: nil)

      // The editor starts only once every byte of the pane goes to the file.
      let gate = rig.dir.file("go")
      try rig.tmux.startEditor(["edit", "\(E2ESandbox.sweater)"], env: rig.sandbox.environment, dir: rig.dir, gate: gate)
      try rig.tmux.pipeOutput(to: bytesFile)
      _ = FileManager.default.createFile(atPath: gate, contents: nil)
      let general = try await rig.tmux.waitFor("Opened “", timeout: 15)
      // The sanitised form is what the user sees.
      #expect(general.contains("␛[31mEVIL"), "\(general)")
      #expect(!general.contains("\u{202e}") && !general.contains("\u{200b}") && !general.contains("\u{feff}"))

      // Every section, every row.
      for section in ["1", "2", "3", "4", "5", "6", "7", "8"] {
        try rig.tmux.keys(section)
        for _ in 0..<14 { try rig.tmux.keys("j") }
        try rig.tmux.keys("?")
        try await rig.tmux.waitFor("Keys:")
        try rig.tmux.keys("Escape")
        try await rig.tmux.waitGone("Keys:")
      }
      // Media rows, an alt translation, the language list.
      try rig.tmux.keys("5", "g")
      try await rig.tmux.waitFor("alt0 Pwn ␛[31mEVIL")
      try rig.tmux.keys("j", "l")
      try await rig.tmux.waitFor("Language")
      try rig.tmux.keys("j", "Enter")
      try await rig.tmux.waitFor("Alt text in de")
      try rig.tmux.keys("End")
      try rig.tmux.type("!")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("Alt text (de) set")
      // A change to review, with the hostile name on both sides.
      try rig.tmux.keys("1", "g", "Enter", "End")
      try rig.tmux.type(" edited")
      try rig.tmux.keys("Enter")
      try await rig.tmux.waitFor("Name set")
      try rig.tmux.keys("S")
      let review = try await rig.tmux.waitFor("Review: 2 changes")
      #expect(review.contains("␛[31mEVIL"))
      try rig.tmux.keys("t")
      try await rig.tmux.waitFor("Requests the save will send")
      try rig.tmux.keys("Escape")
      try await rig.tmux.waitGone("Review:")
      try rig.tmux.keys("q")
      try await rig.tmux.waitFor("Unsaved changes")
      try rig.tmux.keys("D")
      try await rig.tmux.waitFor("EXIT=0")
      try rig.tmux.tmux(["pipe-pane", "-t", rig.tmux.session])  // stop piping: the file is complete

      let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: bytesFile)))
      #expect(bytes.count > 10_000, "suspiciously little output captured: \(bytes.count) bytes")
      func contains(_ needle: [UInt8]) -> Bool {
        guard needle.count <= bytes.count else { return false }
        return (0...(bytes.count - needle.count)).contains { i in bytes[i..<(i + needle.count)].elementsEqual(needle) }
      }
      let esc: UInt8 = 0x1b
      #expect(!contains([esc] + Array("]52".utf8)), "OSC 52 reached the terminal")
      #expect(!contains([0xc2, 0x9b]), "a C1 CSI (U+009B) reached the terminal")
      #expect(!contains([esc] + Array("[31mEVIL".utf8)), "a CSI from the product reached the terminal")
      #expect(!contains([esc] + Array("[2JCLRMARK".utf8)), "a clear-screen from the product reached the terminal")
      #expect(!contains(Array("\u{202e}".utf8)), "a bidi override reached the terminal")
      #expect(!contains(Array("\u{200b}".utf8)) && !contains(Array("\u{feff}".utf8)), "zero-width characters reached it")
      #expect(!contains([0x07] + Array("MARK".utf8)), "a BEL from the product reached the terminal")
      // The lone surrogate and the C1 byte arrive as U+FFFD: shown, not dropped and not executed.
      #expect(contains(Array("\u{fffd}".utf8)), "the replacement character for the lone surrogate and C1 never reached the screen")
      // No marker is ever directly preceded by an escape sequence of any kind.
      let preceded = Self.markersAfterEscapeSequences(bytes, markers: ["EVIL", "OSCMARK", "C1MARK", "CLRMARK"])
      #expect(preceded.isEmpty, "markers right after an ESC sequence: \(preceded.prefix(5))")
      // And the sanitised form did reach it.
      #expect(contains(Array("␛[31mEVIL".utf8)))
      // Nothing was stored: we discarded.
      #expect(try rig.sandbox.loggedWrites().isEmpty)
    }

    /// For each marker occurrence, the escape sequence (CSI or OSC or any ESC x) that ends right
    /// before it, if there is one.
    static func markersAfterEscapeSequences(_ bytes: [UInt8], markers: [String]) -> [String] {
      var found: [String] = []
      for marker in markers {
        let m = Array(marker.utf8)
        var i = 0
        while i + m.count <= bytes.count {
          if bytes[i..<(i + m.count)].elementsEqual(m) {
            // Look back up to 32 bytes for ESC; the bytes between must form one complete sequence.
            var j = i - 1
            while j >= 0 && i - j <= 32 && bytes[j] != 0x1b { j -= 1 }
            if j >= 0 && bytes[j] == 0x1b && i - j <= 32 {
              let seq = Array(bytes[j..<i])
              if isCompleteEscapeSequence(seq) {
                found.append(String(decoding: seq.dropFirst(), as: UTF8.self) + marker)
              }
            }
            i += m.count
          } else {
            i += 1
          }
        }
      }
      return found
    }

    static func isCompleteEscapeSequence(_ seq: [UInt8]) -> Bool {
      guard seq.count >= 2, seq[0] == 0x1b else { return false }
      if seq[1] == UInt8(ascii: "[") {
        // CSI: parameters 0x30–0x3F, intermediates 0x20–0x2F, one final 0x40–0x7E at the end.
        guard seq.count >= 3, (0x40...0x7e).contains(seq.last!) else { return false }
        return seq[2..<(seq.count - 1)].allSatisfy { (0x20...0x3f).contains($0) }
      }
      if seq[1] == UInt8(ascii: "]") { return seq.last == 0x07 || seq.suffix(2).elementsEqual([0x1b, 0x5c]) }
      return seq.count == 2 || (seq.count == 3 && (0x20...0x2f).contains(seq[1]))
    }
  }
}
