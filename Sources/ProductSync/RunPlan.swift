import EcwidAPI
import ProductDocument

public enum PlanProgress: Sendable {
  case started(step: Int, of: Int, description: String)
  case finished(step: Int)
  /// The client is waiting (a `Retry-After`, a backoff, or a slow answer): show
  /// `event.message` ("rate limited by Ecwid, retrying in 30 s"); the wait ends early when the
  /// task running the plan is cancelled.
  case waiting(ClientEvent)
  /// A request's answer was lost or unreadable; the product is being re-read to learn whether
  /// it landed.
  case verifying(step: Int)
  /// A batch step (`POST /batch`) is under way: `done` of its `total` variation requests have
  /// been answered (for the status line).
  case batchProgress(step: Int, done: Int, total: Int)
}

/// What became of one request of a plan.
public enum StepStatus: Sendable, Equatable {
  /// Ecwid answered that it was applied.
  case applied
  /// The answer was lost or unreadable, and the re-read product shows that it landed.
  case appliedVerified
  /// Not sent (an earlier step failed), or refused by Ecwid with an answer saying so.
  case notApplied
  /// The answer was lost or unreadable, and the re-read product does not show it: it may still
  /// land (a request that timed out can be processed later) or never.
  case unknown

  public var landed: Bool { self == .applied || self == .appliedVerified }
}

public struct StepReport: Sendable, Equatable {
  public var step: PlanStep
  public var status: StepStatus
  /// Why the status is what it is, when the answer was not a plain success.
  public var note: String?

  public init(step: PlanStep, status: StepStatus, note: String? = nil) {
    self.step = step
    self.status = status
    self.note = note
  }
}

public struct PlanOutcome: Sendable {
  /// Steps that landed: answered with success, or verified by re-reading the product.
  public var applied: [PlanStep]
  /// Steps to send again on a retry, in plan order: those known not to have landed (not sent,
  /// or refused), and those whose outcome is unknown but which are harmless to repeat (a field
  /// update, a deletion by id, a media order or video replacement). An image upload (POST) of
  /// unknown outcome is never here: sent again, it could add the image twice.
  public var notApplied: [PlanStep]
  /// Steps whose outcome is unknown even after re-reading (see `reports` for why).
  public var unknown: [PlanStep]
  public var error: EcwidError?
  /// The product as re-read after a successful run (or after verifying an unknown outcome).
  public var product: Product?
  /// One report per step, in plan order.
  public var reports: [StepReport]
  public var succeeded: Bool { error == nil }

  public init(applied: [PlanStep], notApplied: [PlanStep], error: EcwidError?, product: Product?) {
    self.init(
      reports: applied.map { StepReport(step: $0, status: .applied) } + notApplied.map { StepReport(step: $0, status: .notApplied) },
      error: error, product: product)
  }

  public init(reports: [StepReport], error: EcwidError?, product: Product?) {
    self.reports = reports
    self.applied = reports.filter { $0.status.landed }.map(\.step)
    self.notApplied = reports.filter { $0.status == .notApplied || ($0.status == .unknown && $0.step.harmlessToRepeat) }
      .map(\.step)
    self.unknown = reports.filter { $0.status == .unknown }.map(\.step)
    self.error = error
    self.product = product
  }

  /// For people: "applied: 1 of 2 requests; unknown: 1 (…)", naming every request whose
  /// answer was lost and what the re-read showed. Never says "0 applied" without knowing.
  public func summary(productId: Int) -> [String] {
    let total = reports.count
    var lines = ["applied: \(applied.count) of \(total) request\(total == 1 ? "" : "s")"]
    if !unknown.isEmpty {
      lines[0] += "; outcome unknown: \(unknown.count)"
    }
    for (i, r) in reports.enumerated() where r.note != nil {
      lines.append("request \(i + 1) (\(Self.short(r.step.requestDescription(productId: productId)))): \(r.note!)")
    }
    return lines
  }

