import EcwidAPI
import ProductDocument
import ProductSync
import Terminal
import Testing

@testable import Editor

/// Issue 13: a wait of the client is counted down in the status line and Esc stops it.
/// Issue 15: a save whose media could not all be downloaded shows the gallery and names them.
@Suite struct WaitAndMediaFailureTests {
  static let rateLimited = ClientEvent.waiting(
    seconds: 30, reason: .rateLimited, nextAttempt: 2, method: "PUT", path: "/products/1")

  func statusLine(_ model: Model) -> String { EditorHarness.lines(model).last ?? "" }

  /// A save under way: S, S, the re-read answered, the plan sent.
  func saving(_ model: inout Model) -> UpdatePlan? {
    press(&model, .enter, .end)
    type(&model, " Pro")
    press(&model, .enter)
    press(&model, .char("S"))
    press(&model, .char("S"))
    let commands = model.update(.remoteFetched(.success(model.document!.base)))
    guard case .runPlan(let plan, _)? = commands.first else { return nil }
    return plan
  }

  @Test func aRateLimitDuringASaveIsCountedDownAndEscCancelsIt() throws {
    var model = EditorHarness.model(width: 120)
    _ = try #require(saving(&model))
    _ = model.update(.clientWaiting(Self.rateLimited))
    #expect(statusLine(model).contains("rate limited by Ecwid, retrying in 30 s · Esc cancels"), "\(statusLine(model))")
    for _ in 0..<30 { _ = model.update(.tick) }
    #expect(statusLine(model).contains("retrying in 27 s"), "\(statusLine(model))")
    let commands = press(&model, .escape)
    #expect(commands.contains { if case .cancelWork = $0 { return true } else { return false } })
    #expect(model.busy == nil)
    #expect(!statusLine(model).contains("retrying"), "\(statusLine(model))")
    #expect(model.document!.current.name == "Nordlys Merino Wool Sweater Pro", "the edits stay")
  }

  @Test func theCountdownEndsWhenTheNextRequestStarts() throws {
    var model = EditorHarness.model(width: 120)
    _ = try #require(saving(&model))
    _ = model.update(.clientWaiting(Self.rateLimited))
    _ = model.update(.saveProgress("Saving 2/2: PUT /products/1"))
    #expect(statusLine(model).contains("Saving 2/2"))
    #expect(!statusLine(model).contains("retrying"))
    // A short backoff is not worth a line.
    _ = model.update(.clientWaiting(.waiting(seconds: 0.4, reason: .serverError(503), nextAttempt: 2, method: "PUT", path: "/p")))
    #expect(!statusLine(model).contains("retrying"))
  }

  @Test func aRateLimitWhileLoadingIsCountedDownAndEscCancelsIt() throws {
    var model = Model(storeLabel: "test store", storeId: 1003, productId: 42, width: 100, height: 24)
    #expect(model.page == .loading)
    _ = model.update(.clientWaiting(Self.rateLimited))
    #expect(statusLine(model).contains("rate limited by Ecwid, retrying in 30 s · Esc cancels"), "\(statusLine(model))")
    for _ in 0..<11 { _ = model.update(.tick) }
    #expect(statusLine(model).contains("retrying in 29 s"), "\(statusLine(model))")
    let commands = press(&model, .escape)
    #expect(commands.contains { if case .cancelWork = $0 { return true } else { return false } })
    #expect(!statusLine(model).contains("retrying"))
  }

  @Test func aWaitAfterTheWorkEndedIsNotShown() {
    var model = EditorHarness.model(width: 120)
    _ = model.update(.clientWaiting(Self.rateLimited))
    #expect(!statusLine(model).contains("retrying"))
  }

  @Test func mediaThatCouldNotBeDownloadedAreNamedInTheGallery() throws {
    var model = EditorHarness.model(width: 160, height: 30)
    let plan = try #require(saving(&model))
    #expect(model.section == .general)
    var error = EcwidError(
      kind: .unprocessable, errorCode: "DOWNLOAD_IMAGE_FAILED", errorMessage: "Image could not be downloaded")
    error.mediaFailures = [
      .init(url: "https://images.example.com/404/gone.jpg", errorCode: "DOWNLOAD_IMAGE_FAILED", errorMessage: "Image could not be downloaded"),
      .init(url: "https://clips.invalid/a.mp4", errorCode: "DOWNLOAD_VIDEO_FAILED", errorMessage: "Video could not be downloaded"),
    ]
    _ = model.update(
      .saved(PlanOutcome(applied: plan.steps, notApplied: [], error: error, product: model.document!.base)))
    #expect(model.section == .media)
    let status = statusLine(model)
    #expect(status.contains("https://images.example.com/404/gone.jpg"), "\(status)")
    let screen = EditorHarness.text(model)
    let header = EditorHarness.lines(model).first { $0.contains("DOWNLOAD_") } ?? ""
    #expect(header.contains("not downloaded: https://images.example.com/404/gone.jpg (DOWNLOAD_IMAGE_FAILED)"), "\(screen)")
    #expect(header.contains("https://clips.invalid/a.mp4 (DOWNLOAD_VIDEO_FAILED)"), "\(screen)")
    #expect(!screen.contains("HTTP 200"))
  }
}
