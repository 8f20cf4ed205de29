import EcwidAPI
import Editor
import Foundation
import ProductDocument
import ProductSamples
import Terminal

#if canImport(Glibc)
  import Glibc
#endif

/// One keystroke scenario: how the model is set up and which key comes `i`-th.
struct KeyScenario: Sendable {
  var id: String
  var name: String
  var setUp: @Sendable (inout Model) -> Void
  /// Keys alternate direction every `period(product)` keys.
  var period: @Sendable (Product) -> Int
  var keys: (Key, Key)

  func key(_ i: Int, period: Int) -> Key { (i / max(1, period)) % 2 == 0 ? keys.0 : keys.1 }
}

func imageCount(_ p: Product) -> Int { p.json["media"]?["images"]?.arrayValue?.count ?? 0 }

let keyScenarios: [KeyScenario] = [
  KeyScenario(
    id: "gallery", name: "gallery selection move", setUp: { $0.section = .media },
    period: { min(400, max(1, imageCount($0) - 1)) }, keys: (.down, .up)),
  KeyScenario(
    id: "move", name: "move an image (J/K)", setUp: { $0.section = .media },
    period: { min(300, max(1, imageCount($0) - 1)) }, keys: (.char("J"), .char("K"))),
  KeyScenario(
    id: "typing", name: "type into the name",
    setUp: {
      $0.section = .general
      _ = $0.update(.key(.enter))
    }, period: { _ in 20 }, keys: (.char("a"), .backspace)),
  KeyScenario(
    id: "grid", name: "translations grid scroll", setUp: { $0.section = .translations },
    period: { min(200, max(1, $0.translatableTexts.count - 1)) }, keys: (.down, .up)),
]

/// The keystroke figures on one product: update + view + changedRuns per key, p50/p99.
func keystrokeRows(product: Product, languages: [String], label: String, n: Int) -> [Row] {
  var rows: [Row] = []
  for scenario in keyScenarios {
    var m = loadedModel(product, languages: languages)
    scenario.setUp(&m)
    let period = scenario.period(product)
    let (s, _) = keystrokes(&m, count: n) { i, _ in scenario.key(i, period: period) }
    rows.append(
      Row(
        figure: "key→frame, \(label): \(scenario.name) (p50 / p99)", measured: "\(fmtMs(s.p50)) / \(fmtMs(s.p99))",
        target: "p99 ≤ 0.5 ms", met: s.p99 <= 0.5))
    if scenario.id == "move" && label == "huge" {
      let steps = m.document?.canUndo == true ? n + 20 : 0
      let stored = m.document?.historySize ?? 0
      rows.append(
        Row(
          figure: "  undo history after those \(steps) moves",
          measured: "\(stored) JSON values = \(stored / max(1, steps)) per move",
          target: "not growing with the gallery", met: steps > 0 ? stored / steps <= 8 : false,
          note:
            "Document.historySize: the values the undo/redo history stores (a whole product per step would be ~68,000 for this one)"
        ))
    }
  }
  return rows
}

/// What a tick costs after an edit (the runtime refreshes change count and validation ~100 ms after
/// typing).
func idleRefreshRow(huge: Product) -> Row {
  var m = loadedModel(huge, languages: SampleProducts.hugeLanguages)
  m.section = .general
  _ = m.update(.key(.enter))
  var tick = Samples()
  for i in 0..<30 {
    _ = m.update(.key(i % 2 == 0 ? .char("b") : .backspace))
    _ = m.update(.tick)  // the first idle tick only counts; the second refreshes
    let t0 = nowNanos()
    _ = m.update(.tick)
    tick.add(Double(nowNanos() - t0) / 1e6)
  }
  return Row(
    figure: "idle refresh after an edit (change count + validation, p50 / max)",
    measured: "\(fmtMs(tick.p50)) / \(fmtMs(tick.max))", target: "—", met: nil)
}

func profileScenario(_ name: String, huge: Product, n: Int) {
  var m = loadedModel(huge, languages: SampleProducts.hugeLanguages)
  let scenario = keyScenarios.first { $0.id == name } ?? keyScenarios[0]
  scenario.setUp(&m)
  let period = scenario.period(huge)
  let s = keystrokes(&m, count: n) { i, _ in scenario.key(i, period: period) }.0
  print("\(scenario.id): p50 \(fmtMs(s.p50)) p99 \(fmtMs(s.p99)) max \(fmtMs(s.max))")
}

