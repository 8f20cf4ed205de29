import EcwidAPI
import EcwidSandbox
import ProductDocument
import Terminal
import Testing

@testable import Editor

/// A model with a sample product open on the Options section.
private func optionsModel(product index: Int = 0, width: Int = 80, height: Int = 24) -> Model {
  let catalog = Sandbox.sampleCatalog()
  let product = catalog.products[index]
  var m = Model(storeLabel: "test", storeId: catalog.storeId, productId: product.id, width: width, height: height)
  _ = m.updateThroughFrame(
    .loaded(.success(Loaded(product: product, languages: catalog.profile.languages?.ordered ?? ["en"], draft: nil))))
  m.section = .options
  return m
}


private func options(_ m: Model) -> [JSON] { m.document!.current.json["options"]?.arrayValue ?? [] }
private func names(_ m: Model) -> [String] { options(m).map { $0["name"]?.stringValue ?? "?" } }
private func screenText(_ m: Model) -> String { m.view().screen.text() }

@Test func optionsListShowsTypesChoicesDefaultsAndLanguages() {
  let m = optionsModel()
  let lines = m.view().screen.lines()
  let color = lines.first { $0.contains("Color") && $0.contains("SELECT") }
  #expect(color != nil)
  #expect(color?.contains("Fjord Blue") == true)  // the default choice
  #expect(color?.contains("6/6") == true)  // name translated in the 6 other languages
  let size = lines.first { $0.contains("Size") && $0.contains("SIZE") }
  #expect(size?.contains(" M ") == true)
  #expect(lines.contains { $0.contains("Choices of “Color” (SELECT)") })
  #expect(lines.contains { $0.contains("Cranberry") && $0.contains("+10%") })
  #expect(lines.contains { $0.contains("Forest Green") && $0.contains("+5.00") })
  #expect(lines.contains { $0.contains("Fjord Blue") && $0.contains("+0.00") })
  #expect(!m.options.isTyping)
}

@Test func addOptionThenTypeItsName() {
  var m = optionsModel()
  press(&m, .char("a"))
  #expect(m.options.isTyping)
  #expect(names(m)[1] == "New option")
  #expect(options(m)[1]["type"]?.stringValue == "SELECT")
  press(&m, .ctrl("u"))
  type(&m, "Material q")  // 'q' is text while typing
  press(&m, .enter)
  #expect(!m.quitting)
  #expect(names(m).count == 9)
  #expect(names(m)[1] == "Material q")
  #expect(screenText(m).contains("Material q"))
  // Adding and naming is one undo step.
  press(&m, .char("u"))
  #expect(names(m).count == 8)
  #expect(!names(m).contains("New option"))
}

@Test func deleteOptionAsksFirst() {
  var m = optionsModel()
  press(&m, .down, .char("x"))
  #expect(screenText(m).contains("Delete the option “Size”"))
  press(&m, .char("n"))
  #expect(names(m).count == 8)
  press(&m, .char("x"), .char("y"))
  #expect(names(m).count == 7)
  #expect(!names(m).contains("Size"))
  press(&m, .char("u"))
  #expect(names(m)[1] == "Size")
}

@Test func reorderAndDuplicateOptions() {
  var m = optionsModel()
  press(&m, .char("J"))
  #expect(names(m).prefix(2) == ["Size", "Color"])
  #expect(m.options.selected == 1)
  press(&m, .shiftDown)
  #expect(names(m).prefix(3) == ["Size", "Fit", "Color"])
  press(&m, .char("K"), .shiftUp)
  #expect(names(m).prefix(3) == ["Color", "Size", "Fit"])
  press(&m, .char("D"))
  #expect(names(m).prefix(3) == ["Color", "Color copy", "Size"])
  #expect(options(m)[1]["choices"]?.arrayValue?.count == 4)
  #expect(m.options.selected == 1)
}

