import EcwidAPI
import ProductDocument
import Synchronization
import Terminal

/// Colors and attributes of every element (the backend maps them down on 8-color terminals and
/// to attributes only under NO_COLOR).
enum Theme {
  static let title = Style(fg: .brightWhite, bg: .blue, bold: true)
  static let tab = Style(fg: .white, bg: .blue)
  static let activeTab = Style(fg: .black, bg: .cyan, bold: true)
  static let label = Style(fg: .default)
  static let changedLabel = Style(fg: .yellow, bold: true)
  static let value = Style(fg: .default)
  static let dim = Style(fg: .brightBlack, dim: true)
  static let input = Style(fg: .brightWhite, bg: .indexed(236), underline: true)
  /// A field whose text is not a valid value yet (a number field).
  static let invalidInput = Style(fg: .brightWhite, bg: .red, underline: true)
  static let selected = Style(fg: .black, bg: .cyan, reverse: false)
  static let error = Style(fg: .red, bold: true)
  static let warning = Style(fg: .yellow)
  static let success = Style(fg: .green, bold: true)
  static let added = Style(fg: .green)
  static let removed = Style(fg: .red)
  static let moved = Style(fg: .magenta)
  static let status = Style(fg: .black, bg: .white)
  static let statusError = Style(fg: .brightWhite, bg: .red, bold: true)
  static let statusSuccess = Style(fg: .black, bg: .green)
  static let statusWarning = Style(fg: .black, bg: .yellow)
  static let popup = Style(fg: .default, bg: .indexed(235))
  static let border = Style(fg: .cyan)
  static let header = Style(fg: .cyan, bold: true)
  static let missing = Style(fg: .red, bg: .indexed(52))
}

extension Style {
  func merging(reverse: Bool) -> Style {
    var s = self
    s.reverse = reverse
    return s
  }
}

/// Draws a box with a title; the inside is cleared.
func drawBox(into screen: inout Screen, x: Int, y: Int, width: Int, height: Int, title: String) {
  guard width >= 2, height >= 2 else { return }
  screen.fill(x: x, y: y, width: width, height: height, style: Theme.popup)
  screen.put("┌" + String(repeating: "─", count: width - 2) + "┐", x: x, y: y, style: Theme.border)
  for row in 1..<(height - 1) {
    screen.put("│", x: x, y: y + row, style: Theme.border)
    screen.put("│", x: x + width - 1, y: y + row, style: Theme.border)
  }
  screen.put("└" + String(repeating: "─", count: width - 2) + "┘", x: x, y: y + height - 1, style: Theme.border)
  if !title.isEmpty {
    screen.put(" " + title + " ", x: x + 2, y: y, style: Theme.header, maxWidth: max(0, width - 4))
  }
}

extension Model {
  /// Draws the whole UI: pure, from the model alone. Returns the screen and where the cursor goes.
  public func view() -> (screen: Screen, cursor: (x: Int, y: Int)?) {
    var screen = Screen(width: width, height: height)
    let cursor = draw(into: &screen)
    return (screen, cursor)
  }