  static func short(_ s: String) -> String {
    s.count > 80 ? String(s.prefix(79)) + "…" : s
  }
}

/// Runs a plan's requests in order and stops at the first failure. Video additions and removals
/// next to each other go out as one bulk media request. After success the product is re-read.
///
/// A write whose answer is lost (timeout, dropped connection) or unreadable is never sent again
/// blindly: the product is re-read to learn whether it landed. If it did, the plan goes on; if
/// the re-read does not show it, the plan stops and the step is reported `.unknown`.
/// Waits of the client (`Retry-After`, slow answers) are reported as `.waiting`.
public func runPlan(
  _ plan: UpdatePlan, productId: Int, client: EcwidClient, polling: BatchPolling = .standard,
  progress: @escaping @Sendable (PlanProgress) -> Void = { _ in }
) async -> PlanOutcome {
  await EcwidClient.observingEvents({ event in progress(.waiting(event)) }) {
    await runPlanSteps(plan, productId: productId, client: client, polling: polling, progress: progress)
  }
}

func runPlanSteps(
  _ plan: UpdatePlan, productId: Int, client: EcwidClient, polling: BatchPolling = .standard,
  progress: @escaping @Sendable (PlanProgress) -> Void
) async -> PlanOutcome {
  var runner = PlanRunner(productId: productId, client: client)
  var reports: [StepReport] = []
  let steps = plan.steps
  var index = 0
  while index < steps.count {
    var group = [steps[index]]
    if steps[index].isVideoStep {
      while index + group.count < steps.count, steps[index + group.count].isVideoStep {
        group.append(steps[index + group.count])
      }
    }
    for (k, step) in group.enumerated() {
      progress(.started(step: index + k + 1, of: steps.count, description: step.requestDescription(productId: productId)))
    }
    var before: Product?
    var failures: [EcwidError.MediaFailure] = []
    do throws(EcwidError) {
      before = try await runner.snapshotIfNeeded(for: group)
      if group.count > 1 || steps[index].isVideoStep {
        failures = try await runner.runVideoSteps(group)
      } else if case .batch(let requests, let key) = steps[index] {
        let stepNumber = index + 1
        let run = try await runner.runBatch(requests, key: key, polling: polling) { done, total in
          progress(.batchProgress(step: stepNumber, done: done, total: total))
        }
        if let error = run.error {
          if !run.applied.isEmpty {
            let note = "\(run.applied.count) of \(requests.count) variation requests applied"
            reports.append(StepReport(step: .batch(requests: run.applied, deduplicationKey: key), status: .applied, note: note))
          }
          let refused = run.refused.map { "Ecwid refused \($0.requestDescription(productId: productId)): " } ?? ""
          let rest = run.notApplied.count - (run.refused == nil ? 0 : 1)
          let note = refused + error.sentence + (rest > 0 ? " The \(rest) request\(rest == 1 ? "" : "s") after it were not run." : "")
          reports.append(StepReport(step: .retryBatch(run.notApplied, after: key), status: .notApplied, note: note))
          reports += steps[(index + 1)...].map { StepReport(step: $0, status: .notApplied) }
          return PlanOutcome(reports: reports, error: error, product: nil)
        }
      } else {
        try await runner.run(steps[index])
      }
    } catch {
      guard error.outcomeUnknown else {
        reports += steps[index...].map { StepReport(step: $0, status: .notApplied) }
        return PlanOutcome(reports: reports, error: error, product: nil)
      }
      progress(.verifying(step: index + 1))
      let check = await verify(group, before: before, failure: error, productId: productId, client: client)
      if check.landed == true {
        let note = "\(check.cause); the re-read product shows it applied"
        reports += group.map { StepReport(step: $0, status: .appliedVerified, note: note) }
        for k in group.indices { progress(.finished(step: index + k + 1)) }
        runner.known = nil
        index += group.count
        continue
      }
      let note: String
      if check.product == nil {
        note = "\(check.cause), and the product could not be re-read: it may have been applied"
      } else {
        note = "\(check.cause), and the re-read product does not show it: it may still be applied"
      }
      reports += group.map { StepReport(step: $0, status: .unknown, note: note) }
      reports += steps[(index + group.count)...].map { StepReport(step: $0, status: .notApplied) }
      var e = error
      e.outcomeNote =
        "Request \(index + 1) of \(steps.count): \(note). Check the product (ecwid-edit get, or diff) before sending it again."
      return PlanOutcome(reports: reports, error: e, product: check.product)
    }
    for k in group.indices { progress(.finished(step: index + k + 1)) }
    if !failures.isEmpty {
      let note = "\(failures.count) of the media could not be saved"
      reports += group.map { StepReport(step: $0, status: .applied, note: note) }
      return await finishAfterMediaFailures(
        plan, failures: failures, after: index + group.count, reports: reports, runner: &runner, progress: progress)
    }
    reports += group.map { StepReport(step: $0, status: .applied) }
    index += group.count
  }
  do throws(EcwidError) {
    let product = try await client.getProduct(id: productId)
    return PlanOutcome(reports: reports, error: nil, product: product)
  } catch {
    // Everything was saved; only the re-read failed.
    return PlanOutcome(reports: reports, error: nil, product: nil)
  }
}

