import Foundation
import Terminal
import EditorRuntime

/// A `TerminalBackend` for the real runtime loop: it hands out scripted events, each batch once the
/// screen drawn so far shows a given text, and records every screen it is asked to draw. When a
/// wait runs past its deadline it records which, and answers with keys that leave the editor (so a
/// broken loop fails the test instead of hanging it).
final class ScriptedTerminal: EditorTerminal, @unchecked Sendable {
  struct Step {
    /// Text the last drawn screen must contain before `events` are delivered (nil: at once).
    var waitFor: String?
    var events: [TerminalEvent]
  }

  enum Record: Equatable {
    case draw(Screen)
    case invalidate
  }

  private let lock = NSLock()
  private var steps: [Step]
  private var pending: [TerminalEvent] = []
  private var currentSize: (width: Int, height: Int)
  private var stepStarted = Date()
  private let stepTimeout: TimeInterval
  private var records: [Record] = []
  private var escaping = false
  private(set) var timedOutWaitingFor: String?

  /// `stepTimeout` only guards against a hang: in a full parallel run the two threads of the
  /// cooperative pool, which run the loop's requests, can be busy with other tests for half a minute.
  init(width: Int, height: Int, steps: [Step], stepTimeout: TimeInterval = 90) {
    currentSize = (width, height)
    self.steps = steps
    self.stepTimeout = stepTimeout
  }

  /// What the loop asked for, in order.
  var log: [Record] { lock.withLock { records } }
  var screens: [Screen] { log.compactMap { if case .draw(let s) = $0 { s } else { nil } } }

  var size: (width: Int, height: Int) { lock.withLock { currentSize } }

  func draw(_ screen: Screen, cursor: (x: Int, y: Int)?) {
    lock.withLock { records.append(.draw(screen)) }
  }

  func invalidate() { lock.withLock { records.append(.invalidate) } }

  func readEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
    if let event = nextEvent() { return event }
    // Nothing due yet: wait a little, as a terminal with no input would.
    Thread.sleep(forTimeInterval: Double(min(max(timeoutMilliseconds, 0), 5)) / 1000)
    return nil
  }

  private func nextEvent() -> TerminalEvent? {
    lock.lock()
    defer { lock.unlock() }
    if escaping && pending.isEmpty {
      // Leave whatever the editor is in: close a field, quit, confirm the quit keeping the draft.
      pending = [.key(.escape), .key(.escape), .key(.char("q")), .key(.char("y"))]
    }
    if pending.isEmpty, let step = steps.first {
      let last = records.last { if case .draw = $0 { true } else { false } }
      let shown: String = if case .draw(let s) = last { s.text() } else { "" }
      if step.waitFor.map({ shown.contains($0) }) ?? true {
        steps.removeFirst()
        pending = step.events
        stepStarted = Date()
      } else if Date().timeIntervalSince(stepStarted) > stepTimeout {
        timedOutWaitingFor = step.waitFor
        steps.removeAll()
        escaping = true
        pending = [.key(.escape), .key(.escape), .key(.char("q")), .key(.char("y"))]
      }
    }
    guard !pending.isEmpty else { return nil }
    let event = pending.removeFirst()
    if case .resize(let w, let h) = event { currentSize = (w, h) }
    return event
  }

  // Job control and $EDITOR need a real terminal; the scripts here do not use them.
  func takeContinued() -> Bool { false }
  func suspendToShell() {}
  func runInForeground(_ argv: [String]) -> ChildOutcome { .cannotRun("no terminal in this test") }
  func hungUp() -> Bool { false }
}
