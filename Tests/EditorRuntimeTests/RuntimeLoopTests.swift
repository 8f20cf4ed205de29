import DraftJournal
import EcwidAPI
import EcwidSandbox
@testable import EditorRuntime
import Foundation
import Terminal
import Testing

/// The real runtime loop (`runEditorLoop`: events, update, view, commands, HTTP, journal) against a
/// sandbox on 127.0.0.1 and a scripted terminal backend.
@Suite struct RuntimeLoopTests {
  /// `runEditor` sends the first product's requests before it sets the terminal up; the loop's
  /// first load must take that answer, not ask again, and a failed one must read as any failed load.
  @Test func aProductAskedForAheadIsShownWithoutAskingAgain() async throws {
    let store = try await RuntimeStore.start()
    defer { store.removeFolder() }
    let (sandbox, client) = (store.sandbox, store.client)
    let product = Sandbox.sampleCatalog().products[1]
    let name = try #require(product.name)
    let productId = try #require(product.id)
    let journal = DraftJournal(directory: store.directory.appendingPathComponent("drafts"))

    let ahead = FetchAhead.start(productId: productId, client: client)
    _ = await ahead.task.value  // answered before the loop starts: the loop must still show it
    let terminal = ScriptedTerminal(width: 80, height: 24, steps: [.init(waitFor: name, events: [.key(.char("q"))])])
    let code = await runEditorLoop(
      client: client, terminal: terminal,
      options: EditorOptions(storeLabel: "runtime test", productId: productId, journal: journal, remoteCheckInterval: 0),
      ahead: ahead)
    #expect(terminal.timedOutWaitingFor == nil, "the product was not shown: \(terminal.screens.last?.text() ?? "")")
    #expect(code == 0)
    let productPath = "/api/v3/\(sandbox.storeId)/products/\(productId)"
    let asked = await sandbox.requests()
    #expect(asked.filter { $0.method == "GET" && $0.path == productPath }.count == 1, "\(asked)")
    #expect(asked.filter { $0.path.hasSuffix("/profile") }.count == 1, "\(asked)")

    // A product that is not there: the error screen of any failed load.
    let missing = FetchAhead.start(productId: 999_999_999, client: client)
    let failing = ScriptedTerminal(width: 80, height: 24, steps: [.init(waitFor: "does not exist in this store", events: [.key(.char("q"))])])
    let failedCode = await runEditorLoop(
      client: client, terminal: failing,
      options: EditorOptions(storeLabel: "runtime test", productId: 999_999_999, journal: journal, remoteCheckInterval: 0),
      ahead: missing)
    #expect(failing.timedOutWaitingFor == nil, "no error was shown: \(failing.screens.last?.text() ?? "")")
    #expect(failedCode == 1)  // quitting a product that could not be opened
    let missingPath = "/api/v3/\(sandbox.storeId)/products/999999999"
    #expect(await sandbox.requests().filter { $0.path == missingPath }.count == 1)
    await store.stop()
  }

  @Test func opensTypesRedrawsResizesAndQuitsKeepingTheDraft() async throws {
    let store = try await RuntimeStore.start()
    defer { store.removeFolder() }
    let (sandbox, client) = (store.sandbox, store.client)
    let product = Sandbox.sampleCatalog().products[0]
    let originalName = try #require(product.name)
    let productId = try #require(product.id)
    let newName = "Runtime loop name"
    let journal = DraftJournal(directory: store.directory.appendingPathComponent("drafts"))
    let terminal = ScriptedTerminal(
      width: 80, height: 24,
      steps: [
        // The product is shown: edit the name (the first field) in place.
        .init(waitFor: originalName, events: [.key(.enter), .key(.ctrl("u"))] + newName.map { .key(.char($0)) } + [.key(.enter)]),
        // Ctrl-L once the new name is on the screen.
        .init(waitFor: newName, events: [.key(.ctrl("l"))]),
        // The window grows.
        .init(waitFor: nil, events: [.resize(width: 120, height: 40)]),
        // Quit; the editor asks about the unsaved change, and `y` leaves keeping the draft.
        .init(waitFor: newName, events: [.key(.char("q"))]),
        .init(waitFor: "unsaved change", events: [.key(.char("y"))]),
      ])
    let options = EditorOptions(
      storeLabel: "runtime test", productId: productId, journal: journal, remoteCheckInterval: 0)

    let code = await runEditorLoop(client: client, terminal: terminal, options: options)
    await store.stop()

    #expect(terminal.timedOutWaitingFor == nil, "the screen never showed \(terminal.timedOutWaitingFor ?? ""): \(terminal.screens.last?.text() ?? "")")
    #expect(code == 0)
    // (Indexes and sizes are taken first, so that a failure prints them, not every screen.)
    let screens = terminal.screens
    let sizes = screens.map { "\($0.width)x\($0.height)" }
    #expect(sizes.first == "80x24")
    // The product arrived over HTTP and was drawn with its name, then the typed name replaced it.
    let shownOriginal = screens.firstIndex { $0.text().contains(originalName) }
    let shownNew = screens.firstIndex { $0.text().contains(newName) }
    let original = try #require(shownOriginal, "no screen showed the product's name")
    let typed = try #require(shownNew, "no screen showed the typed name")
    #expect(original < typed)
    #expect(sizes[typed] == "80x24")
    // Ctrl-L asked the backend for a full repaint, and a screen was drawn after it.
    let kinds = terminal.log.map { $0 == .invalidate ? "invalidate" : "draw" }
    let invalidated = try #require(kinds.firstIndex(of: "invalidate"), "Ctrl-L asked for no repaint")
    #expect(kinds[(invalidated + 1)...].contains("draw"))
    // After the resize every screen is 120x40 and still shows the edited name.
    let resized = try #require(sizes.firstIndex(of: "120x40"), "no screen was drawn at 120x40: \(Set(sizes))")
    #expect(sizes[resized...].allSatisfy { $0 == "120x40" })
    let newNameAfterResize = screens[resized...].contains { $0.text().contains(newName) }
    #expect(newNameAfterResize)
    // The last screen asked about the unsaved change before the quit.
    let lastText = screens.last?.text() ?? ""
    #expect(lastText.contains("unsaved change"), "last screen:\n\(lastText)")
    // Quitting with `y` keeps the edit in the draft journal; nothing was saved to the store.
    let draft = try #require(try journal.read(storeId: sandbox.storeId, productId: productId))
    #expect(draft.current.name == newName)
    #expect(draft.base.name == originalName)
    #expect(await sandbox.product(id: productId)?.name == originalName)
  }

