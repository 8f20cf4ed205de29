import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

/// Something the client is waiting for, reported while it waits so a person is not left looking
/// at a silent terminal: a `Retry-After` pause, a backoff before the next attempt, or an answer
/// that is slow to come. Observe them with `EcwidClient.observingEvents(handler) { … }`.
public enum ClientEvent: Sendable, Equatable {
  public enum Reason: Sendable, Equatable {
    /// 429: Ecwid asked to wait (`Retry-After`).
    case rateLimited
    /// A 5xx answer.
    case serverError(Int)
    case timeout
    case network
  }

  /// The client sleeps `seconds` before attempt `nextAttempt`. The wait ends early when the
  /// task is cancelled.
  case waiting(seconds: Double, reason: Reason, nextAttempt: Int, method: String, path: String)
  /// No answer yet after `seconds` (reported every few seconds while a request hangs).
  case stillWaiting(seconds: Double, method: String, path: String)

  /// A line for people, e.g. "rate limited by Ecwid, retrying in 30 s".
  public var message: String {
    switch self {
    case .waiting(let seconds, let reason, _, _, _):
      let s = Self.seconds(seconds)
      switch reason {
      case .rateLimited: return "rate limited by Ecwid, retrying in \(s)"
      case .serverError(let status): return "Ecwid answered \(status), retrying in \(s)"
      case .timeout: return "Ecwid did not answer in time, retrying in \(s)"
      case .network: return "could not reach Ecwid, retrying in \(s)"
      }
    case .stillWaiting(let seconds, let method, let path):
      return "still waiting for Ecwid's answer to \(method) \(path) after \(Self.seconds(seconds))"
    }
  }

  /// Whole seconds, rounded up ("30 s"); "less than 1 s" below one.
  static func seconds(_ s: Double) -> String {
    s < 1 ? "less than 1 s" : "\(Int(s.rounded(.up))) s"
  }
}

/// What a failed transport call means, described from the error's type and case only: a
/// library's error value can hold request headers (AsyncHTTPClient's `invalidHeaderFieldValues`
/// holds the whole `Authorization` value), so it is never turned into text.
struct TransportFailure {
  var kind: EcwidError.Kind
  var detail: String
  /// The request never left this machine (refused, no route, name not resolved, connect
  /// timeout): trying again cannot apply it twice.
  var notSent: Bool
  /// The connection was refused: nothing listens at the address.
  var refused: Bool = false

  init(kind: EcwidError.Kind, detail: String, notSent: Bool, refused: Bool = false) {
    self.kind = kind
    self.detail = detail
    self.notSent = notSent
    self.refused = refused
  }

  static func describe(_ error: any Error, apiURL: String) -> TransportFailure {
    if let e = error as? HTTPClientError { return describe(e) }
    if error is CancellationError { return TransportFailure(kind: .cancelled, detail: "cancelled", notSent: false) }
    if let e = error as? NIOConnectionError {
      let errors = e.connectionErrors.map(\.error) + [e.dnsAError, e.dnsAAAAError].compactMap { $0 }
      if errors.contains(where: { Self.errno(of: $0) == ECONNREFUSED }) {
        return refused(apiURL)
      }
      if e.connectionErrors.isEmpty && (e.dnsAError != nil || e.dnsAAAAError != nil) {
        return TransportFailure(kind: .network, detail: "the host name could not be resolved", notSent: true)
      }
      if let first = errors.first, let code = Self.errno(of: first) {
        return TransportFailure(kind: .network, detail: "could not connect: \(Self.strerror(code))", notSent: true)
      }
      return TransportFailure(kind: .network, detail: "could not connect", notSent: true)
    }
    if let code = Self.errno(of: error) {
      if code == ECONNREFUSED { return refused(apiURL) }
      if code == ETIMEDOUT { return TransportFailure(kind: .timeout, detail: "the connection timed out", notSent: false) }
      return TransportFailure(kind: .network, detail: Self.strerror(code), notSent: false)
    }
    if let e = error as? ChannelError {
      switch e {
      case .connectTimeout: return TransportFailure(kind: .timeout, detail: "could not connect in time", notSent: true)
      case .eof, .ioOnClosedChannel, .outputClosed, .inputClosed, .alreadyClosed:
        return TransportFailure(kind: .network, detail: "the connection was closed before the answer came", notSent: false)
      default: break
      }
    }
    if let e = error as? ResponseAccumulator.ResponseTooBigError {
      return TransportFailure(kind: .network, detail: "the answer was larger than \(e.maxBodySize >> 20) MB", notSent: false)
    }
    // Anything else is named by its type, which holds no data of the request.
    let type = String(reflecting: Swift.type(of: error))
    if type.contains("SSL") || type.contains("TLS") {
      return TransportFailure(kind: .network, detail: "the secure (TLS) connection failed", notSent: true)
    }
    return TransportFailure(kind: .network, detail: "the connection failed (\(type))", notSent: false)
  }

