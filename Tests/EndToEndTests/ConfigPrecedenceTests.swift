import Foundation
import Testing

/// What `ecwid-edit config` reports for each combination of flag, environment and configuration
/// file (CLITests covers the store id and the token file's mode; these cover the rest).
@Suite struct ConfigPrecedenceTests {
  /// A configuration folder with two named stores, each with its token in a file of its own.
  struct Fixture {
    let configHome: URL
    let shopToken = "secret_shop_file_token_0123456789"
    let stagingToken = "secret_staging_file_token_9876543210"
    var shopTokenFile: URL { configHome.appendingPathComponent("shop.token") }
    var stagingTokenFile: URL { configHome.appendingPathComponent("staging.token") }

    init() throws {
      configHome = FileManager.default.temporaryDirectory.appendingPathComponent("precedence-\(UUID().uuidString)")
      let dir = configHome.appendingPathComponent("ecwid-edit")
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
      for (file, token) in [(shopTokenFile, shopToken), (stagingTokenFile, stagingToken)] {
        try token.write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
      }
      try """
      default_store = "shop"

      [stores.shop]
      store_id = 42
      api_url = "https://shop.example.test/api/v3"
      token_file = "\(shopTokenFile.path)"

      [stores.staging]
      store_id = 43
      token_file = "\(stagingTokenFile.path)"
      """.write(to: dir.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    }

    func config(_ args: [String] = [], env: [String: String] = [:]) async throws -> CLI.Result {
      var environment = ["XDG_CONFIG_HOME": configHome.path]
      for (k, v) in env { environment[k] = v }
      return try await CLI.run(["config"] + args, env: environment)
    }

    /// The value and source `ecwid-edit config` printed for one setting ("store id:", "token:"…).
    static func line(_ name: String, in r: CLI.Result) -> String {
      r.stdout.split(separator: "\n").first { $0.hasPrefix(name + ":") }.map(String.init) ?? ""
    }
  }

  @Test func tokenComesFromFlagFileThenEnvironmentThenConfigFileAndIsNeverPrinted() async throws {
    let f = try Fixture()
    let envToken = "secret_from_environment_555555"

    let fromFile = try await f.config()
    #expect(fromFile.status == 0, "\(fromFile.stderr)")
    #expect(Fixture.line("token", in: fromFile).contains("(config file: \(f.shopTokenFile.path))"))

    let fromEnv = try await f.config(env: ["ECWID_TOKEN": envToken])
    #expect(Fixture.line("token", in: fromEnv).contains("(environment)"))
    #expect(Fixture.line("token", in: fromEnv).contains("\(envToken.count) characters"))

    let fromFlag = try await f.config(["--token-file", f.stagingTokenFile.path], env: ["ECWID_TOKEN": envToken])
    #expect(Fixture.line("token", in: fromFlag).contains("(flag: \(f.stagingTokenFile.path))"))
    #expect(Fixture.line("token", in: fromFlag).contains("\(f.stagingToken.count) characters"))

    for r in [fromFile, fromEnv, fromFlag] {
      let all = r.stdout + r.stderr
      for secret in [f.shopToken, f.stagingToken, envToken] {
        #expect(!all.contains(secret))
        #expect(!all.contains(String(secret.dropFirst("secret_".count))))
      }
      #expect(Fixture.line("token", in: r).contains("secret_… ("))
      #expect(Fixture.line("token", in: r).contains("hidden"))
    }
  }

  @Test func apiURLComesFromFlagThenEnvironmentThenConfigFileThenDefault() async throws {
    let f = try Fixture()
    await #expect(Fixture.line("api url", in: try f.config()).contains("https://shop.example.test/api/v3  (config file)"))
    let env = try await f.config(env: ["ECWID_API_URL": "http://127.0.0.1:9/api/v3"])
    #expect(Fixture.line("api url", in: env).contains("http://127.0.0.1:9/api/v3  (environment)"))
    let flag = try await f.config(
      ["--api-url", "https://flag.example.test/api/v3"], env: ["ECWID_API_URL": "http://127.0.0.1:9/api/v3"])
    #expect(Fixture.line("api url", in: flag).contains("https://flag.example.test/api/v3  (flag)"))
    // The staging store names no api_url: the default applies.
    let staging = try await f.config(["--store", "staging"])
    #expect(Fixture.line("api url", in: staging).contains("https://app.ecwid.com/api/v3  (default)"))
  }

  @Test func namedStoreComesFromFlagThenEnvironmentThenDefaultStore() async throws {
    let f = try Fixture()
    await #expect(Fixture.line("store id", in: try f.config()).contains("42  (config file)"))
    let env = try await f.config(env: ["ECWID_STORE": "staging"])
    #expect(Fixture.line("store id", in: env).contains("43  (config file)"))
    #expect(Fixture.line("token", in: env).contains(f.stagingTokenFile.path))
    let flag = try await f.config(["--store", "shop"], env: ["ECWID_STORE": "staging"])
    #expect(Fixture.line("store id", in: flag).contains("42  (config file)"))

    let unknown = try await f.config(["--store", "nope"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("No store named \"nope\""))
    #expect(unknown.stderr.contains("shop, staging"))
  }

  @Test func configFileRefusesATokenWrittenIntoItWithoutEchoingIt() async throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("inline-\(UUID().uuidString)")
    let file = dir.appendingPathComponent("elsewhere.toml")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try """
    [stores.shop]
    store_id = 42
    token = "secret_written_inline_424242"
    """.write(to: file, atomically: true, encoding: .utf8)
    // ECWID_EDIT_CONFIG names a configuration file in another place.
    let r = try await CLI.run(["config", "--store", "shop"], env: ["ECWID_EDIT_CONFIG": file.path])
    #expect(r.status == 2)
    #expect(r.stderr.contains("token_file"))
    #expect(r.stderr.contains("line 3"))
    #expect(!(r.stdout + r.stderr).contains("secret_written_inline_424242"))
  }

  @Test func withoutAnyConfigurationNothingIsInventedAndTheDefaultsShow() async throws {
    let r = try await CLI.run(["config"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(Fixture.line("store id", in: r).contains("(none)  (missing)"))
    #expect(Fixture.line("token", in: r).contains("(none)  (missing)"))
    #expect(Fixture.line("api url", in: r).contains("https://app.ecwid.com/api/v3  (default)"))

    let publicToken = try await CLI.run(["config"], env: ["ECWID_TOKEN": "public_abcdefghijklmnop"])
    #expect(Fixture.line("token", in: publicToken).contains("public_… (23 characters, hidden)"))
    #expect(!publicToken.stdout.contains("abcdefghijklmnop"))
  }
}
