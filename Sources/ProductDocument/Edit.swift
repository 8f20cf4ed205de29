import EcwidAPI

public enum MediaKind: String, Sendable, Hashable {
  case image, video
}

/// A medium added by URL and not saved yet. In `Document.current` it is an entry of
/// `media.images` (key `imageOriginalUrl`) or `media.videos` (key `url`) that has no `id`.
public struct PendingMedia: Sendable, Hashable {
  public var url: String
  public var kind: MediaKind
  public init(url: String, kind: MediaKind) {
    self.url = url
    self.kind = kind
  }
}

/// A typed change to the edited product. Media indices count images first (main image is 0),
/// then videos; options and choices are indices into the current lists.
public enum Edit: Sendable, Hashable {
  /// Sets any value at `path`; nil removes the key. Missing intermediate objects are created.
  case set(FieldPath, JSON?)
  case moveImage(from: Int, to: Int)
  case setMainImage(index: Int)
  /// `language` nil sets `alt.main`; nil text removes that entry.
  case setImageAlt(index: Int, language: String?, text: String?)
  case addMedia(url: String, kind: MediaKind)
  /// Index into images then videos.
  case removeMedia(index: Int)
  case addOption(JSONObject, at: Int?)
  case removeOption(Int)
  case moveOption(from: Int, to: Int)
  case duplicateOption(Int)
  case addChoice(option: Int, JSONObject, at: Int?)
  case removeChoice(option: Int, choice: Int)
  case moveChoice(option: Int, from: Int, to: Int)
  /// Removes choices (and defaultChoice) when the new type has none.
  case setOptionType(option: Int, type: String)
  /// Variations follow a renamed option (`value` nil: every variation's value for the option
  /// named `option` is now under the name `to`) or a renamed choice (every variation whose value
  /// for `option` is `value` now has `to`). The option list itself is edited separately.
  case renameInCombinations(option: String, value: String?, to: String)
  /// The whole edited product (diff/apply CLI); media and unknown fields are kept as given.
  case replaceProduct(Product)
}

let imagesPath: FieldPath = [.key("media"), .key("images")]
let videosPath: FieldPath = [.key("media"), .key("videos")]
let optionsPath: FieldPath = [.key("options")]

func choicesPath(option: Int) -> FieldPath { optionsPath + [.index(option), .key("choices")] }

