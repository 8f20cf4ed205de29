import EcwidAPI
import Foundation
import ProductDocument
import Terminal

public struct MediaState: Equatable, Sendable {
  public var selected = 0
  /// Editing an alt text: the image index, the language (nil = the main alt) and the text.
  public var editing: AltEditing?
  /// Choosing the language of an alt translation to edit.
  public var choosingLanguage: Int?
  /// Typing the URL of a medium to add.
  public var adding: TextEdit?
  /// Asking before removing the medium at this index.
  public var confirmingRemove: Int?
  public init() {}
}

public struct AltEditing: Equatable, Sendable {
  public var index: Int
  public var language: String?
  public var edit: TextEdit
  /// The alt text before this edit (Esc puts it back).
  public var original: String?
  public var field: TextField { edit.field }
}

/// Keys of the gallery (the common editor keys follow them).
enum MediaKeys {
  static let table = KeyTable(
    "media",
    [
      KeyBinding("↑ ↓ / j k", "select an image", keys: [.down, .up, .char("j"), .char("k")], menu: []) { m, key in
        m.selectMedium(by: key == .down || key == .char("j") ? 1 : -1)
      },
      KeyBinding("PgUp PgDn", "select a page further up / down", keys: [.pageUp, .pageDown], menu: []) { m, key in
        m.selectMedium(by: key == .pageDown ? m.mediaPageRows : -m.mediaPageRows)
      },
      KeyBinding(
        "g G / Home End", "select the first / last image", keys: [.char("g"), .home, .char("G"), .end],
        menu: [("select the first image", .char("g")), ("select the last image", .char("G"))]
      ) { m, key in m.selectMedium(to: key == .char("g") || key == .home ? 0 : -1) },
      KeyBinding(
        "J K / Shift-↑↓", "move the image down / up one place", keys: [.char("J"), .shiftDown, .char("K"), .shiftUp],
        hint: "J/K: move",
        menu: [("move the image down one place", .char("J")), ("move the image up one place", .char("K"))]
      ) { m, key in m.moveSelectedImage(down: key == .char("J") || key == .shiftDown) },
      KeyBinding(
        "Alt-g / Alt-G, Ctrl-Home / Ctrl-End", "move the image to the top / bottom",
        keys: [.alt("g"), .ctrlHome, .alt("G"), .ctrlEnd], hint: "Alt-g/Alt-G: to top/bottom",
        menu: [("move the image to the top", .alt("g")), ("move the image to the bottom", .alt("G"))]
      ) { m, key in m.moveSelectedImageToEnd(top: key == .alt("g") || key == .ctrlHome) },
      KeyBinding("m", "make it the main image", keys: [.char("m")], hint: "m: main") { m, _ in m.makeSelectedImageMain() },
      KeyBinding("e / Enter", "edit the alt text", keys: [.char("e"), .enter], hint: "e: alt") { m, _ in
        m.startAltEditing(index: m.selectedMedium, language: nil)
      },
      KeyBinding("l", "edit the alt text's translation in another language", keys: [.char("l")], hint: "l: alt translation") {
        m, _ in m.chooseAltLanguage()
      },
      KeyBinding("a", "add an image (or a video: URL of a video site) by URL", keys: [.char("a")], hint: "a: add URL") { m, _ in
        m.media.adding = TextEdit("", coalesceKey: "media-add")
        return []
      },
      KeyBinding("x / Delete", "remove the image (asks first)", keys: [.char("x"), .delete], hint: "x: remove") { m, _ in
        m.askToRemoveSelectedMedium()
      },
    ])
}

