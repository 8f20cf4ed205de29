import Foundation
import Testing

/// Bad settings are named, with line numbers where there are lines, and never ignored.
@Suite struct SettingsValidationTests {
  func directory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("settings-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  func tokenFile(in dir: URL, _ name: String = "shop.token", mode: Int = 0o600) throws -> URL {
    let f = dir.appendingPathComponent(name)
    try "secret_settings_file_token_42".write(to: f, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: f.path)
    return f
  }

  @Test func aConfigFileOfBinaryGarbageIsAnError() async throws {
    let dir = try directory()
    let file = dir.appendingPathComponent("config.toml")
    var garbage = Data([0x00, 0xFF, 0xFE, 0x80, 0x81])
    for i in 0..<200 { garbage.append(UInt8((i * 73) & 0xFF)) }
    try garbage.write(to: file)
    let r = try await CLI.run(["config"], env: ["ECWID_EDIT_CONFIG": file.path])
    #expect(r.status == 2)
    #expect(r.stderr.contains("not a text file"), "\(r.stderr)")
  }

  @Test func duplicateKeysAndTablesAreErrorsWithLineNumbers() async throws {
    let dir = try directory()
    let file = dir.appendingPathComponent("config.toml")
    try """
    [stores.shop]
    store_id = 42
    store_id = 43
    """.write(to: file, atomically: true, encoding: .utf8)
    let r = try await CLI.run(["config", "--store", "shop"], env: ["ECWID_EDIT_CONFIG": file.path])
    #expect(r.status == 2)
    #expect(r.stderr.contains("line 3") && r.stderr.contains("store_id is set twice (first on line 2)"), "\(r.stderr)")

    try """
    [stores.shop]
    store_id = 42

    [stores.shop]
    api_url = "https://example.test/api/v3"
    """.write(to: file, atomically: true, encoding: .utf8)
    let twice = try await CLI.run(["config", "--store", "shop"], env: ["ECWID_EDIT_CONFIG": file.path])
    #expect(twice.status == 2)
    #expect(twice.stderr.contains("line 4") && twice.stderr.contains("[stores.shop] appears twice"), "\(twice.stderr)")
  }

  @Test func unknownKeysAndTablesAreWarnedAboutWithLineNumbers() async throws {
    let dir = try directory()
    let file = dir.appendingPathComponent("config.toml")
    try """
    default_stor = "shop"
    [stores.shop]
    store_id = 42
    tokenfile = "/somewhere"
    [store.typo]
    store_id = 1
    """.write(to: file, atomically: true, encoding: .utf8)
    let r = try await CLI.run(["config", "--store", "shop"], env: ["ECWID_EDIT_CONFIG": file.path])
    #expect(r.status == 0, "\(r.stderr)")
    let all = r.stdout + r.stderr
    #expect(all.contains("line 1: unknown key \"default_stor\""), "\(all)")
    #expect(all.contains("line 4: unknown key \"tokenfile\""), "\(all)")
    #expect(all.contains("line 5: unknown table [store.typo]"), "\(all)")
    // Commands that connect say it on stderr.
    let get = try await CLI.run(["get", "1", "--store", "shop"], env: ["ECWID_EDIT_CONFIG": file.path])
    #expect(get.stderr.contains("unknown key \"tokenfile\""), "\(get.stderr)")
  }

