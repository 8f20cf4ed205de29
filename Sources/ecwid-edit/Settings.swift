import ArgumentParser
import EcwidAPI
import Foundation

/// Connection options shared by every command that talks to a store.
struct ConnectionOptions: ParsableArguments {
  @Option(name: .customLong("api-url"), help: "API root (default https://app.ecwid.com/api/v3; env ECWID_API_URL).")
  var apiURL: String?

  @Option(name: .customLong("store-id"), help: "Store id (env ECWID_STORE_ID).")
  var storeId: Int?

  @Option(name: .customLong("token-file"), help: "File holding the API token (or set ECWID_TOKEN).")
  var tokenFile: String?

  @Option(name: .customLong("store"), help: "A named store from the configuration file.")
  var store: String?

  @Option(
    name: .customLong("timeout"),
    help: "Seconds to wait for each answer of Ecwid (default 30; env ECWID_TIMEOUT). A write whose answer does not come in time is checked by re-reading the product, never sent twice.")
  var timeout: Double?
}

/// `--notify-low-stock` / `--no-notify-low-stock`, for the commands that save (edit, apply) and
/// `config`. Precedence as for every setting: flag > `ECWID_NOTIFY_LOW_STOCK` > the named store's
/// `notify_low_stock` > off.
struct LowStockOption: ParsableArguments {
  @Flag(
    name: .customLong("notify-low-stock"), inversion: .prefixedNo,
    help: "Ask Ecwid to check whether the low-stock email is due after each update (checkLowStockNotification; default off; env ECWID_NOTIFY_LOW_STOCK, config notify_low_stock).")
  var notifyLowStock: Bool?
}

/// Where a setting's value came from, for `ecwid-edit config`.
enum SettingSource: String {
  case flag, environment, configFile = "config file", defaultValue = "default", missing
}

struct ResolvedSettings {
  var apiURL: String
  var apiURLSource: SettingSource
  var storeId: Int?
  var storeIdSource: SettingSource
  var token: String?
  var tokenSource: SettingSource
  var tokenFile: String?
  var notifyLowStock = false
  var notifyLowStockSource: SettingSource = .defaultValue
  var warnings: [String] = []

  /// Shows the token as its prefix and length only.
  static func mask(_ token: String?) -> String {
    guard let token, !token.isEmpty else { return "(none)" }
    let prefix = token.hasPrefix("secret_") ? "secret_" : (token.hasPrefix("public_") ? "public_" : "")
    return "\(prefix)… (\(token.count) characters, hidden)"
  }
}

enum SettingsError: Error, CustomStringConvertible {
  case missing([String])
  case unreadableTokenFile(String, String)
  case invalidStoreId(String)
  case unknownStore(String, [String])
  /// Where the token came from, and what is wrong with it (never the token itself).
  case invalidToken(String, String)
  case invalidAPIURL(String)
  case invalidTimeout(String)
  case invalidSwitch(String)

  var description: String {
    switch self {
    case .missing(let what):
      return """
        ecwid-edit needs a store to talk to, and these settings are missing: \(what.joined(separator: ", ")).
          Set ECWID_STORE_ID and ECWID_TOKEN (or --store-id and --token-file), or add the store to
          ~/.config/ecwid-edit/config.toml. To try the editor with no store, run: ecwid-edit demo
        """
    case .unreadableTokenFile(let path, let why): return "Cannot read the token file \(path): \(why)"
    case .invalidStoreId(let s): return "The store id \"\(s)\" is not valid: a store id is a positive whole number."
    case .invalidToken(let source, let problem):
      return "The token from \(source) cannot be used: \(problem). Check that it holds the token alone, on one line."
    case .invalidAPIURL(let why): return why
    case .invalidTimeout(let what): return "\(what) is not a timeout: give seconds, more than 0 and at most 600."
    case .invalidSwitch(let what): return "\(what) is not on or off: give 1, true, yes or on, or 0, false, no or off."
    case .unknownStore(let name, let known):
      return "No store named \"\(name)\" in the configuration file (known: \(known.isEmpty ? "none" : known.joined(separator: ", ")))."
    }
  }
}

