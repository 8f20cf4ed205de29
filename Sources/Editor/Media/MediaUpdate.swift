import EcwidAPI
import Foundation
import ProductDocument
import Terminal

/// What the gallery handles: its keys and a paste (into the alt text or the URL box).
public enum MediaMsg: Sendable {
  case key(Key)
  case paste(String)
}

/// What the gallery reads of the product (from the read-only context).
extension ScreenContext {
  /// The gallery's rows, images then videos; a row is made when it is read (a frame reads the
  /// visible ones, not a thousand).
  var mediaRows: MediaRows {
    let media = document?.current.json["media"]
    return MediaRows(images: media?["images"]?.arrayValue ?? [], videos: media?["videos"]?.arrayValue ?? [])
  }

  var imageCount: Int { document?.current.json["media"]?["images"]?.arrayValue?.count ?? 0 }
  var mediaCount: Int {
    imageCount + (document?.current.json["media"]?["videos"]?.arrayValue?.count ?? 0)
  }

  var mediaPageRows: Int { max(1, height - 8) }

  /// The store's languages other than the default one (the main alt text is the default).
  var translationLanguages: [String] { Array(languages.dropFirst()) }

  /// An image as the status line names it: its file name (or its place).
  func imageName(_ index: Int) -> String {
    let item = document?.current.json["media"]?["images"]?[index]
    let url = item?["imageOriginalUrl"]?.stringValue ?? item?["image1500pxUrl"]?.stringValue ?? item?["url"]?.stringValue ?? ""
    let file = Model.fileName(of: url)
    return file.isEmpty ? "image \(index + 1)" : file
  }

  /// An image's alt text (language nil: the main one), read without building the gallery's rows.
  func altText(image index: Int, language: String?) -> String? {
    let alt = document?.current.json["media"]?["images"]?[index]?["alt"]
    return language.map { alt?["translated"]?[$0]?.stringValue } ?? alt?["main"]?.stringValue
  }
}

extension MediaState: Component {
  var keys: KeyTable<MediaState> { MediaKeys.table }

  public mutating func update(_ message: MediaMsg, _ context: ScreenContext) -> [Effect] {
    switch message {
    case .key(let key): return handle(key, context) ?? []
    case .paste(let text): return paste(text, context)
    }
  }

  /// A key of the gallery's open prompt, else of its key table; nil when neither has it (the keys
  /// every section shares have it then). Written out here, not taken from `PromptingComponent`,
  /// so that following a key through the gallery stays in the gallery's folder (the README's walk).
  mutating func handle(_ key: Key, _ context: ScreenContext) -> [Effect]? {
    if let done = modalKey(key, context) { return done }
    return keys.run(key, on: &self, context)
  }

  /// True while keys are text for the alt text or the URL box.
  var isTyping: Bool { editing != nil || adding != nil }

  /// True while a question or the language list waits for its answer.
  var isAsking: Bool { choosingLanguage != nil || confirmingRemove != nil }

  /// The hint line of an open prompt (nil: the key table's hints).
  var hint: String? {
    if adding != nil { return "Enter: add · Esc: cancel" }
    if choosingLanguage != nil { return "↑↓: language · Enter: edit its alt text · Esc: cancel" }
    return nil
  }

  /// Keys of an alt text being typed, the URL box, the language list or the remove question;
  /// nil when none is open (the gallery's key table has the key then).
  mutating func modalKey(_ key: Key, _ c: ScreenContext) -> [Effect]? {
    if var editing {
      self.editing = nil  // taken out while the key changes it: its text is changed in place, not copied
      let outcome = editing.edit.handle(key)
      return altEdited(editing, outcome, c)
    }
    if let languageIndex = choosingLanguage { return languageChoiceKey(key, highlighted: languageIndex, c) }
    if adding != nil { return addingKey(key, c) }
    if let index = confirmingRemove {
      confirmingRemove = nil
      guard key == .char("y") || key == .char("Y") else { return [.status(StatusMessage("Kept"))] }
      selected = max(0, min(selected, c.mediaCount - 2))
      return [
        .apply(.removeMedia(index: index)), .serverError([.key("media")], nil),
        .status(StatusMessage("Removed; it goes from the store when you save (u undoes)")),
      ]
    }
    return nil
  }

  /// A paste goes into the alt text or the URL box, whichever is open.
  mutating func paste(_ text: String, _ c: ScreenContext) -> [Effect] {
    if var editing {
      self.editing = nil
      let outcome = editing.edit.paste(text)
      return altEdited(editing, outcome, c)
    }
    if adding != nil { _ = adding!.paste(text) }
    return []
  }

  /// The selected row, within the gallery.
  func selectedMedium(_ c: ScreenContext) -> Int { min(selected, max(0, c.mediaCount - 1)) }

