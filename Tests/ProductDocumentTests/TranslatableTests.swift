import EcwidAPI
import Testing

@testable import ProductDocument

/// Which texts of a product are translatable (product knowledge, kept in ProductDocument).
@Suite struct TranslatableTests {
  func product() -> Product {
    var p = Product(json: ["id": 7, "name": "Mug", "description": "<p>Big</p>"])
    p.json["nameTranslated"] = ["fr": "Tasse", "it": "Tazza"]
    p.json["options"] = [["name": "Size", "choices": [["text": "S"], ["text": "L", "textTranslated": ["fr": "G"]]]]]
    p.json["attributes"] = [["id": 1, "name": "Brand", "value": "Acme"]]
    p.json["media"] = ["images": [["id": "1", "alt": ["main": "A mug"]], ["id": "2"]]]
    return p
  }

  @Test func everyTranslatableTextIsListedWithItsPaths() throws {
    let texts = product().translatableTexts
    let labels = texts.map(\.label)
    #expect(
      labels == [
        "Name", "Description", "Subtitle", "SEO title", "SEO description", "Ribbon text", "Option “Size”",
        "Option “Size” › choice “S”", "Option “Size” › choice “L”", "Attribute “Brand”", "Attribute “Brand” › value",
        "Image 1 alt", "Image 2 alt",
      ])
    let choice = try #require(texts.first { $0.label == "Option “Size” › choice “L”" })
    #expect(choice.main == [.key("options"), .index(0), .key("choices"), .index(1), .key("text")])
    #expect(choice.translated == [.key("options"), .index(0), .key("choices"), .index(1), .key("textTranslated")])
    #expect(texts.first { $0.label == "Attribute “Brand”" }?.readOnly == true)
    #expect(texts.first { $0.label == "Image 2 alt" }?.kind == .imageAlt(1))
    #expect(texts.first { $0.label == "Description" }?.kind == .long)
  }

  @Test func theSeoDescriptionFollowsTheMisspelledKeyWhenTheProductUsesIt() {
    var p = product()
    #expect(p.translatableTexts.first { $0.label == "SEO description" }?.translated == [.key("seoDescriptionTranslated")])
    p.json["seoDecriptionTranslated"] = ["fr": "x"]
    #expect(p.translatableTexts.first { $0.label == "SEO description" }?.translated == [.key("seoDecriptionTranslated")])
  }

  @Test func missingTranslationsAndLanguagesBeyondTheStoresAreFound() throws {
    let p = product()
    let texts = p.translatableTexts
    let name = try #require(texts.first { $0.label == "Name" })
    let small = try #require(texts.first { $0.label == "Option “Size” › choice “S”" })
    let large = try #require(texts.first { $0.label == "Option “Size” › choice “L”" })
    let subtitle = try #require(texts.first { $0.label == "Subtitle" })
    let brand = try #require(texts.first { $0.label == "Attribute “Brand”" })
    #expect(!p.missesTranslation(name, language: "fr"))
    #expect(p.missesTranslation(name, language: "de"))
    #expect(p.missesTranslation(small, language: "fr"))
    #expect(!p.missesTranslation(large, language: "fr"))
    // No main text: nothing to translate. Read-only: cannot be given one here.
    #expect(!p.missesTranslation(subtitle, language: "fr"))
    #expect(!p.missesTranslation(brand, language: "fr"))
    #expect(p.translationLanguages(of: texts, beyond: ["en", "fr"]) == ["it"])
  }
}
