import EcwidAPI
import ProductDocument
import ProductSync
import Terminal
import Testing

@testable import Editor

/// Saving as the model sees it: re-read first, send the plan, and after a failure keep every
/// edit and never send twice what the server already has.
@Suite struct SaveFlowTests {
  func saveCommands(_ model: inout Model) -> [Command] {
    press(&model, .char("S"))
    return press(&model, .char("S"))
  }

  @Test func aFailedSaveKeepsTheEditsAndSaysHowToRetry() throws {
    var model = EditorHarness.model()
    press(&model, .enter, .end)
    type(&model, " Pro")
    press(&model, .enter)
    guard case .fetchRemote? = saveCommands(&model).first else {
      Issue.record("saving starts by re-reading the product")
      return
    }
    let commands = model.update(.remoteFetched(.success(model.document!.base)))
    guard case .runPlan(let plan, _)? = commands.first else {
      Issue.record("then sends the plan, got \(commands)")
      return
    }
    _ = model.update(
      .saved(
        PlanOutcome(
          applied: [], notApplied: plan.steps, error: EcwidError(kind: .server, status: 503, attempts: 4),
          product: nil)))
    #expect(model.document!.current.name == "Nordlys Merino Wool Sweater Pro")
    #expect(model.message?.kind == .error)
    #expect(model.message?.text.contains("Edits kept; S retries") == true)
    #expect(model.busy == nil)
  }

  @Test func aSkuConflictIsShownAtTheSkuField() {
    var model = EditorHarness.model(width: 120, height: 30)
    press(&model, .char("j"), .enter, .ctrl("u"))
    type(&model, "TEA-GMC-20")
    press(&model, .enter)
    _ = saveCommands(&model)
    let commands = model.update(.remoteFetched(.success(model.document!.base)))
    guard case .runPlan(let plan, _)? = commands.first else {
      Issue.record("the save did not produce a plan to run: \(commands)")
      return
    }
    let conflict = EcwidError(
      kind: .conflict, status: 409, errorCode: "SKU_ALREADY_EXISTS", errorMessage: "SKU already exists")
    _ = model.update(.saved(PlanOutcome(applied: [], notApplied: plan.steps, error: conflict, product: nil)))
    #expect(model.section == .general)
    let skuRow = EditorHarness.lines(model).first { $0.contains("SKU") }!
    #expect(skuRow.contains("Another product already has this SKU"))
    #expect(model.document!.current.sku == "TEA-GMC-20")
  }

  @Test func aRetryAfterMediaWereAddedSendsOnlyWhatIsLeft() {
    var model = EditorHarness.model()
    press(&model, .char("5"), .char("a"))
    type(&model, "https://images.example.com/new-photo.jpg")
    press(&model, .enter, .char("K"))
    _ = saveCommands(&model)
    let commands = model.update(.remoteFetched(.success(model.document!.base)))
    guard case .runPlan(let plan, _)? = commands.first else {
      Issue.record("a plan is sent, got \(commands)")
      return
    }
    let adds = plan.steps.filter {
      if case .addMedia = $0 { return true }
      return false
    }
    #expect(adds.count == 1)
    let rest = plan.steps.filter { $0 != adds[0] }
    _ = model.update(
      .saved(PlanOutcome(applied: adds, notApplied: rest, error: EcwidError(kind: .network), product: nil)))
    #expect(model.partialSave?.remaining == rest)

    // The server now has the new image; nothing else changed there.
    var theirs = model.document!.base
    var images = theirs.json["media"]?["images"]?.arrayValue ?? []
    images.append(.object(["id": .string("12"), "imageOriginalUrl": .string("https://images.example.com/new-photo.jpg")]))
    theirs.setValue(.array(images), at: [.key("media"), .key("images")])
    _ = saveCommands(&model)
    let retry = model.update(.remoteFetched(.success(theirs)))
    guard case .runPlan(let again, _)? = retry.first else {
      Issue.record("the retry sends the rest, got \(retry)")
      return
    }
    #expect(again.steps == rest, "the image is not added a second time")
  }

  @Test func aRetryWhenSomeoneElseChangedTheProductChecksForConflictsAgain() {
    var model = EditorHarness.model()
    press(&model, .enter, .ctrl("u"))
    type(&model, "Mine")
    press(&model, .enter)
    _ = saveCommands(&model)
    _ = model.update(.remoteFetched(.success(model.document!.base)))
    _ = model.update(.saved(PlanOutcome(applied: [], notApplied: [], error: EcwidError(kind: .timeout), product: nil)))
    var theirs = model.document!.base
    theirs.json["name"] = .string("Theirs")
    _ = saveCommands(&model)
    _ = model.update(.remoteFetched(.success(theirs)))
    #expect(model.page == .conflict)
  }
}