/// The connection flags' values (nil: not given), apart from ArgumentParser's property wrappers,
/// so that `ecwid-edit edit ID` can resolve its settings without parsing (see `QuickStart`).
struct ConnectionFlags {
  var apiURL: String?
  var storeId: Int?
  var tokenFile: String?
  var store: String?
  var timeout: Double?

  func resolve(
    environment: [String: String] = ProcessInfo.processInfo.environment, notifyLowStock flag: Bool? = nil
  ) throws -> ResolvedSettings {
    let config = try ConfigFile.load(environment: environment)
    let named: ConfigFile.Store?
    if let name = store ?? environment["ECWID_STORE"] ?? config?.defaultStore {
      guard let s = config?.stores[name] else {
        throw SettingsError.unknownStore(name, config.map { Array($0.stores.keys).sorted() } ?? [])
      }
      named = s
    } else {
      named = nil
    }
    // Precedence: flag > environment > configuration file > default.
    var r = ResolvedSettings(
      apiURL: EcwidConfig.defaultAPIURL.absoluteString, apiURLSource: .defaultValue,
      storeId: nil, storeIdSource: .missing, token: nil, tokenSource: .missing)
    if let u = named?.apiURL { (r.apiURL, r.apiURLSource) = (u, .configFile) }
    if let u = environment["ECWID_API_URL"], !u.isEmpty { (r.apiURL, r.apiURLSource) = (u, .environment) }
    if let u = apiURL { (r.apiURL, r.apiURLSource) = (u, .flag) }

    if let s = named?.storeId { (r.storeId, r.storeIdSource) = (s, .configFile) }
    if let s = environment["ECWID_STORE_ID"], !s.isEmpty {
      guard let n = Int(s.trimmingCharacters(in: .whitespaces)) else { throw SettingsError.invalidStoreId(s) }
      (r.storeId, r.storeIdSource) = (n, .environment)
    }
    if let s = storeId { (r.storeId, r.storeIdSource) = (s, .flag) }
    if let s = r.storeId, s <= 0 { throw SettingsError.invalidStoreId(String(s)) }

    var file: (String, SettingSource)?
    if let f = named?.tokenFile { file = (f, .configFile) }
    if let t = environment["ECWID_TOKEN"], !t.isEmpty {
      let token = t.trimmingCharacters(in: .whitespacesAndNewlines)
      if let problem = EcwidConfig.tokenProblem(token) { throw SettingsError.invalidToken("ECWID_TOKEN", problem) }
      (r.token, r.tokenSource) = (token, .environment)
      file = nil
    }
    if let f = tokenFile { file = (f, .flag) }
    if let (path, source) = file {
      let expanded = Self.expandTilde(path, environment: environment)
      r.tokenFile = expanded
      let token = try Self.readTokenFile(expanded)
      if let problem = EcwidConfig.tokenProblem(token) {
        throw SettingsError.invalidToken("the token file \(expanded)", problem)
      }
      (r.token, r.tokenSource) = (token, source)
      // stat, not lstat: a symlink's own mode (777) says nothing; its target's does.
      var st = stat()
      if stat(expanded, &st) == 0, st.st_mode & 0o077 != 0 {
        let mode = String(st.st_mode & 0o777, radix: 8)
        r.warnings.append(
          "warning: the token file \(expanded) can be read by other users (mode \(mode)); run: chmod 600 \(expanded)"
        )
      }
    }
    if let n = named?.notifyLowStock { (r.notifyLowStock, r.notifyLowStockSource) = (n, .configFile) }
    if let t = environment["ECWID_NOTIFY_LOW_STOCK"], !t.isEmpty {
      switch t.trimmingCharacters(in: .whitespaces).lowercased() {
      case "1", "true", "yes", "on": (r.notifyLowStock, r.notifyLowStockSource) = (true, .environment)
      case "0", "false", "no", "off": (r.notifyLowStock, r.notifyLowStockSource) = (false, .environment)
      default: throw SettingsError.invalidSwitch("ECWID_NOTIFY_LOW_STOCK=\(t)")
      }
    }
    if let f = flag { (r.notifyLowStock, r.notifyLowStockSource) = (f, .flag) }
    r.warnings += config?.warnings ?? []
    return r
  }

