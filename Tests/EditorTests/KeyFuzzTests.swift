import EcwidAPI
import ProductDocument
import ProductSamples
import ProductSync
import Terminal
import Testing

@testable import Editor
import TestSupport

/// Random keys, pastes and resizes into the real `update`/`view`: the editor must never crash,
/// never draw outside the screen, always hold a valid product, and undo must always lead home.
@Suite struct KeyFuzzTests {
  /// Every key the editor knows, plus text. `x`, `a` and Delete (media removal and addition) are
  /// left out so the gallery's set of images must survive whatever else happens.
  static let keys: [Key] = {
    var keys: [Key] = [
      .enter, .tab, .backTab, .backspace, .escape, .up, .down, .left, .right, .home, .end, .pageUp, .pageDown,
      .shiftUp, .shiftDown, .ctrlLeft, .ctrlRight, .ctrlHome, .ctrlEnd, .ctrl("r"), .ctrl("z"), .ctrl("u"), .ctrl("k"),
      .ctrl("w"), .ctrl("s"), .alt("g"), .alt("G"), .function(1),
    ]
    for c in "bcdefghijklmnopqrstuvwyzABCEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-+%*/?!é商🎉ع" {
      keys.append(.char(c))
    }
    return keys
  }()

  @Test(.heavy) func hundredThousandRandomKeysKeepEveryInvariant() throws {
    try fuzzHundredThousandKeys()
  }

  func fuzzHundredThousandKeys() throws {
    var rng = SeededRandom(seed: 20_261_126)
    let product = EditorHarness.product()
    let baseImageIds = Set(product.json["media"]?["images"]?.arrayValue?.compactMap { $0["id"]?.idString } ?? [])
    var model = EditorHarness.model(product, width: 80, height: 24)
    var keysSent = 0
    var resizes = 0
    var restarts = 0
    while keysSent < 100_000 {
      let roll = Int.random(in: 0..<1000, using: &rng)
      var commands: [Command]
      if roll < 8 {
        let w = Int.random(in: 1...220, using: &rng)
        let h = Int.random(in: 1...70, using: &rng)
        commands = model.update(.resize(width: w, height: h))
        resizes += 1
      } else if roll < 12 {
        commands = model.update(.paste("q\nS pasted 商品 \u{1b}[2J"))
      } else if roll < 20 {
        commands = model.update(.tick)
      } else {
        let key = Self.keys[Int.random(in: 0..<Self.keys.count, using: &rng)]
        // Quitting is not interesting a thousand times: answer the dialog with "no" mostly.
        if model.confirmingQuit && Int.random(in: 0..<10, using: &rng) > 0 {
          commands = model.update(.key(.char("n")))
        } else {
          commands = model.update(.key(key))
        }
        keysSent += 1
      }
      for command in commands {
        switch command {
        case .quit:
          try checkUndoLeadsHome(model)
          model = EditorHarness.model(product, width: model.width, height: model.height)
          restarts += 1
        case .externalEdit(let path, let text, _):
          _ = model.update(.externalEditFinished(path: path, text: text + " fuzzed", error: nil))
        case .fetchRemote:
          if let base = model.document?.base { _ = model.update(.remoteFetched(.success(base))) }
        case .runPlan(let plan, _):
          _ = model.update(
            .saved(
              PlanOutcome(applied: [], notApplied: plan.steps, error: EcwidError(kind: .network), product: nil)))
        default:
          break
        }
      }
      if keysSent % 10 == 0 || roll < 8 {
        let screen = model.view().screen
        #expect(screen.width == model.width && screen.height == model.height)
        for line in screen.lines() where displayWidth(line) > model.width {
          Issue.record("drawn outside the screen at \(model.width)×\(model.height): \(line)")
        }
        if keysSent % 50 == 0 {
          // Rows copied from earlier frames (`RowMemo`) draw what drawing them anew draws.
          translationsRowMemo.begin(RowMemo.FrameKey(numbers: [-1], texts: []))
          galleryRowMemo.begin(RowMemo.FrameKey(numbers: [-1], texts: []))
          let fresh = model.view().screen
          if fresh != screen {
            Issue.record("a frame drawn from remembered rows differs from one drawn anew:\n\(screen.text())\n---\n\(fresh.text())")
          }
        }
      }
      if keysSent % 2_000 == 0, let document = model.document {
        // Always a valid product: its JSON encodes and parses back to the same value.
        let reparsed = try JSON.parse(document.current.value.encoded())
        #expect(reparsed == document.current.value)
        let ids = Set(document.current.json["media"]?["images"]?.arrayValue?.compactMap { $0["id"]?.idString } ?? [])
        #expect(ids == baseImageIds, "the gallery lost or gained an image")
      }
    }
    try checkUndoLeadsHome(model)
    #expect(resizes > 500)
    // The fuzz must have reached the paths it is meant to exercise, or its invariants prove little.
    #expect(restarts > 0, "no random key sequence ever quit the editor")
  }

  func checkUndoLeadsHome(_ model: Model) throws {
    var document = try #require(model.document, "the editor lost its document")
    var steps = 0
    while document.undo() {
      steps += 1
      if steps > 200_000 { break }
    }
    #expect(document.current.value.encoded() == document.base.value.encoded(), "undo-all returns to the fetched bytes")
  }
}
