import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Monotonic time in nanoseconds.
@inline(__always) func nowNanos() -> UInt64 {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// Milliseconds elapsed running `body`.
@discardableResult func timeMs<T>(_ body: () throws -> T) rethrows -> (ms: Double, value: T) {
  let t0 = nowNanos()
  let v = try body()
  return (Double(nowNanos() - t0) / 1e6, v)
}

/// Keeps the optimiser from dropping a result.
@inline(never) func blackHole<T>(_ x: T) { withExtendedLifetime(x) {} }

struct Samples {
  var ms: [Double] = []
  mutating func add(_ v: Double) { ms.append(v) }
  func percentile(_ p: Double) -> Double {
    guard !ms.isEmpty else { return .nan }
    let s = ms.sorted()
    let rank = Int((p / 100 * Double(s.count - 1)).rounded(.up))
    return s[Swift.min(s.count - 1, Swift.max(0, rank))]
  }
  var p50: Double { percentile(50) }
  var p99: Double { percentile(99) }
  var max: Double { ms.max() ?? .nan }
  var min: Double { ms.min() ?? .nan }
}

/// Runs `body` `n` times, returns the timings.
func repeatMs(_ n: Int, _ body: () -> Void) -> Samples {
  var s = Samples()
  for _ in 0..<n {
    let t0 = nowNanos()
    body()
    s.add(Double(nowNanos() - t0) / 1e6)
  }
  return s
}

/// One line of the final table.
struct Row {
  var figure: String
  var measured: String
  var target: String
  /// nil: informational (no target)
  var met: Bool?
  var note: String = ""
}

func fmtMs(_ v: Double) -> String {
  if v.isNaN { return "n/a" }
  if v < 0.1 { return String(format: "%.3f ms", v) }
  if v < 10 { return String(format: "%.2f ms", v) }
  return String(format: "%.1f ms", v)
}

func fmtBytes(_ n: Int) -> String {
  if n >= 1 << 20 { return String(format: "%.1f MB", Double(n) / 1_048_576) }
  if n >= 10_000 { return String(format: "%.1f KB", Double(n) / 1024) }
  return "\(n) B"
}

func pad(_ s: String, _ w: Int) -> String {
  let n = s.count
  return n >= w ? s : s + String(repeating: " ", count: w - n)
}

func printTable(_ rows: [Row]) {
  let headers = ["figure", "measured", "target", "met"]
  var widths = headers.map(\.count)
  let cells = rows.map { r -> [String] in
    [r.figure, r.measured, r.target, r.met.map { $0 ? "met" : "NOT MET" } ?? "(info)"]
  }
  for c in cells { for (i, s) in c.enumerated() { widths[i] = Swift.max(widths[i], s.count) } }
  func line(_ c: [String]) -> String {
    "| " + c.enumerated().map { pad($0.element, widths[$0.offset]) }.joined(separator: " | ") + " |"
  }
  print(line(headers))
  print("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
  for c in cells { print(line(c)) }
  let notes = rows.filter { !$0.note.isEmpty }
  if !notes.isEmpty {
    print("")
    for r in notes { print("note (\(r.figure)): \(r.note)") }
  }
}

/// CPU model, cores and RAM from /proc.
func machineDescription() -> String {
  let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
  let model =
    cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }.map {
      $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "?"
    } ?? "unknown CPU"
  let cores = cpuinfo.split(separator: "\n").filter { $0.hasPrefix("processor") }.count
  let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
  var ram = "? RAM"
  if let line = meminfo.split(separator: "\n").first(where: { $0.hasPrefix("MemTotal:") }),
    let kb = Int(line.split(separator: " ").dropFirst().first ?? "")
  {
    ram = String(format: "%.1f GiB RAM", Double(kb) / 1_048_576)
  }
  let load = ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3)
    .joined(separator: " ")
  return "\(model), \(cores) cores (online: \(ProcessInfo.processInfo.activeProcessorCount)), \(ram), load average \(load)"
}

