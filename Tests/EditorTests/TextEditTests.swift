import EcwidAPI
import ProductDocument
import Terminal
import Testing

@testable import Editor
import TestSupport

/// The one text-editing component (issue 14): each behaviour once, at the component level.
@Suite struct TextEditTests {
  func edit(_ text: String, rule: TextEdit.Rule = .text, placeholder: Bool = false) -> TextEdit {
    TextEdit(text, coalesceKey: "test", rule: rule, placeholder: placeholder)
  }

  @discardableResult
  func keys(_ e: inout TextEdit, _ keys: Key...) -> [TextEdit.Outcome] { keys.map { e.handle($0) } }

  @Test func cursorAndWordMovesEditWhereTheCursorIs() {
    var e = edit("merino wool sweater")
    #expect(e.field.cursor == 19, "the cursor starts after the text")
    keys(&e, .ctrlLeft)
    #expect(keys(&e, .ctrlLeft) == [.moved])
    #expect(e.field.cursor == 7)
    #expect(e.handle(.char("X")) == .edited("merino Xwool sweater"))
    keys(&e, .home)
    #expect(e.handle(.char("<")) == .edited("<merino Xwool sweater"))
    keys(&e, .ctrlRight, .ctrlRight)
    #expect(e.field.cursor == 13)
    keys(&e, .end)
    #expect(e.handle(.char(">")) == .edited("<merino Xwool sweater>"))
    #expect(e.handle(.function(5)) == .ignored, "a key that is not for a text field changes nothing")
  }

  @Test func ctrlUKWDeleteBeforeAfterAndTheWordBefore() {
    var e = edit("one two three")
    #expect(e.handle(.ctrl("w")) == .edited("one two "))
    keys(&e, .ctrlLeft)
    #expect(e.handle(.ctrl("k")) == .edited("one "))
    keys(&e, .left)
    #expect(e.handle(.ctrl("u")) == .edited(" "))
    #expect(e.handle(.ctrl("u")) == .ignored, "nothing before the cursor")
  }

  @Test func aPasteIsTextAndLineBreaksBecomeSpaces() {
    var e = edit("a")
    #expect(e.paste("b\nc\r\nd\te") == .edited("ab c d e"))
    // A pasted command key is only text.
    #expect(e.paste("\u{1b}q") == .edited("ab c d e\u{1b}q"))
  }

  @Test func escAndCtrlCAskToRevertEnterAndTabToCommit() {
    var e = edit("Wool")
    keys(&e, .char("!"))
    #expect(e.handle(.escape) == .reverted)
    #expect(e.handle(.ctrl("c")) == .reverted)
    #expect(e.originalText == "Wool", "what Esc goes back to")
    #expect(e.handle(.enter) == .committed("Wool!"))
    #expect(e.handle(.tab) == .committed("Wool!"))
  }

  @Test func oneEditingSessionIsOneUndoStep() throws {
    var document = Document(base: Product(json: ["id": 1, "name": "Wool"]))
    var e = edit("Wool")
    for key: Key in [.char(" "), .char("s"), .backspace, .char("x"), .ctrl("w"), .char("y")] {
      if case .edited(let text) = e.handle(key) {
        _ = document.apply(.set([.key("name")], .string(text)), coalesceKey: e.coalesceKey)
      }
    }
    #expect(document.current.json["name"] == "Wool y")
    _ = document.undo()
    #expect(document.current.json["name"] == "Wool", "one undo takes back the whole session")
    // Another session (another key) is another step.
    let next = TextEdit("Wool", coalesceKey: "other")
    #expect(next.coalesceKey != e.coalesceKey)
  }