/// A bulk media request came back with some items `success:false`: the gallery now holds the
/// items that did arrive. Re-reads the product, restores order and alt text of those with the
/// plan's own order step adjusted for the lost URLs (instead of its `.refetch` and
/// `.updateMediaOrder`), and reports every failed URL with its code and message.
func finishAfterMediaFailures(
  _ plan: UpdatePlan, failures: [EcwidError.MediaFailure], after start: Int, reports: [StepReport],
  runner: inout PlanRunner, progress: @escaping @Sendable (PlanProgress) -> Void
) async -> PlanOutcome {
  let steps = plan.steps
  var reports = reports
  var error = EcwidError(
    kind: .unprocessable, errorCode: failures[0].errorCode, errorMessage: failures[0].errorMessage)
  error.mediaFailures = failures
  let rest = Array(steps[start...])
  let reRead: Product
  do throws(EcwidError) {
    reRead = try await runner.client.getProduct(id: runner.productId)
  } catch {
    var e = error
    e.detail = "The product could not be re-read (\(error.sentence)): the order and alt text of the images that arrived were not restored."
    reports += rest.map { StepReport(step: $0, status: .notApplied) }
    return PlanOutcome(reports: reports, error: e, product: nil)
  }
  runner.known = reRead
  guard let orderStep = plan.mediaOrderStep(failedURLs: Set(failures.map(\.url)), reRead: reRead) else {
    for (k, step) in rest.enumerated() {
      reports.append(StepReport(step: step, status: step == .refetch ? .applied : .notApplied))
      if step == .refetch { progress(.finished(step: start + k + 1)) }
    }
    return PlanOutcome(reports: reports, error: error, product: reRead)
  }
  var ranOrder = false
  for (k, step) in rest.enumerated() {
    switch step {
    case .refetch:
      progress(.started(step: start + k + 1, of: steps.count, description: step.requestDescription(productId: runner.productId)))
      progress(.finished(step: start + k + 1))
      reports.append(StepReport(step: step, status: .applied, note: "re-read after the media failure"))
    case .updateMediaOrder where !ranOrder:
      ranOrder = true
      progress(.started(step: start + k + 1, of: steps.count, description: orderStep.requestDescription(productId: runner.productId)))
      do throws(EcwidError) {
        try await runner.run(orderStep)
        progress(.finished(step: start + k + 1))
        reports.append(StepReport(step: orderStep, status: .applied, note: "adjusted for the media that could not be saved"))
        error.detail = "The images that arrived keep their order and alt text."
      } catch let orderError {
        reports.append(StepReport(step: orderStep, status: .notApplied, note: orderError.sentence))
        error.detail = "The order and alt text of the images that arrived could not be restored: \(orderError.sentence)"
      }
    default:
      reports.append(StepReport(step: step, status: .notApplied))
    }
  }
  let product: Product?
  do throws(EcwidError) {
    product = ranOrder ? try await runner.client.getProduct(id: runner.productId) : reRead
  } catch {
    product = nil
  }
  return PlanOutcome(reports: reports, error: error, product: product)
}