@Test func requiredToggleAndNameEditing() {
  var m = optionsModel()
  press(&m, .char("r"))
  #expect(options(m)[0]["required"]?.boolValue == false)
  press(&m, .char(" "))
  #expect(options(m)[0]["required"]?.boolValue == true)
  press(&m, .char("e"), .ctrl("u"))
  type(&m, "Colour")
  #expect(names(m)[0] == "Colour")  // applied live
  #expect(options(m)[0]["nameTranslated"]?["en"]?.stringValue == "Colour")  // default language follows
  press(&m, .enter)
  press(&m, .char("u"))
  #expect(names(m)[0] == "Color")  // the whole typing session in one step
  press(&m, .enter)
  type(&m, "xyz")
  press(&m, .escape)
  #expect(names(m)[0] == "Color")
}

@Test func typeChangeWithoutChoicesWarnsAndUndoRestores() {
  var m = optionsModel()
  press(&m, .char("t"))
  #expect(m.options.choosingType == 0)
  press(&m, .down, .down, .down)  // SELECT RADIO CHECKBOX TEXTFIELD
  press(&m, .enter)
  #expect(m.options.confirming == .changeType(option: 0, type: "TEXTFIELD", choices: 4))
  #expect(screenText(m).contains("4 choices of “Color” will go"))
  press(&m, .char("y"))
  #expect(options(m)[0]["type"]?.stringValue == "TEXTFIELD")
  #expect(options(m)[0]["choices"] == nil)
  #expect(options(m)[0]["defaultChoice"] == nil)
  press(&m, .char("u"))
  #expect(options(m)[0]["type"]?.stringValue == "SELECT")
  #expect(options(m)[0]["choices"]?.arrayValue?.count == 4)
  #expect(options(m)[0]["defaultChoice"]?.intValue == 0)
  // Answering no keeps everything.
  press(&m, .char("t"), .down, .down, .down, .enter, .char("n"))
  #expect(options(m)[0]["type"]?.stringValue == "SELECT")
  // A type with choices changes without asking.
  press(&m, .char("t"), .down, .enter)
  #expect(options(m)[0]["type"]?.stringValue == "RADIO")
  #expect(options(m)[0]["choices"]?.arrayValue?.count == 4)
}

@Test func unknownTypeIsKeptAndShown() {
  let catalog = Sandbox.sampleCatalog()
  guard let index = catalog.products.firstIndex(where: { p in
    (p.json["options"]?.arrayValue ?? []).contains { $0["type"]?.stringValue == "SWATCHES" }
  }) else {
    Issue.record("no sample product with SWATCHES")
    return
  }
  var m = optionsModel(product: index)
  let o = options(m).firstIndex { $0["type"]?.stringValue == "SWATCHES" }!
  for _ in 0..<o { press(&m, .down) }
  #expect(m.view().screen.lines().contains { $0.contains("SWATCHES?") })
  press(&m, .char("t"))
  #expect(screenText(m).contains("SWATCHES (unknown, kept as it came)"))
  press(&m, .escape)
  #expect(options(m)[o]["type"]?.stringValue == "SWATCHES")
}

@Test func defaultChoiceFollowsMovedAndDeletedChoice() {
  var m = optionsModel()
  press(&m, .down)  // Size: default is "M" (index 2)
  #expect(options(m)[1]["defaultChoice"]?.intValue == 2)
  press(&m, .right)
  #expect(m.options.focus == .choices)
  press(&m, .down, .down, .char("J"))
  var size = options(m)[1]
  #expect(size["choices"]?[3]?["text"]?.stringValue == "M")
  #expect(size["defaultChoice"]?.intValue == 3)
  // Move another choice across it.
  press(&m, .char("g"), .char("x"))  // delete XS
  size = options(m)[1]
  #expect(size["choices"]?.arrayValue?.count == 5)
  #expect(size["defaultChoice"]?.intValue == 2)
  #expect(size["choices"]?[2]?["text"]?.stringValue == "M")
  // * makes a choice the default.
  press(&m, .char("*"))
  #expect(options(m)[1]["defaultChoice"]?.intValue == 0)
  let lines = m.view().screen.lines()
  #expect(lines.contains { $0.contains("* S ") || $0.contains("*  S") || $0.contains("* S") })
  press(&m, .left)
  #expect(m.options.focus == .options)
}

