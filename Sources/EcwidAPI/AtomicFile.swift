import Foundation

/// Replaces a file whole or not at all: the data goes to a temporary file beside it, is synced,
/// then renamed over it, so a crash leaves either the old file or the new one, never half of one.
/// Used by the draft journal, the sandbox's data file and the CLI's kept files.
public enum AtomicFile {
  public struct Failure: Error, CustomStringConvertible, Sendable {
    public enum Stage: Sendable { case create, write }
    /// `.create`: the temporary file could not be made (`path` is the temporary file's);
    /// `.write`: it could not be written, synced or renamed over the target (`path` is the target).
    public var stage: Stage
    public var path: String
    /// The system's words (`strerror`).
    public var reason: String
    public var description: String { "cannot \(stage == .create ? "create" : "write") \(path): \(reason)" }
  }

  /// Writes `data` to `path`. `private`: the file is its owner's only (0600) whatever the umask;
  /// otherwise it gets the usual mode (0666 less the umask).
  public static func write(_ data: Data, to path: String, private: Bool = true) throws(Failure) {
    let url = URL(fileURLWithPath: path)
    let dir = url.deletingLastPathComponent().path
    let temp = "\(dir)/.\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, `private` ? 0o600 : 0o666)
    guard fd >= 0 else { throw Failure(stage: .create, path: temp, reason: String(cString: strerror(errno))) }
    if `private` { fchmod(fd, 0o600) }
    let ok = write(data, to: fd) && fsync(fd) == 0
    close(fd)
    guard ok, rename(temp, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temp)
      throw Failure(stage: .write, path: path, reason: reason)
    }
  }

  /// Writes all of `data` to an open descriptor (again after a signal cut a write short).
  public static func write(_ data: Data, to fd: Int32) -> Bool {
    data.withUnsafeBytes { raw -> Bool in
      var offset = 0
      while offset < raw.count {
        let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return false
        }
        if n == 0 { return false }
        offset += n
      }
      return true
    }
  }
}
