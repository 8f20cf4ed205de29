import EcwidAPI
import Foundation
import Testing

@testable import ProductDocument

@Suite struct EditTests {
  @Test func untouchedFieldsStayByteForByte() throws {
    let base = try Fixtures.product("get-product")
    var doc = Document(base: base)
    doc.apply(.set([.key("price")], 12))
    var expected = base.json
    expected["price"] = 12
    #expect(JSON.object(doc.current.json).encoded() == JSON.object(expected).encoded())
  }

  @Test func setCreatesIntermediateObjectsAndRemovesWithNil() {
    var doc = Document(base: Product(json: ["id": 1]))
    doc.apply(.set([.key("ribbon"), .key("text")], "Sale"))
    #expect(doc.current.ribbon?.text == "Sale")
    doc.apply(.set([.key("nameTranslated"), .key("fr")], "Jouets"))
    #expect(doc.current.nameTranslated?["fr"] == "Jouets")
    doc.apply(.set([.key("ribbon")], nil))
    #expect(doc.current.json["ribbon"] == nil)
  }

  @Test func unknownFieldsSurvive() {
    var base = sampleProduct()
    base.json["futureField"] = ["nested": [1, 2, 3]]
    base.json["options"] = .array([["type": "SWATCHES", "name": "Color", "swatch": "#fff"]])
    var doc = Document(base: base)
    doc.apply(.set([.key("name")], "Renamed"))
    #expect(doc.current.json["futureField"] == base.json["futureField"])
    #expect(doc.current.json["options"] == base.json["options"])
  }

  @Test func undoRedoAndCoalescing() {
    let base = sampleProduct()
    var doc = Document(base: base)
    for text in ["H", "He", "Hel", "Hell", "Hello"] {
      doc.apply(.set([.key("name")], .string(text)), coalesceKey: "name")
    }
    doc.apply(.set([.key("price")], 5))
    #expect(doc.current.name == "Hello")
    #expect(doc.undo() == true)
    #expect(doc.current.price == base.price)
    #expect(doc.current.name == "Hello")
    #expect(doc.undo() == true)
    #expect(doc.current == base)
    #expect(!doc.canUndo)
    #expect(doc.undo() == false)
    #expect(doc.redo() == true)
    #expect(doc.current.name == "Hello")
    #expect(doc.redo() == true)
    #expect(doc.current.price?.double == 5)
    #expect(!doc.canRedo)
    #expect(doc.isDirty)
  }

  @Test func newEditClearsRedo() {
    var doc = Document(base: sampleProduct())
    doc.apply(.set([.key("name")], "A"))
    doc.undo()
    doc.apply(.set([.key("name")], "B"))
    #expect(!doc.canRedo)
  }

  @Test func imageEdits() {
    let base = sampleProduct()
    var doc = Document(base: base)
    let ids = imageIds(base)
    doc.apply(.moveImage(from: 0, to: 2))
    #expect(imageIds(doc.current) == [ids[1], ids[2], ids[0]] + ids[3...])
    doc.apply(.setMainImage(index: 5))
    #expect(imageIds(doc.current).first == ids[5])
    doc.apply(.setImageAlt(index: 0, language: nil, text: "Main alt"))
    doc.apply(.setImageAlt(index: 0, language: "fr", text: "Texte"))
    #expect(doc.current.images[0].alt?.main == "Main alt")
    #expect(doc.current.images[0].alt?.translated?["fr"] == "Texte")
    doc.apply(.addMedia(url: "https://cdn.example.com/x.jpg", kind: .image))
    doc.apply(.addMedia(url: "https://youtu.be/abc", kind: .video))
    #expect(doc.pendingMedia == [PendingMedia(url: "https://cdn.example.com/x.jpg", kind: .image), PendingMedia(url: "https://youtu.be/abc", kind: .video)])
    #expect(doc.current.images.last?.id == nil)
    doc.apply(.removeMedia(index: 1))
    #expect(doc.current.images.count == base.images.count)
    doc.apply(.removeMedia(index: doc.current.images.count))  // the pending video
    #expect(doc.pendingMedia.count == 1)
  }

  @Test func optionEditsKeepDefaultChoiceOnItsChoice() {
    var base = Product(json: ["id": 1])
    base.json["options"] = [
      ["type": "SELECT", "name": "Size", "choices": [["text": "S"], ["text": "M"], ["text": "L"]], "defaultChoice": 1]
    ]
    var doc = Document(base: base)
    doc.apply(.moveChoice(option: 0, from: 1, to: 2))
    #expect(doc.current.options?[0].defaultChoice == 2)
    doc.apply(.addChoice(option: 0, ["text": "XS"], at: 0))
    #expect(doc.current.options?[0].defaultChoice == 3)
    #expect(doc.current.options?[0].choices?[3].text == "M")
    doc.apply(.removeChoice(option: 0, choice: 0))
    #expect(doc.current.options?[0].defaultChoice == 2)
    doc.apply(.removeChoice(option: 0, choice: 2))  // the default itself
    #expect(doc.current.options?[0].defaultChoice == 0)
  }

  @Test func setOptionTypeDropsChoicesAndUndoBringsThemBack() {
    let base = sampleProduct()
    var doc = Document(base: base)
    doc.apply(.setOptionType(option: 0, type: "TEXTFIELD"))
    #expect(doc.current.options?[0].choices == nil)
    #expect(doc.current.options?[0].defaultChoice == nil)
    doc.undo()
    #expect(doc.current == base)
  }

  @Test func optionListEdits() {
    let base = sampleProduct()
    var doc = Document(base: base)
    let names = base.options!.map { $0.name! }
    doc.apply(.duplicateOption(0))
    #expect(doc.current.options?.count == names.count + 1)
    #expect(doc.current.options?[1].name == names[0] + " copy")
    doc.apply(.moveOption(from: 0, to: 2))
    doc.apply(.removeOption(0))
    doc.apply(.addOption(["type": "RADIO", "name": "Gift wrap"], at: nil))
    #expect(doc.current.options?.last?.name == "Gift wrap")
    while doc.undo() {}
    #expect(doc.current == base)
  }

  @Test func replaceProductKeepsEverythingGiven() {
    let base = sampleProduct()
    var edited = base
    edited.json["price"] = 1
    edited.json["unknownThing"] = true
    var doc = Document(base: base)
    doc.apply(.replaceProduct(edited))
    #expect(doc.current == edited)
  }

  @Test func rebaseAndTakeRemote() {
    let base = sampleProduct()
    var doc = Document(base: base)
    doc.apply(.set([.key("price")], 3))
    var theirs = base
    theirs.json["sku"] = "THEIRS"
    let result = checkConflicts(base: doc.base, mine: doc.current, theirs: theirs)
    doc.takeRemote(result)
    #expect(doc.base == theirs)
    #expect(doc.current.sku == "THEIRS")
    #expect(doc.current.price?.double == 3)
    #expect(doc.canUndo)
    doc.rebase(onto: doc.current)
    #expect(!doc.isDirty && !doc.canUndo && doc.pendingMedia.isEmpty)
  }
}
