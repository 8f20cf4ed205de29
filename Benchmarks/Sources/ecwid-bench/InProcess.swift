import EcwidAPI
import Editor
import Foundation
import ProductDocument
import ProductSamples
import Terminal

/// Checks the generated products have the shape the issue asks for; returns (ok, description).
func checkShape(_ p: Product, images: Int, options: Int, choices: Int, languages: Int, attributes: Int, descriptionBytes: Int)
  -> (Bool, String)
{
  let json = JSON.object(p.json)
  let imgs = json["media"]?["images"]?.arrayValue ?? []
  let altLangs = Set(imgs.map { $0["alt"]?["translated"]?.objectValue?.count ?? 0 })
  let opts = json["options"]?.arrayValue ?? []
  let choiceCounts = Set(opts.map { $0["choices"]?.arrayValue?.count ?? 0 })
  let choiceLangs = Set(opts.flatMap { $0["choices"]?.arrayValue ?? [] }.map { $0["textTranslated"]?.objectValue?.count ?? 0 })
  let optionLangs = Set(opts.map { $0["nameTranslated"]?.objectValue?.count ?? 0 })
  let attrs = json["attributes"]?.arrayValue?.count ?? 0
  let desc = json["description"]?.stringValue?.utf8.count ?? 0
  let nameLangs = json["nameTranslated"]?.objectValue?.count ?? 0
  let ok = imgs.count == images && altLangs == [languages] && opts.count == options && choiceCounts == [choices]
    && choiceLangs == [languages] && optionLangs == [languages] && attrs == attributes && nameLangs == languages
    && desc >= descriptionBytes && desc < descriptionBytes + descriptionBytes / 10 + 200
  let text =
    "\(imgs.count) images (alt in \(altLangs.sorted()) langs), \(opts.count) options × \(choiceCounts.sorted()) choices "
    + "(in \(choiceLangs.sorted()) langs), \(nameLangs) languages, \(attrs) attributes, \(fmtBytes(desc)) description"
  return (ok, text)
}

func loadedModel(_ product: Product, languages: [String], width: Int = 200, height: Int = 60) -> Model {
  var m = Model(storeLabel: "bench", storeId: 1003, productId: product.id, width: width, height: height)
  // As the runtime does: the frame, then what waits for it (validation).
  for case .afterFrame(let later) in m.update(.loaded(.success(Loaded(product: product, languages: languages, draft: nil)))) {
    _ = m.update(later)
  }
  _ = m.update(.tick)
  return m
}

/// update + view + changedRuns for each key `keyFor(i)`; the first `warmup` are not recorded.
func keystrokes(_ model: inout Model, count: Int, warmup: Int = 20, _ keyFor: (Int, Model) -> Key) -> (Samples, runs: Int) {
  var previous = model.view().screen
  var samples = Samples()
  var runCells = 0
  for i in 0..<(count + warmup) {
    let key = keyFor(i, model)
    let t0 = nowNanos()
    let commands = model.update(.key(key))
    let (screen, cursor) = model.view()
    let runs = screen.changedRuns(from: previous)
    let t1 = nowNanos()
    blackHole((commands.count, cursor?.x, runs.count))
    if i >= warmup {
      samples.add(Double(t1 - t0) / 1e6)
      runCells += runs.reduce(0) { $0 + $1.cells.count }
    }
    previous = screen
  }
  return (samples, runCells / max(1, count))
}

/// A copy of `p` with every option choice's price modifier changed: 50 × 20 = 1,000 changes.
func withChoiceChanges(_ p: Product, count: Int) -> Product {
  var q = p
  guard var options = q.json["options"]?.arrayValue else { return q }
  var left = count
  for o in options.indices where left > 0 {
    guard var choices = options[o]["choices"]?.arrayValue else { continue }
    for c in choices.indices where left > 0 {
      let old = choices[c]["priceModifier"]?.intValue ?? 0
      choices[c]["priceModifier"] = .int(old + 1000)
      left -= 1
    }
    options[o]["choices"] = .array(choices)
  }
  q.json["options"] = .array(options)
  return q
}

