import EcwidAPI
import ProductDocument

/// What re-reading the product showed after a request whose answer was lost or unreadable.
struct Verification {
  /// true: it landed; false: the re-read does not show it; nil: the product could not be re-read.
  var landed: Bool?
  var product: Product?
  /// What happened to the answer, for the report ("no answer in time").
  var cause: String
}

/// Re-reads the product to learn whether `group` landed. A request that timed out or lost its
/// connection may still be processed a moment later, so its absence is checked again after 1 s
/// and 2 s; an answer that arrived but could not be read means the server already processed it.
func verify(
  _ group: [PlanStep], before: Product?, failure: EcwidError, productId: Int, client: EcwidClient
) async -> Verification {
  let cause: String
  switch failure.kind {
  case .timeout: cause = "no answer came in time"
  case .invalidResponse: cause = "the answer could not be read"
  case .cancelled: cause = "it was cancelled while on its way"
  default: cause = "the connection was lost before the answer"
  }
  let delays: [Double] = failure.kind == .invalidResponse ? [0] : [0, 1, 2]
  var product: Product?
  for delay in delays {
    if delay > 0 {
      do { try await Task.sleep(for: .milliseconds(Int64(delay * 1000))) } catch { break }
    }
    guard let p = try? await client.getProduct(id: productId) else { continue }
    product = p
    if group.allSatisfy({ landed($0, before: before, after: p) }) {
      return Verification(landed: true, product: p, cause: cause)
    }
  }
  return Verification(landed: product == nil ? nil : false, product: product, cause: cause)
}

/// Whether the product as re-read shows the effect of `step`.
func landed(_ step: PlanStep, before: Product?, after: Product) -> Bool {
  switch step {
  case .updateProduct(let body):
    return body.allSatisfy { key, value in holds(after.json[key], value) }
  case .addMedia(let url, .image):
    if let before {
      let known = Set((before.galleryImages ?? []).compactMap(\.id))
      return (after.galleryImages ?? []).contains { $0.id.map { !known.contains($0) } ?? false }
    }
    return after.images.contains { $0.imageOriginalUrl == url }
  case .removeMedia(let id, .image):
    guard let url = before?.images.first(where: { $0.id == id })?.imageOriginalUrl else { return false }
    if id == "0" { return after.images.first { $0.id == "0" }?.imageOriginalUrl != url }
    return !after.images.contains { $0.imageOriginalUrl == url }
  case .addMedia(let url, .video):
    return (after.media?.videos ?? []).contains { $0.url == url }
  case .removeMedia(let id, .video):
    return !(after.media?.videos ?? []).contains { $0.id == id }
  case .refetch:
    return true
  case .createCombination, .updateCombination, .deleteCombination, .setCombinationImage, .deleteCombinationImage, .batch:
    return landedCombination(step, after: after.combinations ?? [])
  case .updateMediaOrder(let entries):
    let urls = entries.compactMap { $0["imageOriginalUrl"]?.stringValue }
    let order = after.images.compactMap(\.imageOriginalUrl).filter { urls.contains($0) }
    guard order == urls.filter({ u in after.images.contains { $0.imageOriginalUrl == u } }) else { return false }
    for entry in entries {
      guard let url = entry["imageOriginalUrl"]?.stringValue, let alt = entry["alt"] else { continue }
      guard let image = after.images.first(where: { $0.imageOriginalUrl == url }) else { continue }
      if !holds(image.json["alt"], alt) { return false }
    }
    return true
  }
}

/// Whether `actual` holds every value that was sent: objects may have more keys (the server
/// adds derived ones), arrays match item by item, numbers by value, null matches absence.
func holds(_ actual: JSON?, _ sent: JSON) -> Bool {
  switch sent {
  case .null:
    return actual == nil || actual == .null
  case .object(let o):
    guard case .object(let a)? = actual else { return o.isEmpty && actual == nil }
    return o.allSatisfy { key, value in holds(a[key], value) }
  case .array(let xs):
    guard case .array(let ys)? = actual else { return xs.isEmpty && (actual == nil || actual == .null) }
    return xs.count == ys.count && zip(ys, xs).allSatisfy { holds($0, $1) }
  case .number(let n):
    guard case .number(let m)? = actual else { return false }
    return n == m
  default:
    return actual == sent
  }
}
