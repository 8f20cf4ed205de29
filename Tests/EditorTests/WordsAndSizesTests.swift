import EcwidAPI
import EcwidSandbox
import ProductDocument
import ProductSync
import Terminal
import Testing

@testable import Editor

/// Issue 12, "Colours, sizes and words" (sizes and words), and the editor items of issue 15.
@Suite struct WordsAndSizesTests {
  static let languages = ["en", "fr", "de", "es", "ja", "ar", "zh_CN"]

  static func model(width: Int = 80, height: Int = 24) -> Model {
    EditorHarness.model(width: width, height: height, languages: languages)
  }

  static func hint(_ m: Model) -> String { EditorHarness.lines(m)[m.height - 2] }

  /// Selects the first translation row whose label is `label` exactly.
  static func selectTranslation(_ m: inout Model, _ label: String) throws {
    let rows = m.translationData.rows
    let visible = m.visibleTranslationRows(total: rows.count)
    let position = try #require(visible.firstIndex { rows[$0].label == label }, "no row \(label)")
    m.translations.selected = position
  }

  // MARK: Sizes

  @Test func theHelpKeyIsNeverCutAt80x24() {
    var screens: [(String, Model)] = []
    for (i, section) in Section.allCases.enumerated() {
      var m = Self.model()
      press(&m, .char(Character(String(i + 1))))
      screens.append((section.title, m))
      // Every field of the scalar sections, with its own help text in front.
      for f in 0..<m.context.formFields.count {
        var n = m
        n.form.selected[m.section] = f
        screens.append(("\(section.title) field \(f)", n))
      }
    }
    var choices = Self.model()
    press(&choices, .char("3"), .right)
    screens.append(("option choices", choices))
    var translate = Self.model()
    press(&translate, .char("4"), .char("L"), .enter)
    screens.append(("translate mode", translate))
    for (name, m) in screens {
      let line = Self.hint(m)
      #expect(line.hasSuffix("?: help"), "\(name): \(line)")
      #expect(displayWidth(line) <= 80, "\(name)")
    }
  }

  @Test func theReviewAndItsDetailKeepTheHelpKeyAt80x24() {
    var m = Self.model()
    press(&m, .char("j"), .enter, .ctrl("u"))
    type(&m, "A name long enough to need the review's detail view at eighty columns, and then some more")
    press(&m, .enter, .char("S"))
    let review = EditorHarness.lines(m)[1]
    #expect(review.contains("S: save"), "\(review)")
    #expect(review.trimmingCharacters(in: .whitespaces).hasSuffix("?: help"), "\(review)")
    press(&m, .enter)
    let detail = EditorHarness.lines(m)[1]
    #expect(detail.contains("Esc: back"), "\(detail)")
    #expect(detail.trimmingCharacters(in: .whitespaces).hasSuffix("?: help"), "\(detail)")
  }

  // MARK: Placeholders

  @Test func typingReplacesTheNewOptionAndNewChoicePlaceholders() throws {
    var m = Self.model(width: 120, height: 40)
    press(&m, .char("3"), .char("a"))
    type(&m, "Yarn")
    press(&m, .enter)
    let name = m.document!.current.json["options"]?[m.options.selected]?["name"]?.stringValue
    #expect(name == "Yarn")
    press(&m, .right, .char("a"))
    type(&m, "Chunky")
    press(&m, .enter)
    let choice = m.document!.current.json["options"]?[m.options.selected]?["choices"]?[m.options.choice]?["text"]?.stringValue
    #expect(choice == "Chunky")
    // The price modifier of the new choice is 0: typing replaces it too.
    press(&m, .char("p"))
    type(&m, "5")
    #expect(m.options.editing?.field.text == "5")
    press(&m, .enter)
    let modifier = m.document!.current.json["options"]?[m.options.selected]?["choices"]?[m.options.choice]?["priceModifier"]
    #expect(modifier?.doubleValue == 5)
  }

  @Test func movingTheCursorFirstKeepsThePlaceholderForEditing() throws {
    var m = Self.model(width: 120, height: 40)
    press(&m, .char("3"), .char("a"), .end)
    type(&m, " 2")
    let name = m.document!.current.json["options"]?[m.options.selected]?["name"]?.stringValue ?? ""
    #expect(name.hasPrefix("New option") && name.hasSuffix(" 2"), "\(name)")
  }

  // MARK: Words

