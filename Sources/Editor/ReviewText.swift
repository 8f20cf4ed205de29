import EcwidAPI
import ProductDocument
import Terminal

/// How the review shows values: options, choices and images as a person reads them, long texts
/// cut with "…", and a word-level difference for the detail view.
enum ReviewText {
  /// A value as a person reads it, in one line (not cut).
  static func readable(_ value: JSON?, change: Change) -> String {
    guard let value else { return "∅" }
    switch elementKind(change) {
    case .option: return option(value)
    case .choice: return choice(value)
    case .image: return image(value)
    case .video: return video(value)
    case .attribute: return attribute(value)
    case .other: break
    }
    return plain(value)
  }

  enum ElementKind { case option, choice, image, video, attribute, other }

  /// What an added or removed element is, from where it sits in the product.
  static func elementKind(_ change: Change) -> ElementKind {
    let path = change.kind == .removed ? change.basePath : change.path
    guard case .index? = path.last else { return .other }
    let keys = path.compactMap { component -> String? in
      if case .key(let k) = component { return k }
      return nil
    }
    switch keys.last {
    case "options": return keys.count == 1 ? .option : .other
    case "choices": return keys.first == "options" ? .choice : .other
    case "images": return keys.first == "media" ? .image : .other
    case "videos": return keys.first == "media" ? .video : .other
    case "galleryImages": return .image
    case "attributes": return keys.count == 1 ? .attribute : .other
    default: return .other
    }
  }

  /// A scalar in one line: strings in quotation marks, numbers and booleans as they are.
  static func plain(_ value: JSON) -> String {
    switch value {
    case .string(let s): return quote(s)
    case .bool(let b): return b ? "yes" : "no"
    case .null: return "∅"
    case .number(let n): return n.text
    case .array(let items): return items.isEmpty ? "(none)" : items.map(plain).joined(separator: ", ")
    case .object(let o):
      if o.isEmpty { return "(empty)" }
      return o.keys.sorted().map { "\(words($0)): \(plain(o[$0]!))" }.joined(separator: ", ")
    }
  }

  static func quote(_ s: String) -> String { "“" + s + "”" }

  static func words(_ key: String) -> String {
    var out = ""
    for ch in key {
      if ch.isUppercase, !out.isEmpty {
        out += " " + ch.lowercased()
      } else {
        out.append(ch)
      }
    }
    return out
  }

  /// `“Yarn weight”, SELECT, required, choices “Light”, “Heavy” (+5.00), default “Light”`.
  static func option(_ value: JSON) -> String {
    var parts = [quote(value["name"]?.stringValue ?? "(no name)"), value["type"]?.stringValue ?? "SELECT"]
    if value["required"]?.boolValue == true { parts.append("required") }
    let choices = value["choices"]?.arrayValue ?? []
    if !choices.isEmpty {
      parts.append("choices " + choices.map(choice).joined(separator: ", "))
    }
    if let index = value["defaultChoice"]?.intValue, choices.indices.contains(index) {
      parts.append("default " + quote(choices[index]["text"]?.stringValue ?? "#\(index + 1)"))
    }
    return parts.joined(separator: ", ")
  }

  /// `“XL” (+2.00)` or `“Wool” (+5%)`; no modifier when it is zero.
  static func choice(_ value: JSON) -> String {
    var text = quote(value["text"]?.stringValue ?? "(no text)")
    if let modifier = value["priceModifier"]?.numberValue, modifier.double != 0 {
      let sign = modifier.double > 0 ? "+" : ""
      let percent = value["priceModifierType"]?.stringValue == "PERCENT"
      text += " (\(sign)\(modifier.text)\(percent ? "%" : ""))"
    }
    return text
  }

  /// `front.jpg, alt “Front view”` (an image's file name and alt text).
  static func image(_ value: JSON) -> String {
    let url = value["imageOriginalUrl"]?.stringValue ?? value["image1500pxUrl"]?.stringValue
      ?? value["url"]?.stringValue ?? value["image800pxUrl"]?.stringValue ?? ""
    let file = Model.fileName(of: url)
    var text = file.isEmpty ? "image" : file
    if let alt = value["alt"]?["main"]?.stringValue, !alt.isEmpty {
      text += ", alt " + quote(alt)
    } else {
      text += ", no alt text"
    }
    let translations = value["alt"]?["translated"]?.objectValue?.filter { ($0.value.stringValue ?? "") != "" }.count ?? 0
    if translations > 0 { text += " (\(translations) translation\(translations == 1 ? "" : "s"))" }
    return text
  }

  static func video(_ value: JSON) -> String {
    let url = value["url"]?.stringValue ?? value["videoCoverUrl"]?.stringValue ?? ""
    var text = url.isEmpty ? "video" : url
    if let title = value["title"]?.stringValue, !title.isEmpty { text += ", title " + quote(title) }
    return text
  }

  static func attribute(_ value: JSON) -> String {
    let name = value["name"]?.stringValue ?? value["alias"]?.stringValue ?? value["id"]?.idString ?? "attribute"
    return quote(name) + ": " + (value["value"].map(plain) ?? "∅")
  }