// MARK: Instructions per keystroke (callgrind)

/// The keys counted under callgrind: `--toggle-collect` switches counting on while this function
/// runs (its symbol stays in a copy stripped of debug info, which valgrind cannot read as built).
@inline(never) func ecwidBenchCountedKeys(_ model: inout Model, scenario: KeyScenario, period: Int, from: Int, count: Int)
  -> Int
{
  var previous = model.view().screen
  var cells = 0
  for i in from..<(from + count) {
    _ = model.update(.key(scenario.key(i, period: period)))
    let (screen, _) = model.view()
    cells &+= screen.changedRuns(from: previous).count
    previous = screen
  }
  return cells
}

/// The child run under valgrind: sets the scenario up (not counted), 20 warm-up keys (not
/// counted), then `keys` counted keys.
func countedKeysChild(scenario id: String, product kind: String, seed: UInt64, keys: Int) {
  let product = kind == "huge" ? SampleProducts.huge(seed: seed) : SampleProducts.typical(seed: seed)
  let languages = kind == "huge" ? SampleProducts.hugeLanguages : SampleProducts.typicalLanguages
  guard let scenario = keyScenarios.first(where: { $0.id == id }) else { exit(2) }
  var m = loadedModel(product, languages: languages)
  scenario.setUp(&m)
  let period = scenario.period(product)
  for i in 0..<20 {
    _ = m.update(.key(scenario.key(i, period: period)))
    _ = m.view()
  }
  blackHole(ecwidBenchCountedKeys(&m, scenario: scenario, period: period, from: 20, count: keys))
}

/// Instructions per keystroke (update + view + changedRuns), counted by callgrind on a copy of this
/// benchmark stripped of debug info; nil with the reason when valgrind is missing or fails.
/// (Hardware counters through perf_event_open are tried by nobody here: on the VMs we run on the
/// kernel has no PMU for them, perf_event_open answers ENOENT.)
func instructionsPerKey(scenario: String, product: String, seed: UInt64, keys: Int, dir: String) -> (Double?, String) {
  let copy = dir + "/ecwid-bench-stripped"
  if !FileManager.default.fileExists(atPath: copy) {
    let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    try? FileManager.default.copyItem(atPath: me, toPath: copy)
    guard run(["strip", "--strip-debug", copy]).status == 0 else { return (nil, "strip failed") }
  }
  let out = dir + "/callgrind.\(scenario).\(product).out"
  let log = dir + "/callgrind.\(scenario).\(product).log"
  let result = run([
    // The mangled name does not spell "ecwidBench…": Swift's mangling replaces the words it saw in the
    // module name (ecwid_bench) with back-references ("$s11ecwid_bench0A16BenchCountedKeys_…").
    "valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=*BenchCountedKeys_*",
    "--callgrind-out-file=" + out, "--log-file=" + log, copy, "--counted-keys", scenario, product, String(seed),
    String(keys),
  ])
  guard result.status == 0 else { return (nil, "valgrind exited with \(result.status)") }
  // "==123== Collected : 45678901"
  let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
  guard let line = text.split(separator: "\n").first(where: { $0.contains("Collected :") }),
    let number = line.split(separator: ":").last.flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) })
  else { return (nil, "no count in the callgrind log") }
  guard number > 0 else { return (nil, "callgrind counted nothing: the counted function was not found") }
  return (number / Double(keys), "")
}

func instructionRows(seed: UInt64, keys: Int) -> [Row] {
  guard run(["valgrind", "--version"]).status == 0 else {
    return [Row(figure: "instructions per keystroke", measured: "not measured: valgrind missing", target: "—", met: nil)]
  }
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ecwid-bench-ir-\(getpid())").path
  try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: dir) }
  var rows: [Row] = []
  for product in ["typical", "huge"] {
    for scenario in keyScenarios {
      let (perKey, problem) = instructionsPerKey(
        scenario: scenario.id, product: product, seed: seed, keys: keys, dir: dir)
      rows.append(
        Row(
          figure: "instructions per key, \(product): \(scenario.name)",
          measured: perKey.map { String(format: "%.0f", $0) } ?? "n/a", target: "—", met: nil,
          note: perKey == nil ? problem : ""))
    }
  }
  return rows
}