  @Test func wideTextIsClippedToTheWidthAndScrollsWithTheCursor() {
    // 30 CJK characters (60 columns) and emoji in a 9-column field.
    var e = edit(String(repeating: "漢", count: 30) + "👍🏽")
    var screen = Screen(width: 20, height: 1)
    let cursor = e.draw(into: &screen, x: 2, y: 0, width: 9)
    #expect(cursor <= 2 + 8, "the cursor stays inside the field")
    let shown = screen.lines()[0]
    #expect(shown.contains("👍🏽"), "the end of the text shows where the cursor is: \(shown)")
    #expect(displayWidth(shown.trimmingCharacters(in: .whitespaces)) <= 9)
    // Nothing is drawn outside the field, and no wide character is cut in half.
    for x in [0, 1, 11, 12] { #expect(screen[x, 0].text == " ", "column \(x)") }
    let whole = String(repeating: "漢", count: 30) + "👍🏽"
    #expect(whole.hasSuffix(shown.trimmingCharacters(in: .whitespaces)), "only whole characters: \(shown)")
    keys(&e, .home)
    screen = Screen(width: 20, height: 1)
    #expect(e.draw(into: &screen, x: 2, y: 0, width: 9) == 2)
    #expect(screen.lines()[0].hasPrefix("  漢漢漢漢"))
  }

  @Test func aNumberIsKeptAsTypedWithTheReasonAndEnterIsRefused() {
    var e = edit("94", rule: .number(integer: false))
    guard case .invalid("94,", _) = e.handle(.char(",")) else {
      Issue.record("“94,” is not finished: kept, not applied")
      return
    }
    #expect(e.handle(.char("5")) == .edited("94,5"), "a decimal comma")
    guard case .invalid(let text, let problem) = e.handle(.char("O")) else {
      Issue.record("a letter in a number is not a number")
      return
    }
    #expect(text == "94,5O")
    #expect(e.problem == problem && problem.contains("94,5O"))
    #expect(e.handle(.enter) == .refused(problem))
    var screen = Screen(width: 10, height: 1)
    let x = e.draw(into: &screen, x: 0, y: 0, width: 10)
    #expect(screen[x, 0].style == Theme.invalidInput, "shown red while it is not a number")
    #expect(e.handle(.backspace) == .edited("94,5"))
    #expect(e.problem == nil)
    #expect(e.handle(.enter) == .committed("94,5"))
    var whole = edit("", rule: .number(integer: true))
    if case .invalid = whole.handle(.char("1")) { Issue.record("1 is a whole number") }
    guard case .invalid("1.5", _) = whole.paste(".5") else {
      Issue.record("1.5 is not a whole number")
      return
    }
  }

  @Test func typingReplacesAPlaceholderMovingFirstKeepsIt() {
    var e = edit("New option", placeholder: true)
    #expect(e.handle(.char("S")) == .edited("S"))
    e = edit("New option", placeholder: true)
    keys(&e, .left)
    #expect(e.handle(.char("s")) == .edited("New optiosn"))
    e = edit("0", placeholder: true)
    #expect(e.handle(.backspace) == .edited(""), "deleting clears a placeholder")
    e = edit("0", placeholder: true)
    #expect(e.paste("12") == .edited("12"))
  }
}

/// Every place that edits text in place uses the component: the same keys do the same thing in
/// each of them.
@Suite struct TextEditPlacesTests {
  struct Place: CustomTestStringConvertible, Sendable {
    var name: String
    var path: FieldPath
    var open: @Sendable (inout Model) -> Void
    /// The text of the open field (nil: none is open).
    var text: @Sendable (Model) -> String?
    var testDescription: String { name }
  }

  static let option0: FieldPath = [.key("options"), .index(0)]
  static let choice0: FieldPath = option0 + [.key("choices"), .index(0)]

  static let places: [Place] = [
    Place(name: "form field", path: [.key("name")], open: { m in press(&m, .enter) }, text: { $0.form.editing?.field.text }),
    Place(
      name: "alt text", path: [.key("media"), .key("images"), .index(0), .key("alt"), .key("main")],
      open: { m in
        m.section = .media
        press(&m, .char("e"))
      }, text: { $0.media.editing?.field.text }),
    Place(
      name: "option name", path: option0 + [.key("name")],
      open: { m in
        m.section = .options
        press(&m, .char("e"))
      }, text: { $0.options.editing?.field.text }),
    Place(
      name: "choice text", path: choice0 + [.key("text")],
      open: { m in
        m.section = .options
        press(&m, .right, .char("e"))
      }, text: { $0.options.editing?.field.text }),
    Place(
      name: "choice modifier", path: choice0 + [.key("priceModifier")],
      open: { m in
        m.section = .options
        press(&m, .right, .char("p"))
      }, text: { $0.options.editing?.field.text }),
    Place(
      name: "translation cell", path: [.key("nameTranslated"), .key("fr")],
      open: { m in
        m.section = .translations
        press(&m, .char("g"), .right, .enter)  // Name, in French
      }, text: { $0.translations.editing?.field.text }),
  ]

  func model() -> Model { EditorHarness.model(width: 120, height: 40, languages: ["en", "fr", "de"]) }

  /// The value at `path` as text (a number as its JSON text).
  func value(_ m: Model, _ path: FieldPath) -> String? {
    let v = m.document?.current.value(at: path)
    return v?.stringValue ?? v?.numberValue?.text
  }

  @Test(arguments: places) func ctrlWWorksAndEscRevertsTheSameWay(place: Place) throws {
    var m = model()
    let before = m.document?.current.value(at: place.path)
    place.open(&m)
    #expect(place.text(m) != nil, "the field is open")
    press(&m, .ctrl("u"))
    type(&m, "1 2")
    press(&m, .ctrl("w"))
    #expect(place.text(m) == "1 ")
    #expect(value(m, place.path).map { $0.trimmingCharacters(in: .whitespaces) } == "1", "applied while typing")
    press(&m, .escape)
    #expect(place.text(m) == nil, "Esc closes the field")
    #expect(m.document?.current.value(at: place.path) == before, "Esc puts the value from before editing back")
    #expect(m.message?.text == "Edit cancelled")
  }

