import EcwidAPI
import Editor
import Foundation
import ProductSync

/// A product and the store's languages, as the editor's first frame needs them.
struct FetchedProduct: Sendable {
  var product: Product
  var languages: [String]
}

/// The first product's requests, sent as soon as the command line is read: before the terminal,
/// the journal and the loop's thread are set up (issue 14: nothing the first frame does not need
/// comes before it). The loop's first `.load` of that product takes this answer.
struct FetchAhead: Sendable {
  let productId: Int
  let task: Task<Result<FetchedProduct, EcwidError>, Never>
  /// The client's waits (a retry after a 429, a slow answer) during the requests, kept until the
  /// loop can show them.
  let events: EventRelay
  /// A big product's first look (see `FirstLookRelay`).
  let firstLook: FirstLookRelay

  static func start(productId: Int, client: EcwidClient) -> FetchAhead {
    let events = EventRelay()
    let firstLook = FirstLookRelay()
    let task = Task { () -> Result<FetchedProduct, EcwidError> in
      await EcwidClient.observingEvents({ event in events.send(event) }) { () -> Result<FetchedProduct, EcwidError> in
        do {
          return .success(try await fetch(productId: productId, client: client, firstLook: firstLook))
        } catch {
          return .failure(asEcwidError(error))
        }
      }
    }
    return FetchAhead(productId: productId, task: task, events: events, firstLook: firstLook)
  }

  /// The store's languages and the product at the same time: the first frame waits for both. The
  /// product comes with its variations as their own endpoint lists them (the Variations tab).
  /// A big product's members other than `Loaded.readLast` go to `firstLook` while the rest is read.
  static func fetch(productId: Int, client: EcwidClient, firstLook: FirstLookRelay) async throws -> FetchedProduct {
    async let storeLanguages = { () async -> [String] in
      let languages = (try? await client.getProfile().languages?.ordered) ?? []
      firstLook.languagesArrived(languages)
      return languages
    }()
    let look = ProductFirstLook(readLast: Loaded.readLast) { firstLook.productArrived($0) }
    let product = try await client.productWithCombinations(id: productId, firstLook: look)
    return FetchedProduct(product: product, languages: await storeLanguages)
  }

  /// The answer; the client's waits go to `events` meanwhile (those before this call first).
  /// Cancelling the caller cancels the requests.
  func answer(events sink: @escaping @Sendable (ClientEvent) -> Void) async -> Result<FetchedProduct, EcwidError> {
    events.deliver(to: sink)
    return await withTaskCancellationHandler {
      await task.value
    } onCancel: {
      task.cancel()
    }
  }
}

/// A big product's first look: the product without its `Loaded.readLast` members, read while
/// they still are, and the store's languages. Handed once to the receiver when both have come
/// (whichever comes last hands it over); never after `close()`, which the load calls before it
/// posts the whole product.
final class FirstLookRelay: @unchecked Sendable {
  private let lock = NSLock()
  private var product: Product?
  private var languages: [String]?
  private var receiver: (@Sendable (Product, [String]) -> Void)?
  private var closed = false
  /// True once the look went to the receiver.
  private(set) var handedOver = false

  func productArrived(_ product: Product) { update { $0.product = product } }
  func languagesArrived(_ languages: [String]) { update { $0.languages = languages } }
  func deliver(to receiver: @escaping @Sendable (Product, [String]) -> Void) { update { $0.receiver = receiver } }
  func close() { update { $0.closed = true } }

  private func update(_ change: (FirstLookRelay) -> Void) {
    lock.lock()
    defer { lock.unlock() }
    change(self)
    guard !closed, let product, let languages, let receiver else { return }
    closed = true
    handedOver = true
    receiver(product, languages)
  }
}

/// Client events kept until a receiver is set, then passed on as they come.
final class EventRelay: @unchecked Sendable {
  private let lock = NSLock()
  private var kept: [ClientEvent] = []
  private var receiver: (@Sendable (ClientEvent) -> Void)?

  func send(_ event: ClientEvent) {
    lock.lock()
    defer { lock.unlock() }
    if let receiver { receiver(event) } else { kept.append(event) }
  }

  /// Passes on the kept events, then every later one, in the order they came.
  func deliver(to receiver: @escaping @Sendable (ClientEvent) -> Void) {
    lock.lock()
    defer { lock.unlock() }
    for event in kept { receiver(event) }
    kept = []
    self.receiver = receiver
  }
}