  /// `~` and `~/…` are the user's `$HOME` (as the shell expands them), not the password
  /// database's home of the user id (which is root's under sudo).
  static func expandTilde(_ path: String, environment: [String: String]) -> String {
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    if path == "~" { return home }
    if path.hasPrefix("~/") { return home + path.dropFirst() }
    return (path as NSString).expandingTildeInPath
  }

  /// The token file's text, trimmed; a clear message for a missing file, a directory, or a file
  /// that is not text.
  static func readTokenFile(_ path: String) throws -> String {
    var st = stat()
    guard stat(path, &st) == 0 else {
      throw SettingsError.unreadableTokenFile(path, String(cString: strerror(errno)))
    }
    if st.st_mode & S_IFMT == S_IFDIR {
      throw SettingsError.unreadableTokenFile(path, "it is a directory; name the file that holds the token")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw SettingsError.unreadableTokenFile(path, access(path, R_OK) != 0 ? "permission denied" : "it cannot be read")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw SettingsError.unreadableTokenFile(path, "it is not text (not UTF-8)")
    }
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// `--timeout` or `ECWID_TIMEOUT`: seconds, more than 0 and at most 600.
  func requestTimeout(environment: [String: String]) throws -> Double? {
    var text: String?
    var value = timeout
    if value == nil, let t = environment["ECWID_TIMEOUT"], !t.isEmpty {
      text = "ECWID_TIMEOUT=\(t)"
      value = Double(t.trimmingCharacters(in: .whitespaces))
      if value == nil { throw SettingsError.invalidTimeout(text!) }
    }
    guard let v = value else { return nil }
    guard v.isFinite, v > 0, v <= 600 else {
      throw SettingsError.invalidTimeout(text ?? "--timeout \(v)")
    }
    return v
  }

  /// Settings complete enough to build a client, or a message that names what is missing.
  func clientConfig(
    environment: [String: String] = ProcessInfo.processInfo.environment, notifyLowStock: Bool? = nil
  ) throws -> EcwidConfig {
    let r = try resolve(environment: environment, notifyLowStock: notifyLowStock)
    for w in r.warnings { FileHandle.standardError.write(Data((w + "\n").utf8)) }
    var missing: [String] = []
    if r.storeId == nil { missing.append("store id") }
    if r.token?.isEmpty ?? true { missing.append("token") }
    if !missing.isEmpty { throw SettingsError.missing(missing) }
    guard let url = URL(string: r.apiURL), url.host != nil else {
      throw SettingsError.invalidAPIURL("The API URL \"\(r.apiURL)\" (\(r.apiURLSource.rawValue)) is not a URL.")
    }
    var config = EcwidConfig(apiURL: url, storeId: r.storeId!, token: r.token!)
    config.checkLowStockNotification = r.notifyLowStock
    if let seconds = try requestTimeout(environment: environment) {
      config.requestTimeout = .milliseconds(Int64(seconds * 1000))
      config.retry.deadline = max(config.retry.deadline, seconds + 30)
    }
    do {
      try EcwidConfig.checkURL(url)
    } catch {
      throw SettingsError.invalidAPIURL(error.sentence)
    }
    return config
  }
}

extension ConnectionOptions {
  var flags: ConnectionFlags {
    ConnectionFlags(apiURL: apiURL, storeId: storeId, tokenFile: tokenFile, store: store, timeout: timeout)
  }

  func resolve(
    environment: [String: String] = ProcessInfo.processInfo.environment, notifyLowStock flag: Bool? = nil
  ) throws -> ResolvedSettings {
    try flags.resolve(environment: environment, notifyLowStock: flag)
  }

  func clientConfig(
    environment: [String: String] = ProcessInfo.processInfo.environment, notifyLowStock: Bool? = nil
  ) throws -> EcwidConfig {
    try flags.clientConfig(environment: environment, notifyLowStock: notifyLowStock)
  }
}