  /// The label a person reads: the main alt text is the default language's.
  static func label(_ change: Change) -> String {
    let parts = change.label.components(separatedBy: " › ")
    if parts.count >= 2, parts[parts.count - 2] == "alt text", parts.last == "main" {
      return (parts.dropLast() + ["default language"]).joined(separator: " › ")
    }
    return change.label
  }

  /// One line of the change list, fitting `width` columns: long values are cut with "…" (the
  /// old and the new value share the room), so both ends of a change stay readable.
  static func line(prefix: String, old: String?, new: String?, width: Int) -> String {
    let arrow = " → "
    switch (old, new) {
    case (let o?, let n?):
      let full = prefix + o + arrow + n
      if displayWidth(full) <= width { return full }
      let room = max(2, width - displayWidth(prefix) - displayWidth(arrow))
      var oldRoom = room / 2
      var newRoom = room - oldRoom
      // Give what one side does not need to the other.
      if displayWidth(o) < oldRoom {
        newRoom += oldRoom - displayWidth(o)
        oldRoom = displayWidth(o)
      } else if displayWidth(n) < newRoom {
        oldRoom += newRoom - displayWidth(n)
        newRoom = displayWidth(n)
      }
      return truncate(prefix, toWidth: width) + truncate(o, toWidth: max(1, oldRoom)) + arrow
        + truncate(n, toWidth: max(1, newRoom))
    case (let o?, nil): return truncate(prefix + o, toWidth: width)
    case (nil, let n?): return truncate(prefix + n, toWidth: width)
    case (nil, nil): return truncate(prefix, toWidth: width)
    }
  }

  // MARK: Word diff

  enum Part: Equatable { case same(String), removed(String), added(String) }

  /// Splits into words with the spaces that follow them, so joining gives the text back.
  static func tokens(_ s: String) -> [String] {
    var out: [String] = []
    var current = ""
    var inSpace = false
    for c in s {
      let space = c.isWhitespace
      if !space && inSpace {
        out.append(current)
        current = ""
      }
      current.append(c)
      inSpace = space
    }
    if !current.isEmpty { out.append(current) }
    return out
  }

  /// A word-level difference of two texts (longest common subsequence of words, after the common
  /// start and end are set aside; very long differing middles are shown as removed then added).
  static func wordDiff(_ old: String, _ new: String) -> [Part] {
    let a = tokens(old)
    let b = tokens(new)
    var start = 0
    while start < a.count, start < b.count, a[start] == b[start] { start += 1 }
    var endA = a.count
    var endB = b.count
    while endA > start, endB > start, a[endA - 1] == b[endB - 1] {
      endA -= 1
      endB -= 1
    }
    var parts: [Part] = []
    if start > 0 { parts.append(.same(a[0..<start].joined())) }
    let midA = Array(a[start..<endA])
    let midB = Array(b[start..<endB])
    if midA.count * midB.count > 4_000_000 {
      if !midA.isEmpty { parts.append(.removed(midA.joined())) }
      if !midB.isEmpty { parts.append(.added(midB.joined())) }
    } else {
      parts += lcsDiff(midA, midB)
    }
    if endA < a.count { parts.append(.same(a[endA...].joined())) }
    return merge(parts)
  }

  static func lcsDiff(_ a: [String], _ b: [String]) -> [Part] {
    let n = a.count
    let m = b.count
    if n == 0 { return b.isEmpty ? [] : [.added(b.joined())] }
    if m == 0 { return [.removed(a.joined())] }
    // lengths[i][j]: LCS of a[i...] and b[j...].
    var lengths = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in stride(from: m - 1, through: 0, by: -1) {
        lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
      }
    }
    var parts: [Part] = []
    var i = 0
    var j = 0
    while i < n || j < m {
      if i < n, j < m, a[i] == b[j] {
        parts.append(.same(a[i]))
        i += 1
        j += 1
      } else if i < n, j == m || lengths[i + 1][j] >= lengths[i][j + 1] {
        // Removals first, as a person reads a replacement: [-old-]{+new+}.
        parts.append(.removed(a[i]))
        i += 1
      } else {
        parts.append(.added(b[j]))
        j += 1
      }
    }
    return parts
  }

  /// Joins neighbours of the same kind; removals come before additions.
  static func merge(_ parts: [Part]) -> [Part] {
    var out: [Part] = []
    for p in parts {
      switch (out.last, p) {
      case (.same(let x)?, .same(let y)): out[out.count - 1] = .same(x + y)
      case (.removed(let x)?, .removed(let y)): out[out.count - 1] = .removed(x + y)
      case (.added(let x)?, .added(let y)): out[out.count - 1] = .added(x + y)
      default: out.append(p)
      }
    }
    return out
  }
}

