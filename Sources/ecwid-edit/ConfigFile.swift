import Foundation
import TOMLKit

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
/// Any TOML is read (by TOMLKit); keys that are not these are warned about with their lines.
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

  /// Reads the file with TOMLKit (toml++): any valid TOML is read, and anything else is an error
  /// at the line and column where the parser stopped.
  static func parse(_ text: String) throws -> ConfigFile {
    let root: TOMLTable
    do {
      root = try TOMLTable(string: text)
    } catch let e as TOMLParseError {
      throw syntaxError(e, in: text)
    }
    // The library gives values, not where they stand: the lines are found only when a message
    // needs them.
    var located: KeyLines?
    func line(_ path: [String]) -> Int {
      if located == nil { located = KeyLines(text) }
      return located!.line(of: path)
    }
    var c = ConfigFile()
    var warnings: [(Int, String)] = []
    for key in root.keys {
      guard let value = root[key] else { continue }
      switch key {
      case "default_store":
        guard let name = value.string else {
          throw ParseError(line: line([key]), reason: "default_store must be a store's name in quotes")
        }
        c.defaultStore = name
      case "stores":
        guard let stores = value.table else {
          let n = line([key])
          warnings.append((n, "line \(n): unknown key \"stores\", ignored (stores are [stores.NAME])"))
          continue
        }
        for name in stores.keys {
          guard let table = stores[name]?.table else {
            let n = line([key, name])
            warnings.append((n, "line \(n): unknown key \"\(name)\" in [stores], ignored (stores are [stores.NAME])"))
            continue
          }
          var s = Store()
          for storeKey in table.keys {
            guard let v = table[storeKey] else { continue }
            let path = [key, name, storeKey]
            switch storeKey {
            case "store_id":
              // A quoted number was read before TOMLKit; it still is.
              guard let i = v.int ?? v.string.flatMap({ Int($0) }), i > 0 else {
                throw ParseError(line: line(path), reason: "store_id must be a positive whole number")
              }
              s.storeId = i
            case "api_url", "token_file":
              guard let text = v.string else {
                throw ParseError(line: line(path), reason: "\(storeKey) must be text in quotes")
              }
              if storeKey == "api_url" { s.apiURL = text } else { s.tokenFile = text }
            case "notify_low_stock":
              guard let flag = v.bool else {
                throw ParseError(line: line(path), reason: "notify_low_stock must be true or false")
              }
              s.notifyLowStock = flag
            case "token":
              throw ParseError(
                line: line(path), reason: "put the token in a file and name it with token_file, not in config.toml")
            default:
              let n = line(path)
              let what = v.table == nil ? "unknown key \"\(storeKey)\"" : "unknown table [\(path.joined(separator: "."))]"
              warnings.append(
                (n, "line \(n): \(what) in [stores.\(name)] (line \(line([key, name]))), ignored (known: \(storeKeys.joined(separator: ", ")))")
              )
            }
          }
          c.stores[name] = s
        }
      default:
        if let table = value.table {
          for path in headers(table, at: [key]) {
            let n = line(path)
            warnings.append(
              (n, "line \(n): unknown table [\(path.joined(separator: "."))], ignored (stores are [stores.NAME])"))
          }
        } else {
          let n = line([key])
          warnings.append((n, "line \(n): unknown key \"\(key)\", ignored (known at the top: default_store)"))
        }
      }
    }
    // The library's keys are sorted by name; a reader wants them in the file's order.
    c.warnings = warnings.sorted { $0.0 < $1.0 }.map(\.1)
    return c
  }

  /// The tables a file names in headers below `table`: those that hold a value or nothing (a
  /// `[store.typo]` header makes `store` a table that holds only the table `typo`).
  static func headers(_ table: TOMLTable, at path: [String]) -> [[String]] {
    let children = table.keys.compactMap { k in table[k]?.table.map { (k, $0) } }
    if table.isEmpty || children.count < table.count { return [path] }
    return children.flatMap { headers($0.1, at: path + [$0.0]) }
  }

  /// The parser's message with its line, in this file's words where a key or a table is set twice.
  static func syntaxError(_ e: TOMLParseError, in text: String) -> ParseError {
    let lineNumber = e.source.begin.line
    let message = e.description
    let marker = "cannot redefine existing "
    if let m = message.range(of: marker), let open = message[m.upperBound...].firstIndex(of: "'"),
      let close = message.lastIndex(of: "'"), open < close
    {
      let name = String(message[message.index(after: open)..<close])
      let isTable = message.contains("table header")
      let suffix = name.split(separator: ".").map(String.init)
      let before = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(lineNumber - 1)
      // A quoted key comes back mangled in the message; then the parser's own words stand.
      if let first = KeyLines(before.joined(separator: "\n")).lastDefined(endingWith: suffix) {
        let since = " (first on line \(first))"
        return ParseError(
          line: lineNumber, reason: isTable ? "[\(name)] appears twice\(since)" : "\(name) is set twice\(since)")
      }
    }
    // A value that is not TOML on a `token =` line gets the same advice as a valid one; the
    // parser's message never quotes more than a character of the line.
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lineNumber >= 1, lineNumber <= lines.count {
      let raw = lines[lineNumber - 1].drop { $0 == " " || $0 == "\t" }
      if raw.hasPrefix("token"), raw.dropFirst(5).drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("=") {
        return ParseError(line: lineNumber, reason: "put the token in a file and name it with token_file, not in config.toml")
      }
    }
    return ParseError(line: lineNumber, reason: "not valid TOML at column \(e.source.begin.column): \(message)")
  }
}

/// Where each key and table of a TOML text is first defined. TOMLKit (toml++) tells values but
/// not their lines, so the text is parsed again a line at a time: a path is defined on the first
/// line from which the text up to that line holds it. Only messages need this, so it is computed
/// only for a file that has something to say, and config files are a few dozen lines.
struct KeyLines {
  var first: [[String]: Int] = [:]

  init(_ text: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var parsedUpTo = 0
    for n in lines.indices {
      guard let table = try? TOMLTable(string: lines[...n].joined(separator: "\n")) else { continue }
      // A value over several lines (a multi-line string or array) starts on the first line
      // after the last text that parsed whole, blank lines and comments aside.
      var start = parsedUpTo
      while start < n {
        let t = lines[start].trimmingCharacters(in: .whitespaces)
        if !t.isEmpty && !t.hasPrefix("#") { break }
        start += 1
      }
      Self.walk(table, at: []) { path in
        if first[path] == nil { first[path] = start + 1 }
      }
      parsedUpTo = n + 1
    }
  }

  static func walk(_ table: TOMLTable, at path: [String], _ visit: ([String]) -> Void) {
    for key in table.keys {
      visit(path + [key])
      if let sub = table[key]?.table { walk(sub, at: path + [key], visit) }
    }
  }

  /// The line of `path`, or 1 when it cannot be found (a key inside an array of tables).
  func line(of path: [String]) -> Int { first[path] ?? 1 }

  /// The line of the latest-defined path that ends with `suffix`: the one that the line after
  /// this text defines again.
  func lastDefined(endingWith suffix: [String]) -> Int? {
    first.filter { $0.key.count >= suffix.count && Array($0.key.suffix(suffix.count)) == suffix }.values.max()
  }
}
