import EcwidAPI
import Foundation

/// Runs of the editor and who has which product open (see `DraftJournal`).
extension DraftJournal {
  /// One run of the editor: a process, told apart from a later one with the same pid by its start.
  public struct Run: Sendable, Equatable {
    public var pid: Int32
    public var startedAt: Date

    public init(pid: Int32, startedAt: Date) {
      self.pid = pid
      self.startedAt = startedAt
    }

    /// The part of the file names that says which run a draft belongs to.
    public var tag: String { "\(pid)-\(Int64((startedAt.timeIntervalSince1970 * 1000).rounded()))" }

    /// This process (its start is taken the first time the journal is used).
    public static let current = Run(pid: getpid(), startedAt: Date())

    /// The run a tag names, when it is one (`1234-1764470000123`).
    init?(tag: String) {
      let parts = tag.split(separator: "-")
      guard parts.count == 2, let pid = Int32(parts[0]), let ms = Int64(parts[1]) else { return nil }
      self.init(pid: pid, startedAt: Date(timeIntervalSince1970: Double(ms) / 1000))
    }
  }

  /// Another run that has the product open now.
  public struct Owner: Sendable, Equatable {
    public var pid: Int32
    /// When that run opened the product.
    public var since: Date
  }

  /// A draft left behind by a run that has ended (a crash, a kill, a closed terminal, or a quit
  /// that kept it).
  public struct LeftBehind: Sendable {
    public var url: URL
    /// The run that wrote it, when the file name says (older versions wrote `<store>-<product>.json`).
    public var run: Run?
    public var draft: Draft?
    /// Why the draft could not be read (it is left in place).
    public var problem: String?
  }

  func lockURL(storeId: Int, productId: Int, tag: String) -> URL {
    directory.appendingPathComponent("\(storeId)-\(productId).\(tag).lock")
  }

