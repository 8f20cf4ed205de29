import EcwidAPI
import Foundation
import ProductDocument
import Terminal

/// The Variations tab's behaviour: moving, editing a cell, selecting, filling, filtering,
/// creating and deleting variations, and picking a variation's image. It changes only
/// `VariationsState`; every change to the document is one `.apply` effect (one undo step,
/// journaled like any other edit) and every message an `.status` effect, both applied by the root.
extension VariationsState: Component {
  static let combinationsPath: FieldPath = [.key("combinations")]

  var keys: KeyTable<VariationsState> { VariationKeys.table }

  public mutating func update(_ message: VariationsMsg, _ context: ScreenContext) -> [Effect] {
    switch message {
    case .key(let key): return handle(key, context) ?? []
    case .paste(let text): return paste(text, context)
    case .refresh:
      refresh(context)
      return []
    }
  }

  /// A key of the grid, or of its open cell, prompt, question or image picker; nil when none has
  /// it (the keys every section shares have it then).
  mutating func handle(_ key: Key, _ context: ScreenContext) -> [Effect]? {
    refresh(context)
    if let done = modalKey(key, context) { return done }
    return keys.run(key, on: &self, context)
  }

  /// Keys of a cell being edited, a prompt, a question or the image picker; nil when none is open.
  mutating func modalKey(_ key: Key, _ c: ScreenContext) -> [Effect]? {
    if var cell = editing {
      let outcome = cell.edit.handle(key)
      return cellEdited(cell, outcome, c)
    }
    if prompt != nil { return promptKey(key, c) }
    if confirming != nil { return confirmKey(key, c) }
    if choosingImage != nil { return imageKey(key, c) }
    return nil
  }

  /// A paste is text for the open cell or prompt (line breaks become spaces), or nothing.
  mutating func paste(_ text: String, _ c: ScreenContext) -> [Effect] {
    refresh(c)
    if var cell = editing {
      let outcome = cell.edit.paste(text)
      return cellEdited(cell, outcome, c)
    }
    if prompt != nil { prompt!.field.insert(text) }
    return []
  }

  func currentRow(_ rows: VariationRows) -> VariationRow? {
    guard !rows.shown.isEmpty else { return nil }
    return rows.shown[max(0, min(row, rows.shown.count - 1))]
  }

  func currentColumn(_ rows: VariationRows) -> VariationColumn {
    rows.columns[max(0, min(column, rows.columns.count - 1))]
  }

  /// Rows a fill, copy or delete works on: the selection, or the cursor's row when none is selected.
  func targetRows(_ c: ScreenContext) -> [VariationRow] {
    let rows = rows(c)
    if selected.isEmpty { return currentRow(rows).map { [$0] } ?? [] }
    // The selected rows in the order shown, then those a filter hides (still selected: they
    // count too) in the variations' order.
    var targets = rows.shown.filter { selected.contains($0.key) }
    if targets.count < selected.count {
      let shown = Set(targets.map(\.index))
      let all = c.combinationValues
      for i in all.indices where !shown.contains(i) {
        let key = Self.rowKey(all[i])
        if selected.contains(key) { targets.append(VariationRow(index: i, key: key)) }
      }
    }
    return targets
  }

  // MARK: Moving

  mutating func moveRow(by delta: Int? = nil, to place: Int? = nil, _ c: ScreenContext) -> [Effect] {
    let count = rows(c).shown.count
    guard count > 0 else { return [] }
    if let place { row = place < 0 ? count - 1 : 0 } else { row = max(0, min(count - 1, row + (delta ?? 0))) }
    return []
  }

  mutating func moveColumn(by delta: Int, _ c: ScreenContext) -> [Effect] {
    let count = rows(c).columns.count
    column = max(0, min(count - 1, column + delta))
    return []
  }

  // MARK: Editing a cell

  mutating func editCell(_ c: ScreenContext) -> [Effect] {
    let rows = rows(c)
    guard let row = currentRow(rows) else {
      return [.status(StatusMessage("No variation here: n creates the missing ones", .warning))]
    }
    let column = currentColumn(rows)
    let combination = c.combinationValues[row.index]
    switch column {
    case .option(let name):
      return [.status(StatusMessage("\(name) is an option value: change the option's choices in section 3 (Options)", .warning))]
    case .shipping:
      var o = combination.objectValue ?? [:]
      let now = o["isShippingRequired"]?.boolValue ?? true
      o["isShippingRequired"] = .bool(!now)
      return [
        .apply(.set(Self.combinationsPath + [.index(row.index)], .object(o))),
        .status(StatusMessage("Shipping required: \(now ? "no" : "yes") for \(Combination(json: o).label)")),
      ]
    case .image:
      return openImagePicker(c)
    default:
      // One editing session is one undo step, whatever else was edited before it.
      let edit = TextEdit(Self.editableText(combination, column), coalesceKey: "variation:\(row.key):\(column.title):\(c.documentVersion)")
      editing = VariationCellEditing(rowKey: row.key, column: column, edit: edit, problem: nil)
      return []
    }
  }

