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

/// Wall-clock time in nanoseconds (comparable with `date +%s%N` in another process).
func wallNanos() -> UInt64 {
  var ts = timespec()
  clock_gettime(CLOCK_REALTIME, &ts)
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
