import EcwidAPI
import Foundation

/// Turns a number as a person types it into the canonical JSON number the editor sends, or says
/// why it is not one. Every number the editor edits goes through here (form fields, wholesale tiers,
/// number lists, choice price modifiers), so nothing is ever silently dropped and nothing that is
/// not strict JSON goes over the wire.
///
/// Accepted: an optional sign, digits with at most one decimal separator (a point, or a comma as
/// many merchants type it: `9,5` is 9.5), and an optional exponent (`1e5`). The result is written
/// canonically: no leading zeros (`007.50` → `7.5`), no trailing fraction zeros, no exponent, no
/// `-0`. Values a `Double` cannot carry exactly as shown (more than 15 significant digits) or
/// outside the range a price or quantity can have are refused, so what the review shows is what
/// is sent.
public enum NumberText {
  /// The most significant digits a number may have (a Double holds 15 exactly).
  public static let maxSignificantDigits = 15
  /// The most digits after the decimal point.
  public static let maxFractionDigits = 10

  public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    /// A character that is not part of a number (the first one found).
    case notANumberCharacter(Character)
    case twoSeparators
    /// A comma followed by exactly three digits: a thousands separator or a decimal comma?
    case ambiguousComma(String)
    case incomplete
    case notWhole
    case tooLarge
    case tooPrecise

    public var description: String {
      switch self {
      case .empty: return "it is empty"
      case .notANumberCharacter(let c):
        if c == " " { return "a space is not part of a number" }
        return "“\(c)” is not part of a number"
      case .twoSeparators: return "it has more than one decimal separator"
      case .ambiguousComma(let t):
        return "“\(t)” is ambiguous: write it without the comma for thousands, or with a point for decimals"
      case .incomplete: return "it is not finished"
      case .notWhole: return "it must be a whole number"
      case .tooLarge: return "it is too large (at most \(NumberText.maxSignificantDigits) digits)"
      case .tooPrecise:
        return "it has too many digits (at most \(NumberText.maxSignificantDigits), "
          + "\(NumberText.maxFractionDigits) after the point)"
      }
    }
  }

  /// Parses `text` (surrounding spaces are ignored) into a canonical JSON number.
  public static func parse(_ text: String, integer: Bool) -> Result<JSONNumber, Problem> {
    let t = text.trimmingCharacters(in: .whitespaces)
    guard !t.isEmpty else { return .failure(.empty) }
    var chars = Array(t)
    var negative = false
    if chars.first == "-" || chars.first == "+" || chars.first == "−" {
      negative = chars.first != "+"
      chars.removeFirst()
    }
    // Split off the exponent.
    var exponent = 0
    if let e = chars.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      var expChars = Array(chars[(e + 1)...])
      chars = Array(chars[..<e])
      var expNegative = false
      if expChars.first == "-" || expChars.first == "+" {
        expNegative = expChars.first == "-"
        expChars.removeFirst()
      }
      guard !expChars.isEmpty else { return .failure(.incomplete) }
      if let bad = expChars.first(where: { !isDigit($0) }) { return .failure(.notANumberCharacter(bad)) }
      // Anything beyond a few digits of exponent is out of range either way.
      guard expChars.count <= 4, let value = Int(String(expChars)) else { return .failure(.tooLarge) }
      exponent = expNegative ? -value : value
    }
    var intDigits: [Character] = []
    var fracDigits: [Character] = []
    var separator: Character?
    for c in chars {
      if isDigit(c) {
        if separator == nil { intDigits.append(c) } else { fracDigits.append(c) }
      } else if c == "." || c == "," {
        if separator != nil { return .failure(.twoSeparators) }
        separator = c
      } else {
        return .failure(.notANumberCharacter(c))
      }
    }
    // `5.` or `9,` is not finished (and `9,` must not quietly become 9 before the 5 is typed).
    guard !intDigits.isEmpty || !fracDigits.isEmpty, separator == nil || !fracDigits.isEmpty else {
      return .failure(.incomplete)
    }
    if separator == ",", fracDigits.count == 3, !intDigits.isEmpty, exponent == 0 {
      return .failure(.ambiguousComma(t))
    }
    // All digits as one integer `digits × 10^(exponent - fracDigits.count)`.
    var digits = intDigits + fracDigits
    var scale = exponent - fracDigits.count
    while let first = digits.first, first == "0" { digits.removeFirst() }
    while let last = digits.last, last == "0" {
      digits.removeLast()
      scale += 1
    }
    if digits.isEmpty { return .success(JSONNumber(text: "0")) }  // 0, -0, 0.000, 0e7
    guard digits.count <= maxSignificantDigits else {
      return .failure(digits.count + scale > maxSignificantDigits ? .tooLarge : .tooPrecise)
    }
    if digits.count + scale > maxSignificantDigits { return .failure(.tooLarge) }
    if scale < 0 && -scale > maxFractionDigits { return .failure(integer ? .notWhole : .tooPrecise) }
    if integer && scale < 0 { return .failure(.notWhole) }
    var out = negative ? "-" : ""
    if scale >= 0 {
      out += String(digits) + String(repeating: "0", count: scale)
    } else {
      let point = digits.count + scale  // digits before the point
      if point > 0 {
        out += String(digits[..<point]) + "." + String(digits[point...])
      } else {
        out += "0." + String(repeating: "0", count: -point) + String(digits)
      }
    }
    return .success(JSONNumber(text: out))
  }

  /// True when `text` is a number exactly as `parse` writes it (strict JSON, no leading zeros).
  public static func isCanonical(_ text: String) -> Bool {
    guard case .success(let n) = parse(text, integer: false) else { return false }
    return n.text == text
  }

  static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
}
