import EcwidAPI
import Foundation
import ProductDocument
import Terminal

/// Drawing the gallery.
extension MediaState {
  func view(_ c: ScreenContext, into screen: inout Screen, top: Int, bottom: Int) -> (x: Int, y: Int)? {
    let width = c.width
    let media = self
    let rows = c.mediaRows
    let count = rows.count
    let imageTotal = c.imageCount
    let summary =
      " \(imageTotal) image\(imageTotal == 1 ? "" : "s"), \(count - imageTotal) video\(count - imageTotal == 1 ? "" : "s")"
    if let problem = c.serverErrors[[.key("media")]] {
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
    // A row shows one item at one position: rows whose item is the same storage as in an earlier
    // frame are copied from it (moving an image changes two rows, but scrolls them all).
    let rowEnd = width  // the selected row is restyled to the screen's edge
    let memo = galleryRowMemo.begin(
      RowMemo.FrameKey(numbers: [width, posW, idW, kindW, fileW, altW, transW, imageTotal], texts: []))
    for row in 0..<visible {
      let i = first + row
      guard i < count else { break }
      let r = rows[i]
      let y = listTop + row
      let isEditing = i == selected && media.editing != nil
      let storage = isEditing ? nil : RowMemo.storage(of: r.item)
      let memoKey = storage.map {
        RowMemo.RowKey(row: i, variant: i == selected ? 1 : 0, storage: $0.values, keys: $0.keys)
      }
      if let memoKey, let cells = galleryRowMemo.cells(memoKey, in: memo) {
        screen.setCells(cells, x: 0, y: y)
        continue
      }
      defer {
        if let memoKey {
          galleryRowMemo.remember(memoKey, screen.cells(y: y, from: 0, to: rowEnd), anchor: r.item, in: memo)
        }
      }
      let id = r.item["id"]?.idString ?? "new"
      let position = r.kind == .image ? (i == 0 ? "main" : "\(i + 1)") : "v\(i - imageTotal + 1)"
      let url = r.item["imageOriginalUrl"]?.stringValue ?? r.item["image1500pxUrl"]?.stringValue
        ?? r.item["url"]?.stringValue ?? r.item["videoCoverUrl"]?.stringValue ?? ""
      let file = Model.fileName(of: url)
      let alt = r.item["alt"]?["main"]?.stringValue ?? ""
      var translations = 0
      if let translated = r.item["alt"]?["translated"]?.objectValue {
        for text in translated.values where text.stringValue?.isEmpty == false { translations += 1 }
      }
      let isSelected = i == selected
      let base = isSelected ? Theme.selected : (id == "new" ? Theme.added : Theme.value)
      var x = 1
      for (text, columns) in [(position, posW), (id, idW), (r.kind.rawValue, kindW), (file, fileW)] {
        x += screen.put(text, x: x, y: y, style: base, padTo: columns)
        x += screen.put(" ", x: x, y: y, style: base)
      }
      if isSelected, let editing = media.editing, editing.index == i {
        cursor = (editing.edit.draw(into: &screen, x: altX, y: y, width: altW), y)
      } else {
        let altStyle = alt.isEmpty ? (isSelected ? Theme.selected : Theme.dim) : base
        screen.put(alt.isEmpty ? (r.kind == .image ? "(no alt text)" : "") : alt, x: altX, y: y, style: altStyle, padTo: altW)
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
      let languages = c.translationLanguages
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
        into: &screen, width: c.width, height: c.height, title: "Remove",
        lines: ["Remove \(index < imageTotal ? "image" : "video") \(index + 1) from the gallery?", "y  remove    any other key  keep"])
      cursor = nil
    }
    return cursor
  }
}

/// The gallery's rows as the last frames drew them (see `RowMemo`).
let galleryRowMemo = RowMemo()
