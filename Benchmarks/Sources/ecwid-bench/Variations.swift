// Figures of issue 16's data layer: diff and plan of a product with 500 variations.
import EcwidAPI
import Foundation
import Editor
import ProductDocument
import Terminal

/// A product with Size (10) × Color (10) × Material (5) = 500 variations, each with its own
/// SKU, price, stock, weight and low-stock limit (the sandbox's sneaker has the same shape).
func productWith500Variations() -> Product {
  let sizes = (36...45).map(String.init)
  let colors = ["Black", "White", "Red", "Blue", "Green", "Grey", "Navy", "Olive", "Sand", "Teal"]
  let materials = ["Mesh", "Leather", "Suede", "Canvas", "Knit"]
  var combos: [JSON] = []
  var n = 0
  for s in sizes {
    for c in colors {
      for m in materials {
        n += 1
        combos.append(
          .object([
            "id": .int(422_500_000 + n), "combinationNumber": .int(n),
            "options": [
              ["name": "Size", "value": .string(s)], ["name": "Color", "value": .string(c)],
              ["name": "Material", "value": .string(m)],
            ],
            "sku": .string("SNK-\(s)-\(c.prefix(3).uppercased())-\(m.prefix(2).uppercased())"),
            "price": .double(89 + Double(n % 7)), "quantity": .int(n % 40), "unlimited": false,
            "inStock": .bool(n % 40 > 0), "warningLimit": 3, "weight": .double(0.9), "isShippingRequired": true,
            "defaultDisplayedPrice": .double(89 + Double(n % 7)), "attributes": [],
          ]))
      }
    }
  }
  func option(_ name: String, _ values: [String]) -> JSON {
    ["name": .string(name), "type": "SELECT", "choices": .array(values.map { ["text": .string($0)] })]
  }
  return Product(json: [
    "id": 692_730_777, "sku": "SNK-TRAIL", "name": "Trail Runner Sneaker", "price": 89, "updateTimestamp": 1,
    "options": [option("Size", sizes), option("Color", colors), option("Material", materials)],
    "combinations": .array(combos),
  ])
}

func variationRows(n: Int) -> [Row] {
  let base = productWith500Variations()
  var doc = Document(base: base)
  for i in stride(from: 0, to: 400, by: 2) {
    doc.apply(.set(Document.combinationPath(index: i, field: "quantity"), .int(1000 + i)))
  }
  var one = Document(base: base)
  one.apply(.set(Document.combinationPath(index: 250, field: "price"), 120))
  var rows: [Row] = []

  var c1 = 0
  let d1 = repeatMs(n) { c1 = one.changes().count }
  rows.append(
    Row(
      figure: "diff of 500 variations, one changed (p50 / max)", measured: "\(fmtMs(d1.p50)) / \(fmtMs(d1.max))",
      target: "≤ 5 ms", met: d1.p50 <= 5 && c1 == 1, note: c1 == 1 ? "" : "expected 1 change, got \(c1)"))
  var c2 = 0
  let d2 = repeatMs(n) { c2 = doc.changes().count }
  rows.append(
    Row(
      figure: "diff of 500 variations, 200 changed (p50 / max)", measured: "\(fmtMs(d2.p50)) / \(fmtMs(d2.max))",
      target: "≤ 5 ms", met: d2.p50 <= 5 && c2 == 200, note: c2 == 200 ? "" : "expected 200 changes, got \(c2)"))

  let batching = CombinationBatching()
  var plan = doc.plan(storeLanguages: nil, batching: batching)
  let p = repeatMs(n) { plan = doc.plan(storeLanguages: nil, batching: batching) }
  let batches = plan.steps.filter { if case .batch = $0 { return true } else { return false } }.count
  let sent = plan.steps.reduce(0) { total, step in
    if case .batch(let r, _) = step { return total + r.count }
    return total + 1
  }
  rows.append(
    Row(
      figure: "plan of 200 changed variations (p50 / max)", measured: "\(fmtMs(p.p50)) / \(fmtMs(p.max))",
      target: "≤ 5 ms", met: p.p50 <= 5 && sent == 200))
  // Each batch is one POST /batch and, with the runner's first poll after the batch had time to
  // run, one GET /batch (the sandbox test CombinationSandboxTests counts the real requests).
  let bound = 2 + (200 + batching.batchSize - 1) / batching.batchSize
  rows.append(
    Row(
      figure: "  its requests (batch size \(batching.batchSize))",
      measured: "\(batches) POST /batch + \(batches) poll = \(batches * 2)",
      target: "≤ 2 + ⌈200 / batch size⌉ = \(bound)", met: batches * 2 <= bound))
  return rows
}

