import Foundation
import Testing

/// `ecwid-edit edit [ID]` with no flags starts without ArgumentParser (`QuickStart`); any flag goes
/// through it. Both must read the same settings and fail the same way, word for word.
@Suite struct QuickStartTests {
  func directory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quick-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test func theQuickStartAndTheParsedCommandFailAlikeForEachBadSetting() async throws {
    let dir = try directory()
    let config = dir.appendingPathComponent("config.toml")
    try """
    default_store = "shop"
    [stores.shop]
    store_id = 42
    token_file = "\(dir.path)/missing.token"
    """.write(to: config, atomically: true, encoding: .utf8)
    let cases: [(String, [String: String])] = [
      ("nothing set", [:]),
      ("a store id that is not a number", ["ECWID_STORE_ID": "abc", "ECWID_TOKEN": "secret_quick_start_42"]),
      ("a token with a line break", ["ECWID_STORE_ID": "42", "ECWID_TOKEN": "secret_a\nb"]),
      ("a timeout out of range", ["ECWID_STORE_ID": "42", "ECWID_TOKEN": "secret_quick_start_42", "ECWID_TIMEOUT": "0"]),
      ("an API URL that is not one", ["ECWID_STORE_ID": "42", "ECWID_TOKEN": "secret_quick_start_42", "ECWID_API_URL": "::"]),
      ("a named store whose token file is missing", ["ECWID_EDIT_CONFIG": config.path]),
      ("an unknown named store", ["ECWID_EDIT_CONFIG": config.path, "ECWID_STORE": "nope"]),
    ]
    for (what, env) in cases {
      let quick = try await CLI.run(["edit", "7"], env: env)
      // `--timeout 30` changes nothing here but takes the parsed path (ECWID_TIMEOUT yields to it,
      // so that case passes the flag as the same bad value).
      let flag = env["ECWID_TIMEOUT"] ?? "30"
      let parsed = try await CLI.run(["edit", "7", "--timeout", flag], env: env)
      #expect(quick.status == 2, "\(what): \(quick.status) \(quick.stderr)")
      #expect(!quick.stderr.isEmpty, "\(what)")
      if env["ECWID_TIMEOUT"] == nil {
        #expect(quick.stderr == parsed.stderr, "\(what)")
      } else {
        #expect(parsed.status == 2 && parsed.stderr.contains("timeout"), "\(what): \(parsed.stderr)")
      }
      #expect(quick.status == parsed.status, "\(what)")
      #expect(!quick.stderr.contains("secret_"), "\(what): the token was shown")
    }
  }

  @Test func onlyABareEditWithAnIdOfDigitsIsQuick() async throws {
    // An id that is not all digits is ArgumentParser's to refuse, with its usage text.
    for id in ["12x", "-5", "99999999999999999999999"] {
      let r = try await CLI.run(["edit", id], env: [:])
      #expect(r.status == 64, "\(id): \(r.status) \(r.stderr)")
      #expect(r.stderr.contains("Usage: ecwid-edit edit"), "\(id): \(r.stderr)")
    }
    // Help still comes from ArgumentParser.
    let help = try await CLI.run(["edit", "--help"], env: [:])
    #expect(help.status == 0 && help.stdout.contains("Product id"), "\(help.stdout)")
  }
}
