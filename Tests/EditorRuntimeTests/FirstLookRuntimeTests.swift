import DraftJournal
import EcwidAPI
import EcwidSandbox
import Foundation
import ProductSamples
import Terminal
import TestSupport
import Testing

@testable import Editor
@testable import EditorRuntime

/// A product of a megabyte or more: the runtime draws its first screen from the members read
/// first (`Loaded.readLast` come last), and keys typed on that screen wait for the whole product.
@Suite struct FirstLookRuntimeTests {
  @Test(.heavy) func aBigProductsFirstScreenComesFirstAndKeysTypedOnItReachTheWholeProduct()
    async throws
  {
    let huge = SampleProducts.huge(seed: 11)
    let name = try #require(huge.name)
    let productId = try #require(huge.id)
    let images = huge.json["media"]?["images"]?.arrayValue?.count ?? 0
    #expect(images >= 1_000)
    // No wait is said, however slow a loaded machine is: a said wait ends the look and sends the
    // keys typed on it to the loading screen (the next test), and this one is about the look alone.
    let store = try await RuntimeStore.start(products: [huge], progressInterval: .seconds(3600))
    defer { store.removeFolder() }
    let journal = DraftJournal(directory: store.directory.appendingPathComponent("drafts"))

    let ahead = FetchAhead.start(productId: productId, client: store.client)
    // "5" is typed as soon as the name is on the screen: on the first look, while the media are
    // still being read. It must open the whole product's gallery once that is in.
    let terminal = ScriptedTerminal(
      width: 200, height: 60,
      steps: [
        .init(waitFor: name, events: [.key(.char("5"))]),
        .init(waitFor: "\(images) images", events: [.key(.char("q"))]),
      ])
    let code = await runEditorLoop(
      client: store.client, terminal: terminal,
      options: EditorOptions(
        storeLabel: "runtime test", productId: productId, journal: journal, remoteCheckInterval: 0),
      ahead: ahead)
    let asked = await store.sandbox.requests()
    await store.stop()

    #expect(
      terminal.timedOutWaitingFor == nil,
      "\(terminal.timedOutWaitingFor ?? ""): \(terminal.screens.last?.text() ?? "")")
    #expect(code == 0)
    #expect(ahead.firstLook.handedOver, "the first screen waited for the whole product")
    // The look is the screen the whole product gives (the same model, loaded with all of it).
    let first = try #require(terminal.screens.first { $0.text().contains(name) })
    var whole = Model(
      storeLabel: "runtime test", storeId: 1003, productId: productId, width: 200, height: 60)
    let fetched = try await ahead.task.value.get()
    _ = whole.update(
      .loaded(.success(Loaded(product: fetched.product, languages: fetched.languages, draft: nil))))
    let same = first == whole.view().screen
    #expect(same, "\(first.text())\n---\n\(whole.view().screen.text())")
    // Asked once, as any open.
    let productPath = "/api/v3/1003/products/\(productId)"
    #expect(asked.filter { $0.method == "GET" && $0.path == productPath }.count == 1, "\(asked)")
  }

  /// A load that turns slow after the look is drawn (the variations answer is held back): the
  /// loading screen comes back and says what it waits for, and a key typed on the look is not
  /// lost in a form that cannot take it: it goes to that screen, as any key typed while loading.
  @Test(.heavy) func aSlowAnswerAfterTheLookBringsBackTheLoadingScreenAndItsWait() async throws {
    let huge = SampleProducts.huge(seed: 12)
    let name = try #require(huge.name)
    let productId = try #require(huge.id)
    let waitText = "still waiting for Ecwid's answer"
    let store = try await RuntimeStore.start(products: [huge], progressInterval: .seconds(1))
    defer { store.removeFolder() }
    let journal = DraftJournal(directory: store.directory.appendingPathComponent("drafts"))
    // The variations are held until the loading screen has said it waits, after the look.
    store.sandbox.holdAnswers(method: "GET", pathSuffix: "/combinations")
    let ahead = FetchAhead.start(productId: productId, client: store.client)
    let terminal = ScriptedTerminal(
      width: 200, height: 60,
      steps: [
        .init(waitFor: name, events: [.key(.char("5"))]),
        .init(waitFor: waitText, events: []),
        // The whole product: on the General section, the "5" having gone to the loading screen.
        .init(waitFor: "Opened", events: [.key(.char("5"))]),
        .init(waitFor: "1000 images", events: [.key(.char("q"))]),
      ])
    let sandbox = store.sandbox
    let releaser = Task {
      let deadline = ContinuousClock.now + .seconds(120)
      while ContinuousClock.now < deadline {
        let texts = terminal.screens.map { $0.text() }
        if let look = texts.firstIndex(where: { $0.contains(name) }), texts[look...].contains(where: { $0.contains(waitText) }) {
          break
        }
        try? await Task.sleep(for: .milliseconds(20))
      }
      sandbox.releaseHeldAnswers()
    }
    let code = await runEditorLoop(
      client: store.client, terminal: terminal,
      options: EditorOptions(storeLabel: "runtime test", productId: productId, journal: journal, remoteCheckInterval: 0),
      ahead: ahead)
    releaser.cancel()
    await store.stop()
    #expect(terminal.timedOutWaitingFor == nil, "\(terminal.timedOutWaitingFor ?? ""): \(terminal.screens.last?.text() ?? "")")
    #expect(code == 0)
    #expect(ahead.firstLook.handedOver)
    let texts = terminal.screens.map { $0.text() }
    let look = try #require(texts.firstIndex { $0.contains(name) })
    // After the look, the wait is said on the loading screen (the product's own request may
    // have been slow enough to be waited for before it, in a debug build).
    let waiting = try #require(texts.indices.first { $0 > look && texts[$0].contains(waitText) }, "no wait was said after the look")
    #expect(!texts[waiting].contains("SKU"), "the wait was said over the form: \(texts[waiting])")
  }
}