  static func refused(_ apiURL: String) -> TransportFailure {
    TransportFailure(kind: .network, detail: "nothing is listening at \(apiURL)", notSent: true, refused: true)
  }

  static func describe(_ e: HTTPClientError) -> TransportFailure {
    switch e {
    case .connectTimeout, .tlsHandshakeTimeout, .socksHandshakeTimeout, .httpProxyHandshakeTimeout:
      return TransportFailure(kind: .timeout, detail: "could not connect in time", notSent: true)
    case .getConnectionFromPoolTimeout:
      return TransportFailure(kind: .timeout, detail: "no connection became free in time", notSent: true)
    case .deadlineExceeded, .readTimeout:
      return TransportFailure(kind: .timeout, detail: "no answer in time", notSent: false)
    case .writeTimeout:
      return TransportFailure(kind: .timeout, detail: "the request could not be sent in time", notSent: false)
    case .cancelled, .requestStreamCancelled:
      return TransportFailure(kind: .cancelled, detail: "cancelled", notSent: false)
    case .remoteConnectionClosed:
      return TransportFailure(kind: .network, detail: "the connection was closed before the answer came", notSent: false)
    case .bodyLengthMismatch, .contentLengthMissing:
      return TransportFailure(kind: .invalidResponse, detail: "the answer was cut short", notSent: false)
    case .invalidURL, .emptyHost, .emptyScheme:
      return TransportFailure(kind: .invalidConfiguration, detail: "the API URL is not valid", notSent: true)
    case .alreadyShutdown:
      return TransportFailure(kind: .cancelled, detail: "the client was shut down", notSent: true)
    default:
      break
    }
    if e == .invalidHeaderFieldValues([]) || e == .invalidHeaderFieldNames([]) {
      return TransportFailure(
        kind: .invalidConfiguration, detail: "a request header holds characters HTTP does not allow", notSent: true)
    }
    // `invalidHeaderFieldValues` carries the values: compare by case, never print the value.
    let mirror = Mirror(reflecting: e)
    if let code = mirror.children.first(where: { $0.label == "code" })?.value {
      let caseName = Mirror(reflecting: code).children.first?.label ?? "\(code)".prefix { $0.isLetter }.description
      if caseName.lowercased().contains("header") {
        return TransportFailure(
          kind: .invalidConfiguration, detail: "a request header holds characters HTTP does not allow", notSent: true)
      }
      return TransportFailure(kind: .network, detail: "the HTTP exchange failed (\(caseName))", notSent: false)
    }
    return TransportFailure(kind: .network, detail: "the HTTP exchange failed", notSent: false)
  }

  static func errno(of error: any Error) -> Int32? {
    if let io = error as? IOError { return io.errnoCode }
    return nil
  }

  static func strerror(_ code: Int32) -> String {
    String(cString: Foundation.strerror(code))
  }
}
