import EcwidAPI
import Foundation
import ProductDocument
import Terminal

/// The gallery: selecting, moving, adding and removing media, and their alt texts.
extension Model {
  var mediaRows: [MediaRow] {
    guard let document else { return [] }
    let media = document.current.json["media"]
    let images = media?["images"]?.arrayValue ?? []
    let videos = media?["videos"]?.arrayValue ?? []
    return images.enumerated().map { MediaRow(index: $0.offset, kind: .image, item: $0.element) }
      + videos.enumerated().map { MediaRow(index: images.count + $0.offset, kind: .video, item: $0.element) }
  }

  var imageCount: Int { document?.current.json["media"]?["images"]?.arrayValue?.count ?? 0 }
  var mediaCount: Int {
    imageCount + (document?.current.json["media"]?["videos"]?.arrayValue?.count ?? 0)
  }

  /// The hint line of an open prompt (nil: the key table's hints).
  var mediaHint: String? {
    if media.adding != nil { return "Enter: add · Esc: cancel" }
    if media.choosingLanguage != nil { return "↑↓: language · Enter: edit its alt text · Esc: cancel" }
    return nil
  }

  /// Keys of an alt text being typed, the URL box, the language list or the remove question;
  /// nil when none is open (the gallery's key table has the key then).
  mutating func mediaModalKey(_ key: Key) -> [Command]? {
    if media.editing != nil { return altEditingKey(key) }
    if let languageIndex = media.choosingLanguage { return languageChoiceKey(key, highlighted: languageIndex) }
    if media.adding != nil { return addingKey(key) }
    if let index = media.confirmingRemove {
      media.confirmingRemove = nil
      if key == .char("y") || key == .char("Y") {
        apply(.removeMedia(index: index))
        form.serverErrors[[.key("media")]] = nil
        media.selected = max(0, min(media.selected, mediaCount - 1))
        message = StatusMessage("Removed; it goes from the store when you save (u undoes)")
      } else {
        message = StatusMessage("Kept")
      }
      return []
    }
    return nil
  }

  /// The selected row, within the gallery.
  var selectedMedium: Int { min(media.selected, max(0, mediaCount - 1)) }

  /// Moves the selection by `rows`, or to the first (0) or last (-1) medium.
  mutating func selectMedium(by rows: Int = 0, to place: Int? = nil) -> [Command] {
    let last = max(0, mediaCount - 1)
    if let place {
      media.selected = place < 0 ? last : 0
    } else {
      media.selected = max(0, min(last, selectedMedium + rows))
    }
    return []
  }

  var mediaPageRows: Int { max(1, height - 8) }

  /// J / K: the selected image one place down or up.
  mutating func moveSelectedImage(down: Bool) -> [Command] {
    let selected = selectedMedium
    let images = imageCount
    let target = down ? selected + 1 : selected - 1
    guard target >= 0, target < images, selected < images else { return refuseMove(selected, images: images) }
    let name = imageName(selected)
    apply(.moveImage(from: selected, to: target))
    media.selected = target
    message = StatusMessage(
      moveMessage("Image", name, down: down, to: target, of: images) + (target == 0 ? "; it is the main image now" : ""))
    return []
  }

  /// Alt-g / Alt-G: the selected image to the top (it becomes the main image) or the bottom.
  mutating func moveSelectedImageToEnd(top: Bool) -> [Command] {
    let selected = selectedMedium
    let images = imageCount
    guard selected < images, top ? selected > 0 : selected < images - 1 else { return refuseMove(selected, images: images) }
    let name = imageName(selected)
    apply(.moveImage(from: selected, to: top ? 0 : images - 1))
    media.selected = top ? 0 : images - 1
    message = StatusMessage(
      top ? "Moved to the top: it is the main image now" : "Moved image “\(name)” to the bottom: \(images) of \(images) (u undoes)")
    return []
  }

  mutating func makeSelectedImageMain() -> [Command] {
    let selected = selectedMedium
    guard selected < imageCount else {
      message = StatusMessage("Only an image can be the main image", .warning)
      return []
    }
    guard selected > 0 else {
      message = StatusMessage("This is already the main image")
      return []
    }
    apply(.setMainImage(index: selected))
    media.selected = 0
    message = StatusMessage("Main image set")
    return []
  }

  /// l: asks which language's alt text to edit.
  mutating func chooseAltLanguage() -> [Command] {
    guard selectedMedium < imageCount else {
      message = StatusMessage("Alt texts belong to images", .warning)
      return []
    }
    if translationLanguages.isEmpty {
      message = StatusMessage("The store has only one language", .warning)
      return []
    }
    media.choosingLanguage = 0
    return []
  }