extension Product {
  /// Applies one edit. Invalid indices leave the product as it is; a `.set` whose path does not
  /// fit the product's shape is refused (see `JSON.write`) and its reason returned.
  @discardableResult
  mutating func apply(_ edit: Edit) -> FieldPathError? {
    switch edit {
    case .set(let path, let value):
      return setValue(value, at: path)
    case .moveImage(let from, let to):
      moveElement(at: imagesPath, from: from, to: to)
    case .setMainImage(let index):
      moveElement(at: imagesPath, from: index, to: 0)
    case .setImageAlt(let index, let language, let text):
      guard index >= 0, index < (value(at: imagesPath)?.arrayValue?.count ?? 0) else { return nil }
      let altPath = imagesPath + [.index(index), .key("alt")]
      if value(at: altPath)?.objectValue == nil { setValue(.object(["translated": .object([:])]), at: altPath) }
      if let language {
        setValue(text.map(JSON.string), at: altPath + [.key("translated"), .key(language)])
      } else {
        setValue(text.map(JSON.string), at: altPath + [.key("main")])
      }
    case .addMedia(let url, let kind):
      switch kind {
      case .image:
        appendElement(.object(["imageOriginalUrl": .string(url), "alt": .object(["translated": .object([:])])]), at: imagesPath)
      case .video:
        appendElement(.object(["url": .string(url)]), at: videosPath)
      }
    case .removeMedia(let index):
      let imageCount = value(at: imagesPath)?.arrayValue?.count ?? 0
      if index >= 0, index < imageCount {
        setValue(nil, at: imagesPath + [.index(index)])
      } else if index >= imageCount, index - imageCount < (value(at: videosPath)?.arrayValue?.count ?? 0) {
        setValue(nil, at: videosPath + [.index(index - imageCount)])
      }
    case .addOption(let option, let at):
      insertElement(.object(option), at: optionsPath, index: at)
    case .removeOption(let index):
      guard index >= 0, index < optionCount else { return nil }
      setValue(nil, at: optionsPath + [.index(index)])
    case .moveOption(let from, let to):
      moveElement(at: optionsPath, from: from, to: to)
    case .duplicateOption(let index):
      guard index >= 0, index < optionCount, var copy = value(at: optionsPath + [.index(index)])?.objectValue else { return nil }
      if let name = copy["name"]?.stringValue { copy["name"] = .string(uniqueOptionName(name + " copy")) }
      insertElement(.object(copy), at: optionsPath, index: index + 1)
    case .addChoice(let option, let choice, let at):
      guard option >= 0, option < optionCount else { return nil }
      updateChoices(option: option) { choices in
        let i = min(max(at ?? choices.count, 0), choices.count)
        choices.insert(.object(choice), at: i)
      }
    case .removeChoice(let option, let choice):
      guard option >= 0, option < optionCount else { return nil }
      // The variations that have the removed choice go with it (a variation has one value of
      // every option, and that value no longer exists).
      if let name = value(at: optionsPath + [.index(option), .key("name")])?.stringValue,
        let text = value(at: choicesPath(option: option) + [.index(choice), .key("text")])?.stringValue
      {
        removeCombinations(option: name, value: text)
      }
      updateChoices(option: option) { choices in
        if choices.indices.contains(choice) { choices.remove(at: choice) }
      }
    case .moveChoice(let option, let from, let to):
      guard option >= 0, option < optionCount else { return nil }
      updateChoices(option: option) { choices in
        guard choices.indices.contains(from) else { return }
        let element = choices.remove(at: from)
        choices.insert(element, at: min(max(to, 0), choices.count))
      }
    case .setOptionType(let option, let type):
      guard option >= 0, option < optionCount else { return nil }
      let optionPath = optionsPath + [.index(option)]
      setValue(.string(type), at: optionPath + [.key("type")])
      let kind = OptionType(rawValue: type)
      if !kind.hasChoices { setValue(nil, at: optionPath + [.key("choices")]) }
      if !kind.hasDefaultChoice { setValue(nil, at: optionPath + [.key("defaultChoice")]) }
    case .replaceProduct(let product):
      self = product
    case .renameInCombinations(let option, let value, let to):
      renameInCombinations(option: option, value: value, to: to)
    }
    return nil
  }

  /// Indices of the variations whose value for the option named `option` is `value` (any value
  /// when nil).
  public func combinationIndices(option: String, value: String?) -> [Int] {
    let all = combinations ?? []
    return all.indices.filter { i in
      all[i].options?.contains { $0.name == option && (value == nil || $0.value == value) } == true
    }
  }

  /// The edits that keep the variations in step after the text at `path` (an option's name,
  /// `options[i].name`, or a choice's text, `options[i].choices[j].text`) went from `old` to `new`:
  /// one `.renameInCombinations` when variations named `old`, none otherwise (nor for any other
  /// path). `variations` is how many variations follow, for the status line. `self` is the product
  /// before or after the rename (the variations and the option's name are the same in both).
  /// Apply the edits with the rename's coalesce key: they undo as one step with it.
  public func followRename(at path: FieldPath, from old: String, to new: String) -> (edits: [Edit], variations: Int) {
    guard old != new, path.count >= 3, path[0] == .key("options"), case .index(let i) = path[1] else { return ([], 0) }
    if path.count == 3, path[2] == .key("name") {
      let count = combinationIndices(option: old, value: nil).count
      return (count > 0 ? [.renameInCombinations(option: old, value: nil, to: new)] : [], count)
    }
    guard path.count == 5, path[2] == .key("choices"), path[4] == .key("text"),
      let name = value(at: optionsPath + [.index(i), .key("name")])?.stringValue
    else { return ([], 0) }
    let count = combinationIndices(option: name, value: old).count
    return (count > 0 ? [.renameInCombinations(option: name, value: old, to: new)] : [], count)
  }

