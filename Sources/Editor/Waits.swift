import EcwidAPI

/// A wait of the client while a load or save runs (a `Retry-After`, a backoff, a slow answer),
/// counted down by the editor's tick so the status line says how long is left.
public struct ClientWait: Sendable, Equatable {
  public var event: ClientEvent
  /// Ticks since the client reported the wait.
  public var ticks = 0

  /// Seconds one tick stands for (the runtime ticks every 0.1 s).
  public static let tickSeconds = 0.1

  public init(event: ClientEvent) { self.event = event }

  var elapsed: Double { Double(ticks) * Self.tickSeconds }

  /// "rate limited by Ecwid, retrying in 27 s", with the seconds left now.
  public var text: String {
    switch event {
    case .waiting(let seconds, let reason, let next, let method, let path):
      return ClientEvent.waiting(
        seconds: max(0, seconds - elapsed), reason: reason, nextAttempt: next, method: method, path: path
      ).message
    case .stillWaiting(let seconds, let method, let path):
      return ClientEvent.stillWaiting(seconds: seconds + elapsed, method: method, path: path).message
    }
  }
}

extension Model {
  /// For the gallery header: each URL Ecwid could not download with its code, short enough to
  /// fit a line ("not downloaded: https://…/gone.jpg (DOWNLOAD_IMAGE_FAILED), …").
  static func mediaFailureLine(_ error: EcwidError) -> String {
    "not downloaded: " + error.mediaFailures.map { "\($0.url) (\($0.errorCode ?? "no code"))" }.joined(separator: ", ")
  }

  /// The client waits during the running work: shown in the status line until the work moves on.
  mutating func clientWaiting(_ event: ClientEvent) {
    // The first load runs before anything is busy: it becomes busy work, so Esc cancels it.
    if busy == nil, page == .loading, let productId { busy = "Loading product \(productId)…" }
    guard busy != nil else { return }  // nothing running any more (cancelled, or done)
    // A backoff under a second passes unremarked; a real wait is said.
    if case .waiting(let seconds, _, _, _, _) = event, seconds < 1 { return }
    wait = ClientWait(event: event)
  }
}