  /// Moves the selection by `rows`, or to the first (0) or last (-1) medium.
  mutating func selectMedium(by rows: Int = 0, to place: Int? = nil, _ c: ScreenContext) -> [Effect] {
    let last = max(0, c.mediaCount - 1)
    if let place {
      selected = place < 0 ? last : 0
    } else {
      selected = max(0, min(last, selectedMedium(c) + rows))
    }
    return []
  }

  /// J / K: the selected image one place down or up.
  mutating func moveSelectedImage(down: Bool, _ c: ScreenContext) -> [Effect] {
    let from = selectedMedium(c)
    let images = c.imageCount
    let target = down ? from + 1 : from - 1
    guard target >= 0, target < images, from < images else { return refuseMove(from, images: images) }
    let name = c.imageName(from)
    selected = target
    return [
      .apply(.moveImage(from: from, to: target)),
      .status(
        StatusMessage(
          moveMessage("Image", name, down: down, to: target, of: images) + (target == 0 ? "; it is the main image now" : ""))),
    ]
  }

  /// Alt-g / Alt-G: the selected image to the top (it becomes the main image) or the bottom.
  mutating func moveSelectedImageToEnd(top: Bool, _ c: ScreenContext) -> [Effect] {
    let from = selectedMedium(c)
    let images = c.imageCount
    guard from < images, top ? from > 0 : from < images - 1 else { return refuseMove(from, images: images) }
    let name = c.imageName(from)
    selected = top ? 0 : images - 1
    return [
      .apply(.moveImage(from: from, to: top ? 0 : images - 1)),
      .status(
        StatusMessage(
          top
            ? "Moved to the top: it is the main image now"
            : "Moved image “\(name)” to the bottom: \(images) of \(images) (u undoes)")),
    ]
  }

  mutating func makeSelectedImageMain(_ c: ScreenContext) -> [Effect] {
    let from = selectedMedium(c)
    guard from < c.imageCount else { return [.status(StatusMessage("Only an image can be the main image", .warning))] }
    guard from > 0 else { return [.status(StatusMessage("This is already the main image"))] }
    selected = 0
    return [.apply(.setMainImage(index: from)), .status(StatusMessage("Main image set"))]
  }

  /// l: asks which language's alt text to edit.
  mutating func chooseAltLanguage(_ c: ScreenContext) -> [Effect] {
    guard selectedMedium(c) < c.imageCount else { return [.status(StatusMessage("Alt texts belong to images", .warning))] }
    if c.translationLanguages.isEmpty { return [.status(StatusMessage("The store has only one language", .warning))] }
    choosingLanguage = 0
    return []
  }

  mutating func askToRemoveSelectedMedium(_ c: ScreenContext) -> [Effect] {
    guard c.mediaCount > 0 else { return [] }
    confirmingRemove = selectedMedium(c)
    return []
  }

  func refuseMove(_ selected: Int, images: Int) -> [Effect] {
    if selected >= images {
      return [.status(StatusMessage("Videos keep their own order; only images move", .warning))]
    } else if images > 0 {
      return [
        .status(
          StatusMessage(
            selected == 0 && images > 1 ? "It is the first image: it cannot move up" : selected == images - 1
              ? "It is the last image: it cannot move down" : "Nothing to move"))
      ]
    }
    return []
  }

  mutating func startAltEditing(index: Int, language: String?, _ c: ScreenContext) -> [Effect] {
    guard index < c.imageCount else { return [.status(StatusMessage("Alt texts belong to images", .warning))] }
    let text = c.altText(image: index, language: language)
    editing = AltEditing(
      index: index, language: language,
      edit: TextEdit(text ?? "", coalesceKey: "alt:\(index):\(language ?? "main"):\(c.documentVersion)"), original: text)
    return []
  }

  /// What an alt text does with its text component's outcome.
  mutating func altEdited(_ alt: AltEditing, _ outcome: TextEdit.Outcome, _ c: ScreenContext) -> [Effect] {
    editing = alt
    switch outcome {
    case .committed, .refused:
      editing = nil
      return setAlt(alt, alt.edit.text.isEmpty && alt.original == nil ? nil : alt.edit.text, c)
        + [.status(StatusMessage("Alt text\(alt.language.map { " (\($0))" } ?? "") set"))]
    case .reverted:
      editing = nil
      return setAlt(alt, alt.original, c) + [.status(StatusMessage("Edit cancelled"))]
    case .edited(let text), .invalid(let text, _):
      return setAlt(alt, text.isEmpty && alt.original == nil ? nil : text, c)
    case .moved, .ignored:
      return []
    }
  }