/// Wraps styled text into rows of at most `width` columns (each starting with `indent`), breaking
/// after spaces where it can and inside a word only when the word is wider than a row. Newlines
/// in the text start a new row.
func wrapSegments(_ segments: [(String, Style)], width: Int, indent: String = "") -> [[(String, Style)]] {
  let indentWidth = displayWidth(indent)
  let room = max(1, width - indentWidth)
  var rows: [[(String, Style)]] = []
  var row: [(String, Style)] = []
  var used = 0
  func flush() {
    rows.append((indent.isEmpty ? [] : [(indent, Theme.value)]) + row)
    row = []
    used = 0
  }
  func append(_ text: String, _ style: Style) {
    if let last = row.last, last.1 == style {
      row[row.count - 1].0 += text
    } else {
      row.append((text, style))
    }
  }
  // Words (with their following spaces), each with its style runs.
  var words: [[(Character, Style)]] = []
  var current: [(Character, Style)] = []
  var newlineAfter: Set<Int> = []
  for (text, style) in segments {
    for c in text {
      if c == "\n" || c == "\r\n" {
        words.append(current)
        newlineAfter.insert(words.count - 1)
        current = []
        continue
      }
      if !c.isWhitespace, let last = current.last, last.0.isWhitespace {
        words.append(current)
        current = []
      }
      current.append((c, style))
    }
  }
  if !current.isEmpty { words.append(current) }
  for (k, word) in words.enumerated() {
    let visible = word.filter { !$0.0.isWhitespace }.reduce(0) { $0 + displayWidth($1.0) }
    if used > 0, used + visible > room { flush() }
    for (c, style) in word {
      let w = displayWidth(c)
      if used + w > room {
        if c.isWhitespace { continue }
        flush()
      }
      append(String(c), style)
      used += w
    }
    if newlineAfter.contains(k) { flush() }
  }
  if !row.isEmpty || rows.isEmpty { flush() }
  return rows
}

extension Model {
  /// Undoes one step and says what it undid ("Undid: Name").
  mutating func undoSaying() {
    guard let before = document?.current else { return }
    if document?.undo() == true {
      documentChanged()
      message = StatusMessage("Undid: " + Model.whatChanged(from: before, to: document!.current))
    } else {
      message = StatusMessage("Nothing to undo")
    }
  }

  /// Redoes one step and says what it redid ("Redid: Name").
  mutating func redoSaying() {
    guard let before = document?.current else { return }
    if document?.redo() == true {
      documentChanged()
      message = StatusMessage("Redid: " + Model.whatChanged(from: before, to: document!.current))
    } else {
      message = StatusMessage("Nothing to redo")
    }
  }

  /// The labels of what differs between two versions, at most three named.
  static func whatChanged(from before: Product, to after: Product) -> String {
    var labels: [String] = []
    for change in diff(base: before, current: after) {
      let label = ReviewText.label(change)
      if !labels.contains(label) { labels.append(label) }
    }
    if labels.isEmpty { return "no visible change" }
    if labels.count <= 3 { return labels.joined(separator: ", ") }
    return labels.prefix(3).joined(separator: ", ") + " and \(labels.count - 3) more"
  }
}

/// A value in one line for lists: strings quoted, long values cut.
func short(_ value: JSON?) -> String {
  guard let value else { return "∅" }
  let text: String
  if case .string(let s) = value { text = "“" + s + "”" } else { text = value.compactText }
  if text.count > 160 { return String(text.prefix(157)) + "…" }
  return text
}

/// Cuts text into pieces of at most `width` display columns, never inside a character.
func wrap(_ text: String, width: Int) -> [String] {
  var pieces: [String] = []
  var current = ""
  var used = 0
  for c in text {
    let w = displayWidth(c)
    if used + w > width, !current.isEmpty {
      pieces.append(current)
      current = ""
      used = 0
    }
    current.append(c)
    used += w
  }
  if !current.isEmpty || pieces.isEmpty { pieces.append(current) }
  return pieces
}

/// Cuts text into pieces of at most `first` (then `rest`) display columns, never inside a
/// character, and never ending a piece with a space (the space starts the next piece), so that the
/// drawn lines joined back give the text byte for byte even when trailing blanks are not visible.
func wrapKeepingSpaces(_ text: String, first: Int, rest: Int) -> [String] {
  var pieces: [String] = []
  var current = ""
  var used = 0
  var limit = max(1, first)
  for c in text {
    let w = displayWidth(c)
    if used + w > limit, !current.isEmpty {
      // Move trailing spaces to the next piece (unless the piece is nothing but spaces).
      var carried = ""
      while let last = current.last, last == " ", current.count > 1 {
        carried.insert(last, at: carried.startIndex)
        current.removeLast()
      }
      pieces.append(current)
      current = carried
      used = displayWidth(carried)
      limit = max(1, rest)
      while used + w > limit, !current.isEmpty {
        pieces.append(String(current.prefix(limit)))
        current = String(current.dropFirst(limit))
        used = current.count
      }
    }
    current.append(c)
    used += w
  }
  if !current.isEmpty || pieces.isEmpty { pieces.append(current) }
  return pieces
}

/// A moved element's place counted from 1, as the gallery and option lists show it.
func position(_ value: JSON?) -> String {
  guard let index = value?.intValue else { return short(value) }
  return String(index + 1)
}
