import EcwidAPI
import Foundation
import ProductDocument

/// A fill of one column over many rows: `12`, `+5`, `-10%`, `*1.1`, `~.99` (keep the whole part,
/// set the cents), `∞` / `unlimited` (quantity), `yes` / `no` (shipping), a text (SKU, one row).
/// Why a fill is not one (shown on the prompt and the status line).
struct VariationProblem: Error, Equatable {
  var text: String
  init(_ text: String) { self.text = text }
}

enum FillOperation: Equatable {
  case set(Decimal)
  case add(Decimal)
  case percent(Decimal)
  case multiply(Decimal)
  case cents(Decimal)
  case unlimited
  case text(String)

  /// Reads what was typed for `column`, or says why it is not a fill.
  static func parse(_ raw: String, column: VariationColumn) -> Result<FillOperation, VariationProblem> {
    let t = raw.trimmingCharacters(in: .whitespaces)
    if t.isEmpty { return .failure(VariationProblem("type a value, +5, -10%, *1.1 or ~.99")) }
    guard let kind = column.numberKind else {
      if column == .shipping {
        let l = t.lowercased()
        if ["yes", "y", "true", "1", "on", "no", "n", "false", "0", "off"].contains(l) { return .success(.text(l)) }
        return .failure(VariationProblem("“\(t)” is not yes or no"))
      }
      return .success(.text(t))
    }
    if VariationsState.isUnlimitedWord(t) {
      return column == .quantity ? .success(.unlimited) : .failure(VariationProblem("only the quantity can be unlimited"))
    }
    var body = t
    let first = body.first!
    var op: (Decimal) -> FillOperation = { .set($0) }
    switch first {
    case "+": op = { .add($0) }
    case "-", "−": op = { .add(-$0) }
    case "*", "×": op = { .multiply($0) }
    case "~":
      let digits = String(body.dropFirst())
      guard case .success(let n) = NumberText.parse(digits.hasPrefix(".") || digits.hasPrefix(",") ? "0" + digits : digits, integer: false),
        let d = Decimal(string: n.text), d >= 0, d < 1
      else { return .failure(VariationProblem("write the cents to round to as ~.99")) }
      return kind.integer ? .failure(VariationProblem("whole numbers have no cents")) : .success(.cents(d))
    default: break
    }
    if "+-−*×".contains(first) { body = String(body.dropFirst()).trimmingCharacters(in: .whitespaces) }
    var isPercent = false
    if body.hasSuffix("%") {
      isPercent = true
      body = String(body.dropLast()).trimmingCharacters(in: .whitespaces)
      guard first == "+" || first == "-" || first == "−" else { return .failure(VariationProblem("write a percentage as +10% or -10%")) }
    }
    switch NumberText.parse(body, integer: false) {
    case .failure(let problem): return .failure(VariationProblem("“\(t)”: \(problem)"))
    case .success(let n):
      guard let d = Decimal(string: n.text) else { return .failure(VariationProblem("“\(t)” is not a number")) }
      if isPercent { return .success(.percent(first == "+" ? d : -d)) }
      if case .set = op(d), kind.integer, d != d.roundedTo(0) { return .failure(VariationProblem("“\(t)” is not a whole number")) }
      return .success(op(d))
    }
  }

  /// The new value from the old one, rounded to the column's decimals; nil when it cannot apply.
  func apply(to old: Decimal?, decimals: Int) -> Decimal? {
    var result: Decimal
    switch self {
    case .set(let v): result = v
    case .add(let v):
      guard let old else { return nil }
      result = old + v
    case .percent(let p):
      guard let old else { return nil }
      result = old * (1 + p / 100)
    case .multiply(let f):
      guard let old else { return nil }
      result = old * f
    case .cents(let c):
      guard let old else { return nil }
      result = old.roundedTo(0, .down) + c
    case .unlimited, .text: return nil
    }
    return result.roundedTo(decimals, .plain)
  }
}

extension Decimal {
  func roundedTo(_ scale: Int, _ mode: NSDecimalNumber.RoundingMode = .plain) -> Decimal {
    var value = self
    var out = Decimal()
    NSDecimalRound(&out, &value, scale, mode)
    return out
  }
}

extension VariationsState {
  /// Fills `column` of `rows` as one document edit (one undo step): the edit (nil when no row
  /// changes) and what it did, for the status line.
  static func fill(
    column: VariationColumn, expression: String, rows: [VariationRow], _ context: ScreenContext
  ) -> Result<(edit: Edit?, text: String), VariationProblem> {
    guard !rows.isEmpty else { return .failure(VariationProblem("no rows to fill")) }
    let operation: FillOperation
    switch FillOperation.parse(expression, column: column) {
    case .failure(let problem): return .failure(problem)
    case .success(let op): operation = op
    }
    if column == .sku, rows.count > 1 {
      return .failure(VariationProblem("a SKU is unique: one row at a time (Enter edits it)"))
    }
    var all = context.combinationValues
    var changed = 0
    var skipped = 0
    // The new value depends only on the old one: 500 rows have a few distinct prices, and each
    // is worked out once (decimal arithmetic and the number's text are the cost of a fill).
    var worked: [String: (new: Decimal?, number: Result<JSONNumber, NumberText.Problem>?)] = [:]
    for row in rows {
      guard var o = all[row.index].objectValue else { continue }
      let before = o
      switch (column, operation) {
      case (.quantity, .unlimited):
        o["unlimited"] = true
      case (.sku, .text(let t)):
        o["sku"] = .string(t)
      case (.shipping, .text(let t)):
        o["isShippingRequired"] = .bool(["yes", "y", "true", "1", "on"].contains(t))
      default:
        guard let key = column.key, let kind = column.numberKind else { continue }
        if column == .quantity, o["unlimited"]?.boolValue == true, operation.isRelative {
          skipped += 1  // ∞ + 5 is still ∞
          continue
        }
        var oldText = o[key]?.numberValue?.text
        if column == .price, oldText == nil { oldText = o["defaultDisplayedPrice"]?.numberValue?.text }
        let memoKey = oldText ?? ""
        if worked[memoKey] == nil {
          let old = oldText.flatMap { Decimal(string: $0) }
          let new = operation.apply(to: old, decimals: kind.decimals)
          worked[memoKey] = (new, new.map { NumberText.parse("\($0)", integer: kind.integer) })
        }
        guard let (newValue, number) = worked[memoKey], let new = newValue else {
          skipped += 1  // nothing to add to
          continue
        }
        if new < 0 { return .failure(VariationProblem("\(Combination(json: o).label) would get \(new): no negative values")) }
        guard case .success(let n)? = number else {
          return .failure(VariationProblem("\(Combination(json: o).label) would get \(new), which is out of range"))
        }
        o[key] = .number(n)
        if column == .quantity, o["unlimited"] != nil { o["unlimited"] = false }
      }
      if o != before {
        all[row.index] = .object(o)
        changed += 1
      }
    }
    var text = "\(column.label): \(expression.trimmingCharacters(in: .whitespaces)) on \(changed) row\(changed == 1 ? "" : "s")"
    if changed > 0 { text += " (u undoes)" }
    if skipped > 0 {
      text += "; \(skipped) left as \(skipped == 1 ? "it was" : "they were") (\(column == .quantity ? "unlimited or empty" : "empty"))"
    }
    return .success((changed > 0 ? .set(combinationsPath, .array(all)) : nil, text))
  }
}

extension FillOperation {
  var isRelative: Bool {
    switch self {
    case .add, .percent, .multiply, .cents: return true
    default: return false
    }
  }
}