/// One row of the gallery.
struct MediaRow {
  var index: Int
  var kind: MediaKind
  var item: JSON
}

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

  private mutating func refuseMove(_ selected: Int, images: Int) -> [Command] {
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
  private mutating func altEdited(_ editing: AltEditing, _ outcome: TextEdit.Outcome) {
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

  private mutating func setAlt(_ editing: AltEditing, _ value: String?) {
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

  // MARK: View

  func drawMedia(into screen: inout Screen, top: Int, bottom: Int) -> (x: Int, y: Int)? {
    let rows = mediaRows
    let count = rows.count
    let imageTotal = imageCount
    let summary =
      " \(imageTotal) image\(imageTotal == 1 ? "" : "s"), \(count - imageTotal) video\(count - imageTotal == 1 ? "" : "s")"
    if let problem = form.serverErrors[[.key("media")]] {
      let used = screen.put(summary + " · ", x: 0, y: top, style: Theme.header)
      screen.put("⚠ " + problem, x: used, y: top, style: Theme.error, maxWidth: max(0, width - used))
    } else {
      screen.put(summary + " · main image first", x: 0, y: top, style: Theme.header, maxWidth: width)
    }
    let posW = 5
    let idW = 6
    let kindW = 6
    let transW = 6
    let fileW = max(8, min(32, (width - posW - idW - kindW - transW - 8) / 2))
    let altW = max(4, width - posW - idW - kindW - fileW - transW - 7)
    let header = padRight("#", toWidth: posW) + " " + padRight("id", toWidth: idW) + " " + padRight("kind", toWidth: kindW)
      + " " + padRight("file", toWidth: fileW) + " " + padRight("alt text", toWidth: altW) + " " + "langs"
    screen.put(" " + header, x: 0, y: top + 1, style: Theme.header, maxWidth: width)
    let listTop = top + 2
    let visible = bottom - listTop
    guard visible > 0 else { return nil }
    let selected = min(media.selected, max(0, count - 1))
    let first = scrollStart(selected: selected, count: count, rows: visible)
    let altX = 1 + posW + 1 + idW + 1 + kindW + 1 + fileW + 1
    var cursor: (x: Int, y: Int)?
    for row in 0..<visible {
      let i = first + row
      guard i < count else { break }
      let r = rows[i]
      let y = listTop + row
      let id = r.item["id"]?.idString ?? "new"
      let position = r.kind == .image ? (i == 0 ? "main" : "\(i + 1)") : "v\(i - imageTotal + 1)"
      let url = r.item["imageOriginalUrl"]?.stringValue ?? r.item["image1500pxUrl"]?.stringValue
        ?? r.item["url"]?.stringValue ?? r.item["videoCoverUrl"]?.stringValue ?? ""
      let file = Model.fileName(of: url)
      let alt = r.item["alt"]?["main"]?.stringValue ?? ""
      let translations = r.item["alt"]?["translated"]?.objectValue?.values.filter { ($0.stringValue ?? "") != "" }.count ?? 0
      let isSelected = i == selected
      let base = isSelected ? Theme.selected : (id == "new" ? Theme.added : Theme.value)
      var x = 1
      x += screen.put(padRight(position, toWidth: posW) + " ", x: x, y: y, style: base)
      x += screen.put(padRight(id, toWidth: idW) + " ", x: x, y: y, style: base)
      x += screen.put(padRight(r.kind.rawValue, toWidth: kindW) + " ", x: x, y: y, style: base)
      x += screen.put(padRight(file, toWidth: fileW) + " ", x: x, y: y, style: base)
      if isSelected, let editing = media.editing, editing.index == i {
        cursor = (editing.edit.draw(into: &screen, x: altX, y: y, width: altW), y)
      } else {
        let altStyle = alt.isEmpty ? (isSelected ? Theme.selected : Theme.dim) : base
        screen.put(padRight(alt.isEmpty ? (r.kind == .image ? "(no alt text)" : "") : alt, toWidth: altW), x: altX,
          y: y, style: altStyle)
      }
      screen.put(r.kind == .image ? " \(translations)" : "", x: altX + altW, y: y, style: base, maxWidth: transW)
      if isSelected, media.editing == nil {
        screen.setStyle(x: 0, y: y, width: width, style: Theme.selected)
      }
    }
    if let editing = media.editing, let language = editing.language {
      screen.put(" Alt text in \(language) ", x: altX, y: top, style: Theme.header)
    }
    if let highlighted = media.choosingLanguage {
      let languages = translationLanguages
      let h = min(bottom - top, languages.count + 2)
      drawBox(into: &screen, x: max(0, width - 30), y: top + 1, width: min(28, width), height: h, title: "Language")
      for (i, language) in languages.enumerated() where i < h - 2 {
        let alt = media.selected < count ? rows[media.selected].item["alt"]?["translated"]?[language]?.stringValue : nil
        screen.put(
          padRight(" \(language)  \(alt ?? "—")", toWidth: 26), x: max(0, width - 29), y: top + 2 + i,
          style: i == highlighted ? Theme.selected : Theme.popup)
      }
    }
    if let adding = media.adding {
      let boxW = min(width - 2, 70)
      let x = max(0, (width - boxW) / 2)
      let y = max(top, (top + bottom) / 2 - 2)
      drawBox(into: &screen, x: x, y: y, width: boxW, height: 4, title: "Add an image or video by URL (Enter adds, Esc cancels)")
      cursor = (adding.draw(into: &screen, x: x + 2, y: y + 1, width: boxW - 4), y + 1)
      screen.put("https://… a .jpg, .png or .gif image, or a YouTube/Vimeo/.mp4 video", x: x + 2, y: y + 2, style: Theme.dim,
        maxWidth: boxW - 4)
    }
    if let index = media.confirmingRemove {
      drawDialog(
        into: &screen, title: "Remove",
        lines: ["Remove \(index < imageTotal ? "image" : "video") \(index + 1) from the gallery?", "y  remove    any other key  keep"])
      cursor = nil
    }
    return cursor
  }

  static func fileName(of url: String) -> String {
    guard !url.isEmpty else { return "" }
    let path = url.split(separator: "?").first.map(String.init) ?? url
    return path.split(separator: "/").last.map(String.init) ?? path
  }
}

public struct URLProblemMessage: Error, Equatable {
  public var text: String
  public init(_ text: String) { self.text = text }
}
