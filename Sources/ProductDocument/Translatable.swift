import EcwidAPI

/// One translatable text of a product: its main value (the default language) and the map of its
/// translations by language. Which texts of a product have translations is Ecwid's product
/// knowledge, kept here beside the labels; the editor's Translations screen shows one row per text.
public struct TranslatableText: Sendable, Equatable {
  public enum Kind: Sendable, Equatable { case text, long, imageAlt(Int) }
  public var label: String
  /// The main value (the default language), e.g. `name`.
  public var main: FieldPath
  /// The map of translations by language, e.g. `nameTranslated`.
  public var translated: FieldPath
  public var kind: Kind
  /// Shown, not edited: an attribute's name belongs to the product type (the API ignores a name
  /// sent with the attribute's id or alias).
  public var readOnly = false

  public init(label: String, main: FieldPath, translated: FieldPath, kind: Kind, readOnly: Bool = false) {
    self.label = label
    self.main = main
    self.translated = translated
    self.kind = kind
    self.readOnly = readOnly
  }
}

extension Product {
  /// The key of the SEO description's translations: Ecwid's documented misspelling
  /// (`seoDecriptionTranslated`) when the product uses it, else the correct one.
  public var seoDescriptionTranslationsKey: String {
    json["seoDecriptionTranslated"] != nil && json["seoDescriptionTranslated"] == nil
      ? "seoDecriptionTranslated" : "seoDescriptionTranslated"
  }

  /// Every translatable text: name, description, subtitle, SEO title and description, ribbon, each
  /// option's name and choices, each attribute's name (read-only) and value, each image's alt text.
  public var translatableTexts: [TranslatableText] {
    var texts: [TranslatableText] = [
      TranslatableText(label: "Name", main: [.key("name")], translated: [.key("nameTranslated")], kind: .text),
      TranslatableText(
        label: "Description", main: [.key("description")], translated: [.key("descriptionTranslated")], kind: .long),
      TranslatableText(label: "Subtitle", main: [.key("subtitle")], translated: [.key("subtitleTranslated")], kind: .text),
      TranslatableText(label: "SEO title", main: [.key("seoTitle")], translated: [.key("seoTitleTranslated")], kind: .text),
      TranslatableText(
        label: "SEO description", main: [.key("seoDescription")], translated: [.key(seoDescriptionTranslationsKey)],
        kind: .text),
      TranslatableText(
        label: "Ribbon text", main: [.key("ribbon"), .key("text")], translated: [.key("ribbonTranslated")], kind: .text),
    ]
    for (i, option) in (json["options"]?.arrayValue ?? []).enumerated() {
      let path: FieldPath = [.key("options"), .index(i)]
      let label = "Option “\(option["name"]?.stringValue ?? "#\(i + 1)")”"
      texts.append(
        TranslatableText(label: label, main: path + [.key("name")], translated: path + [.key("nameTranslated")], kind: .text))
      for (j, choice) in (option["choices"]?.arrayValue ?? []).enumerated() {
        let cp = path + [.key("choices"), .index(j)]
        texts.append(
          TranslatableText(
            label: label + " › choice “\(choice["text"]?.stringValue ?? "#\(j + 1)")”", main: cp + [.key("text")],
            translated: cp + [.key("textTranslated")], kind: .text))
      }
    }
    for (i, attribute) in (json["attributes"]?.arrayValue ?? []).enumerated() {
      let path: FieldPath = [.key("attributes"), .index(i)]
      let name = attribute["name"]?.stringValue ?? attribute["alias"]?.stringValue ?? "#\(i + 1)"
      texts.append(
        TranslatableText(
          label: "Attribute “\(name)”", main: path + [.key("name")], translated: path + [.key("nameTranslated")],
          kind: .text, readOnly: true))
      texts.append(
        TranslatableText(
          label: "Attribute “\(name)” › value", main: path + [.key("value")], translated: path + [.key("valueTranslated")],
          kind: .text))
    }
    let images = json["media"]?["images"]?.arrayValue ?? []
    for i in images.indices {
      let path: FieldPath = [.key("media"), .key("images"), .index(i), .key("alt")]
      texts.append(
        TranslatableText(
          label: "Image \(i + 1) alt", main: path + [.key("main")], translated: path + [.key("translated")],
          kind: .imageAlt(i)))
    }
    return texts
  }

  /// Languages the texts are translated into beyond `languages` (in the order first met).
  public func translationLanguages(of texts: [TranslatableText], beyond languages: [String]) -> [String] {
    var seen = Set(languages)
    var found: [String] = []
    for text in texts {
      for lang in value(at: text.translated)?.objectValue?.keys ?? [] where !seen.contains(lang) {
        seen.insert(lang)
        found.append(lang)
      }
    }
    return found
  }

  /// True when the text has a main value but no translation into `language` (a read-only text
  /// never misses one: it cannot be given one here).
  public func missesTranslation(_ text: TranslatableText, language: String) -> Bool {
    guard !text.readOnly, let main = value(at: text.main)?.stringValue, !main.isEmpty else { return false }
    return (value(at: text.translated + [.key(language)])?.stringValue ?? "").isEmpty
  }
}