/// The grid's figures on the 500-variation product at 200x60: moving, typing into a cell, and a
/// fill of one column over all 500 rows (update + view + changedRuns, as the other key figures).
func gridRows(n: Int) -> [Row] {
  let product = productWith500Variations()
  func gridModel() -> Model {
    var m = loadedModel(product, languages: ["en"])
    _ = m.update(.key(.char("9")))  // the Variations tab
    _ = m.view()
    return m
  }
  var rows: [Row] = []

  var moving = gridModel()
  let (move, _) = keystrokes(&moving, count: n) { i, _ in (i / 400) % 2 == 0 ? .char("j") : .char("k") }
  let moved = moving.variations.row
  rows.append(
    Row(
      figure: "grid, 500 variations: move (j/k) (p50 / p99)", measured: "\(fmtMs(move.p50)) / \(fmtMs(move.p99))",
      target: "p99 ≤ 1 ms", met: move.p99 <= 1 && moved > 0,
      note: moved > 0 ? "" : "the cursor did not move"))

  // Past the three option columns to the SKU, then edit it: keys are text for the cell.
  var typing = gridModel()
  for key in [Key.char("l"), .char("l"), .char("l"), .enter] { _ = typing.update(.key(key)) }
  let (type, _) = keystrokes(&typing, count: n) { i, _ in (i / 20) % 2 == 0 ? .char("a") : .backspace }
  let editing = typing.variations.editing != nil
  rows.append(
    Row(
      figure: "grid, 500 variations: type into a cell (p50 / p99)", measured: "\(fmtMs(type.p50)) / \(fmtMs(type.p99))",
      target: "p99 ≤ 1 ms", met: type.p99 <= 1 && editing, note: editing ? "" : "the cell was not being edited"))

  // Every row selected, the price column, then `=`, "+1", Enter: the Enter is timed.
  var filling = gridModel()
  for key in [Key.char("a"), .char("l"), .char("l"), .char("l"), .char("l")] { _ = filling.update(.key(key)) }
  var previous = filling.view().screen
  var fill = Samples()
  let before = filling.document?.current.json["combinations"]?[0]?["price"]?.doubleValue ?? 0
  let reps = max(5, n / 4)
  for _ in 0..<reps {
    for key in [Key.char("="), .char("+"), .char("1")] { _ = filling.update(.key(key)) }
    previous = filling.view().screen
    let t0 = nowNanos()
    _ = filling.update(.key(.enter))
    let (screen, _) = filling.view()
    let runs = screen.changedRuns(from: previous)
    fill.add(Double(nowNanos() - t0) / 1e6)
    blackHole(runs.count)
    previous = screen
  }
  let after = filling.document?.current.json["combinations"]?[0]?["price"]?.doubleValue ?? 0
  let filled = abs(after - before - Double(reps)) < 0.001
  rows.append(
    Row(
      figure: "grid, 500 variations: fill the price of 500 selected rows (p50 / max)",
      measured: "\(fmtMs(fill.p50)) / \(fmtMs(fill.max))", target: "≤ 5 ms", met: fill.p50 <= 5 && filled,
      note: filled ? "" : "the price went from \(before) to \(after), not +\(reps)"))
  return rows
}