  /// Marks the product as open in this run, for as long as the process lives or until `release`.
  /// Returns the other runs that have it open now (each keeps its own draft).
  @discardableResult
  public func claim(storeId: Int, productId: Int) throws -> [Owner] {
    try FileManager.default.createDirectory(
      at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let u = lockURL(storeId: storeId, productId: productId, tag: run.tag)
    if !LockTable.shared.holds(u.path) {
      var attempts = 0
      while true {
        attempts += 1
        let fd = open(u.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw JournalError.cannotWrite(u.path, String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
          close(fd)
          throw JournalError.cannotWrite(u.path, "locked by another process")
        }
        // Someone cleaning up stale locks may have removed the file between open and flock.
        var opened = stat()
        var named = stat()
        if fstat(fd, &opened) == 0, stat(u.path, &named) == 0, opened.st_ino == named.st_ino,
          opened.st_dev == named.st_dev
        {
          let record: JSON = [
            "pid": .int(Int(run.pid)), "startedAt": .double(run.startedAt.timeIntervalSince1970),
            "openedAt": .double(Date().timeIntervalSince1970),
          ]
          let data = record.encoded()
          _ = ftruncate(fd, 0)
          _ = data.withUnsafeBytes { Foundation.write(fd, $0.baseAddress!, $0.count) }
          LockTable.shared.add(u.path, fd: fd)
          break
        }
        close(fd)
        if attempts > 5 { throw JournalError.cannotWrite(u.path, "the lock file keeps disappearing") }
      }
    }
    return openElsewhere(storeId: storeId, productId: productId)
  }

  /// This run no longer has the product open (its draft, if any, stays).
  public func release(storeId: Int, productId: Int) {
    let u = lockURL(storeId: storeId, productId: productId, tag: run.tag)
    guard let fd = LockTable.shared.take(u.path) else { return }
    unlink(u.path)
    close(fd)
  }

  /// Other runs that have the product open now.
  public func openElsewhere(storeId: Int, productId: Int) -> [Owner] {
    tags(storeId: storeId, productId: productId, suffix: ".lock").compactMap { tag -> Owner? in
      guard tag != run.tag else { return nil }
      let u = lockURL(storeId: storeId, productId: productId, tag: tag)
      guard isHeld(u) else {
        // An ended run that left no draft: its lock file is litter. (A run that is just creating
        // its lock checks after locking that the file is still there, and makes it again if not.)
        let draft = directory.appendingPathComponent("\(storeId)-\(productId).\(tag).json")
        if !FileManager.default.fileExists(atPath: draft.path) { unlink(u.path) }
        return nil
      }
      let record = (try? JSON.parse(FileManager.default.contents(atPath: u.path) ?? Data())) ?? .null
      let other = Run(tag: tag)
      let pid = record["pid"]?.intValue.map { Int32(truncatingIfNeeded: $0) } ?? other?.pid ?? 0
      let since = record["openedAt"]?.doubleValue.map(Date.init(timeIntervalSince1970:)) ?? other?.startedAt ?? Date()
      return Owner(pid: pid, since: since)
    }.sorted { $0.since < $1.since }
  }

  /// The drafts of this product left by runs that have ended, oldest first.
  public func leftBehind(storeId: Int, productId: Int) -> [LeftBehind] {
    var out: [LeftBehind] = []
    let legacy = directory.appendingPathComponent("\(storeId)-\(productId).json")
    if FileManager.default.fileExists(atPath: legacy.path) { out.append(leftBehind(at: legacy, run: nil)) }
    for tag in tags(storeId: storeId, productId: productId, suffix: ".json") where tag != run.tag {
      guard !isHeld(lockURL(storeId: storeId, productId: productId, tag: tag)) else { continue }
      let u = directory.appendingPathComponent("\(storeId)-\(productId).\(tag).json")
      out.append(leftBehind(at: u, run: Run(tag: tag)))
    }
    return out.sorted { ($0.draft?.savedAt ?? .distantPast) < ($1.draft?.savedAt ?? .distantPast) }
  }

  private func leftBehind(at u: URL, run: Run?) -> LeftBehind {
    do {
      return LeftBehind(url: u, run: run, draft: try read(at: u), problem: nil)
    } catch {
      return LeftBehind(url: u, run: run, draft: nil, problem: "\(error)")
    }
  }

  /// Removes a draft left behind (after it was recovered or discarded), with its ended run's lock
  /// file. A draft of a run that is alive is never removed.
  public func removeLeftBehind(_ u: URL) {
    let name = u.lastPathComponent
    guard u.deletingLastPathComponent().standardizedFileURL.path == directory.standardizedFileURL.path,
      name.hasSuffix(".json")
    else { return }
    let stem = String(name.dropLast(".json".count))
    if let dot = stem.firstIndex(of: "."), Run(tag: String(stem[stem.index(after: dot)...])) != nil {
      let lock = directory.appendingPathComponent(stem + ".lock")
      if isHeld(lock) { return }
      unlink(lock.path)
    }
    try? FileManager.default.removeItem(at: u)
  }

  /// The run tags of the product's files ending in `suffix`.
  private func tags(storeId: Int, productId: Int, suffix: String) -> [String] {
    let prefix = "\(storeId)-\(productId)."
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.compactMap { name -> String? in
      guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
      let tag = String(name.dropFirst(prefix.count).dropLast(suffix.count))
      return Run(tag: tag) == nil ? nil : tag
    }.sorted()
  }

  /// True when a live process holds the lock file (the check takes and drops a shared lock).
  func isHeld(_ u: URL) -> Bool {
    if LockTable.shared.holds(u.path) { return true }
    let fd = open(u.path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    if flock(fd, LOCK_SH | LOCK_NB) == 0 {
      flock(fd, LOCK_UN)
      return false
    }
    return errno == EAGAIN
  }
}

/// The lock files this process holds open (a lock lives as long as its descriptor).
final class LockTable: @unchecked Sendable {
  static let shared = LockTable()
  private let lock = NSLock()
  private var fds: [String: Int32] = [:]

  func holds(_ path: String) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    return fds[path] != nil
  }

  func add(_ path: String, fd: Int32) {
    lock.lock()
    fds[path] = fd
    lock.unlock()
  }

  func take(_ path: String) -> Int32? {
    lock.lock()
    defer { lock.unlock() }
    return fds.removeValue(forKey: path)
  }
}
