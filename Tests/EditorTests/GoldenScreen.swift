import Foundation
import Terminal
import Testing

@testable import Editor

/// Whole-screen golden files (issue 14): a drawn `Screen` is written as readable text (the rows,
/// then one style letter per cell, then the key to the letters) and compared with
/// `Tests/EditorTests/__Snapshots__/<name>.txt`. A difference fails with the rows that differ,
/// expected against actual. `SNAPSHOT_RECORD=1` writes the files instead, and fails so that a
/// recording run never passes by itself.
enum GoldenScreen {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("__Snapshots__", isDirectory: true)

  static var recording: Bool { ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" }

  /// Fixed letters for the editor's theme, so a style row keeps its letters when another style
  /// appears elsewhere on the screen. Styles outside the theme get digits, then `a`…`z`, in the
  /// order they first appear.
  static let themeLetters: [(Character, String, Style)] = [
    (".", "plain", Style.plain),
    ("T", "title", Theme.title),
    ("t", "tab", Theme.tab),
    ("A", "activeTab", Theme.activeTab),
    ("C", "changedLabel", Theme.changedLabel),
    ("d", "dim", Theme.dim),
    ("i", "input", Theme.input),
    ("s", "selected", Theme.selected),
    ("E", "error", Theme.error),
    ("w", "warning", Theme.warning),
    ("g", "success", Theme.success),
    ("+", "added", Theme.added),
    ("-", "removed", Theme.removed),
    ("m", "moved", Theme.moved),
    ("S", "status", Theme.status),
    ("R", "statusError", Theme.statusError),
    ("G", "statusSuccess", Theme.statusSuccess),
    ("W", "statusWarning", Theme.statusWarning),
    ("p", "popup", Theme.popup),
    ("b", "border", Theme.border),
    ("h", "header", Theme.header),
    ("x", "missing", Theme.missing),
  ]

  static func describe(_ style: Style) -> String {
    var parts: [String] = []
    if style.fg != .default { parts.append("fg \(name(style.fg))") }
    if style.bg != .default { parts.append("bg \(name(style.bg))") }
    if style.bold { parts.append("bold") }
    if style.dim { parts.append("dim") }
    if style.underline { parts.append("underline") }
    if style.reverse { parts.append("reverse") }
    return parts.isEmpty ? "default" : parts.joined(separator: " ")
  }

  static func name(_ color: Color) -> String {
    if case .indexed(let n) = color { return "\(n)" }
    return "\(color)"
  }

  /// One cell as the file shows it: its text ("" for the right half of a wide one) and style.
  struct Cell { var text: String; var style: Style }

  /// The golden text of a screen. `masks` replaces, on the screen's rows, each exact text (such
  /// as a date formatted in the machine's time zone) with a fixed placeholder.
  static func render(_ screen: Screen, cursor: (x: Int, y: Int)?, masks: [(String, String)] = []) -> String {
    var rows: [[Cell]] = (0..<screen.height).map { y in
      (0..<screen.width).map { x in Cell(text: screen[x, y].text, style: screen[x, y].style) }
    }
    for (real, placeholder) in masks where !real.isEmpty {
      for y in rows.indices { rows[y] = mask(rows[y], real, placeholder) }
    }
    var letters: [Style: Character] = [:]
    var key: [(Character, String)] = []
    for (letter, _, style) in themeLetters.reversed() { letters[style] = letter }  // first name wins
    var spare = Array("0123456789abcefjklnoqruvyz")
    var used: Set<Character> = []
    func letter(_ style: Style) -> Character {
      if let l = letters[style] {
        if !used.contains(l) {
          used.insert(l)
          let themeName = themeLetters.first { $0.0 == l }!.1
          key.append((l, "\(themeName): \(describe(style))"))
        }
        return l
      }
      let l = spare.isEmpty ? "?" : spare.removeFirst()
      letters[style] = l
      used.insert(l)
      key.append((l, describe(style)))
      return l
    }
    let cursorText = cursor.map { "cursor \($0.x),\($0.y)" } ?? "no cursor"
    var out = ["screen \(screen.width)x\(screen.height) · \(cursorText)"]
    out.append("-- text (row|cells, trailing spaces trimmed)")
    for (y, row) in rows.enumerated() {
      var line = row.map(\.text).joined()
      while line.last == " " { line.removeLast() }
      out.append(label(y) + "|" + line)
    }
    out.append("-- style (one letter per column, \".\" plain, trailing \".\" trimmed)")
    for (y, row) in rows.enumerated() {
      var line = String(row.map { letter($0.style) })
      while line.last == "." { line.removeLast() }
      out.append(label(y) + "|" + line)
    }
    out.append("-- key")
    for (l, text) in key.sorted(by: { $0.0 < $1.0 }) { out.append("\(l) \(text)") }
    return out.joined(separator: "\n") + "\n"
  }

  static func label(_ y: Int) -> String { y < 10 ? "0\(y)" : "\(y)" }

  static func mask(_ row: [Cell], _ real: String, _ placeholder: String) -> [Cell] {
    let target = Array(real).map(String.init)
    var result: [Cell] = []
    var i = 0
    while i < row.count {
      // Match the real text cell by cell, skipping the empty right halves of wide characters.
      var j = i
      var k = 0
      while k < target.count, j < row.count {
        if row[j].text.isEmpty, k > 0 { j += 1; continue }
        guard row[j].text == target[k] else { break }
        j += 1
        k += 1
      }
      if k == target.count, !target.isEmpty {
        let style = row[i].style
        result += placeholder.map { Cell(text: String($0), style: style) }
        i = j
      } else {
        result.append(row[i])
        i += 1
      }
    }
    return result
  }

  /// Compares the model's whole screen with its golden file (or records it).
  static func check(
    _ model: Model, named name: String, masks: [(String, String)] = [], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let (screen, cursor) = model.view()
    let actual = render(screen, cursor: cursor, masks: masks)
    let file = folder.appendingPathComponent("\(name).txt")
    if recording {
      do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try actual.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("recorded \(file.path); unset SNAPSHOT_RECORD and run again to check it", sourceLocation: sourceLocation)
      } catch {
        Issue.record("could not record \(file.path): \(error)", sourceLocation: sourceLocation)
      }
      return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
      Issue.record(
        "no golden file \(file.lastPathComponent) in __Snapshots__; run with SNAPSHOT_RECORD=1 to record it, then review it",
        sourceLocation: sourceLocation)
      return
    }
    if expected != actual {
      let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).actual.txt")
      try? actual.write(to: scratch, atomically: true, encoding: .utf8)
      let rows: String = GoldenScreen.diff(expected, actual)
      Issue.record(
        "screen \(name) differs from __Snapshots__/\(name).txt (whole actual screen: \(scratch.path)):\n\(rows)",
        sourceLocation: sourceLocation)
    }
  }

  /// The lines that differ, each with its place (the text or style row it belongs to).
  static func diff(_ expected: String, _ actual: String) -> String {
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var out: [String] = []
    var section = "header"
    for i in 0..<max(e.count, a.count) {
      let el = i < e.count ? e[i] : nil
      let al = i < a.count ? a[i] : nil
      if let line = el ?? al, line.hasPrefix("-- ") { section = String(line.dropFirst(3).prefix { $0 != " " }) }
      guard el != al else { continue }
      let row = (el ?? al ?? "").prefix(2)
      out.append("  \(section) row \(row):")
      out.append("    expected: \(el ?? "(no line)")")
      out.append("    actual:   \(al ?? "(no line)")")
    }
    return out.joined(separator: "\n")
  }
}
