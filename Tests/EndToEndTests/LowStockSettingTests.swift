import EcwidAPI
import EcwidSandbox
import Foundation
import Testing

/// Issue 15: `checkLowStockNotification` is a setting (`notify_low_stock` in the named store of the
/// configuration file, `ECWID_NOTIFY_LOW_STOCK`, `--notify-low-stock` / `--no-notify-low-stock`;
/// flag > environment > file > off), sent by `apply` and by the editor's save. The sandbox's
/// request log shows what reached the store.
@Suite(.serialized) struct LowStockSettingTests {
  /// A configuration file whose default store turns the notification on (the connection itself
  /// comes from the environment, which beats the file).
  static func writeConfig(_ configHome: String, notify: String = "true") throws {
    let dir = configHome + "/ecwid-edit"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try """
    default_store = "shop"

    [stores.shop]
    notify_low_stock = \(notify)
    """.write(toFile: dir + "/config.toml", atomically: true, encoding: .utf8)
  }

  /// The query of every logged product PUT, in order.
  static func productPutQueries(_ s: E2ESandbox) throws -> [String] {
    try s.loggedWrites().filter {
      $0["method"]?.stringValue == "PUT" && $0["path"]?.stringValue?.hasSuffix("/products/\(E2ESandbox.sweater)") == true
    }.map { $0["query"]?.compactText ?? "" }
  }

  @Test func configShowsTheSettingFromFlagThenEnvironmentThenFileThenOff() async throws {
    let dir = try TestDirectory("lowstock")
    defer { dir.remove() }
    func line(_ args: [String], _ env: [String: String]) async throws -> String {
      let r = try await CLI.run(["config"] + args, env: ["XDG_CONFIG_HOME": dir.configHome].merging(env) { _, b in b })
      #expect(r.status == 0, "\(r.stderr)")
      return r.stdout.split(separator: "\n").first { $0.hasPrefix("low stock:") }.map(String.init) ?? ""
    }
    #expect(try await line([], [:]) == "low stock:   off  (default)")
    try Self.writeConfig(dir.configHome)
    #expect(try await line([], [:]) == "low stock:   notify  (config file)")
    #expect(try await line([], ["ECWID_NOTIFY_LOW_STOCK": "0"]) == "low stock:   off  (environment)")
    #expect(try await line(["--notify-low-stock"], ["ECWID_NOTIFY_LOW_STOCK": "off"]) == "low stock:   notify  (flag)")
    #expect(try await line(["--no-notify-low-stock"], ["ECWID_NOTIFY_LOW_STOCK": "yes"]) == "low stock:   off  (flag)")

    let bad = try await CLI.run(
      ["config"], env: ["XDG_CONFIG_HOME": dir.configHome, "ECWID_NOTIFY_LOW_STOCK": "sometimes"])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("ECWID_NOTIFY_LOW_STOCK=sometimes is not on or off"), "\(bad.stderr)")
    try Self.writeConfig(dir.configHome, notify: "\"yes\"")
    let badFile = try await CLI.run(["config"], env: ["XDG_CONFIG_HOME": dir.configHome])
    #expect(badFile.status == 2)
    // An error that names the key (the parser's own wording and line are its business).
    #expect(badFile.stderr.contains("notify_low_stock"), "\(badFile.stderr)")
  }

  @Test func applySendsItFromTheEnvironmentOrTheFileAndTheFlagTurnsItOff() async throws {
    let rig = try await ApplyRig.start()
    defer { Task { await rig.stop() } }
    // Off by default.
    #expect(try await rig.apply(try rig.write("q1.json", #"{"quantity": 9}"#)).status == 0)
    // From the environment.
    let env = try await rig.run(
      ["apply", "\(ApplyRig.id)", try rig.write("q2.json", #"{"quantity": 8}"#), "--yes"],
      env: ["ECWID_NOTIFY_LOW_STOCK": "1"])
    #expect(env.status == 0, "\(env.stderr)")
    // From the configuration file.
    try LowStockSettingTests.writeConfig(rig.dir.configHome)
    #expect(try await rig.apply(try rig.write("q3.json", #"{"quantity": 7}"#)).status == 0)
    // The flag beats both.
    let off = try await rig.run(
      ["apply", "\(ApplyRig.id)", try rig.write("q4.json", #"{"quantity": 6}"#), "--yes", "--no-notify-low-stock"],
      env: ["ECWID_NOTIFY_LOW_STOCK": "true"])
    #expect(off.status == 0, "\(off.stderr)")

    let queries = try Self.productPutQueries(rig.s)
    #expect(queries.count == 4, "\(queries)")
    #expect(queries.map { $0.contains("\"checkLowStockNotification\":\"true\"") } == [false, true, true, false], "\(queries)")
    #expect(try await rig.stored().json["quantity"]?.intValue == 6)
  }
}

extension EditorEndToEnd {
  @Suite struct LowStockEditorTests {
    /// The editor's save carries the setting from the configuration file: the stock change and
    /// `checkLowStockNotification=true` reach the store in one PUT.
    @Test func theEditorsSaveSendsCheckLowStockNotificationWhenTheSettingIsOn() async throws {
      let rig = try await EditorRig.start()
      defer { rig.finish() }
      try LowStockSettingTests.writeConfig(rig.dir.configHome)
      try await rig.open()
      try await rig.setField(section: "2", index: 5, to: "1", label: "Quantity in stock")
      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("Review: 1 change")
      try rig.tmux.keys("S")
      try await rig.tmux.waitFor("Saved: 1 request sent")

      let puts = try rig.sandbox.loggedWrites()
      #expect(puts.count == 1, "\(puts.map(\.compactText))")
      let put = try #require(puts.first)
      #expect(put["query"]?["checkLowStockNotification"] == "true", "\(put.compactText)")
      #expect(put["body"]?["quantity"]?.intValue == 1)
      #expect(try await rig.sandbox.product().json["quantity"]?.intValue == 1)
    }
  }
}