  @Test func movesSayWhatMoved() throws {
    var m = Self.model(width: 120, height: 40)
    press(&m, .char("5"), .char("j"))
    let file = m.imageName(1)
    press(&m, .char("J"))
    let text = try #require(m.message?.text)
    #expect(text.contains("Moved image “\(file)” down: 3 of"), "\(text)")

    var o = Self.model(width: 120, height: 40)
    press(&o, .char("3"))
    let choices = o.context.choiceValues(o.options.selected)
    try #require(choices.count > 1)
    let first = choices[0]["text"]?.stringValue ?? ""
    press(&o, .right, .char("J"))
    let said = try #require(o.message?.text)
    #expect(said.contains("Moved choice “\(first)” down: 2 of \(choices.count)"), "\(said)")
  }

  @Test func aStatusMessageEndsWhenYouChangeSection() {
    var m = Self.model()
    press(&m, .char("5"), .char("g"), .char("K"))
    #expect(m.message != nil)
    press(&m, .tab)
    #expect(m.message == nil, "\(m.message?.text ?? "")")
    press(&m, .char("5"), .char("g"), .char("K"))
    press(&m, .char("1"))
    #expect(m.message == nil, "\(m.message?.text ?? "")")
  }

  @Test func undoSaysWhatItUndid() throws {
    var m = Self.model()
    press(&m, .enter, .ctrl("u"))
    type(&m, "Other name")
    press(&m, .enter)
    press(&m, .char("u"))
    let text = try #require(m.message?.text)
    #expect(text.hasPrefix("Undid: Name"), "\(text)")
    press(&m, .ctrl("r"))
    #expect(m.message?.text.hasPrefix("Redid: Name") == true, "\(m.message?.text ?? "")")
  }

  // MARK: Translate mode

  @Test func oneEnterCommitsAndOpensTheNextMissingCellReadyForTyping() throws {
    var m = Self.model(width: 120, height: 40)
    press(&m, .char("4"), .char("L"))
    let fr = try #require(m.translationLanguages.firstIndex(of: "fr"))
    m.translations.choosingLanguage = fr
    press(&m, .enter)  // translate into fr
    // A missing short text whose next missing text is short too (long ones open $EDITOR).
    let all = m.translationData.rows
    let start = try #require(
      all.indices.first { r in
        guard all[r].kind != .long, m.document!.current.missesTranslation(all[r], language: "fr"),
          let next = m.nextMissingRow(from: r, language: "fr")
        else { return false }
        return next != r && all[next].kind != .long
      })
    m.translations.selected = try #require(m.visibleTranslationRows(total: all.count).firstIndex(of: start))
    press(&m, .enter)  // edit the missing cell
    let first = try #require(m.translations.editing)
    #expect(first.row == start)
    type(&m, "Bonjour")
    press(&m, .enter)
    let rows = m.translationData.rows
    #expect(m.document!.current.value(at: rows[first.row].translated + [.key("fr")])?.stringValue == "Bonjour")
    let next = try #require(m.translations.editing, "the next missing cell is open for typing")
    #expect(next.row != first.row)
    #expect(next.language == "fr")
    type(&m, "Deux")
    #expect(m.translations.editing?.field.text == "Deux")

    // An empty Enter sets nothing and does not say "set".
    press(&m, .ctrl("u"), .enter)
    let said = try #require(m.message?.text)
    #expect(!said.contains(" set"), "\(said)")
    #expect(m.document!.current.value(at: rows[next.row].translated + [.key("fr")])?.stringValue ?? "" == "")
  }

  @Test func translateModeShowsTheSourceTextInFull() throws {
    var m = Self.model(width: 80, height: 24)
    let long = "Hand-knitted in a small family mill on the rugged west coast of Norway from soft merino wool, dyed with plants and finished by hand"
    m.apply(.set([.key("subtitle")], .string(long)))
    m.apply(.set([.key("subtitleTranslated"), .key("fr")], nil))
    press(&m, .char("4"), .char("L"))
    m.translations.choosingLanguage = try #require(m.translationLanguages.firstIndex(of: "fr"))
    press(&m, .enter)
    try Self.selectTranslation(&m, "Subtitle")
    let text = EditorHarness.lines(m).joined(separator: " ")
    for word in long.split(separator: " ") {
      #expect(text.contains(word), "\(word) is not shown")
    }
  }
}