  /// What the cell does with its text component's outcome: the text stays in the cell while it
  /// is typed (a number cell says why it is not a number yet); Enter writes it to the document
  /// as one edit, unless it is not a value of the column; Esc leaves the document as it was.
  mutating func cellEdited(_ cell: VariationCellEditing, _ outcome: TextEdit.Outcome, _ c: ScreenContext) -> [Effect] {
    var cell = cell
    switch outcome {
    case .committed, .refused:
      return commitCell(cell, c)
    case .reverted:
      editing = nil
      return [.status(StatusMessage("Edit cancelled"))]
    case .ignored:
      return []
    case .edited, .invalid, .moved:
      let hadProblem = editing?.problem != nil
      cell.problem = Self.cellProblem(cell.edit.text, column: cell.column)
      editing = cell
      if let problem = cell.problem { return [.status(StatusMessage("\(cell.column.label): \(problem)", .error))] }
      if hadProblem { return [.status(StatusMessage("\(cell.column.label): a valid value"))] }
      return []
    }
  }

  /// Why `text` is not a value of `column` yet (shown while typing; Enter is refused meanwhile).
  static func cellProblem(_ text: String, column: VariationColumn) -> String? {
    guard let kind = column.numberKind else { return nil }
    let t = text.trimmingCharacters(in: .whitespaces)
    if column == .quantity, isUnlimitedWord(t) { return nil }
    if t.isEmpty {
      return column == .price || column == .quantity ? "needs a value" + (column == .quantity ? " (or ∞)" : "") : nil
    }
    if let problem = FieldText.numberProblem(t, integer: kind.integer) { return problem }
    if t.hasPrefix("-") || t.hasPrefix("−") { return "“\(t)” is negative" }
    return nil
  }

  static func isUnlimitedWord(_ t: String) -> Bool {
    ["∞", "unlimited", "inf", "infinite"].contains(t.lowercased())
  }

  mutating func commitCell(_ cell: VariationCellEditing, _ c: ScreenContext) -> [Effect] {
    var cell = cell
    if let problem = Self.cellProblem(cell.edit.text, column: cell.column) {
      cell.problem = problem
      editing = cell
      return [.status(StatusMessage("\(cell.column.label): \(problem) (Esc cancels)", .error))]
    }
    editing = nil
    let all = c.combinationValues
    guard let index = all.indices.first(where: { Self.rowKey(all[$0]) == cell.rowKey }), var o = all[index].objectValue
    else { return [] }
    Self.setCell(&o, column: cell.column, text: cell.edit.text)
    guard JSON.object(o) != all[index] else { return [.status(StatusMessage("\(cell.column.label) unchanged"))] }
    return [
      .apply(.set(Self.combinationsPath + [.index(index)], .object(o)), coalesceKey: cell.edit.coalesceKey),
      .status(StatusMessage("\(cell.column.label) set for \(Combination(json: o).label)")),
    ]
  }

  /// Writes a checked text into a variation (see `cellProblem`).
  static func setCell(_ o: inout JSONObject, column: VariationColumn, text: String) {
    let t = text.trimmingCharacters(in: .whitespaces)
    switch column {
    case .sku:
      o["sku"] = .string(t)
    case .quantity:
      if isUnlimitedWord(t) {
        o["unlimited"] = true
      } else if let n = FieldText.parseNumber(t, integer: true) {
        o["quantity"] = n
        if o["unlimited"] != nil { o["unlimited"] = false }
      }
    case .price, .compareToPrice, .warningLimit, .weight:
      let key = column.key!
      if t.isEmpty { o.removeValue(forKey: key) } else if let n = FieldText.parseNumber(t, integer: column.numberKind!.integer) { o[key] = n }
    case .shipping:
      o["isShippingRequired"] = .bool(["yes", "y", "true", "1", "on"].contains(t.lowercased()))
    case .option, .image:
      break
    }
  }

  // MARK: Selection

  mutating func toggleSelection(_ c: ScreenContext) -> [Effect] {
    guard let row = currentRow(rows(c)) else { return [] }
    if selected.contains(row.key) { selected.remove(row.key) } else { selected.insert(row.key) }
    return [.status(StatusMessage("\(selected.count) selected"))] + moveRow(by: 1, c)
  }

