import DraftJournal
import EcwidAPI
import Foundation
import Testing

/// A draft belongs to one run of the editor (issue 12: two editors on one product shared one draft,
/// and a save in one deleted the other's).
@Suite struct DraftRunsTests {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("runs-\(UUID().uuidString)")

  func journal(pid: Int32, startedAt: TimeInterval = 1_764_470_000) -> DraftJournal {
    DraftJournal(directory: directory, run: .init(pid: pid, startedAt: Date(timeIntervalSince1970: startedAt)))
  }

  func draft(_ name: String) -> DraftJournal.Draft {
    var current = Product(["id": 7, "name": "Base"])
    current.name = name
    return .init(storeId: 1, productId: 7, base: Product(["id": 7, "name": "Base"]), current: current)
  }

  @Test func twoRunsKeepTwoDraftsAndRemovingOneKeepsTheOther() throws {
    let first = journal(pid: 101)
    let second = journal(pid: 202)
    try first.write(draft("first run's edit"))
    try second.write(draft("second run's edit"))
    #expect(try first.read(storeId: 1, productId: 7)?.current.name == "first run's edit")
    #expect(try second.read(storeId: 1, productId: 7)?.current.name == "second run's edit")
    // A save in the second run removes its own draft only.
    second.remove(storeId: 1, productId: 7)
    #expect(try second.read(storeId: 1, productId: 7) == nil)
    #expect(try first.read(storeId: 1, productId: 7)?.current.name == "first run's edit")
  }

  @Test func aLiveRunIsReportedAndItsDraftIsNotOfferedUntilItEnds() throws {
    let first = journal(pid: 101, startedAt: 1_764_470_000)
    let second = journal(pid: 202, startedAt: 1_764_470_100)
    #expect(try first.claim(storeId: 1, productId: 7).isEmpty)
    try first.write(draft("still typing"))
    let owners = try second.claim(storeId: 1, productId: 7)
    #expect(owners.map(\.pid) == [101])
    #expect(second.leftBehind(storeId: 1, productId: 7).isEmpty, "a live run's draft is its own")
    // The first run ends (its lock goes with it): its draft is left behind and offered.
    first.release(storeId: 1, productId: 7)
    #expect(second.openElsewhere(storeId: 1, productId: 7).isEmpty)
    let left = second.leftBehind(storeId: 1, productId: 7)
    #expect(left.map { $0.draft?.current.name } == ["still typing"])
    #expect(left.first?.run?.pid == 101)
    second.removeLeftBehind(try #require(left.first).url)
    #expect(second.leftBehind(storeId: 1, productId: 7).isEmpty)
    second.release(storeId: 1, productId: 7)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty, "files left behind")
  }

  @Test func aLockFileOfAnEndedRunWithoutADraftIsCleanedUp() throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let stale = directory.appendingPathComponent("1-7.999-1764470000000.lock")
    try Data("{}".utf8).write(to: stale)
    let me = journal(pid: 2)
    #expect(try me.claim(storeId: 1, productId: 7).isEmpty)
    #expect(!FileManager.default.fileExists(atPath: stale.path))
    me.release(storeId: 1, productId: 7)
  }

  @Test func aKilledProcessLeavesItsDraftBehind() async throws {
    let flock = ["/usr/bin/flock", "/bin/flock"].first { FileManager.default.isExecutableFile(atPath: $0) }
    let flockPath = try #require(flock, "flock(1) is needed to stand for another process")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let other = journal(pid: 4_000_001, startedAt: 1_764_470_000)
    try other.write(draft("killed mid-edit"))
    let lock = directory.appendingPathComponent("1-7.\(other.run.tag).lock")
    try Data(#"{"pid": 4000001, "openedAt": 1764470000}"#.utf8).write(to: lock)
    let process = Process()
    // One process holding the lock (the shell execs sleep with the locked descriptor open).
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "exec 9>>\"$1\"; \"$2\" 9 && exec sleep 60", "sh", lock.path, flockPath]
    try process.run()
    defer { if process.isRunning { process.terminate() } }
    let me = journal(pid: 303, startedAt: 1_764_470_200)
    var owners: [DraftJournal.Owner] = []
    for _ in 0..<100 {
      owners = me.openElsewhere(storeId: 1, productId: 7)
      if !owners.isEmpty { break }
      try await Task.sleep(for: .milliseconds(20))
    }
    #expect(owners.map(\.pid) == [4_000_001])
    #expect(owners.first?.since == Date(timeIntervalSince1970: 1_764_470_000))
    #expect(me.leftBehind(storeId: 1, productId: 7).isEmpty)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    for _ in 0..<200 where me.leftBehind(storeId: 1, productId: 7).isEmpty {
      try await Task.sleep(for: .milliseconds(20))
    }
    #expect(me.leftBehind(storeId: 1, productId: 7).map { $0.draft?.current.name } == ["killed mid-edit"])
  }

  @Test func aDraftOfAnEarlierVersionIsOfferedToo() throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let old = journal(pid: 1)
    try old.write(draft("legacy"))
    try FileManager.default.moveItem(
      at: old.url(storeId: 1, productId: 7), to: directory.appendingPathComponent("1-7.json"))
    let me = journal(pid: 2)
    let left = me.leftBehind(storeId: 1, productId: 7)
    #expect(left.map { $0.draft?.current.name } == ["legacy"])
    #expect(left.first?.run == nil)
  }
}
