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
    var generation = 0
    var rows: [RowKey: [Cell]] = [:]
  }

  /// What `begin` returns and every lookup passes back: rows are only read and written under the
  /// frame key they were drawn for, even when two models draw at once (tests run in parallel).
  struct Generation: Equatable, Sendable {
    fileprivate var value: Int
  }

  private let state = Mutex(State())

  /// Starts a frame: rows remembered under another frame key are forgotten.
  @discardableResult
  func begin(_ frame: FrameKey) -> Generation {
    state.withLock { s in
      if s.frame != frame || s.rows.count > 1024 {
        s.frame = frame
        s.generation += 1
        s.rows.removeAll(keepingCapacity: true)
      }
      return Generation(value: s.generation)
    }
  }

  /// Rows remembered now.
  var count: Int { state.withLock { $0.rows.count } }

  func cells(_ key: RowKey, in generation: Generation) -> [Cell]? {
    state.withLock { $0.generation == generation.value ? $0.rows[key] : nil }
  }

  func remember(_ key: RowKey, _ cells: [Cell], in generation: Generation) {
    state.withLock { s in
      if s.generation == generation.value { s.rows[key] = cells }
    }
  }
}