  mutating func selectRange(_ c: ScreenContext) -> [Effect] {
    let rows = rows(c)
    guard let current = currentRow(rows) else { return [] }
    guard let anchor = rangeAnchor else {
      rangeAnchor = current.key
      selected.insert(current.key)
      return [.status(StatusMessage("Range started: move to its other end and press V"))]
    }
    let shown = rows.shown
    let b = max(0, min(row, shown.count - 1))
    let a = shown.firstIndex { $0.key == anchor } ?? b
    for r in shown[min(a, b)...max(a, b)] { selected.insert(r.key) }
    rangeAnchor = nil
    return [.status(StatusMessage("\(abs(b - a) + 1) rows in the range · \(selected.count) selected"))]
  }

  mutating func selectAll(_ c: ScreenContext) -> [Effect] {
    let keys = Set(rows(c).shown.map(\.key))
    if !keys.isEmpty && keys.isSubset(of: selected) {
      selected.subtract(keys)
    } else {
      selected.formUnion(keys)
    }
    return [.status(StatusMessage("\(selected.count) selected"))]
  }

  mutating func clearSelection() -> [Effect] {
    guard !selected.isEmpty || rangeAnchor != nil else { return [] }
    selected = []
    rangeAnchor = nil
    return [.status(StatusMessage("Selection cleared"))]
  }

  // MARK: Prompts (fill, filter)

  mutating func openFill(_ c: ScreenContext) -> [Effect] {
    let column = currentColumn(rows(c))
    switch column {
    case .option, .image:
      return [
        .status(
          StatusMessage(
            column == .image ? "Images are picked one row at a time: i" : "Option values come from the options (section 3)",
            .warning))
      ]
    default: break
    }
    guard !targetRows(c).isEmpty else { return [] }
    prompt = VariationPrompt(kind: .fill(column), field: TextField(), problem: nil)
    return []
  }

  mutating func openFilter() -> [Effect] {
    prompt = VariationPrompt(kind: .filter, field: TextField(filter), problem: nil)
    return []
  }

  mutating func promptKey(_ key: Key, _ c: ScreenContext) -> [Effect] {
    guard var open = prompt else { return [] }
    switch key {
    case .enter:
      return finishPrompt(c)
    case .escape, .ctrl("c"):
      prompt = nil
      return [.status(StatusMessage(open.kind == .filter ? "Filter unchanged" : "Fill cancelled"))]
    default:
      if open.field.handle(key) == .ignored { return [] }
      open.problem = nil
      prompt = open
      return []
    }
  }

  mutating func finishPrompt(_ c: ScreenContext) -> [Effect] {
    guard let open = prompt else { return [] }
    switch open.kind {
    case .filter:
      filter = open.field.text.trimmingCharacters(in: .whitespaces)
      prompt = nil
      row = 0
      refresh(c)
      let rows = rows(c)
      if let problem = rows.filterProblem { return [.status(StatusMessage(problem, .warning))] }
      return [
        .status(
          StatusMessage(filter.isEmpty ? "Filter cleared: \(rows.total) rows" : "\(rows.shown.count) of \(rows.total) rows match"))
      ]
    case .fill(let column):
      switch Self.fill(column: column, expression: open.field.text, rows: targetRows(c), c) {
      case .failure(let problem):
        prompt?.problem = problem.text
        return [.status(StatusMessage("\(column.label): \(problem.text)", .error))]
      case .success(let (edit, text)):
        prompt = nil
        return (edit.map { [Effect.apply($0)] } ?? []) + [.status(StatusMessage(text, .success))]
      }
    }
  }

  // MARK: Copy a row

  mutating func copyRow(_ c: ScreenContext) -> [Effect] {
    guard let source = currentRow(rows(c)) else { return [] }
    let targets = targetRows(c).filter { $0.key != source.key }
    guard !targets.isEmpty else {
      return [.status(StatusMessage("Select the rows to copy this row's values to (Space, V, a), then c", .warning))]
    }
    var all = c.combinationValues
    guard let from = all[source.index].objectValue else { return [] }
    let keys = ["price", "compareToPrice", "quantity", "unlimited", "warningLimit", "weight", "isShippingRequired"]
    for t in targets {
      guard var o = all[t.index].objectValue else { continue }
      for k in keys {
        if let v = from[k] { o[k] = v } else { o.removeValue(forKey: k) }
      }
      let image = from[combinationImageKey]?.stringValue ?? from["imageUrl"]?.stringValue
      let mine = o[combinationImageKey]?.stringValue ?? o["imageUrl"]?.stringValue
      if image != mine {
        for k in ["imageUrl", "thumbnailUrl", "smallThumbnailUrl", "hdThumbnailUrl", combinationImageKey] { o.removeValue(forKey: k) }
        if let image { o[combinationImageKey] = .string(image) }
      }
      all[t.index] = .object(o)
    }
    return [
      .apply(.set(Self.combinationsPath, .array(all))),
      .status(
        StatusMessage(
          "Copied price, stock, weight, shipping and image of \(Combination(json: from).label) to \(targets.count) row\(targets.count == 1 ? "" : "s") (SKUs stay)",
          .success)),
    ]
  }