  mutating func askToRemoveSelectedMedium() -> [Command] {
    guard mediaCount > 0 else { return [] }
    media.confirmingRemove = selectedMedium
    return []
  }

  mutating func refuseMove(_ selected: Int, images: Int) -> [Command] {
    if selected >= images {
      message = StatusMessage("Videos keep their own order; only images move", .warning)
    } else if images > 0 {
      message = StatusMessage(
        selected == 0 && images > 1 ? "It is the first image: it cannot move up" : selected == images - 1
          ? "It is the last image: it cannot move down" : "Nothing to move")
    }
    return []
  }

  /// An image as the status line names it: its file name (or its place).
  func imageName(_ index: Int) -> String {
    let item = document?.current.json["media"]?["images"]?[index]
    let url = item?["imageOriginalUrl"]?.stringValue ?? item?["image1500pxUrl"]?.stringValue ?? item?["url"]?.stringValue ?? ""
    let file = Model.fileName(of: url)
    return file.isEmpty ? "image \(index + 1)" : file
  }

  /// The store's languages other than the default one (the main alt text is the default).
  var translationLanguages: [String] { Array(languages.dropFirst()) }

  mutating func startAltEditing(index: Int, language: String?) -> [Command] {
    guard index < imageCount else {
      message = StatusMessage("Alt texts belong to images", .warning)
      return []
    }
    let text = altText(image: index, language: language)
    media.editing = AltEditing(
      index: index, language: language,
      edit: TextEdit(text ?? "", coalesceKey: "alt:\(index):\(language ?? "main"):\(documentVersion)"), original: text)
    return []
  }

  mutating func altEditingKey(_ key: Key) -> [Command] {
    guard var editing = media.editing else { return [] }
    let outcome = editing.edit.handle(key)
    altEdited(editing, outcome)
    return []
  }

  /// A paste goes into the alt text or the URL box, whichever is open.
  mutating func mediaPaste(_ text: String) -> [Command] {
    if var editing = media.editing {
      let outcome = editing.edit.paste(text)
      altEdited(editing, outcome)
    } else if media.adding != nil {
      _ = media.adding!.paste(text)
    }
    return []
  }

  /// What an alt text does with its text component's outcome.
  mutating func altEdited(_ editing: AltEditing, _ outcome: TextEdit.Outcome) {
    media.editing = editing
    switch outcome {
    case .committed, .refused:
      setAlt(editing, editing.edit.text.isEmpty && editing.original == nil ? nil : editing.edit.text)
      media.editing = nil
      message = StatusMessage("Alt text\(editing.language.map { " (\($0))" } ?? "") set")
    case .reverted:
      setAlt(editing, editing.original)
      media.editing = nil
      message = StatusMessage("Edit cancelled")
    case .edited(let text), .invalid(let text, _):
      setAlt(editing, text.isEmpty && editing.original == nil ? nil : text)
    case .moved, .ignored:
      break
    }
  }

  /// An image's alt text (language nil: the main one), read without building the gallery's rows.
  func altText(image index: Int, language: String?) -> String? {
    let alt = document?.current.json["media"]?["images"]?[index]?["alt"]
    return language.map { alt?["translated"]?[$0]?.stringValue } ?? alt?["main"]?.stringValue
  }

  mutating func setAlt(_ editing: AltEditing, _ value: String?) {
    if altText(image: editing.index, language: editing.language) != value {
      apply(.setImageAlt(index: editing.index, language: editing.language, text: value), coalesceKey: editing.edit.coalesceKey)
    }
  }

  mutating func languageChoiceKey(_ key: Key, highlighted: Int) -> [Command] {
    let languages = translationLanguages
    switch key {
    case .down, .char("j"): media.choosingLanguage = min(languages.count - 1, highlighted + 1)
    case .up, .char("k"): media.choosingLanguage = max(0, highlighted - 1)
    case .enter:
      media.choosingLanguage = nil
      return startAltEditing(index: media.selected, language: languages[highlighted])
    case .escape, .char("q"): media.choosingLanguage = nil
    default: break
    }
    return []
  }

  mutating func addingKey(_ key: Key) -> [Command] {
    guard var field = media.adding else { return [] }
    switch field.handle(key) {
    case .reverted:
      media.adding = nil
      return []
    case .committed(let text):
      switch Model.checkMediaURL(text) {
      case .failure(let problem):
        message = StatusMessage(problem.text, .error)
        return []
      case .success(let (url, kind)):
        apply(.addMedia(url: url, kind: kind))
        media.adding = nil
        media.selected = kind == .image ? imageCount - 1 : mediaCount - 1
        message = StatusMessage("\(kind == .image ? "Image" : "Video") added; it is uploaded when you save")
        return []
      }
    case .edited, .invalid, .refused, .moved, .ignored:
      media.adding = field
      return []
    }
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