func diffAndPlanRows(huge: Product, n: Int) -> [Row] {
  var rows: [Row] = []
  var one = huge
  one.json["name"] = .string("Renamed by the benchmark")
  var c1 = 0
  let d1 = repeatMs(n) { c1 = diff(base: huge, current: one).count }
  rows.append(
    Row(
      figure: "structural diff, one field changed (p50 / max)", measured: "\(fmtMs(d1.p50)) / \(fmtMs(d1.max))",
      target: "≤ 5 ms", met: d1.p50 <= 5 && c1 == 1, note: c1 == 1 ? "" : "expected 1 change, got \(c1)"))

  let many = withChoiceChanges(huge, count: 1000)
  var c2 = 0
  let d2 = repeatMs(max(5, n / 4)) { c2 = diff(base: huge, current: many).count }
  rows.append(
    Row(
      figure: "structural diff, 1,000 changes (p50 / max)", measured: "\(fmtMs(d2.p50)) / \(fmtMs(d2.max))",
      target: "≤ 50 ms", met: d2.p50 <= 50 && c2 == 1000, note: c2 == 1000 ? "" : "expected 1000 changes, got \(c2)"))

  var doc = Document(base: huge)
  doc.apply(.set([.key("name")], .string("Renamed by the benchmark")))
  var plan = doc.plan(storeLanguages: SampleProducts.hugeLanguages)
  let p = repeatMs(n) { plan = doc.plan(storeLanguages: SampleProducts.hugeLanguages) }
  var bodyBytes = 0
  for step in plan.steps {
    if case .updateProduct(let body) = step { bodyBytes += JSON.object(body).encoded().count }
  }
  let fullBytes = JSON.object(huge.json).encoded().count
  rows.append(
    Row(
      figure: "update plan, one field changed (p50 / max)", measured: "\(fmtMs(p.p50)) / \(fmtMs(p.max))",
      target: "≤ 5 ms", met: p.p50 <= 5 && plan.steps.count == 1))
  let share = Double(bodyBytes) / Double(fullBytes) * 100
  rows.append(
    Row(
      figure: "  its request body", measured: "\(bodyBytes) B = \(String(format: "%.4f", share))% of \(fmtBytes(fullBytes))",
      target: "≤ 1% of the product JSON", met: share <= 1 && bodyBytes > 0))
  return rows
}

func openRows(huge: Product, n: Int) -> [Row] {
  let data = JSON.object(huge.json).encoded()
  var product: Product?
  var opens = Samples()
  for _ in 0..<n {
    let t0 = nowNanos()
    let p = try! Product.decode(data)
    let d = Document(base: p)
    opens.add(Double(nowNanos() - t0) / 1e6)
    product = d.current
  }
  let same = product?.json == huge.json
  var foundation = Samples()
  for _ in 0..<n {
    let t0 = nowNanos()
    let o = try! JSONSerialization.jsonObject(with: data)
    foundation.add(Double(nowNanos() - t0) / 1e6)
    blackHole(o)
  }
  let ratio = opens.p50 / foundation.p50
  return [
    Row(
      figure: "open: decode + build document, \(fmtBytes(data.count)) (p50 / max)",
      measured: "\(fmtMs(opens.p50)) / \(fmtMs(opens.max))", target: "≤ 300 ms", met: opens.p50 <= 300 && same,
      note: same ? "" : "the decoded product differs from the generated one"),
    Row(
      figure: "  vs Foundation JSONSerialization, same bytes (p50)",
      measured: "\(fmtMs(foundation.p50)) → ratio \(String(format: "%.2f", ratio))×", target: "≤ 2×", met: ratio <= 2),
  ]
}

/// `--profile gallery|move|typing|grid`: one scenario, many keys, for perf/callgrind.
/// A bracketed paste of `bytes` into the name field: `update(.paste)` + `view` (issue 13: it was
/// quadratic in `TextField.scrollToCursor`), then one more key and its frame.
func pasteRows(huge: Product, bytes: Int = 1 << 20) -> [Row] {
  var text = ""
  text.reserveCapacity(bytes)
  let words = ["merino ", "wool, ", "Norway ", "åsgard ", "sweater… ", "warm ", "itch-free ", "商品 "]
  var i = 0
  while text.utf8.count < bytes {
    text += words[i % words.count]
    i += 1
  }
  var m = loadedModel(huge, languages: SampleProducts.hugeLanguages)
  m.section = .general
  _ = m.update(.key(.enter))
  let t0 = nowNanos()
  _ = m.update(.paste(text))
  let (screen, cursor) = m.view()
  let t1 = nowNanos()
  _ = m.update(.key(.char("x")))
  let after = m.view()
  let t2 = nowNanos()
  blackHole((screen.width, cursor?.x, after.cursor?.x))
  let paste = Double(t1 - t0) / 1e6
  let key = Double(t2 - t1) / 1e6
  return [
    Row(
      figure: "paste \(fmtBytes(bytes)) into a field (update + view)", measured: fmtMs(paste), target: "≤ 1000 ms",
      met: paste <= 1000),
    Row(figure: "next key after that paste (update + view)", measured: fmtMs(key), target: "≤ 50 ms", met: key <= 50),
  ]
}
