import EcwidAPI
import EcwidSandbox
import ProductDocument
import ProductSync
import Terminal
import Testing

@testable import Editor

/// Issue 15's editor items: the editor does not offer what the API cannot do, and says so.
@Suite struct FaithfulEditsTests {
  static func model(width: Int = 80, height: Int = 24) -> Model {
    EditorHarness.model(width: width, height: height, languages: WordsAndSizesTests.languages)
  }

  @Test func aDefaultChoiceOnTheServerCannotBeCleared() throws {
    var m = Self.model(width: 120, height: 40)
    press(&m, .char("3"))
    let options = m.context.optionValues
    let i = try #require(options.firstIndex { $0["defaultChoice"]?.intValue != nil })
    m.options.selected = i
    let d = try #require(options[i]["defaultChoice"]?.intValue)
    press(&m, .right)
    m.options.choice = d
    press(&m, .char("*"))
    #expect(m.document!.current.json["options"]?[i]?["defaultChoice"]?.intValue == d)
    let said = try #require(m.message?.text)
    #expect(said.contains("cannot clear a default choice"), "\(said)")
    // Another choice can still become the default.
    m.options.choice = d == 0 ? 1 : 0
    press(&m, .char("*"))
    #expect(m.document!.current.json["options"]?[i]?["defaultChoice"]?.intValue == m.options.choice)
  }

  @Test func attributeNamesAreReadOnlyInTheTranslationsGrid() throws {
    var m = Self.model(width: 120, height: 40)
    press(&m, .char("4"))
    try WordsAndSizesTests.selectTranslation(&m, "Attribute “Brand”")
    let before = m.document!.current
    press(&m, .enter)
    #expect(m.translations.editing == nil)
    #expect(m.message?.text.contains("product type") == true, "\(m.message?.text ?? "")")
    press(&m, .right, .char("x"))
    #expect(m.document!.current == before)
    // The value stays editable.
    try WordsAndSizesTests.selectTranslation(&m, "Attribute “Brand” › value")
    press(&m, .enter)
    #expect(m.translations.editing != nil)
  }

  @Test func mediaURLsAreCheckedAgainstWhatEcwidTakes() throws {
    for ok in ["https://x.example.com/a.jpg", "https://x.example.com/a.JPEG?w=3", "https://x.example.com/b.png", "http://x.example.com/c.gif"] {
      guard case .success(let (_, kind)) = Model.checkMediaURL(ok) else {
        Issue.record("\(ok) refused")
        continue
      }
      #expect(kind == .image)
    }
    guard case .success(let (_, video)) = Model.checkMediaURL("https://www.youtube.com/watch?v=abc") else {
      Issue.record("video refused")
      return
    }
    #expect(video == .video)
    for bad in ["https://x.example.com/a.webp", "https://x.example.com/a.svg", "https://x.example.com/page"] {
      guard case .failure(let problem) = Model.checkMediaURL(bad) else {
        Issue.record("\(bad) accepted")
        continue
      }
      #expect(problem.text.contains("JPG, PNG and GIF"), "\(problem.text)")
    }
    if case .failure(let problem) = Model.checkMediaURL("https://x.example.com/a.webp") {
      #expect(problem.text.contains(".webp"))
    }
    var m = Self.model(width: 100, height: 30)
    press(&m, .char("5"), .char("a"))
    let screen = EditorHarness.text(m)
    #expect(screen.contains(".gif"))
    #expect(!screen.lowercased().contains("webp"), "\(screen)")
  }

  @Test func aConflictWithAnUnknownCodeStaysInTheStatusLine() throws {
    var m = Self.model(width: 120, height: 30)
    press(&m, .enter, .ctrl("u"))
    type(&m, "Another name")
    press(&m, .enter, .char("S"), .char("S"))
    let commands = m.update(.remoteFetched(.success(m.document!.base)))
    guard case .runPlan(let plan, _)? = commands.first else {
      Issue.record("no plan: \(commands)")
      return
    }
    let conflict = EcwidError(kind: .conflict, status: 409, errorCode: "SOMETHING_NEW", errorMessage: "Something else conflicts")
    _ = m.update(.saved(PlanOutcome(applied: [], notApplied: plan.steps, error: conflict, product: nil)))
    #expect(m.serverErrors.isEmpty, "\(m.serverErrors)")
    #expect(m.message?.text.contains("Something else conflicts") == true, "\(m.message?.text ?? "")")
    let skuRow = EditorHarness.lines(m).first { $0.contains("SKU") } ?? ""
    #expect(!skuRow.contains("Something else"), "\(skuRow)")
  }
}
