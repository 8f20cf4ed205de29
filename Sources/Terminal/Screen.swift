#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A grid of cells that `view` functions draw into. Rows always add up to `width` columns: a wide
/// character is a cell of width 2 followed by a continuation cell (`text == ""`, width 0).
public struct Screen: Equatable, Sendable {
  public let width: Int
  public let height: Int
  /// Row-major cells, `width * height` of them.
  @usableFromInline var cells: [Cell]

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: .blank, count: self.width * self.height)
  }

  @inline(__always) func index(_ x: Int, _ y: Int) -> Int { y * width + x }

  @inline(__always) func contains(x: Int, y: Int) -> Bool {
    x >= 0 && y >= 0 && x < width && y < height
  }

  /// Reading outside the screen gives `Cell.blank`; writing outside is ignored. Written cells are
  /// normalised (sanitised single grapheme, width recomputed) and never break a wide character:
  /// overwriting half of one blanks the other half.
  public subscript(x: Int, y: Int) -> Cell {
    get { contains(x: x, y: y) ? cells[index(x, y)] : .blank }
    set {
      guard contains(x: x, y: y) else { return }
      let i = index(x, y)
      if newValue.width == 0 && newValue.glyph.isEmpty {
        // A continuation: only meaningful where one already is (copying cells between screens).
        if cells[i].width == 0 {
          cells[i].style = newValue.style
        } else {
          write(.blank(newValue.style), at: x, y: y)
        }
        return
      }
      let normal: Cell
      if let a = newValue.asciiByte, a >= 0x20, a < 0x7F {
        normal = Cell(glyph: newValue.glyph, width: 1, style: newValue.style)
      } else {
        normal = Cell(newValue.text, style: newValue.style)
      }
      write(normal, at: x, y: y)
    }
  }

  /// Writes a normalised cell (width 1 or 2) at an in-bounds position, keeping wide characters whole.
  @inline(__always)
  mutating func write(_ cell: Cell, at x: Int, y: Int) {
    let i = index(x, y)
    release(i, x: x)
    if cell.width >= 2 {
      if x + 1 < width {
        release(i + 1, x: x + 1)
        cells[i] = cell
        cells[i + 1] = .continuation(cell.style)
      } else {
        cells[i] = .blank(cell.style)
      }
    } else {
      cells[i] = cell
    }
  }

  /// Blanks the other half of a wide character about to be partly overwritten at index `i`.
  @inline(__always)
  private mutating func release(_ i: Int, x: Int) {
    let w = cells[i].width
    if w == 1 { return }
    if w == 0 {
      if x > 0 && cells[i - 1].width == 2 { cells[i - 1] = .blank(cells[i - 1].style) }
    } else if x + 1 < width && cells[i + 1].width == 0 {
      cells[i + 1] = .blank(cells[i + 1].style)
    }
  }

  /// Draws sanitised text at (x,y), clipped to the screen and to `maxWidth` columns; never splits a
  /// wide character (one that does not fit leaves a blank and ends the text). Returns the number of
  /// columns advanced from `x` (including such a blank).
  @discardableResult
  public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
    guard y >= 0, y < height, x < width else { return 0 }
    var limit = width
    if let maxWidth {
      guard maxWidth > 0 else { return 0 }
      let (end, overflow) = x.addingReportingOverflow(maxWidth)
      if !overflow { limit = min(limit, end) }
    }
    guard limit > 0, x < limit else { return 0 }
    var col = x
    if isPrintableASCII(text) {
      var t = text
      let rowBase = y * width
      t.withUTF8 { buf in
        var k = 0
        if col < 0 {
          k = min(-col, buf.count)
          col += k
        }
        let n = min(buf.count - k, limit - col)
        guard n > 0 else { return }
        // Narrow cells over [col, col + n): only a wide character crossing either end needs its
        // other half blanked; everything inside is overwritten.
        release(rowBase + col, x: col)
        release(rowBase + col + n - 1, x: col + n - 1)
        cells.withUnsafeMutableBufferPointer { cells in
          for j in 0..<n {
            cells[rowBase + col + j] = Cell(glyph: .ascii(buf[k + j]), width: 1, style: style)
          }
        }
        col += n
      }
      return col - x
    }
    if isCommonNarrowText(text) {
      // Each scalar is its own one-column grapheme that sanitising keeps: no grapheme breaking.
      // As for ASCII: narrow cells over a stretch, so only its two ends can cut a wide character.
      var scalars = text.unicodeScalars.makeIterator()
      var skipped = 0
      while col + skipped < 0, scalars.next() != nil { skipped += 1 }
      if col + skipped < 0 { return skipped }  // all of it left of the screen
      let start = col + skipped
      col = start
      guard var next = scalars.next() else { return col - x }
      let rowBase = y * width
      release(rowBase + start, x: start)
      cells.withUnsafeMutableBufferPointer { cells in
        while col < limit {
          cells[rowBase + col] = Cell(glyph: Glyph(scalar: next), width: 1, style: style)
          col += 1
          guard let following = scalars.next() else { break }
          next = following
        }
      }
      // A wide character whose left half was overwritten at the end loses its right half.
      if col > start, col < width, cells[rowBase + col].width == 0 {
        cells[rowBase + col] = .blank(cells[rowBase + col].style)
      }
      return col - x
    }
    for c in sanitizeForTerminal(text) {
      let w = graphemeWidth(c)
      if w == 0 { continue }
      if col + w > limit {
        if col >= 0 && col < limit {
          write(.blank(style), at: col, y: y)
          col += 1
        }
        break
      }
      if col >= 0 {
        write(Cell(text: String(c), width: w, style: style), at: col, y: y)
      } else if col + w > 0 {
        // A wide character straddling the left edge: its visible half becomes a blank.
        write(.blank(style), at: 0, y: y)
      }
      col += w
      if col >= limit { break }
    }
    return col - x
  }

  /// Draws `text` in exactly `padTo` columns: cut with an ellipsis when longer, followed by blanks
  /// in `style` when shorter. It draws what `put(padRight(text, toWidth: padTo), …)` draws without
  /// making the padded string (a grid draws hundreds of cells per frame). Returns the columns
  /// advanced, clipped to the screen as `put` is.
  @discardableResult
  public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, padTo width: Int) -> Int {
    guard width > 0, y >= 0, y < height, x < self.width else { return 0 }
    let (shown, shownWidth) = truncated(text, toWidth: width)
    put(shown, x: x, y: y, style: style, maxWidth: width)
    fill(x: x &+ shownWidth, y: y, width: width - shownWidth, height: 1, style: style)
    return max(0, min(x &+ width, self.width) - x)
  }

  /// The cells of row `y` in [x0, x1) (clipped), as drawn: with `setCells` a grid draws a row again
  /// from an earlier frame by copying them.
  public func cells(y: Int, from x0: Int, to x1: Int) -> [Cell] {
    guard y >= 0, y < height else { return [] }
    let a = max(0, x0)
    let b = min(width, x1)
    guard a < b else { return [] }
    return Array(cells[(y * width + a)..<(y * width + b)])
  }

  /// Writes `row` (cells taken by `cells(y:from:to:)`) at (x, y), clipped; a wide character cut by
  /// either end of the stretch loses its other half, as with `put`.
  public mutating func setCells(_ row: [Cell], x: Int, y: Int) {
    guard y >= 0, y < height else { return }
    let a = max(0, x)
    let b = min(width, x &+ row.count)
    guard a < b else { return }
    let base = y * width
    release(base + a, x: a)
    release(base + b - 1, x: b - 1)
    // A cell is a plain value (`Glyph`): the stretch is one memory copy.
    row.withUnsafeBufferPointer { source in
      cells.withUnsafeMutableBufferPointer { target in
        (target.baseAddress! + base + a).update(from: source.baseAddress! + (a - x), count: b - a)
      }
    }
    if a > 0, cells[base + a].width == 0 { cells[base + a] = .blank(cells[base + a].style) }
    if b < width, cells[base + b - 1].width == 2 { cells[base + b - 1] = .blank(cells[base + b - 1].style) }
  }

  /// Fills a rectangle (clipped) with blanks in `style`.
  public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style = .plain) {
    let x0 = max(0, x)
    let y0 = max(0, y)
    let x1 = min(width, x &+ max(0, w))
    let y1 = min(height, y &+ max(0, h))
    guard x0 < x1, y0 < y1 else { return }
    let blank = Cell.blank(style)
    for row in y0..<y1 {
      let base = row * width
      // Fix wide characters cut by the rectangle's edges, then blank the inside.
      release(base + x0, x: x0)
      release(base + x1 - 1, x: x1 - 1)
      for i in (base + x0)..<(base + x1) { cells[i] = blank }
    }
  }

  /// Restyles the existing cells of row `y` in [x, x+width) (clipped); a wide character partly inside
  /// the range is restyled whole.
  public mutating func setStyle(x: Int, y: Int, width w: Int, style: Style) {
    guard y >= 0, y < height else { return }
    var x0 = max(0, x)
    var x1 = min(width, x &+ max(0, w))
    guard x0 < x1 else { return }
    let base = y * width
    if cells[base + x0].width == 0 && x0 > 0 { x0 -= 1 }
    if cells[base + x1 - 1].width == 2 && x1 < width { x1 += 1 }
    for i in (base + x0)..<(base + x1) { cells[i].style = style }
  }

  /// Plain text rows with trailing spaces trimmed.
  public func lines() -> [String] {
    var result: [String] = []
    result.reserveCapacity(height)
    for row in 0..<height {
      var line = ""
      let base = row * width
      for i in base..<(base + width) { line += cells[i].text }
      while line.last == " " { line.removeLast() }
      result.append(line)
    }
    return result
  }

  /// `lines()` joined by "\n".
  public func text() -> String { lines().joined(separator: "\n") }

  /// A horizontal run of cells to (re)draw starting at (x, y).
  public struct Run: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]
    public init(x: Int, y: Int, cells: [Cell]) {
      self.x = x
      self.y = y
      self.cells = cells
    }
  }

  /// Minimal runs of cells that differ from `previous` (every row when `previous` is nil or has a
  /// different size). A run never starts on the right half of a wide character and never ends
  /// between the two halves.
  public func changedRuns(from previous: Screen?) -> [Run] {
    guard let previous, previous.width == width, previous.height == height else {
      return (0..<height).map { row in
        Run(x: 0, y: row, cells: Array(cells[(row * width)..<((row + 1) * width)]))
      }
    }
    var runs: [Run] = []
    cells.withUnsafeBufferPointer { now in
      previous.cells.withUnsafeBufferPointer { old in
        guard let nowBase = now.baseAddress, let oldBase = old.baseAddress else { return }
        let nowRaw = UnsafeRawPointer(nowBase)
        let oldRaw = UnsafeRawPointer(oldBase)
        let stride = MemoryLayout<Cell>.stride
        // A cell is four words with no padding (checked here; otherwise cells are compared
        // field by field): two cells are equal when their words are.
        let byWords = MemoryLayout<Cell>.size == 32 && stride == 32
        @inline(__always) func same(_ i: Int) -> Bool {
          guard byWords else { return now[i] == old[i] }
          let a = nowRaw + i &* 32
          let b = oldRaw + i &* 32
          return a.load(as: UInt64.self) == b.load(as: UInt64.self)
            && a.load(fromByteOffset: 8, as: UInt64.self) == b.load(fromByteOffset: 8, as: UInt64.self)
            && a.load(fromByteOffset: 16, as: UInt64.self) == b.load(fromByteOffset: 16, as: UInt64.self)
            && a.load(fromByteOffset: 24, as: UInt64.self) == b.load(fromByteOffset: 24, as: UInt64.self)
        }
        let rowBytes = width * stride
        for row in 0..<height {
          let base = row * width
          // Most rows of a frame are as they were: compare the row's memory first (a cell is a
          // plain value, equal cells are equal bytes), then find the runs in a row that differs.
          if memcmp(nowRaw + base * stride, oldRaw + base * stride, rowBytes) == 0 { continue }
          var x = 0
          while x < width {
            if same(base + x) {
              x += 1
              continue
            }
            var start = x
            if start > 0 && now[base + start].width == 0 { start -= 1 }
            var end = x + 1
            // Up to the next stretch of 8 unchanged cells: a few unchanged cells between two
            // changes are drawn again rather than starting a run (an array) for each change.
            var unchanged = 0
            var scan = x + 1
            while scan < width && unchanged < 8 {
              if same(base + scan) {
                unchanged += 1
              } else {
                unchanged = 0
                end = scan + 1
              }
              scan += 1
            }
            if end < width && now[base + end].width == 0 { end += 1 }
            runs.append(Run(x: start, y: row, cells: Array(now[(base + start)..<(base + end)])))
            x = end
          }
        }
      }
    }
    return runs
  }
}
