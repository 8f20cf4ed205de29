import Synchronization
import Terminal

/// Rows of a grid as an earlier frame drew them, so that the next frame copies their cells instead
/// of formatting, cutting and padding every cell again.
///
/// Scrolling a grid by one row moves every row on the screen, so each frame drew all of them anew:
/// on the huge product that was most of a key's cost in the translations grid. A row is looked up
/// by its index in the grid and its variant (which column is selected in it, or none), within a
/// frame key that names everything else its cells depend on (the document version, the layout,
/// the columns); a different frame key forgets every row. A memo is a pure cache: a row drawn from
/// it is cell for cell the row the view would draw (tested in `RowMemoTests`).
final class RowMemo: Sendable {
  struct FrameKey: Equatable, Sendable {
    var numbers: [Int]
    var texts: [String]
  }

  struct RowKey: Hashable, Sendable {
    var row: Int
    var variant: Int
  }

  private struct State {
    var frame: FrameKey?
    var rows: [RowKey: [Cell]] = [:]
  }

  private let state = Mutex(State())

  /// Starts a frame: rows remembered under another frame key are forgotten.
  func begin(_ frame: FrameKey) {
    state.withLock { s in
      if s.frame != frame || s.rows.count > 1024 {
        s.frame = frame
        s.rows.removeAll(keepingCapacity: true)
      }
    }
  }

  /// Rows remembered now.
  var count: Int { state.withLock { $0.rows.count } }

  func cells(_ key: RowKey) -> [Cell]? {
    state.withLock { $0.rows[key] }
  }

  func remember(_ key: RowKey, _ cells: [Cell]) {
    state.withLock { $0.rows[key] = cells }
  }
}