  /// The file is TOML, read by a TOML library: a literal string, an inline table and a string
  /// over several lines are read as TOML says, and a syntax error names its line and column.
  @Test func aConfigFileIsReadAsTOMLAndASyntaxErrorNamesItsLineAndColumn() async throws {
    let dir = try directory()
    let file = dir.appendingPathComponent("config.toml")
    try #"""
    default_store = 'shop'   # a literal string
    stores.staging = { store_id = 43 }

    [stores.shop]
    store_id = 42
    api_url = """
    https://shop.example.test/api/v3"""
    unknown = [
      1, 2,
    ]
    """#.write(to: file, atomically: true, encoding: .utf8)
    let r = try await CLI.run(["config"], env: ["ECWID_EDIT_CONFIG": file.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("42  (config file)"), "\(r.stdout)")
    #expect(r.stdout.contains("https://shop.example.test/api/v3  (config file)"), "\(r.stdout)")
    #expect((r.stdout + r.stderr).contains("line 8: unknown key \"unknown\" in [stores.shop] (line 4)"), "\(r.stdout + r.stderr)")
    let staging = try await CLI.run(["config", "--store", "staging"], env: ["ECWID_EDIT_CONFIG": file.path])
    #expect(staging.stdout.contains("43  (config file)"), "\(staging.stdout)")

    try """
    [stores.shop]
    store_id = 42
    api_url = https://shop.example.test
    """.write(to: file, atomically: true, encoding: .utf8)
    let bad = try await CLI.run(["config", "--store", "shop"], env: ["ECWID_EDIT_CONFIG": file.path])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("line 3: not valid TOML at column 11"), "\(bad.stderr)")
  }

  @Test func aMissingOrDirectoryConfigFileIsRefusedClearly() async throws {
    let dir = try directory()
    let missing = try await CLI.run(["config"], env: ["ECWID_EDIT_CONFIG": dir.appendingPathComponent("nope.toml").path])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("ECWID_EDIT_CONFIG") && missing.stderr.contains("does not exist"), "\(missing.stderr)")

    let asDirectory = try await CLI.run(["config"], env: ["ECWID_EDIT_CONFIG": dir.path])
    #expect(asDirectory.status == 2)
    #expect(asDirectory.stderr.contains("is a directory"), "\(asDirectory.stderr)")
    #expect(!asDirectory.stderr.contains("NSCocoaErrorDomain"))

    let tokenDirectory = try await CLI.run(["config", "--token-file", dir.path])
    #expect(tokenDirectory.status == 2)
    #expect(tokenDirectory.stderr.contains("is a directory"), "\(tokenDirectory.stderr)")
    #expect(!tokenDirectory.stderr.contains("NSCocoaErrorDomain"))
  }

  @Test func aNegativeStoreIdIsCalledInvalidNotBlamedOnTheToken() async throws {
    let r = try await CLI.run(["get", "1", "--store-id=-5"], env: ["ECWID_TOKEN": "secret_x"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("store id \"-5\" is not valid"), "\(r.stderr)")
    #expect(!r.stderr.lowercased().contains("token"))
    let env = try await CLI.run(["get", "1"], env: ["ECWID_TOKEN": "secret_x", "ECWID_STORE_ID": "0"])
    #expect(env.status == 2)
    #expect(env.stderr.contains("store id \"0\" is not valid"), "\(env.stderr)")
  }

  @Test func searchRefusesALimitOrOffsetOutOfRange() async throws {
    let env = ["ECWID_TOKEN": "secret_x", "ECWID_STORE_ID": "1", "ECWID_API_URL": "http://127.0.0.1:9/api/v3"]
    let zero = try await CLI.run(["search", "--limit", "0"], env: env)
    #expect(zero.status == 2)
    #expect(zero.stderr.contains("--limit 0"), "\(zero.stderr)")
    let big = try await CLI.run(["search", "--limit", "500"], env: env)
    #expect(big.status == 2)
    #expect(big.stderr.contains("--limit 500"), "\(big.stderr)")
    let negative = try await CLI.run(["search", "--offset=-1"], env: env)
    #expect(negative.status == 2)
    #expect(negative.stderr.contains("--offset -1"), "\(negative.stderr)")
  }

  @Test func aTildeInTokenFileIsTheHomeOfTheEnvironment() async throws {
    let home = try directory()
    _ = try tokenFile(in: home)
    let config = try directory()
    try FileManager.default.createDirectory(at: config.appendingPathComponent("ecwid-edit"), withIntermediateDirectories: true)
    try """
    [stores.shop]
    store_id = 42
    token_file = "~/shop.token"
    """.write(to: config.appendingPathComponent("ecwid-edit/config.toml"), atomically: true, encoding: .utf8)
    let r = try await CLI.run(["config", "--store", "shop"], env: ["XDG_CONFIG_HOME": config.path, "HOME": home.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("(config file: \(home.path)/shop.token)"), "\(r.stdout)")
  }

  @Test func aSymlinkToAPrivateTokenFileDoesNotWarn() async throws {
    let dir = try directory()
    let target = try tokenFile(in: dir, "real.token")
    let link = dir.appendingPathComponent("link.token")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
    let r = try await CLI.run(["config", "--token-file", link.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!r.stdout.contains("can be read by other users"), "\(r.stdout)")
    // A symlink to a readable-by-all file still warns, with the target's mode.
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: target.path)
    let open = try await CLI.run(["config", "--token-file", link.path])
    #expect(open.stdout.contains("mode 644"), "\(open.stdout)")
  }
}
