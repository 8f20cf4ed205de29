import EcwidAPI
import Foundation

/// The draft journal: the product being edited (with the base it was fetched as), written
/// atomically to `$XDG_STATE_HOME/ecwid-edit/drafts/<store>-<product>.<run>.json`, so that a crash,
/// a `kill -9` or a closed terminal loses at most the last second of typing (vim's swap file).
///
/// A draft belongs to one run of the editor (`<run>` is its pid and start time): two editors on one
/// product never share or delete each other's draft. While a run has a product open it holds an
/// `flock` on `<store>-<product>.<run>.lock` (which records pid and start); the kernel drops the
/// lock when the process ends however it ends, so a draft whose lock can be taken was left behind
/// by a dead run and is offered for recovery.
///
/// The token is never written here: a draft holds product data only.
public struct DraftJournal: Sendable {
  public let directory: URL
  /// The run this journal writes for (this process, unless a test stands for another one).
  public let run: Run

  public init(directory: URL, run: Run = .current) {
    self.directory = directory
    self.run = run
  }

  /// The default place: `$XDG_STATE_HOME/ecwid-edit/drafts` (or `~/.local/state/…`).
  public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> DraftJournal {
    let base =
      environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/state")
    return DraftJournal(directory: URL(fileURLWithPath: base).appendingPathComponent("ecwid-edit/drafts"))
  }

  public struct Draft: Sendable, Equatable {
    public var storeId: Int
    public var productId: Int
    public var base: Product
    public var current: Product
    public var savedAt: Date

    public init(storeId: Int, productId: Int, base: Product, current: Product, savedAt: Date = Date()) {
      self.storeId = storeId
      self.productId = productId
      self.base = base
      self.current = current
      self.savedAt = savedAt
    }

    var json: JSON {
      [
        "format": "ecwid-edit draft 1",
        "storeId": .int(storeId),
        "productId": .int(productId),
        "savedAt": .double(savedAt.timeIntervalSince1970),
        "base": base.value,
        "current": current.value,
      ]
    }

    init?(json: JSON) {
      guard json["format"]?.stringValue == "ecwid-edit draft 1",
        let s = json["storeId"]?.intValue, let p = json["productId"]?.intValue,
        let b = json["base"]?.objectValue, let c = json["current"]?.objectValue
      else { return nil }
      self.init(
        storeId: s, productId: p, base: Product(json: b), current: Product(json: c),
        savedAt: Date(timeIntervalSince1970: json["savedAt"]?.doubleValue ?? 0))
    }
  }

  /// This run's draft of the product.
  public func url(storeId: Int, productId: Int) -> URL {
    directory.appendingPathComponent("\(storeId)-\(productId).\(run.tag).json")
  }

  /// Writes the draft atomically (a temporary file in the same folder, fsync, then rename), so
  /// the journal on disk is always either the previous draft or the new one, never half of one.
  public func write(_ draft: Draft) throws {
    do {
      try FileManager.default.createDirectory(
        at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw JournalError.cannotWrite(directory.path, Self.reason(error))
    }
    let target = url(storeId: draft.storeId, productId: draft.productId)
    do {
      try AtomicFile.write(draft.json.encoded(), to: target.path)
    } catch {
      throw JournalError.cannotWrite(error.path, error.reason)
    }
  }

  /// The system's words for a failed file operation ("Not a directory"), not Foundation's wrapper.
  static func reason(_ error: any Error) -> String {
    let ns = error as NSError
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return ns.localizedDescription
  }

  /// This run's draft of the product, if any. A damaged file is reported, not deleted.
  public func read(storeId: Int, productId: Int) throws -> Draft? {
    try read(at: url(storeId: storeId, productId: productId))
  }

  /// The draft in one file (this run's or one left behind), if the file exists.
  public func read(at u: URL) throws -> Draft? {
    guard let data = FileManager.default.contents(atPath: u.path) else { return nil }
    guard let v = try? JSON.parse(data), let d = Draft(json: v) else {
      throw JournalError.damaged(u.path)
    }
    return d
  }

  /// Removes this run's draft of the product (never another run's).
  public func remove(storeId: Int, productId: Int) {
    try? FileManager.default.removeItem(at: url(storeId: storeId, productId: productId))
  }

  public enum JournalError: Error, CustomStringConvertible, Equatable {
    case cannotWrite(String, String)
    case damaged(String)
    public var description: String {
      switch self {
      case .cannotWrite(let p, let why): return "Cannot write the draft journal \(p): \(why)"
      case .damaged(let p): return "The draft journal \(p) is damaged; it was left in place for you to inspect."
      }
    }
  }
}