  mutating func renameInCombinations(option: String, value: String?, to: String) {
    guard option != to || value != nil, value != to else { return }
    for i in combinationIndices(option: option, value: value) {
      let path = combinationsPath + [.index(i), .key("options")]
      guard var values = self.value(at: path)?.arrayValue else { continue }
      for k in values.indices where values[k]["name"]?.stringValue == option {
        guard var v = values[k].objectValue else { continue }
        if let value {
          guard v["value"]?.stringValue == value else { continue }
          v["value"] = .string(to)
          // A translated value named the old choice: it no longer says what the variation is.
          v.removeValue(forKey: "valueTranslated")
        } else {
          v["name"] = .string(to)
          v.removeValue(forKey: "nameTranslated")
        }
        values[k] = .object(v)
      }
      setValue(.array(values), at: path)
    }
  }

  mutating func removeCombinations(option: String, value: String) {
    let doomed = Set(combinationIndices(option: option, value: value))
    guard !doomed.isEmpty, let all = self.value(at: combinationsPath)?.arrayValue else { return }
    setValue(.null, at: combinationsPath)
    setValue(.array(all.enumerated().filter { !doomed.contains($0.offset) }.map(\.element)), at: combinationsPath)
  }

  var optionCount: Int { value(at: optionsPath)?.arrayValue?.count ?? 0 }

  /// `wanted`, or `wanted 2`, `wanted 3`… so that options stay identifiable by name.
  public func uniqueOptionName(_ wanted: String) -> String {
    let names = Set((value(at: optionsPath)?.arrayValue ?? []).compactMap { $0["name"]?.stringValue })
    var name = wanted
    var n = 2
    while names.contains(name) {
      name = "\(wanted) \(n)"
      n += 1
    }
    return name
  }

  mutating func moveElement(at path: FieldPath, from: Int, to: Int) {
    guard var array = value(at: path)?.arrayValue, array.indices.contains(from), from != to else { return }
    setValue(.null, at: path)
    let element = array.remove(at: from)
    array.insert(element, at: min(max(to, 0), array.count))
    setValue(.array(array), at: path)
  }

  mutating func appendElement(_ element: JSON, at path: FieldPath) {
    insertElement(element, at: path, index: nil)
  }

  mutating func insertElement(_ element: JSON, at path: FieldPath, index: Int?) {
    var array = value(at: path)?.arrayValue ?? []
    setValue(.null, at: path)
    array.insert(element, at: min(max(index ?? array.count, 0), array.count))
    setValue(.array(array), at: path)
  }

  /// Changes an option's choices so that `defaultChoice` keeps pointing at the same choice; when
  /// that choice is gone it falls back to the first one (or is removed with the last choice).
  mutating func updateChoices(option: Int, _ body: (inout [JSON]) -> Void) {
    let optionPath = optionsPath + [.index(option)]
    var choices = value(at: optionPath + [.key("choices")])?.arrayValue ?? []
    let identity = ArrayIdentity.choice
    let defaultIndex = value(at: optionPath + [.key("defaultChoice")])?.intValue
    let keysBefore = identity.keys(choices)
    let defaultKey = defaultIndex.flatMap { keysBefore.indices.contains($0) ? keysBefore[$0] : nil }
    setValue(.null, at: optionPath + [.key("choices")])
    body(&choices)
    setValue(.array(choices), at: optionPath + [.key("choices")])
    guard defaultIndex != nil else { return }
    let keysAfter = identity.keys(choices)
    if let defaultKey, let i = keysAfter.firstIndex(of: defaultKey) {
      if i != defaultIndex { setValue(.int(i), at: optionPath + [.key("defaultChoice")]) }
    } else if defaultKey != nil {
      setValue(choices.isEmpty ? nil : .int(0), at: optionPath + [.key("defaultChoice")])
    }
  }

  /// Media added by URL and not saved yet (entries with no id).
  var pendingMedia: [PendingMedia] {
    var out: [PendingMedia] = []
    for image in value(at: imagesPath)?.arrayValue ?? [] where image["id"] == nil {
      out.append(PendingMedia(url: image["imageOriginalUrl"]?.stringValue ?? "", kind: .image))
    }
    for video in value(at: videosPath)?.arrayValue ?? [] where video["id"] == nil {
      out.append(PendingMedia(url: video["url"]?.stringValue ?? "", kind: .video))
    }
    return out
  }
}
