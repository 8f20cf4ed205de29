import Foundation

/// `$XDG_CONFIG_HOME/ecwid-edit/config.toml`: named stores.
///
/// ```toml
/// default_store = "shop"
///
/// [stores.shop]
/// store_id = 1003
/// api_url = "https://app.ecwid.com/api/v3"
/// token_file = "~/.config/ecwid-edit/shop.token"
/// ```
/// The token itself never goes in this file, only the path of a file that holds it.
/// Only this subset of TOML is read: tables, and keys with string, integer or boolean values.
struct ConfigFile: Equatable {
  struct Store: Equatable {
    var storeId: Int?
    var apiURL: String?
    var tokenFile: String?
  }
  var defaultStore: String?
  var stores: [String: Store] = [:]
  var path: String = ""

  static func path(environment: [String: String]) -> String {
    if let x = environment["ECWID_EDIT_CONFIG"], !x.isEmpty { return x }
    let base =
      environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
    return base + "/ecwid-edit/config.toml"
  }

  static func load(environment: [String: String]) throws -> ConfigFile? {
    let p = path(environment: environment)
    guard let text = try? String(contentsOfFile: p, encoding: .utf8) else { return nil }
    var c = try parse(text)
    c.path = p
    return c
  }

  struct ParseError: Error, CustomStringConvertible {
    var line: Int
    var reason: String
    var description: String { "config.toml line \(line): \(reason)" }
  }

  static func parse(_ text: String) throws -> ConfigFile {
    var c = ConfigFile()
    var table: [String] = []
    for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = stripComment(String(raw)).trimmingCharacters(in: .whitespaces)
      if line.isEmpty { continue }
      if line.hasPrefix("[") {
        guard line.hasSuffix("]") else { throw ParseError(line: n + 1, reason: "unclosed table header") }
        table = line.dropFirst().dropLast().split(separator: ".").map {
          unquote($0.trimmingCharacters(in: .whitespaces))
        }
        continue
      }
      guard let eq = line.firstIndex(of: "=") else { throw ParseError(line: n + 1, reason: "expected key = value") }
      let key = unquote(line[..<eq].trimmingCharacters(in: .whitespaces))
      let valueText = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
      let value: String
      if valueText.hasPrefix("\"") {
        guard valueText.count >= 2, valueText.hasSuffix("\"") else {
          throw ParseError(line: n + 1, reason: "unterminated string")
        }
        value = unquote(valueText)
      } else {
        value = valueText
      }
      if table.isEmpty {
        if key == "default_store" { c.defaultStore = value }
      } else if table.count == 2, table[0] == "stores" {
        var s = c.stores[table[1]] ?? Store()
        switch key {
        case "store_id":
          guard let i = Int(value) else { throw ParseError(line: n + 1, reason: "store_id must be a number") }
          s.storeId = i
        case "api_url": s.apiURL = value
        case "token_file": s.tokenFile = value
        case "token":
          throw ParseError(line: n + 1, reason: "put the token in a file and name it with token_file, not in config.toml")
        default: break
        }
        c.stores[table[1]] = s
      }
    }
    return c
  }

  static func stripComment(_ s: String) -> String {
    var inString = false
    for (i, ch) in s.enumerated() {
      if ch == "\"" { inString.toggle() }
      if ch == "#" && !inString { return String(s.prefix(i)) }
    }
    return s
  }

  static func unquote(_ s: String) -> String {
    if s.count >= 2, s.hasPrefix("\""), s.hasSuffix("\"") {
      return String(s.dropFirst().dropLast())
        .replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
    }
    return s
  }
}