  public func draw(into screen: inout Screen) -> (x: Int, y: Int)? {
    guard width >= 20, height >= 6 else {
      screen.put("Window too small", x: 0, y: 0, style: Theme.warning)
      screen.put("(need 20×6)", x: 0, y: 1, style: Theme.dim)
      return nil
    }
    drawTitle(into: &screen)
    var cursor: (x: Int, y: Int)?
    let bodyTop = 2
    let bodyBottom = height - 2
    switch page {
    case .picker:
      cursor = picker.view(context, into: &screen, top: 1, bottom: bodyBottom)
    case .loading:
      screen.put("Loading…", x: 2, y: 3, style: Theme.dim)
    case .failed:
      screen.put("Could not open the product.", x: 2, y: 3, style: Theme.error)
      screen.put(message?.text ?? "", x: 2, y: 4, style: Theme.value, maxWidth: width - 4)
      screen.put(hintText([FailedKeys.table]), x: 2, y: 6, style: Theme.dim, maxWidth: width - 4)
    case .form:
      drawTabs(into: &screen, y: 1)
      switch section {
      case .media: cursor = media.view(context, into: &screen, top: bodyTop, bottom: bodyBottom)
      case .options: cursor = options.view(context, into: &screen, top: bodyTop, bottom: bodyBottom)
      case .translations: cursor = translations.view(context, into: &screen, top: bodyTop, bottom: bodyBottom)
      case .variations: cursor = variations.view(context, into: &screen, top: bodyTop, bottom: bodyBottom)
      default: cursor = form.view(context, into: &screen, top: bodyTop, bottom: bodyBottom)
      }
      drawFieldHelp(into: &screen, y: height - 2)
    case .review:
      _ = review.view(context, into: &screen, top: 1, bottom: height - 1)
    case .conflict:
      _ = conflict.view(context, into: &screen, top: 1, bottom: height - 1)
    case .recover:
      _ = recover.view(context, into: &screen, top: 1, bottom: height - 1)
    }
    drawStatus(into: &screen, y: height - 1)
    if page == .form && section == .variations && variations.prompt != nil {
      cursor = variations.viewPrompt(context, into: &screen, y: height - 1)
    }
    if confirmingQuit {
      drawDialog(
        into: &screen, title: "Unsaved changes",
        lines: [
          "You have \(changeCount) unsaved change\(changeCount == 1 ? "" : "s")."
        ] + quitKeepingDraftLines + [
          "D  discard the changes and quit",
          "n  keep editing",
        ])
      cursor = nil
    }
    if confirmingBack {
      drawDialog(
        into: &screen, title: "Back to the product list",
        lines: [
          "You have \(changeCount) unsaved change\(changeCount == 1 ? "" : "s").",
          "y  go to the list; the draft is kept and offered next time",
          "D  discard the changes and go to the list",
          "n  keep editing",
        ])
      cursor = nil
    }
    if let commandMenu {
      cursor = commandMenu.view(context, into: &screen, top: 0, bottom: height)
    }
    if let help {
      _ = help.view(context, into: &screen, top: 0, bottom: height)
      cursor = nil
    }
    return cursor
  }

  func drawTitle(into screen: inout Screen) {
    screen.fill(x: 0, y: 0, width: width, height: 1, style: Theme.title)
    var title = " ecwid-edit · \(storeLabel)"
    if let document, page != .picker {
      // No more of the name than the bar could show (a pasted megabyte is not measured per frame).
      title += " · #\(productId.map(String.init) ?? "?") \((document.current.name ?? "").prefix(4 * width))"
    }
    screen.put(title, x: 0, y: 0, style: Theme.title, maxWidth: width)
  }

  func drawTabs(into screen: inout Screen, y: Int) {
    screen.fill(x: 0, y: y, width: width, height: 1, style: Theme.tab)
    var x = 0
    let compact = width < 130
    for (i, s) in Section.allCases.enumerated() {
      let name = compact ? shortTitle(s) : s.title
      let text = (compact && i > 0 ? "" : " ") + "\(s.digit) \(name) "
      let used = screen.put(text, x: x, y: y, style: s == section ? Theme.activeTab : Theme.tab)
      x += used
      if x >= width { break }
    }
  }

  func shortTitle(_ s: Section) -> String {
    switch s {
    case .general: return "General"
    case .pricing: return "Price"
    case .options: return "Options"
    case .variations: return "Variations"
    case .translations: return "Transl"
    case .media: return "Media"
    case .shipping: return "Ship"
    case .seo: return "SEO"
    case .attributes: return "Attrs"
    }
  }

  func drawFieldHelp(into screen: inout Screen, y: Int) {
    var hint: String
    if editingText {
      hint = TextEdit.hint
    } else if form.choosing != nil {
      hint = "↑↓: choose · Enter: set · Esc: cancel"
    } else {
      let scalar = section != .media && section != .options && section != .translations
      hint = hintText(scalar ? pageKeyTables : Array(pageKeyTables.prefix(1)))
      switch section {
      case .options: hint = options.hint ?? hint
      case .translations: hint = translations.hint ?? hint
      case .variations: hint = variations.hint ?? hint
      case .media: hint = media.hint ?? hint
      default:
        let spec = form.selectedField(context)
        // Least needed last: a narrow window drops from the end (the help key always stays).
        if let spec, !spec.help.isEmpty { hint = spec.help + " · " + hint }
      }
    }
    // While typing, `?` is text: the line does not offer help then.
    let line = isTyping ? truncate(hint, toWidth: max(0, width - 2)) : hintLine(hint, width: max(0, width - 2))
    screen.put(line, x: 1, y: y, style: Theme.dim, maxWidth: width - 2)
  }