extension PlanStep {
  /// Sending it twice leaves the product as sending it once (every step but an image upload
  /// and a variation's creation; a batch carries its deduplication key).
  public var harmlessToRepeat: Bool {
    switch self {
    case .addMedia(_, .image), .createCombination: return false
    default: return true
    }
  }

  var isVideoStep: Bool {
    switch self {
    case .addMedia(_, .video), .removeMedia(_, .video): return true
    default: return false
    }
  }
}

struct PlanRunner {
  let productId: Int
  let client: EcwidClient
  /// The product as last read from the server, kept up to date by the media steps.
  var known: Product?

  init(productId: Int, client: EcwidClient) {
    self.productId = productId
    self.client = client
  }

  /// The product before a step whose landing can only be judged against it (an added image
  /// shows as a new gallery id, a removed one as a missing URL).
  mutating func snapshotIfNeeded(for group: [PlanStep]) async throws(EcwidError) -> Product? {
    switch group.first {
    case .addMedia(_, .image)?, .removeMedia(_, .image)?: return try await latest()
    default: return known
    }
  }

  mutating func latest() async throws(EcwidError) -> Product {
    if let known { return known }
    let p = try await client.getProduct(id: productId)
    known = p
    return p
  }

  mutating func run(_ step: PlanStep) async throws(EcwidError) {
    switch step {
    case .updateProduct(let body):
      _ = try await client.updateProduct(id: productId, body: body)
      known = nil
    case .addMedia(let url, _):
      _ = try await client.addGalleryImage(productId: productId, externalUrl: url)
      known = nil
    case .removeMedia(let imageId, _):
      try await removeImage(imageId)
    case .refetch:
      known = try await client.getProduct(id: productId)
    case .updateMediaOrder(let entries):
      let product = try await latest()
      let images = Self.resolve(entries, against: product)
      _ = try await client.updateProduct(id: productId, body: ["media": .object(["images": .array(images.map(JSON.object))])])
      known = nil
    case .createCombination, .updateCombination, .deleteCombination, .setCombinationImage, .deleteCombinationImage:
      try await runCombination(step)
    case .batch(let requests, let key):
      let run = try await runBatch(requests, key: key, polling: .standard) { _, _ in }
      if let error = run.error { throw error }
    }
  }

  /// Deletes one image by its `media.images` id: the legacy gallery id for gallery images,
  /// `DELETE /products/{id}/image` for the main one.
  mutating func removeImage(_ imageId: String) async throws(EcwidError) {
    if imageId == "0" {
      _ = try await client.send(.DELETE, "/products/\(productId)/image", idempotent: true)
      known = nil
      return
    }
    var product = try await latest()
    let images = product.images
    guard let position = images.firstIndex(where: { $0.id == imageId }) else { return }  // already gone
    let gallery = product.galleryImages ?? []
    let url = images[position].imageOriginalUrl
    let legacy =
      gallery.firstIndex(where: { url != nil && $0.originalImageUrl == url })
      ?? (position >= 1 && position - 1 < gallery.count ? position - 1 : nil)
    guard let legacy, let galleryId = gallery[legacy].id else {
      throw EcwidError(kind: .invalidResponse, status: nil, detail: "no gallery id for image \(imageId)")
    }
    _ = try await client.deleteGalleryImage(productId: productId, galleryImageId: galleryId)
    var remaining = images
    remaining.remove(at: position)
    product.images = remaining
    var legacyList = gallery
    legacyList.remove(at: legacy)
    product.galleryImages = legacyList
    known = product
  }