  /// A journal that cannot be written (its folder's parent is a regular file, which stops root
  /// too, unlike a read-only folder): the editor keeps working, the status line says the draft was
  /// not saved, and the quit question warns that the changes would be lost.
  @Test func aJournalThatCannotBeWrittenIsShownAndTheQuitQuestionWarns() async throws {
    let store = try await RuntimeStore.start()
    defer { store.removeFolder() }
    let (sandbox, client) = (store.sandbox, store.client)
    let blocker = store.directory.appendingPathComponent("not-a-folder")
    try Data("a file".utf8).write(to: blocker)
    let product = Sandbox.sampleCatalog().products[0]
    let originalName = try #require(product.name)
    let productId = try #require(product.id)
    let newName = "Unjournaled name"
    let journal = DraftJournal(directory: blocker.appendingPathComponent("drafts"))
    let terminal = ScriptedTerminal(
      width: 100, height: 30,
      steps: [
        .init(waitFor: originalName, events: [.key(.enter), .key(.ctrl("u"))] + newName.map { .key(.char($0)) } + [.key(.enter)]),
        // The write fails on a tick after the edit; the status line says so and the editor goes on.
        .init(waitFor: "Draft not saved", events: [.key(.char("q"))]),
        .init(waitFor: "the draft could not be saved", events: [.key(.char("y"))]),
      ])
    let options = EditorOptions(
      storeLabel: "runtime test", productId: productId, journal: journal, remoteCheckInterval: 0)

    let code = await runEditorLoop(client: client, terminal: terminal, options: options)
    await store.stop()

    #expect(terminal.timedOutWaitingFor == nil, "the screen never showed \(terminal.timedOutWaitingFor ?? ""): \(terminal.screens.last?.text() ?? "")")
    #expect(code == 0)
    let screens = terminal.screens
    let failed = try #require(
      screens.firstIndex { $0.lines().last?.contains("Draft not saved") == true }, "no status line said the draft failed")
    let statusLine = screens[failed].lines().last ?? ""
    #expect(statusLine.contains("Cannot write the draft journal"), "\(statusLine)")
    #expect(screens[failed].text().contains(newName), "the edit is still on the screen")
    #expect(!FileManager.default.fileExists(atPath: blocker.appendingPathComponent("drafts").path))
  }
}

/// What each runtime test starts from: a sandbox on a free loopback port holding the sample
/// catalog, a client for it that does not retry, and a scratch folder (`removeFolder`).
struct RuntimeStore {
  let sandbox: Sandbox
  let client: EcwidClient
  let directory: URL

  /// `products`: the store's products instead of the sample catalog; `faults`: the sandbox's
  /// fault injection; `progressInterval`: how often the client says it is still waiting.
  static func start(
    products: [Product]? = nil, faults: String? = nil, progressInterval: Duration? = nil
  ) async throws -> RuntimeStore {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("runtime-loop-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    do {
      var options = SandboxOptions()
      if let products {
        let file = directory.appendingPathComponent("store.json")
        let store: JSON = ["storeId": 1003, "products": .array(products.map { .object($0.json) })]
        try store.encoded().write(to: file)
        options.dataFile = file.path
      }
      options.port = 0
      options.token = "secret_runtime_\(UUID().uuidString.prefix(8))"
      if let faults { options.faults = try FaultSpec(parse: faults) }
      let sandbox = try Sandbox(options: options)
      let port = try await sandbox.start()
      var config = EcwidConfig(
        apiURL: URL(string: "http://127.0.0.1:\(port)/api/v3")!, storeId: sandbox.storeId, token: options.token)
      config.retry = .none
      if let progressInterval { config.progressInterval = progressInterval }
      return RuntimeStore(sandbox: sandbox, client: try EcwidClient(config: config), directory: directory)
    } catch {
      try? FileManager.default.removeItem(at: directory)
      throw error
    }
  }

  /// Ends the client and the sandbox (the sandbox's store stays readable).
  func stop() async {
    await client.shutdown()
    await sandbox.stop()
  }

  func removeFolder() { try? FileManager.default.removeItem(at: directory) }
}