  /// The busy line's spinner, a frame per tick (the end-to-end harness leaves these out when it
  /// compares two captures of a busy screen).
  static let spinnerFrames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

  func drawStatus(into screen: inout Screen, y: Int) {
    var style = Theme.status
    var left = ""
    if let busy {
      let frames = Self.spinnerFrames
      if let wait {
        left = " \(frames[spinnerFrame % frames.count]) \(wait.text) · Esc cancels"
      } else {
        left = " \(frames[spinnerFrame % frames.count]) \(busy)  (Esc cancels)"
      }
    } else if let message {
      left = " " + message.text
      switch message.kind {
      case .error: style = Theme.statusError
      case .success: style = Theme.statusSuccess
      case .warning: style = Theme.statusWarning
      case .info: break
      }
    }
    screen.fill(x: 0, y: y, width: width, height: 1, style: style)
    var right = ""
    if page == .recover {
      right = "draft waiting "
    } else if document != nil, page != .picker {
      // Media added by URL are changes too, so the count alone tells whether anything is unsaved.
      right = changeCount > 0 ? "● \(changeCount) change\(changeCount == 1 ? "" : "s")" : "saved"
      if errorCount > 0 { right += " · \(errorCount) error\(errorCount == 1 ? "" : "s")" }
      right += " "
    }
    let rightWidth = displayWidth(right)
    screen.put(left, x: 0, y: y, style: style, maxWidth: max(0, width - rightWidth - 1))
    if rightWidth < width {
      screen.put(right, x: width - rightWidth, y: y, style: errorCount > 0 ? Theme.statusError : style)
    }
  }

  func drawDialog(into screen: inout Screen, title: String, lines: [String]) {
    Editor.drawDialog(into: &screen, width: width, height: height, title: title, lines: lines)
  }
}

/// A question in a box in the middle of a `width` × `height` window.
func drawDialog(into screen: inout Screen, width: Int, height: Int, title: String, lines: [String]) {
  let w = min(width - 2, max(displayWidth(title) + 6, (lines.map(displayWidth).max() ?? 0) + 4))
  let h = min(height - 2, lines.count + 2)
  let x = max(0, (width - w) / 2)
  let y = max(0, (height - h) / 2)
  drawBox(into: &screen, x: x, y: y, width: w, height: h, title: title)
  for (i, line) in lines.enumerated() where i < h - 2 {
    screen.put(line, x: x + 2, y: y + 1 + i, style: Theme.popup, maxWidth: w - 4)
  }
}

/// A hint line that fits `width`: the help key is the last thing ever cut (it ends every line).
///
/// Drawn on every frame from the same few hints: the last lines made are remembered (fitting one
/// measures every part's display width, about a tenth of a gallery frame).
func hintLine(_ hint: String, width: Int) -> String {
  let question = HintQuestion(width: width, hint: hint)
  if let known = rememberedHintLines.withLock({ $0.answer(to: question) }) { return known }
  let line = fitHintLine(hint, width: width)
  rememberedHintLines.withLock { $0.remember(question, line) }
  return line
}

/// The width first: it is compared first, and costs nothing.
private struct HintQuestion: Equatable, Sendable {
  var width: Int
  var hint: String
}

private let rememberedHintLines = Mutex(RecentAnswers<HintQuestion, String>(capacity: 16))

private func fitHintLine(_ hint: String, width: Int) -> String {
  let help = "?: help"
  var parts = hint.split(separator: " · ", omittingEmptySubsequences: false).map(String.init).filter { $0 != help }
  let suffix = (parts.isEmpty ? "" : " · ") + help
  let room = width - displayWidth(suffix)
  guard room > 0 else { return truncate(help, toWidth: width) }
  // Drop whole hints from the end first; cut the last one with "…" only when nothing else fits.
  while parts.count > 1, displayWidth(parts.joined(separator: " · ")) > room { parts.removeLast() }
  return truncate(parts.joined(separator: " · "), toWidth: room) + suffix
}
