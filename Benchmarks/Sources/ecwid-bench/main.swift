// ecwid-bench: the figures of the ecwid-edit performance issue, printed as one table.
//
//   ecwid-bench [--binary PATH] [--seed N] [--quick] [--skip-pty] [--skip-instructions]
//
// --binary is the release `ecwid-edit` (for the terminal-bytes, start-up and memory figures);
// `scripts/bench` builds both and passes it.
import EcwidAPI
import Foundation
import ProductDocument
import ProductSamples

let args = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, in args: [String]) -> String? {
  guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
  return args[i + 1]
}
let seed = UInt64(option("--seed", in: args) ?? "") ?? 42
let quick = args.contains("--quick")
let binary = option("--binary", in: args)
let skipPty = args.contains("--skip-pty")
let keyCount = quick ? 200 : 1000
let reps = quick ? 10 : 40

// The child that callgrind counts (see Keystrokes.swift): --counted-keys SCENARIO typical|huge SEED KEYS.
if let i = args.firstIndex(of: "--counted-keys"), i + 4 < args.count {
  countedKeysChild(
    scenario: args[i + 1], product: args[i + 2], seed: UInt64(args[i + 3]) ?? 42, keys: Int(args[i + 4]) ?? 100)
  exit(0)
}

// The huge product's store file, as the start-up figure's sandbox serves it: --dump-huge PATH.
if let path = option("--dump-huge", in: args) {
  let store: JSON = ["storeId": 1003, "products": [.object(SampleProducts.huge(seed: seed).json)]]
  FileManager.default.createFile(atPath: path, contents: store.encoded())
  exit(0)
}
if let scenario = option("--profile", in: args), scenario == "open" {
  for row in openRows(huge: SampleProducts.huge(seed: seed), n: 30) { print("\(row.figure): \(row.measured)") }
  exit(0)
}
if let scenario = option("--profile", in: args), scenario == "paste" {
  for row in pasteRows(huge: SampleProducts.huge(seed: seed)) { print("\(row.figure): \(row.measured)") }
  exit(0)
}
if let scenario = option("--profile", in: args), scenario == "variations-grid" {
  for row in gridRows(n: Int(option("--keys", in: args) ?? "") ?? 1000) { print("\(row.figure): \(row.measured)") }
  exit(0)
}
if let scenario = option("--profile", in: args) {
  profileScenario(scenario, huge: SampleProducts.huge(seed: seed), n: Int(option("--keys", in: args) ?? "") ?? 3000)
  exit(0)
}

print("ecwid-edit benchmark · seed \(seed)\(quick ? " · quick" : "")")
print("machine: \(machineDescription())")
print("")

func progress(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }

var rows: [Row] = []

let (typicalTime, typical) = timeMs { SampleProducts.typical(seed: seed) }
let (hugeTime, huge) = timeMs { SampleProducts.huge(seed: seed) }
let (typicalOK, typicalShape) = checkShape(
  typical, images: 12, options: 3, choices: 5, languages: 3, attributes: 4, descriptionBytes: 2_000)
let (hugeOK, hugeShape) = checkShape(
  huge, images: 1_000, options: 50, choices: 20, languages: 20, attributes: 40, descriptionBytes: 200_000)
rows.append(
  Row(
    figure: "typical product (generated in \(fmtMs(typicalTime)))", measured: typicalShape,
    target: "12 img, 3×5 options, 3 langs, 2 KB", met: typicalOK))
rows.append(
  Row(
    figure: "huge product (generated in \(fmtMs(hugeTime)))", measured: hugeShape,
    target: "1000 img, 50×20 options, 20 langs, 40 attrs, 200 KB", met: hugeOK))

progress("measuring keystrokes (\(keyCount) per scenario)…")
rows += keystrokeRows(product: typical, languages: SampleProducts.typicalLanguages, label: "typical", n: keyCount)
rows += keystrokeRows(product: huge, languages: SampleProducts.hugeLanguages, label: "huge", n: keyCount)
rows.append(idleRefreshRow(huge: huge))
if args.contains("--skip-instructions") {
  rows.append(Row(figure: "instructions per keystroke", measured: "skipped (--skip-instructions)", target: "—", met: nil))
} else {
  progress("counting instructions per keystroke under callgrind (a few minutes)…")
  rows += instructionRows(seed: seed, keys: quick ? 50 : 200)
}
progress("measuring a 1 MB paste…")
rows += pasteRows(huge: huge)
progress("measuring diff and plan…")
rows += diffAndPlanRows(huge: huge, n: reps)
progress("measuring variations (500)…")
rows += variationRows(n: reps)
progress("measuring the variations grid (500)…")
rows += gridRows(n: keyCount)
progress("measuring open…")
rows += openRows(huge: huge, n: quick ? 5 : 15)

if skipPty {
  rows.append(Row(figure: "terminal bytes / start-up / memory", measured: "skipped (--skip-pty)", target: "—", met: nil))
} else if let binary {
  progress("driving \(binary) in tmux…")
  rows += ptyRows(binary: binary, huge: huge, startRuns: quick ? 3 : 7)
} else {
  rows.append(
    Row(figure: "terminal bytes / start-up / memory", measured: "not measured: pass --binary", target: "—", met: false))
}

print("")
printTable(rows)
let failed = rows.filter { $0.met == false }.count
print("")
print(failed == 0 ? "all targets met" : "\(failed) target(s) not met")