  func setAlt(_ alt: AltEditing, _ value: String?, _ c: ScreenContext) -> [Effect] {
    guard c.altText(image: alt.index, language: alt.language) != value else { return [] }
    return [.apply(.setImageAlt(index: alt.index, language: alt.language, text: value), coalesceKey: alt.edit.coalesceKey)]
  }

  mutating func languageChoiceKey(_ key: Key, highlighted: Int, _ c: ScreenContext) -> [Effect] {
    let languages = c.translationLanguages
    switch key {
    case .down, .char("j"): choosingLanguage = min(languages.count - 1, highlighted + 1)
    case .up, .char("k"): choosingLanguage = max(0, highlighted - 1)
    case .enter:
      choosingLanguage = nil
      return startAltEditing(index: selected, language: languages[highlighted], c)
    case .escape, .char("q"): choosingLanguage = nil
    default: break
    }
    return []
  }

  mutating func addingKey(_ key: Key, _ c: ScreenContext) -> [Effect] {
    guard var field = adding else { return [] }
    switch field.handle(key) {
    case .reverted:
      adding = nil
      return []
    case .committed(let text):
      switch Model.checkMediaURL(text) {
      case .failure(let problem):
        return [.status(StatusMessage(problem.text, .error))]
      case .success(let (url, kind)):
        adding = nil
        // Images come before videos: a new image is the last image, a new video the last row.
        selected = kind == .image ? c.imageCount : c.mediaCount
        return [
          .apply(.addMedia(url: url, kind: kind)),
          .status(StatusMessage("\(kind == .image ? "Image" : "Video") added; it is uploaded when you save")),
        ]
      }
    case .edited, .invalid, .refused, .moved, .ignored:
      adding = field
      return []
    }
  }
}

extension Model {
  /// The store's languages other than the default one (the main alt text is the default).
  var translationLanguages: [String] { Array(languages.dropFirst()) }

  /// An image as the status line names it: its file name (or its place).
  func imageName(_ index: Int) -> String { context.imageName(index) }

  static func fileName(of url: String) -> String {
    guard !url.isEmpty else { return "" }
    // The last non-empty "/" piece of the first non-empty "?" piece, found by scanning the bytes
    // ("?" and "/" are ASCII, so the piece stays whole UTF-8): a frame names every visible image.
    let bytes = Array(url.utf8)
    let question = UInt8(ascii: "?")
    let slash = UInt8(ascii: "/")
    guard let start = bytes.firstIndex(where: { $0 != question }) else { return url }
    let end = bytes[start...].firstIndex(of: question) ?? bytes.endIndex
    guard let last = bytes[start..<end].lastIndex(where: { $0 != slash }) else {
      return String(decoding: bytes[start..<end], as: UTF8.self)
    }
    let first = (bytes[start...last].lastIndex(of: slash)).map { $0 + 1 } ?? start
    return String(decoding: bytes[first...last], as: UTF8.self)
  }

  static let supportedImageExtensions = MediaLinks.imageExtensions

  /// Checks a media URL before anything is sent: absolute http(s) with a host, no spaces; a video
  /// site or video file, or an image Ecwid takes (JPG, PNG, GIF). Anything else is refused with
  /// the reason.
  static func checkMediaURL(_ text: String) -> Result<(String, MediaKind), URLProblemMessage> {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { return .failure(URLProblemMessage("Type the URL of an image or video")) }
    guard !trimmed.contains(" "), let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
      scheme == "https" || scheme == "http", let host = url.host, host.contains(".") || host == "localhost"
    else {
      return .failure(URLProblemMessage("“\(trimmed)” is not a web address: use https://host/path/file.jpg"))
    }
    let videoHosts = MediaLinks.videoHosts
    let videoExtensions = MediaLinks.videoFileExtensions
    // The file name's extension, without the query or fragment.
    let file = url.path.split(separator: "/").last.map(String.init) ?? ""
    let ext = file.contains(".") ? (file.split(separator: ".").last.map { $0.lowercased() } ?? "") : ""
    if videoHosts.contains(where: { host.lowercased() == $0 || host.lowercased().hasSuffix("." + $0) })
      || videoExtensions.contains(ext)
    {
      return .success((trimmed, .video))
    }
    // Ecwid takes JPG, PNG and GIF images (ECWID-API.md, "Errors and limits").
    if supportedImageExtensions.contains(ext) { return .success((trimmed, .image)) }
    if ext.isEmpty {
      return .failure(
        URLProblemMessage(
          "Not added: the address does not end in .jpg, .png or .gif, nor is it a YouTube/Vimeo video; Ecwid takes JPG, PNG and GIF images"))
    }
    return .failure(
      URLProblemMessage("Not added: .\(ext) files are not supported; Ecwid takes JPG, PNG and GIF images (at most 20 MB)"))
  }
}
