import EcwidAPI
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
    /// The storage of the value the row shows, when the frame key does not pin it (a gallery row
    /// shows one image: `storage(of:)`). The memo keeps that value alive with the row, so the
    /// address cannot be reused by another value while the row is remembered.
    var storage: Int = 0
    var keys: Int = 0
  }

  private struct Remembered {
    var cells: [Cell]
    var anchor: JSON?
    /// The last frame that drew this row.
    var frame: Int
  }

  private struct State {
    var frame: FrameKey?
    var generation = 0
    /// Counts frames (`begin` calls): rows not drawn in the current frame are the ones to forget.
    var tick = 0
    var rows: [RowKey: Remembered] = [:]
    /// The keys in the order they were remembered, oldest from `head`: past the limit, each new
    /// row forgets the oldest ones the current frame did not draw.
    var order: [RowKey] = []
    var head = 0
  }

  /// Rows kept at most; past it, the oldest rows the current frame did not draw are forgotten, a
  /// few with each new row (forgetting many at once made that frame the slowest of a hundred).
  static let limit = 256

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
      s.tick += 1
      if s.frame != frame {
        s.frame = frame
        s.generation += 1
        s.rows.removeAll(keepingCapacity: true)
        s.order.removeAll(keepingCapacity: true)
        s.head = 0
      }
      return Generation(value: s.generation)
    }
  }

  /// Rows remembered now.
  var count: Int { state.withLock { $0.rows.count } }

  func cells(_ key: RowKey, in generation: Generation) -> [Cell]? {
    state.withLock { s in
      guard s.generation == generation.value, let i = s.rows.index(forKey: key) else { return nil }
      s.rows.values[i].frame = s.tick
      return s.rows.values[i].cells
    }
  }

  /// Remembers a row's cells; `anchor` is the value whose storage the key names (kept alive here).
  func remember(_ key: RowKey, _ cells: [Cell], anchor: JSON? = nil, in generation: Generation) {
    state.withLock { s in
      guard s.generation == generation.value else { return }
      if s.rows.updateValue(Remembered(cells: cells, anchor: anchor, frame: s.tick), forKey: key) == nil {
        s.order.append(key)
      }
      var looked = 0
      while s.rows.count > Self.limit, s.head < s.order.count, looked < 4 {
        let oldest = s.order[s.head]
        s.head += 1
        looked += 1
        if s.rows[oldest]?.frame == s.tick {
          s.order.append(oldest)  // on the screen now: keep it, as if remembered again
        } else {
          s.rows[oldest] = nil
        }
      }
      if s.head > 4 * Self.limit {
        s.order.removeFirst(s.head)
        s.head = 0
      }
    }
  }

  /// The addresses of an object's value and key storage (`storageAddresses`): two objects with the
  /// same addresses are one object (while the memo holds one of them, its storage cannot be freed
  /// and reused).
  static func storage(of value: JSON) -> (values: Int, keys: Int)? {
    guard case .object(let object) = value else { return nil }
    let (keys, values) = object.storageAddresses
    return (Int(bitPattern: values), Int(bitPattern: keys))
  }
}
