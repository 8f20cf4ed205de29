import EcwidAPI
import ProductDocument
import Terminal
import Testing

@testable import Editor

/// The Options section as a component (issue 14): its update changes only `OptionsState`; the
/// document and the status line are changed by the root from the effects it returns.
@Suite struct OptionsComponentTests {
  /// An effect as the tests compare it (`Effect` itself is not Equatable).
  enum Seen: Equatable {
    case apply(Edit, coalesceKey: String?)
    case status(StatusMessage?)
    case other(String)
  }

  static func seen(_ effects: [Effect]) -> [Seen] {
    effects.map { effect in
      switch effect {
      case .apply(let edit, let key): return .apply(edit, coalesceKey: key)
      case .status(let message): return .status(message)
      default: return .other("\(effect)")
      }
    }
  }

  /// The sample jacket (Color, Size, …: no variations) on the Options section.
  static func jacket() -> Model {
    var m = EditorHarness.model(width: 120, height: 40)
    m.section = .options
    return m
  }

  /// The 40-variation T-shirt (Size XS…XL × 8 colours) on the Options section.
  static func tee() -> Model {
    var m = EditorHarness.model(EditorHarness.product(named: "Everyday Crew"), width: 120, height: 40)
    m.section = .options
    return m
  }

  static func value(_ m: Model, _ path: FieldPath) -> JSON? { m.document?.current.value(at: path) }

  @Test func enterOnARenamedChoiceReturnsTheRenameOfItsVariationsInTheSessionsUndoStep() throws {
    var m = Self.tee()
    let names = m.context.optionValues.map { $0["name"]?.stringValue }
    let size = try #require(names.firstIndex(of: "Size"))
    let sizeChoices = m.context.choiceValues(size).map { $0["text"]?.stringValue }
    let medium = try #require(sizeChoices.firstIndex(of: "M"))
    let textPath: FieldPath = [.key("options"), .index(size), .key("choices"), .index(medium), .key("text")]
    let variations = try #require(m.document?.current.combinationIndices(option: "Size", value: "M").count)
    #expect(variations > 0)
    m.options.selected = size
    press(&m, .right)
    m.options.choice = medium
    press(&m, .char("e"), .ctrl("u"))
    type(&m, "Medium")
    #expect(Self.value(m, textPath) == "Medium", "the text is applied as it is typed")
    let session = try #require(m.options.editing?.edit.coalesceKey)

    var options = m.options
    let context = m.context
    let effects = options.update(.key(.enter), context)
    #expect(
      Self.seen(effects) == [
        .apply(.renameInCombinations(option: "Size", value: "M", to: "Medium"), coalesceKey: session),
        .status(StatusMessage("Choice text set; \(variations) variations follow")),
      ])
    #expect(options.editing == nil, "the field is closed")
    // The component asked; the document is as it was until the root applies the effects.
    #expect(m.document?.current.combinationIndices(option: "Size", value: "M").count == variations)

    m.options = options
    _ = m.perform(effects)
    #expect(m.document?.current.combinationIndices(option: "Size", value: "M").isEmpty == true)
    #expect(m.document?.current.combinationIndices(option: "Size", value: "Medium").count == variations)
    #expect(m.message?.text == "Choice text set; \(variations) variations follow")
    // The text and its variations are one undo step.
    press(&m, .char("u"))
    #expect(Self.value(m, textPath) == "M")
    #expect(m.document?.current.combinationIndices(option: "Size", value: "M").count == variations)
    #expect(m.document?.current.combinationIndices(option: "Size", value: "Medium").isEmpty == true)
  }

  @Test func escReturnsTheEditsThatPutTheNameAndItsDefaultLanguageEntryBack() throws {
    var m = Self.jacket()
    let name: FieldPath = [.key("options"), .index(0), .key("name")]
    let language = try #require(m.languages.first)
    let mirror: FieldPath = [.key("options"), .index(0), .key("nameTranslated"), .key(language)]
    let original = try #require(Self.value(m, name))
    let originalMirror = try #require(Self.value(m, mirror))
    press(&m, .char("e"), .ctrl("u"))
    type(&m, "Zzz")
    #expect(Self.value(m, name) == "Zzz" && Self.value(m, mirror) == "Zzz")
    let session = try #require(m.options.editing?.edit.coalesceKey)

    var options = m.options
    let effects = options.update(.key(.escape), m.context)
    #expect(
      Self.seen(effects) == [
        .apply(.set(name, original), coalesceKey: session), .apply(.set(mirror, originalMirror), coalesceKey: session),
        .status(StatusMessage("Edit cancelled")),
      ])
    #expect(options.editing == nil)
    #expect(Self.value(m, name) == "Zzz", "nothing is applied until the root performs the effects")
    m.options = options
    _ = m.perform(effects)
    #expect(Self.value(m, name) == original && Self.value(m, mirror) == originalMirror)
    #expect(!(m.document?.isDirty ?? true), "typing and Esc leave no change")
  }

  @Test func aMoveThatCannotHappenIsOnlyAStatusLine() throws {
    let m = Self.jacket()
    var options = m.options
    let effects = options.update(.key(.char("K")), m.context)
    #expect(Self.seen(effects) == [.status(StatusMessage("It is the first option: it cannot move further"))])
    #expect(options == m.options, "nothing of its own changed either")
    // A type without choices: → says so and keeps the focus on the option list.
    let text = try #require(
      m.context.optionValues.firstIndex { !OptionType(rawValue: $0["type"]?.stringValue ?? "SELECT").hasChoices })
    options.selected = text
    let type = m.context.optionValues[text]["type"]?.stringValue ?? ""
    #expect(
      Self.seen(options.update(.key(.right), m.context)) == [
        .status(StatusMessage("A \(type) option has no choices", .warning))
      ])
    #expect(options.focus == .options)
  }

  @Test func arrowsMoveOnlyItsOwnSelectionAndASectionKeyIsLeftToTheRoot() throws {
    var m = Self.jacket()
    var options = m.options
    #expect(options.keys.name == "options")
    #expect(options.update(.key(.right), m.context).isEmpty)
    #expect(options.focus == .choices && options.keys.name == "optionChoices", "→ goes into the choices: their table")
    #expect(options.update(.key(.down), m.context).isEmpty)
    #expect(options.choice == 1)
    #expect(options.update(.key(.escape), m.context).isEmpty)
    #expect(options.focus == .options)
    // Tab is not the section's: the component leaves it to the root, which shows the next section.
    #expect(options.handle(.tab, m.context) == nil)
    m.options = options
    press(&m, .tab)
    #expect(m.section == .variations)
    #expect(m.options.choice == 1, "the root left the section's state as it was")
  }

  @Test func aPasteIntoTheNameIsAnEditWithTheSessionsKey() throws {
    var m = Self.jacket()
    let name: FieldPath = [.key("options"), .index(0), .key("name")]
    let language = try #require(m.languages.first)
    press(&m, .char("e"), .ctrl("u"))
    let session = try #require(m.options.editing?.edit.coalesceKey)
    var options = m.options
    let effects = options.update(.paste("Farbe"), m.context)
    #expect(
      Self.seen(effects) == [
        .apply(.set(name, "Farbe"), coalesceKey: session),
        .apply(.set([.key("options"), .index(0), .key("nameTranslated"), .key(language)], "Farbe"), coalesceKey: session),
      ])
    #expect(options.editing?.edit.text == "Farbe")
  }
}