/// Runs a program (found on PATH), returns its stdout (trimmed) and exit status. posix_spawn and
/// waitpid rather than Foundation's Process, and output through a file, not a pipe: `tmux
/// new-session` forks a server that keeps inherited descriptors open.
@discardableResult func run(_ args: [String]) -> (out: String, status: Int32) {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent("ecwid-bench-out-\(getpid())").path
  defer { unlink(path) }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  var cArgs: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
  defer { for a in cArgs { free(a) } }
  var pid: pid_t = 0
  guard posix_spawnp(&pid, args[0], &actions, nil, &cArgs, environ) == 0 else { return ("", -1) }
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  let data = FileManager.default.contents(atPath: path) ?? Data()
  let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
  return (String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines), code)
}

func sleepMs(_ ms: Double) { usleep(useconds_t(ms * 1000)) }

func fileSize(_ path: String) -> Int {
  var st = stat()
  return stat(path, &st) == 0 ? Int(st.st_size) : 0
}

/// Waits until `path` has stopped growing for `quietMs`, at most `timeoutMs`; returns its size.
func waitQuiet(_ path: String, quietMs: Double = 250, timeoutMs: Double = 5000) -> Int {
  let start = nowNanos()
  var last = fileSize(path)
  var lastChange = nowNanos()
  while Double(nowNanos() - start) / 1e6 < timeoutMs {
    sleepMs(10)
    let s = fileSize(path)
    if s != last {
      last = s
      lastChange = nowNanos()
    } else if Double(nowNanos() - lastChange) / 1e6 >= quietMs {
      break
    }
  }
  return last
}

/// Milliseconds from spawning `argv` on a pty of its own (`rows`×`cols`, a new session with the pty
/// as its controlling terminal) until `needle` appears in what it writes, read as it comes: no
/// process polls beside it on the same cores, as a `tmux capture-pane` loop would. Then `quit` is
/// typed and the program killed. nil when the needle did not appear within 20 s.
func ptyStart(_ argv: [String], environment: [String: String], needle: String, quit: String, rows: Int = 60, cols: Int = 200)
  -> Double?
{
  // /dev/ptmx and its ioctls: Glibc's module map leaves out posix_openpt, unlockpt and ptsname.
  let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
  guard master >= 0 else { return nil }
  defer { close(master) }
  var unlock: Int32 = 0
  var number: UInt32 = 0
  let (setLock, getNumber): (UInt, UInt) = (0x4004_5431, 0x8004_5430)  // TIOCSPTLCK, TIOCGPTN (_IOW/_IOR macros)
  guard ioctl(master, setLock, &unlock) == 0, ioctl(master, getNumber, &number) == 0 else { return nil }
  let slavePath = "/dev/pts/\(number)"
  var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(cols), ws_xpixel: 0, ws_ypixel: 0)
  _ = ioctl(master, UInt(TIOCSWINSZ), &size)

  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  posix_spawnattr_setflags(&attributes, 0x80)  // POSIX_SPAWN_SETSID (glibc), not in the module map either
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  // Opened after setsid, so the pty becomes the new session's controlling terminal.
  posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
  posix_spawn_file_actions_adddup2(&actions, 0, 1)
  posix_spawn_file_actions_adddup2(&actions, 0, 2)
  var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
  defer { for a in cArgs { free(a) } }
  var merged = ProcessInfo.processInfo.environment
  for (k, v) in environment { merged[k] = v }
  var cEnv: [UnsafeMutablePointer<CChar>?] = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
  defer { for e in cEnv { free(e) } }

  let t0 = nowNanos()
  var pid: pid_t = 0
  guard posix_spawnp(&pid, argv[0], &actions, &attributes, &cArgs, &cEnv) == 0 else { return nil }
  let wanted = Array(needle.utf8)
  var seen: Double?
  var output: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 1 << 16)
  while seen == nil, nowNanos() - t0 < 20_000_000_000 {
    var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&fds, 1, 500) > 0 else { continue }
    let n = read(master, &chunk, chunk.count)
    if n <= 0 { break }
    output += chunk[0..<n]
    // Only the tail can hold a needle that the new bytes completed.
    let from = max(0, output.count - n - wanted.count)
    if output[from...].firstRange(of: wanted) != nil { seen = Double(nowNanos() - t0) / 1e6 }
  }
  _ = quit.withCString { write(master, $0, strlen($0)) }
  sleepMs(150)
  kill(pid, SIGKILL)
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  return seen
}
