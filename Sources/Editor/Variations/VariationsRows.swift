import EcwidAPI
import Foundation
import ProductDocument
import Terminal

/// What the grid reads of the product (from the read-only context).
extension ScreenContext {
  var combinationValues: [JSON] { document?.current.json["combinations"]?.arrayValue ?? [] }

  /// The options that make variations (the ones with choices), in the product's order.
  var variationOptions: [(name: String, choices: [String])] {
    (document?.current.options ?? []).compactMap { o in
      let type = o.type ?? .select
      guard type == .select || type == .radio || type == .size, let name = o.name else { return nil }
      let choices = (o.choices ?? []).compactMap(\.text)
      return choices.isEmpty ? nil : (name, choices)
    }
  }

  /// The gallery's images by URL, as a variation's image can name them.
  var galleryImageURLs: [String] {
    (document?.current.json["media"]?["images"]?.arrayValue ?? []).compactMap { i in
      i["imageOriginalUrl"]?.stringValue ?? i["image1500pxUrl"]?.stringValue ?? i["imageUrl"]?.stringValue
    }
  }

  var variationPageRows: Int { max(1, height - 8) }
}

/// What the root and the tests read of the grid (read only; the grid's state is its own).
extension Model {
  var combinationValues: [JSON] { context.combinationValues }
  var galleryImageURLs: [String] { context.galleryImageURLs }
  var variationRows: VariationRows { variations.rows(context) }
  static func optionValue(_ c: JSON, _ name: String) -> String? { VariationsState.optionValue(c, name) }
  static func isOutOfStock(_ c: JSON) -> Bool { VariationsState.isOutOfStock(c) }
}

/// The rows of the grid: sorted by option order, filtered, with the footer's figures. Worked out
/// once per document version (and filter), never per key that only moves the cursor.
extension VariationsState {
  /// The rows as they are now: the cache when it is current, else worked out (a frame drawn
  /// after the root changed the document and before the grid handled a message).
  func rows(_ c: ScreenContext) -> VariationRows {
    if let rows, rows.version == c.documentVersion, rows.filter == filter { return rows }
    return Self.computeRows(c, filter: filter)
  }

  /// Brings the cache up to the context's document and the filter (cheap when neither moved),
  /// and keeps the cursor inside the rows.
  mutating func refresh(_ c: ScreenContext) {
    if let rows, rows.version == c.documentVersion, rows.filter == filter { return }
    let fresh = Self.computeRows(c, filter: filter)
    rows = fresh
    row = max(0, min(row, fresh.shown.count - 1))
    column = max(0, min(column, fresh.columns.count - 1))
  }

  static func rowKey(_ c: JSON) -> String {
    if let id = c["id"]?.intValue { return "id:\(id)" }
    let pairs = (c["options"]?.arrayValue ?? []).map { "\($0["name"]?.stringValue ?? "")=\($0["value"]?.stringValue ?? "")" }
    return "new:" + pairs.joined(separator: "·")
  }

  static func optionValue(_ c: JSON, _ name: String) -> String? {
    c["options"]?.arrayValue?.first { $0["name"]?.stringValue == name }?["value"]?.stringValue
  }

  static func isOutOfStock(_ c: JSON) -> Bool {
    c["unlimited"]?.boolValue != true && (c["quantity"]?.doubleValue ?? 0) <= 0
  }

