import Foundation
import Logging
import Synchronization

/// A swift-log handler that appends lines to a file. The editor owns the terminal, so logs go
/// to a file, never to stdout or stderr.
public struct FileLogHandler: LogHandler {
  /// The open log file. Opened with the system calls themselves: Foundation's FileManager and
  /// FileHandle took 1.5 ms of every start, before the first request could go out.
  final class Sink: Sendable {
    let fd: Int32
    let lock = Mutex(())

    init(path: String) {
      Self.makeParents(of: path)
      fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    }

    deinit { if fd >= 0 { close(fd) } }

    /// `mkdir -p` of the folder that holds `path` (new folders 0700: the log is the user's alone).
    static func makeParents(of path: String) {
      var folder = path.hasPrefix("/") ? "" : "."
      for part in path.split(separator: "/").dropLast() {
        folder += "/" + part
        _ = mkdir(folder, 0o700)
      }
    }

    func write(_ line: String) {
      guard fd >= 0 else { return }
      lock.withLock { _ in _ = AtomicFile.write(Data(line.utf8), to: fd) }
    }
  }

  let sink: Sink
  let label: String
  public var metadata: Logger.Metadata = [:]
  public var logLevel: Logger.Level = .info

  public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  /// Returns a factory writing every logger's lines to `path`.
  public static func factory(path: String, level: Logger.Level = .info) -> @Sendable (String) -> any LogHandler {
    let sink = Sink(path: path)
    return { label in
      var h = FileLogHandler(sink: sink, label: label)
      h.logLevel = level
      return h
    }
  }

  public func log(event: LogEvent) {
    let stamp = Self.utcStamp(time(nil))
    var all = metadata
    if let m = event.metadata { all.merge(m) { $1 } }
    let meta = all.isEmpty ? "" : " " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    sink.write("\(stamp) \(event.level) \(label): \(event.message)\(meta)\n")
  }

  /// `2026-11-30T16:54:35Z`, the ISO 8601 form the log has always used, without a date formatter:
  /// building one loads ICU's calendars and time zones, milliseconds that the editor's first request
  /// (the first line logged) used to wait for.
  public static func utcStamp(_ seconds: time_t) -> String {
    var t = seconds
    var parts = tm()
    gmtime_r(&t, &parts)
    func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
      + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
  }
}