@Test func defaultOnlyForTypesThatHaveOne() {
  var m = optionsModel()
  press(&m, .down, .down, .down)  // Extras: CHECKBOX
  #expect(names(m)[m.options.selected] == "Extras")
  press(&m, .right, .char("*"))
  #expect(options(m)[3]["defaultChoice"] == nil)
  #expect(m.message?.text.contains("no default choice") == true)
}

@Test func priceModifierPercentAndRefusal() {
  var m = optionsModel(width: 120, height: 40)
  press(&m, .right)  // Color's choices, Fjord Blue
  press(&m, .char("p"), .ctrl("u"))
  type(&m, "1")
  press(&m, .char("0"), .enter)
  press(&m, .char("%"))
  let choice = options(m)[0]["choices"]![0]!
  #expect(choice["priceModifier"]?.numberValue == JSONNumber(10))
  #expect(choice["priceModifierType"]?.stringValue == "PERCENT")
  #expect(m.view().screen.lines().contains { $0.contains("Fjord Blue") && $0.contains("+10%") })
  press(&m, .char("%"))
  #expect(m.view().screen.lines().contains { $0.contains("Fjord Blue") && $0.contains("+10.00") })
  // Negative and zero.
  press(&m, .char("p"), .ctrl("u"))
  type(&m, "-2.5")
  press(&m, .enter)
  #expect(m.view().screen.lines().contains { $0.contains("Fjord Blue") && $0.contains("-2.50") })
  // A letter is refused while typing, and a non-number (pasted) is refused on Enter.
  press(&m, .char("p"), .ctrl("u"), .char("x"))
  #expect(m.message?.text.contains("“x” is not part of a number") == true)
  _ = m.update(.paste("abc"))
  press(&m, .enter)
  #expect(m.message?.kind == .error)
  #expect(m.message?.text.contains("must be a number") == true)
  #expect(m.options.isTyping)
  #expect(options(m)[0]["choices"]![0]!["priceModifier"]?.numberValue == JSONNumber(text: "-2.5"))
  press(&m, .escape)
  #expect(!m.options.isTyping)
}

@Test func addDeleteAndReorderChoices() {
  var m = optionsModel()
  press(&m, .right, .char("a"))
  press(&m, .ctrl("u"))
  type(&m, "Midnight")
  press(&m, .enter)
  var texts = options(m)[0]["choices"]!.arrayValue!.map { $0["text"]!.stringValue! }
  #expect(texts == ["Fjord Blue", "Midnight", "Heather Grey", "Forest Green", "Cranberry"])
  press(&m, .char("K"))
  texts = options(m)[0]["choices"]!.arrayValue!.map { $0["text"]!.stringValue! }
  #expect(texts.prefix(2) == ["Midnight", "Fjord Blue"])
  #expect(options(m)[0]["defaultChoice"]?.intValue == 1)  // Fjord Blue is still the default
  press(&m, .char("x"))
  #expect(options(m)[0]["choices"]?.arrayValue?.count == 4)
  #expect(options(m)[0]["defaultChoice"]?.intValue == 0)
}

@Test func variationsWarning() {
  let catalog = Sandbox.sampleCatalog()
  guard let index = catalog.products.firstIndex(where: { !($0.json["combinations"]?.arrayValue?.isEmpty ?? true) }) else {
    Issue.record("no sample product with variations")
    return
  }
  let m = optionsModel(product: index)
  #expect(m.view().screen.lines().contains { $0.contains("variation") && $0.contains("rebuild") })
  let plain = optionsModel()
  #expect(!plain.view().screen.lines().contains { $0.contains("rebuild") })
}

@Test func helpAndHintDescribeTheKeys() {
  var m = optionsModel(width: 120, height: 40)
  #expect(!KeyReference.options.isEmpty && !KeyReference.optionChoices.isEmpty)
  #expect(m.view().screen.lines()[38].contains("a: add"))
  press(&m, .char("?"))
  #expect(screenText(m).contains("duplicate the option"))
}
