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
/// notify_low_stock = true   # optional, false by default
/// ```
/// The token itself never goes in this file, only the path of a file that holds it.
/// Only this subset of TOML is read: tables, and keys with string, integer or boolean values.
struct ConfigFile: Equatable {
  struct Store: Equatable {
    var storeId: Int?
    var apiURL: String?
    var tokenFile: String?
    /// `notify_low_stock = true|false`: ask Ecwid to check the low-stock email after each update.
    var notifyLowStock: Bool?
  }
  var defaultStore: String?
  var stores: [String: Store] = [:]
  var path: String = ""
  /// Lines that were read but not used (unknown keys and tables), with their line numbers.
  var warnings: [String] = []

  static func path(environment: [String: String]) -> String {
    if let x = environment["ECWID_EDIT_CONFIG"], !x.isEmpty { return x }
    let base =
      environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
    return base + "/ecwid-edit/config.toml"
  }

  struct LoadError: Error, CustomStringConvertible {
    var description: String
  }

  /// The configuration file, or nil when the default one does not exist. A file named by
  /// `ECWID_EDIT_CONFIG` must exist; a directory, an unreadable file or one that is not text
  /// is an error, never silently ignored.
  static func load(environment: [String: String]) throws -> ConfigFile? {
    let p = path(environment: environment)
    let explicit = !(environment["ECWID_EDIT_CONFIG"] ?? "").isEmpty
    var st = stat()
    guard stat(p, &st) == 0 else {
      let why = errno
      if why == ENOENT && !explicit { return nil }
      if why == ENOENT {
        throw LoadError(description: "ECWID_EDIT_CONFIG names \(p), which does not exist.")
      }
      throw LoadError(description: "Cannot read the configuration file \(p): \(String(cString: strerror(why))).")
    }
    if st.st_mode & S_IFMT == S_IFDIR {
      throw LoadError(description: "The configuration file \(p) is a directory; it should be a TOML file (config.toml).")
    }
    guard let data = FileManager.default.contents(atPath: p) else {
      throw LoadError(description: "Cannot read the configuration file \(p): permission denied.")
    }
    guard let text = String(data: data, encoding: .utf8), !data.contains(0) else {
      throw LoadError(description: "The configuration file \(p) is not a text file (it is not UTF-8 TOML).")
    }
    var c: ConfigFile
    do {
      c = try parse(text)
    } catch var e as ParseError {
      e.file = p
      throw e
    }
    c.path = p
    c.warnings = c.warnings.map { "warning: \(p) \($0)" }
    return c
  }

  struct ParseError: Error, CustomStringConvertible {
    var line: Int
    var reason: String
    var file = "config.toml"
    var description: String { "\(file) line \(line): \(reason)" }
  }

  static let storeKeys = ["store_id", "api_url", "token_file", "notify_low_stock"]

  static func parse(_ text: String) throws -> ConfigFile {
    var c = ConfigFile()
    var table: [String] = []
    var tableLine = 0
    /// Where each table header and each key of each table was first seen (TOML forbids both
    /// twice).
    var tablesSeen: [String: Int] = [:]
    var keysSeen: [String: Int] = [:]
    for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let lineNumber = n + 1
      let line = stripComment(String(raw)).trimmingCharacters(in: .whitespaces)
      if line.isEmpty { continue }
      if line.hasPrefix("[") {
        guard line.hasSuffix("]") else { throw ParseError(line: lineNumber, reason: "unclosed table header") }
        table = line.dropFirst().dropLast().split(separator: ".").map {
          unquote($0.trimmingCharacters(in: .whitespaces))
        }
        let name = table.joined(separator: ".")
        if let first = tablesSeen[name] {
          throw ParseError(line: lineNumber, reason: "[\(name)] appears twice (first on line \(first))")
        }
        tablesSeen[name] = lineNumber
        tableLine = lineNumber
        if !(table.count == 2 && table[0] == "stores") {
          c.warnings.append("line \(lineNumber): unknown table [\(name)], ignored (stores are [stores.NAME])")
        }
        continue
      }
      guard let eq = line.firstIndex(of: "=") else { throw ParseError(line: lineNumber, reason: "expected key = value") }
      let key = unquote(line[..<eq].trimmingCharacters(in: .whitespaces))
      let valueText = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
      let value: String
      if valueText.hasPrefix("\"") {
        guard valueText.count >= 2, valueText.hasSuffix("\"") else {
          throw ParseError(line: lineNumber, reason: "unterminated string")
        }
        value = unquote(valueText)
      } else {
        value = valueText
      }
      let qualified = (table + [key]).joined(separator: ".")
      if let first = keysSeen[qualified] {
        throw ParseError(line: lineNumber, reason: "\(key) is set twice (first on line \(first))")
      }
      keysSeen[qualified] = lineNumber
      if table.isEmpty {
        if key == "default_store" {
          c.defaultStore = value
        } else {
          c.warnings.append("line \(lineNumber): unknown key \"\(key)\", ignored (known at the top: default_store)")
        }
      } else if table.count == 2, table[0] == "stores" {
        var s = c.stores[table[1]] ?? Store()
        switch key {
        case "store_id":
          guard let i = Int(value), i > 0 else {
            throw ParseError(line: lineNumber, reason: "store_id must be a positive whole number")
          }
          s.storeId = i
        case "api_url": s.apiURL = value
        case "token_file": s.tokenFile = value
        case "notify_low_stock":
          guard valueText == "true" || valueText == "false" else {
            throw ParseError(line: lineNumber, reason: "notify_low_stock must be true or false")
          }
          s.notifyLowStock = valueText == "true"
        case "token":
          throw ParseError(line: lineNumber, reason: "put the token in a file and name it with token_file, not in config.toml")
        default:
          c.warnings.append(
            "line \(lineNumber): unknown key \"\(key)\" in [\(table.joined(separator: "."))] (line \(tableLine)), ignored (known: \(storeKeys.joined(separator: ", ")))"
          )
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