  static func computeRows(_ context: ScreenContext, filter: String) -> VariationRows {
    let options = context.variationOptions
    let all = context.combinationValues
    var columns = options.map { VariationColumn.option($0.name) }
    // Option names a variation has that the product's options lack still get a column.
    var names = Set(options.map(\.name))
    for c in all.prefix(50) {
      for v in c["options"]?.arrayValue ?? [] {
        if let n = v["name"]?.stringValue, !names.contains(n) {
          names.insert(n)
          columns.append(.option(n))
        }
      }
    }
    columns += VariationColumn.fields
    let order = options.map { o in Dictionary(o.choices.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) }
    let sortKeys: [[Int]] = all.map { c in
      zip(options, order).map { o, rank in Self.optionValue(c, o.name).flatMap { rank[$0] } ?? Int.max }
    }
    let sorted = all.indices.sorted { a, b in
      sortKeys[a] != sortKeys[b] ? sortKeys[a].lexicographicallyPrecedes(sortKeys[b]) : a < b
    }
    // What changed, against the fetched variations (by id; a variation without one is new).
    let base = context.document?.base.json["combinations"]?.arrayValue ?? []
    var baseById: [Int: JSON] = [:]
    for b in base { if let id = b["id"]?.intValue { baseById[id] = b } }
    var changedKeys: Set<String> = []
    var ids: Set<Int> = []
    let keys = all.map(Self.rowKey)
    for (i, c) in all.enumerated() {
      guard let id = c["id"]?.intValue else {
        changedKeys.insert(keys[i])
        continue
      }
      ids.insert(id)
      if baseById[id] != c { changedKeys.insert(keys[i]) }
    }
    let deleted = baseById.keys.filter { !ids.contains($0) }.count
    let (terms, problem) = Self.filterTerms(filter, columns: columns)
    var shown: [VariationRow] = []
    var stock: Double? = 0
    for i in sorted {
      let c = all[i]
      let key = keys[i]
      let keep = terms.allSatisfy { term in
        switch term {
        case .value(let name, let value):
          return Self.optionValue(c, name)?.lowercased() == value
        case .outOfStock: return Self.isOutOfStock(c)
        case .noSku: return (c["sku"]?.stringValue ?? "").isEmpty
        case .changed: return changedKeys.contains(key)
        }
      }
      guard keep else { continue }
      shown.append(VariationRow(index: i, key: key))
      if c["unlimited"]?.boolValue == true {
        stock = nil
      } else if let s = stock {
        stock = s + (c["quantity"]?.doubleValue ?? 0)
      }
    }
    return VariationRows(
      version: context.documentVersion, filter: filter, columns: columns, shown: shown, total: all.count,
      changed: changedKeys.count, deleted: deleted, stock: stock, changedKeys: changedKeys, filterProblem: problem)
  }

  enum FilterTerm: Equatable {
    case value(name: String, value: String)
    case outOfStock, noSku, changed
  }

  /// `Size=XL, out of stock`: every term must hold. Unknown terms are left out and named.
  static func filterTerms(_ text: String, columns: [VariationColumn]) -> ([FilterTerm], String?) {
    var terms: [FilterTerm] = []
    var unknown: [String] = []
    for raw in text.split(separator: ",") {
      let t = raw.trimmingCharacters(in: .whitespaces)
      let lower = t.lowercased()
      if t.isEmpty { continue }
      if let eq = t.firstIndex(of: "=") {
        let name = t[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
        let value = t[t.index(after: eq)...].trimmingCharacters(in: .whitespaces).lowercased()
        let match = columns.compactMap { c -> String? in
          if case .option(let n) = c, n.lowercased() == name { return n }
          return nil
        }.first
        if let match { terms.append(.value(name: match, value: value)) } else { unknown.append(t) }
        continue
      }
      switch lower {
      case "out of stock", "oos", "no stock": terms.append(.outOfStock)
      case "no sku", "nosku", "without sku": terms.append(.noSku)
      case "changed", "edited": terms.append(.changed)
      default: unknown.append(t)
      }
    }
    guard !unknown.isEmpty else { return (terms, nil) }
    return (
      terms,
      "Not a filter: \(unknown.map { "“\($0)”" }.joined(separator: ", ")) (use Option=Value, out of stock, no SKU, changed)"
    )
  }

  /// The text a cell shows, and whether it is a stand-in (dim) rather than the variation's own value.
  static func cellText(_ c: JSON, _ column: VariationColumn) -> (text: String, dim: Bool) {
    switch column {
    case .option(let name): return (Self.optionValue(c, name) ?? "—", false)
    case .sku:
      let s = c["sku"]?.stringValue ?? ""
      return s.isEmpty ? ("—", true) : (s, false)
    case .price:
      if let p = c["price"], p != .null { return (p.compactText, false) }
      // No price of its own: the product's price with the choices' modifiers, as Ecwid shows it.
      return (c["defaultDisplayedPrice"]?.compactText ?? "—", true)
    case .quantity:
      if c["unlimited"]?.boolValue == true { return ("∞", false) }
      guard let q = c["quantity"], q != .null else { return ("—", true) }
      return (q.compactText, false)
    case .compareToPrice, .warningLimit, .weight:
      guard let v = c[column.key!], v != .null else { return ("—", true) }
      return (v.compactText, false)
    case .shipping:
      guard let b = c["isShippingRequired"]?.boolValue else { return ("—", true) }
      return (b ? "yes" : "no", false)
    case .image:
      return (Combination(json: c.objectValue ?? [:]).hasImage ? "yes" : "no", false)
    }
  }

  /// The text a cell's editor starts with.
  static func editableText(_ c: JSON, _ column: VariationColumn) -> String {
    let (text, dim) = cellText(c, column)
    if dim && column != .price { return "" }
    return text == "—" ? "" : text
  }
}