  // MARK: Create and delete

  /// The option-value combinations no variation has yet, in option order.
  static func missingCombinations(_ c: ScreenContext) -> [[OptionPair]] {
    let options = c.variationOptions
    guard !options.isEmpty else { return [] }
    var tuples: [[OptionPair]] = [[]]
    for o in options {
      tuples = tuples.flatMap { t in o.choices.map { t + [OptionPair(name: o.name, value: $0)] } }
      if tuples.count > 5_000 { return [] }
    }
    let existing = Set(
      c.combinationValues.map { v in options.map { o in optionValue(v, o.name) ?? "\u{0}" } })
    return tuples.filter { !existing.contains($0.map(\.value)) }
  }

  mutating func askToCreate(_ c: ScreenContext) -> [Effect] {
    if c.variationOptions.isEmpty {
      return [.status(StatusMessage("No options with choices: add them in section 3 (Options) first", .warning))]
    }
    let missing = Self.missingCombinations(c)
    if missing.isEmpty { return [.status(StatusMessage("Every combination of the options' choices has a variation"))] }
    confirming = .create(missing)
    return []
  }

  mutating func askToDelete(_ c: ScreenContext) -> [Effect] {
    let targets = targetRows(c)
    guard !targets.isEmpty else { return [] }
    let all = c.combinationValues
    confirming = .delete(
      keys: targets.map(\.key), labels: targets.map { Combination(json: all[$0.index].objectValue ?? [:]).label })
    return []
  }

  mutating func confirmKey(_ key: Key, _ c: ScreenContext) -> [Effect] {
    guard let question = confirming else { return [] }
    confirming = nil
    guard key == .char("y") || key == .char("Y") else { return [.status(StatusMessage("Nothing changed"))] }
    var all = c.combinationValues
    switch question {
    case .create(let missing):
      for pairs in missing {
        let values: [JSON] = pairs.map { p in JSON.object(["name": .string(p.name), "value": .string(p.value)]) }
        all.append(.object(["options": .array(values)]))
      }
      return [
        .apply(.set(Self.combinationsPath, .array(all))),
        .status(StatusMessage("\(missing.count) variation\(missing.count == 1 ? "" : "s") added; saving creates them (u undoes)", .success)),
      ]
    case .delete(let keys, _):
      let gone = Set(keys)
      all.removeAll { gone.contains(Self.rowKey($0)) }
      selected.subtract(gone)
      return [
        .apply(.set(Self.combinationsPath, .array(all))),
        .status(StatusMessage("\(keys.count) variation\(keys.count == 1 ? "" : "s") deleted; saving deletes them (u undoes)", .success)),
      ]
    }
  }

  // MARK: Image

  mutating func openImagePicker(_ c: ScreenContext) -> [Effect] {
    guard let row = currentRow(rows(c)) else { return [] }
    let urls = c.galleryImageURLs
    if urls.isEmpty {
      return [.status(StatusMessage("The product has no gallery images to pick from (section 5, Media)", .warning))]
    }
    let combination = c.combinationValues[row.index]
    let now = combination[combinationImageKey]?.stringValue ?? combination["imageUrl"]?.stringValue
    choosingImage = now.flatMap { u in urls.firstIndex(of: u).map { $0 + 1 } } ?? 0
    return []
  }

  mutating func imageKey(_ key: Key, _ c: ScreenContext) -> [Effect] {
    guard var highlighted = choosingImage, let row = currentRow(rows(c)) else {
      choosingImage = nil
      return []
    }
    let urls = c.galleryImageURLs
    switch key {
    case .down, .char("j"): highlighted = min(urls.count, highlighted + 1)
    case .up, .char("k"): highlighted = max(0, highlighted - 1)
    case .enter, .char(" "):
      choosingImage = nil
      let url = highlighted == 0 ? nil : urls[highlighted - 1]
      let combination = c.combinationValues[row.index]
      let label = Combination(json: combination.objectValue ?? [:]).label
      if (combination[combinationImageKey]?.stringValue ?? combination["imageUrl"]?.stringValue) == url {
        return [.status(StatusMessage("Image unchanged"))]
      }
      guard let document = c.document else { return [] }
      switch document.combinationImageEdit(index: row.index, url: url) {
      case .failure(let problem):
        return [.status(StatusMessage(problem.message, .error))]
      case .success(let edit):
        return [
          .apply(edit),
          .status(StatusMessage(url == nil ? "Image removed from \(label)" : "Image \(highlighted) of the gallery set for \(label)")),
        ]
      }
    case .escape, .char("q"):
      choosingImage = nil
      return []
    default: break
    }
    choosingImage = highlighted
    return []
  }
}
