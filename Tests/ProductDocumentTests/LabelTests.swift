import EcwidAPI
import Testing

@testable import ProductDocument

@Suite struct LabelTests {
  /// Language codes are keys too: `zh_CN` must not be read as camel case ("zh_ c n").
  @Test func languageCodesStayWholeInChangeLabels() {
    var base = Product(json: ["id": 1])
    base.json["nameTranslated"] = ["en": "Toy", "zh_CN": "玩具"]
    base.json["description"] = "x"
    var doc = Document(base: base)
    doc.apply(.set([.key("nameTranslated"), .key("zh_CN")], "新玩具"))
    doc.apply(.set([.key("nameTranslated"), .key("pt_BR")], "Brinquedo"))
    let labels = Set(doc.changes().map(\.label))
    #expect(labels.contains("Name translations › zh_CN"), "\(labels)")
    #expect(labels.contains("Name translations › pt_BR"), "\(labels)")
    // Camel case still reads as words.
    #expect(Labels.words("priceModifierType") == "price modifier type")
    #expect(Labels.words("imageOriginalUrl") == "image original url")
  }
}