  @Test(arguments: places) func typingThenEnterIsOneUndoStep(place: Place) throws {
    var m = model()
    let before = m.document?.current.value(at: place.path)
    place.open(&m)
    press(&m, .ctrl("u"))
    type(&m, "1 2")
    press(&m, .ctrl("w"), .enter)
    #expect(place.text(m) == nil, "Enter keeps the text and closes the field")
    #expect(value(m, place.path).map { $0.trimmingCharacters(in: .whitespaces) } == "1")
    press(&m, .char("u"))
    #expect(m.document?.current.value(at: place.path) == before, "one u takes back the whole edit")
  }

  @Test(arguments: places) func aPasteIsKeptOnEnter(place: Place) throws {
    var m = model()
    place.open(&m)
    press(&m, .ctrl("u"))
    _ = m.update(.paste("7\n"))
    #expect(place.text(m) == "7 ")
    press(&m, .enter)
    #expect(place.text(m) == nil)
    #expect(value(m, place.path).map { $0.trimmingCharacters(in: .whitespaces) } == "7", "the pasted text is saved")
  }

  @Test(arguments: places) func theHintLineIsTheSameInEveryPlace(place: Place) throws {
    var m = model()
    place.open(&m)
    let hint = EditorHarness.lines(m)[m.height - 2]
    #expect(hint.contains("Enter: keep · Esc: cancel · ←→ Home End Ctrl-←→: move"), "\(hint)")
  }

  @Test func aChoiceModifierFollowsTheNumberRulesOfAFormField() throws {
    for place in Self.places where place.name == "choice modifier" || place.name == "form field" {
      var m = model()
      if place.name == "form field" {
        m.section = .pricing  // Price
      }
      place.open(&m)
      press(&m, .ctrl("u"))
      type(&m, "2,5x")
      #expect(place.text(m) == "2,5x", "\(place.name): kept as typed")
      #expect(m.message?.kind == .error, "\(place.name): the status line says why")
      let (screen, cursor) = m.view()
      let at = try #require(cursor)
      #expect(screen[at.x, at.y].style == Theme.invalidInput, "\(place.name): the field is red")
      press(&m, .enter)
      #expect(place.text(m) != nil, "\(place.name): Enter is refused")
      press(&m, .backspace, .enter)
      #expect(place.text(m) == nil, "\(place.name): 2,5 is a number")
    }
  }
}

/// `TextField` keeps its text beside its characters, edit by edit (issue 13: a key after a 1 MB
/// paste must not join a million characters again). Whatever the keys, the kept text must be the
/// characters joined, byte for byte, and the cursor's byte offset must be where its characters end,
/// even when typed pieces join into one grapheme (a combining accent, half a flag, a ZWJ).
@Suite struct TextFieldKeptTextTests {
  static let pieces: [String] = [
    "a", "Z", " ", "é", "e\u{301}", "\u{301}", "👨‍👩‍👧", "\u{200D}", "🇺", "🇸", "商品", "مرحبا", "\r\n", "\t", "x\ny", "",
  ]
  static let keys: [Key] = [
    .left, .right, .home, .end, .ctrlLeft, .ctrlRight, .backspace, .delete, .ctrl("w"), .ctrl("u"), .ctrl("k"),
    .alt("b"), .alt("f"), .ctrl("d"), .alt("\u{7f}"),
  ]

  @Test(.heavy) func theKeptTextIsTheCharactersJoinedAfterEveryKey() {
    walk()
  }

  func walk() {
    var rng = SplitMix64(seed: 20_261_130)
    for round in 0..<100 {
      var field = TextField(Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))])
      for step in 0..<60 {
        let pick = rng.next() % 10
        if pick < 4 {
          let piece = Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))]
          if let c = piece.first, piece.count == 1 {
            field.handle(.char(c))
          } else {
            field.insert(piece)
          }
        } else if pick == 4 {
          field.setText(Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] + "word end")
        } else {
          field.handle(Self.keys[Int(rng.next() % UInt64(Self.keys.count))])
        }
        let joined = String(field.characters)
        #expect(Array(field.text.utf8) == Array(joined.utf8), "round \(round) step \(step)")
        #expect(field.cursorOffset == String(field.characters[..<field.cursor]).utf8.count, "round \(round) step \(step)")
      }
    }
  }

  @Test func typingAtTheEndOfAMegabyteFieldKeepsItsText() {
    var field = TextField("")
    field.insert(String(repeating: "merino wool 商品 ", count: 60_000))
    let before = field.text.utf8.count
    field.handle(.char("x"))
    field.handle(.left)
    field.handle(.backspace)
    #expect(field.text.utf8.count == before)
    #expect(field.text.hasSuffix("商品x"))
  }
}
