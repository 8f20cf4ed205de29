import EcwidAPI
import Foundation
import ProductDocument
import Terminal

/// The Variations tab's behaviour: moving, editing a cell, selecting, filling, filtering,
/// creating and deleting variations, and picking a variation's image. Every change to the
/// document is one `apply` (one undo step, journaled like any other edit).
extension Model {
  static let combinationsKeyPath: FieldPath = [.key("combinations")]

  var currentVariationRow: VariationRow? {
    let rows = variationRows.shown
    guard !rows.isEmpty else { return nil }
    return rows[max(0, min(variations.row, rows.count - 1))]
  }

  var currentVariationColumn: VariationColumn {
    let columns = variationRows.columns
    return columns[max(0, min(variations.column, columns.count - 1))]
  }

  /// Rows a fill, copy or delete works on: the selection, or the cursor's row when none is selected.
  var targetVariationRows: [VariationRow] {
    let rows = variationRows
    if variations.selected.isEmpty { return currentVariationRow.map { [$0] } ?? [] }
    // Selected rows a filter hides are still selected: they count too.
    let all = combinationValues
    let position = Dictionary(rows.shown.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
    return all.indices.compactMap { i in
      let key = Model.rowKey(all[i])
      return variations.selected.contains(key) ? VariationRow(index: i, key: key) : nil
    }.sorted { a, b in (position[a.key] ?? Int.max, a.index) < (position[b.key] ?? Int.max, b.index) }
  }

  // MARK: Moving

  mutating func moveVariationRow(by delta: Int? = nil, to place: Int? = nil) -> [Command] {
    let count = variationRows.shown.count
    guard count > 0 else { return [] }
    if let place { variations.row = place < 0 ? count - 1 : 0 } else { variations.row = max(0, min(count - 1, variations.row + (delta ?? 0))) }
    return []
  }

  mutating func moveVariationColumn(by delta: Int) -> [Command] {
    let count = variationRows.columns.count
    variations.column = max(0, min(count - 1, variations.column + delta))
    return []
  }

  var variationPageRows: Int { max(1, height - 8) }

  // MARK: Editing a cell

  mutating func editVariationCell() -> [Command] {
    guard let row = currentVariationRow else {
      message = StatusMessage("No variation here: n creates the missing ones", .warning)
      return []
    }
    let column = currentVariationColumn
    let c = combinationValues[row.index]
    switch column {
    case .option(let name):
      message = StatusMessage("\(name) is an option value: change the option's choices in section 3 (Options)", .warning)
      return []
    case .shipping:
      var o = c.objectValue ?? [:]
      let now = o["isShippingRequired"]?.boolValue ?? true
      o["isShippingRequired"] = .bool(!now)
      apply(.set(Model.combinationsKeyPath + [.index(row.index)], .object(o)))
      message = StatusMessage("Shipping required: \(now ? "no" : "yes") for \(Combination(json: o).label)")
      return []
    case .image:
      return openVariationImagePicker()
    default:
      variations.editing = VariationCellEditing(
        rowKey: row.key, column: column, field: TextField(variationEditableText(c, column)), problem: nil)
      return []
    }
  }

  mutating func variationEditingKey(_ key: Key) -> [Command] {
    guard var editing = variations.editing else { return [] }
    switch key {
    case .enter, .tab:
      return commitVariationCell()
    case .escape, .ctrl("c"):
      variations.editing = nil
      message = StatusMessage("Edit cancelled")
      return []
    default:
      if editing.field.handle(key) == .ignored { return [] }
    }
    editing.problem = Model.cellProblem(editing.field.text, column: editing.column)
    if let problem = editing.problem { message = StatusMessage("\(editing.column.label): \(problem)", .error) }
    else if variations.editing?.problem != nil { message = StatusMessage("\(editing.column.label): a valid value") }
    variations.editing = editing
    return []
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

  mutating func commitVariationCell() -> [Command] {
    guard let editing = variations.editing else { return [] }
    if let problem = Model.cellProblem(editing.field.text, column: editing.column) {
      message = StatusMessage("\(editing.column.label): \(problem) (Esc cancels)", .error)
      return []
    }
    let all = combinationValues
    guard let index = all.indices.first(where: { Model.rowKey(all[$0]) == editing.rowKey }), var o = all[index].objectValue
    else {
      variations.editing = nil
      return []
    }
    Model.setCell(&o, column: editing.column, text: editing.field.text)
    variations.editing = nil
    if JSON.object(o) != all[index] {
      apply(.set(Model.combinationsKeyPath + [.index(index)], .object(o)))
      message = StatusMessage("\(editing.column.label) set for \(Combination(json: o).label)")
    } else {
      message = StatusMessage("\(editing.column.label) unchanged")
    }
    return []
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

  mutating func toggleVariationSelection() -> [Command] {
    guard let row = currentVariationRow else { return [] }
    if variations.selected.contains(row.key) { variations.selected.remove(row.key) } else { variations.selected.insert(row.key) }
    message = StatusMessage("\(variations.selected.count) selected")
    return moveVariationRow(by: 1)
  }

  mutating func variationRange() -> [Command] {
    guard let row = currentVariationRow else { return [] }
    guard let anchor = variations.rangeAnchor else {
      variations.rangeAnchor = row.key
      variations.selected.insert(row.key)
      message = StatusMessage("Range started: move to its other end and press V")
      return []
    }
    let shown = variationRows.shown
    let b = max(0, min(variations.row, shown.count - 1))
    let a = shown.firstIndex { $0.key == anchor } ?? b
    for r in shown[min(a, b)...max(a, b)] { variations.selected.insert(r.key) }
    variations.rangeAnchor = nil
    message = StatusMessage("\(abs(b - a) + 1) rows in the range · \(variations.selected.count) selected")
    return []
  }

  mutating func selectAllVariations() -> [Command] {
    let keys = Set(variationRows.shown.map(\.key))
    if !keys.isEmpty && keys.isSubset(of: variations.selected) {
      variations.selected.subtract(keys)
    } else {
      variations.selected.formUnion(keys)
    }
    message = StatusMessage("\(variations.selected.count) selected")
    return []
  }

  mutating func clearVariationSelection() -> [Command] {
    guard !variations.selected.isEmpty || variations.rangeAnchor != nil else { return [] }
    variations.selected = []
    variations.rangeAnchor = nil
    message = StatusMessage("Selection cleared")
    return []
  }

  // MARK: Prompts (fill, filter)

  mutating func openVariationFill() -> [Command] {
    let column = currentVariationColumn
    switch column {
    case .option, .image:
      message = StatusMessage(
        column == .image ? "Images are picked one row at a time: i" : "Option values come from the options (section 3)", .warning)
      return []
    default: break
    }
    guard !targetVariationRows.isEmpty else { return [] }
    variations.prompt = VariationPrompt(kind: .fill(column), field: TextField(), problem: nil)
    return []
  }

  mutating func openVariationFilter() -> [Command] {
    variations.prompt = VariationPrompt(kind: .filter, field: TextField(variations.filter), problem: nil)
    return []
  }

  mutating func variationPromptKey(_ key: Key) -> [Command] {
    guard var prompt = variations.prompt else { return [] }
    switch key {
    case .enter:
      return finishVariationPrompt()
    case .escape, .ctrl("c"):
      variations.prompt = nil
      message = StatusMessage(prompt.kind == .filter ? "Filter unchanged" : "Fill cancelled")
      return []
    default:
      if prompt.field.handle(key) == .ignored { return [] }
      prompt.problem = nil
      variations.prompt = prompt
      return []
    }
  }

  mutating func finishVariationPrompt() -> [Command] {
    guard let prompt = variations.prompt else { return [] }
    switch prompt.kind {
    case .filter:
      variations.filter = prompt.field.text.trimmingCharacters(in: .whitespaces)
      variations.prompt = nil
      variations.row = 0
      refreshVariationRows()
      let rows = variationRows
      if let problem = rows.filterProblem {
        message = StatusMessage(problem, .warning)
      } else {
        message = StatusMessage(
          variations.filter.isEmpty ? "Filter cleared: \(rows.total) rows" : "\(rows.shown.count) of \(rows.total) rows match")
      }
      return []
    case .fill(let column):
      let targets = targetVariationRows
      switch fillVariations(column: column, expression: prompt.field.text, rows: targets) {
      case .failure(let problem):
        variations.prompt?.problem = problem.text
        message = StatusMessage("\(column.label): \(problem.text)", .error)
      case .success(let text):
        variations.prompt = nil
        message = StatusMessage(text, .success)
      }
      return []
    }
  }

  mutating func variationsPaste(_ text: String) -> [Command] {
    if variations.editing != nil {
      variations.editing!.field.insert(text)
      variations.editing!.problem = Model.cellProblem(variations.editing!.field.text, column: variations.editing!.column)
    } else if variations.prompt != nil {
      variations.prompt!.field.insert(text)
    }
    return []
  }

  // MARK: Copy a row

  mutating func copyVariationRow() -> [Command] {
    guard let source = currentVariationRow else { return [] }
    let targets = targetVariationRows.filter { $0.key != source.key }
    guard !targets.isEmpty else {
      message = StatusMessage("Select the rows to copy this row's values to (Space, V, a), then c", .warning)
      return []
    }
    var all = combinationValues
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
    apply(.set(Model.combinationsKeyPath, .array(all)))
    message = StatusMessage(
      "Copied price, stock, weight, shipping and image of \(Combination(json: from).label) to \(targets.count) row\(targets.count == 1 ? "" : "s") (SKUs stay)",
      .success)
    return []
  }

  // MARK: Create and delete

  /// The option-value combinations no variation has yet, in option order.
  var missingCombinations: [[OptionPair]] {
    let options = variationOptions
    guard !options.isEmpty else { return [] }
    var tuples: [[OptionPair]] = [[]]
    for o in options {
      tuples = tuples.flatMap { t in o.choices.map { t + [OptionPair(name: o.name, value: $0)] } }
      if tuples.count > 5_000 { return [] }
    }
    let existing = Set(
      combinationValues.map { c in options.map { o in Model.optionValue(c, o.name) ?? "\u{0}" } })
    return tuples.filter { !existing.contains($0.map(\.value)) }
  }

  mutating func askToCreateVariations() -> [Command] {
    if variationOptions.isEmpty {
      message = StatusMessage("No options with choices: add them in section 3 (Options) first", .warning)
      return []
    }
    let missing = missingCombinations
    if missing.isEmpty {
      message = StatusMessage("Every combination of the options' choices has a variation")
      return []
    }
    variations.confirming = .create(missing)
    return []
  }

  mutating func askToDeleteVariations() -> [Command] {
    let targets = targetVariationRows
    guard !targets.isEmpty else { return [] }
    let all = combinationValues
    variations.confirming = .delete(
      keys: targets.map(\.key), labels: targets.map { Combination(json: all[$0.index].objectValue ?? [:]).label })
    return []
  }

  mutating func variationsConfirmKey(_ key: Key) -> [Command] {
    guard let confirming = variations.confirming else { return [] }
    variations.confirming = nil
    guard key == .char("y") || key == .char("Y") else {
      message = StatusMessage("Nothing changed")
      return []
    }
    var all = combinationValues
    switch confirming {
    case .create(let missing):
      for pairs in missing {
        let values: [JSON] = pairs.map { p in JSON.object(["name": .string(p.name), "value": .string(p.value)]) }
        all.append(.object(["options": .array(values)]))
      }
      apply(.set(Model.combinationsKeyPath, .array(all)))
      message = StatusMessage("\(missing.count) variation\(missing.count == 1 ? "" : "s") added; saving creates them (u undoes)", .success)
    case .delete(let keys, _):
      let gone = Set(keys)
      all.removeAll { gone.contains(Model.rowKey($0)) }
      apply(.set(Model.combinationsKeyPath, .array(all)))
      variations.selected.subtract(gone)
      message = StatusMessage("\(keys.count) variation\(keys.count == 1 ? "" : "s") deleted; saving deletes them (u undoes)", .success)
    }
    return []
  }

  // MARK: Image

  /// The gallery's images by URL, as a variation's image can name them.
  var galleryImageURLs: [String] {
    (document?.current.json["media"]?["images"]?.arrayValue ?? []).compactMap { i in
      i["imageOriginalUrl"]?.stringValue ?? i["image1500pxUrl"]?.stringValue ?? i["imageUrl"]?.stringValue
    }
  }

  mutating func openVariationImagePicker() -> [Command] {
    guard let row = currentVariationRow else { return [] }
    let urls = galleryImageURLs
    if urls.isEmpty {
      message = StatusMessage("The product has no gallery images to pick from (section 5, Media)", .warning)
      return []
    }
    let c = combinationValues[row.index]
    let now = c[combinationImageKey]?.stringValue ?? c["imageUrl"]?.stringValue
    variations.choosingImage = now.flatMap { u in urls.firstIndex(of: u).map { $0 + 1 } } ?? 0
    return []
  }

  mutating func variationImageKey(_ key: Key) -> [Command] {
    guard var highlighted = variations.choosingImage, let row = currentVariationRow else {
      variations.choosingImage = nil
      return []
    }
    let urls = galleryImageURLs
    switch key {
    case .down, .char("j"): highlighted = min(urls.count, highlighted + 1)
    case .up, .char("k"): highlighted = max(0, highlighted - 1)
    case .enter, .char(" "):
      variations.choosingImage = nil
      let url = highlighted == 0 ? nil : urls[highlighted - 1]
      let c = combinationValues[row.index]
      let label = Combination(json: c.objectValue ?? [:]).label
      if (c[combinationImageKey]?.stringValue ?? c["imageUrl"]?.stringValue) == url {
        message = StatusMessage("Image unchanged")
        return []
      }
      if let problem = document?.setCombinationImage(index: row.index, url: url) {
        message = StatusMessage(problem.message, .error)
        return []
      }
      documentChanged()
      message = StatusMessage(url == nil ? "Image removed from \(label)" : "Image \(highlighted) of the gallery set for \(label)")
      return []
    case .escape, .char("q"):
      variations.choosingImage = nil
      return []
    default: break
    }
    variations.choosingImage = highlighted
    return []
  }

  // MARK: Keys of an open editor, prompt or question

  /// Keys of a cell being edited, a prompt, a question or the image picker; nil when none is open.
  mutating func variationsModalKey(_ key: Key) -> [Command]? {
    if variations.editing != nil { return variationEditingKey(key) }
    if variations.prompt != nil { return variationPromptKey(key) }
    if variations.confirming != nil { return variationsConfirmKey(key) }
    if variations.choosingImage != nil { return variationImageKey(key) }
    return nil
  }
}