  /// Video changes: the bulk media endpoint replaces main and gallery media from URLs.
  mutating func runVideoSteps(_ steps: [PlanStep]) async throws(EcwidError) -> [EcwidError.MediaFailure] {
    let product = try await latest()
    let images = product.images
    var videos = product.media?.videos ?? []
    for step in steps {
      switch step {
      case .removeMedia(let id, .video): videos.removeAll { $0.id == id }
      case .addMedia(let url, .video):
        var v = ProductVideo()
        v.url = url
        videos.append(v)
      default: break
      }
    }
    let mainVideo = videos.first { $0.isMain == true }
    var gallery = images.dropFirst().compactMap { $0.imageOriginalUrl.map { MediaURL(imageUrl: $0) } }
    gallery += videos.filter { $0.isMain != true }.compactMap { $0.url.map { MediaURL(videoUrl: $0) } }
    let request = MediaBulkRequest(mainImageUrl: images.first?.imageOriginalUrl, mainVideoUrl: mainVideo?.url, gallery: gallery)
    let response = try await client.updateMedia(productId: productId, request: request)
    known = nil
    // Each result answers the URL sent in its place: `mainMedia` the main image (or video),
    // `galleryMedia[k]` `gallery[k]`.
    var failures: [EcwidError.MediaFailure] = []
    func note(_ result: MediaItemResult?, _ url: String?) {
      guard let result, result.success == false else { return }
      failures.append(
        EcwidError.MediaFailure(url: url ?? "(no URL)", errorCode: result.errorCode, errorMessage: result.errorMessage))
    }
    let mainURL =
      response.mainMedia?.errorCode == "DOWNLOAD_VIDEO_FAILED"
      ? (mainVideo?.url ?? images.first?.imageOriginalUrl) : (images.first?.imageOriginalUrl ?? mainVideo?.url)
    note(response.mainMedia, mainURL)
    for (k, result) in response.galleryMedia.enumerated() {
      let sent = k < gallery.count ? gallery[k] : nil
      note(result, sent?.imageUrl ?? sent?.videoUrl)
    }
    return failures
  }

  /// Turns plan entries into `media.images` of the re-read product: matched by original URL,
  /// then by the position the plan expected, then by id; images the plan does not know keep
  /// their place at the end with their alt text.
  static func resolve(_ entries: [JSONObject], against product: Product) -> [JSONObject] {
    let images = product.images
    var used = Set<Int>()
    var assigned = [Int?](repeating: nil, count: entries.count)
    var byURL: [String: [Int]] = [:]
    for (i, image) in images.enumerated() {
      if let u = image.imageOriginalUrl { byURL[u, default: []].append(i) }
    }
    for (k, entry) in entries.enumerated() {
      guard let url = entry["imageOriginalUrl"]?.stringValue, var candidates = byURL[url] else { continue }
      candidates.removeAll { used.contains($0) }
      if let i = candidates.first {
        assigned[k] = i
        used.insert(i)
      }
    }
    for (k, entry) in entries.enumerated() where assigned[k] == nil {
      if let p = entry["expectedPosition"]?.intValue, images.indices.contains(p), !used.contains(p) {
        assigned[k] = p
        used.insert(p)
      } else if let id = entry["id"]?.idString, let i = images.firstIndex(where: { $0.id == id }), !used.contains(i) {
        assigned[k] = i
        used.insert(i)
      }
    }
    var out: [JSONObject] = []
    for (k, entry) in entries.enumerated() {
      guard let i = assigned[k], let id = images[i].id else { continue }
      var sent: JSONObject = ["id": .string(id), "orderBy": .int(out.count)]
      if let alt = entry["alt"] { sent["alt"] = alt }
      out.append(sent)
    }
    for (i, image) in images.enumerated() where !used.contains(i) {
      guard let id = image.id else { continue }
      var sent: JSONObject = ["id": .string(id), "orderBy": .int(out.count)]
      if let alt = image.json["alt"] { sent["alt"] = alt }
      out.append(sent)
    }
    return out
  }
}
