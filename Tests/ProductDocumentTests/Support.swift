import EcwidAPI
import EcwidSandbox
import Foundation
import ProductSamples
import PropertyBased
import Testing

@testable import ProductDocument

enum Fixtures {
  /// Ecwid's own published example responses, kept in Tests/Fixtures/ecwid-docs.
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/ecwid-docs").path

  static func product(_ name: String) throws -> Product {
    let data = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(name).json"))
    return try Product.decode(data)
  }

  static func all() throws -> [Product] {
    var products = [try product("get-product"), try product("legacy-get-product-2020")]
    let search = try JSON.parse(Data(contentsOf: URL(fileURLWithPath: "\(directory)/search-products.json")))
    for item in search["items"]?.arrayValue ?? [] {
      if let o = item.objectValue, !products.contains(where: { $0.id == Product(json: o).id }) {
        products.append(Product(json: o))
      }
    }
    return products
  }
}

/// A small product with every kind of array, for unit tests.
func sampleProduct() -> Product { SampleProducts.typical(seed: 7) }

func imageIds(_ p: Product) -> [String] { p.images.map { $0.id ?? "new:" + ($0.imageOriginalUrl ?? "") } }

/// Applies a PUT body the way Ecwid does: each sent top-level field replaces the whole value,
/// null removes it, fields left out stay.
func applyPartialUpdate(_ body: JSONObject, to product: Product) -> Product {
  var p = product
  for (k, v) in body where k != "media" {
    if v.isNull { p.json.removeValue(forKey: k) } else { p.json[k] = v }
  }
  if let images = body["media"]?["images"]?.arrayValue {
    let byId = Dictionary(uniqueKeysWithValues: p.images.compactMap { img in img.id.map { ($0, img) } })
    let ordered = images.compactMap { entry -> JSON? in
      guard let id = entry["id"]?.idString, var img = byId[id] else { return nil }
      img.json["alt"] = entry["alt"]
      return .object(img.json)
    }
    p.setValue(.array(ordered), at: [.key("media"), .key("images")])
  }
  return p
}

/// Random edit sequences over a product.
struct EditScript: Sendable, CustomStringConvertible {
  var seed: UInt64
  var count: Int
  var description: String { "EditScript(seed: \(seed), count: \(count))" }

  static func generator(maxCount: Int = 12) -> Generator<EditScript, Shrink.None<EditScript>> {
    Generator { rng in EditScript(seed: rng.next(), count: Int(rng.next() % UInt64(maxCount)) + 1) }
  }

  /// Produces edits valid for the document as it evolves.
  func run(on document: inout Document, mediaEdits: Bool = true, coalesce: Bool = false) {
    var rng = SeededRandom(seed: seed)
    for step in 0..<count {
      let edit = Self.randomEdit(for: document.current, rng: &rng, mediaEdits: mediaEdits)
      document.apply(edit, coalesceKey: coalesce && step % 2 == 1 ? "typing" : nil)
    }
  }

  static func pick(_ n: Int, _ rng: inout SeededRandom) -> Int { n <= 0 ? 0 : Int(rng.next() % UInt64(n)) }

  static func randomEdit(for p: Product, rng: inout SeededRandom, mediaEdits: Bool) -> Edit {
    let images = p.images.count
    let options = p.options?.count ?? 0
    let kinds = mediaEdits ? 18 : 12
    switch pick(kinds, &rng) {
    case 0: return .set([.key("price")], .number(JSONNumber(text: "\(pick(1000, &rng)).\(pick(100, &rng))")))
    case 1: return .set([.key("name")], .string("Name \(pick(1000, &rng))"))
    case 2: return .set([.key("nameTranslated"), .key(["fr", "de", "en"][pick(3, &rng)])], .string("T \(pick(99, &rng))"))
    case 3: return .set([.key("ribbon"), .key("text")], .string("R\(pick(99, &rng))"))
    case 4: return .set([.key("wholesalePrices")], .array([["quantity": .int(2 + pick(20, &rng)), "price": .int(pick(9, &rng))]]))
    case 5: return .set([.key("dimensions"), .key("width")], .int(pick(100, &rng)))
    case 6: return .set([.key(["subtitle", "seoTitle", "customSlug", "warningLimit"][pick(4, &rng)])], nil)
    case 7: return .addOption(["type": "SELECT", "name": .string("New \(pick(1000, &rng))"), "choices": [["text": "a"]]], at: pick(options + 1, &rng))
    case 8: return options > 0 ? .removeOption(pick(options, &rng)) : .duplicateOption(0)
    case 9: return .moveOption(from: pick(options, &rng), to: pick(options, &rng))
    case 10:
      let o = pick(options, &rng)
      let choices = p.options?[safe: o]?.choices?.count ?? 0
      switch pick(4, &rng) {
      case 0: return .addChoice(option: o, ["text": .string("c\(pick(1000, &rng))"), "priceModifier": 1], at: pick(choices + 1, &rng))
      case 1: return .removeChoice(option: o, choice: pick(choices, &rng))
      case 2: return .moveChoice(option: o, from: pick(choices, &rng), to: pick(choices, &rng))
      default: return .setOptionType(option: o, type: ["SELECT", "TEXTFIELD", "RADIO", "CHECKBOX"][pick(4, &rng)])
      }
    case 11: return .duplicateOption(pick(options, &rng))
    case 12: return .moveImage(from: pick(images, &rng), to: pick(images, &rng))
    case 13: return .setMainImage(index: pick(images, &rng))
    case 14: return .setImageAlt(index: pick(images, &rng), language: [nil, "fr", "de"][pick(3, &rng)], text: "alt \(pick(99, &rng))")
    case 15: return .removeMedia(index: pick(images, &rng))
    case 16: return .addMedia(url: "https://cdn.example.com/new-\(pick(1000, &rng)).jpg", kind: .image)
    default: return .setImageAlt(index: pick(images, &rng), language: nil, text: nil)
    }
  }
}

extension Array {
  subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}

/// A sandbox serving the given products and a client for it.
struct SandboxWithProducts {
  let sandbox: Sandbox
  let client: EcwidClient

  static func start(products: [Product]) async throws -> SandboxWithProducts {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("doc-\(UUID().uuidString).json").path
    let document: JSON = ["storeId": 1003, "products": .array(products.map { .object($0.json) })]
    try document.encoded().write(to: URL(fileURLWithPath: file))
    var options = SandboxOptions()
    options.port = 0
    options.dataFile = file
    options.token = "secret_doc_tests"
    let sandbox = try Sandbox(options: options)
    let port = try await sandbox.start()
    var config = EcwidConfig(
      apiURL: URL(string: "http://127.0.0.1:\(port)/api/v3")!, storeId: sandbox.storeId, token: options.token)
    config.retry = RetryPolicy(maxAttempts: 2, baseDelay: 0.01, maxDelay: 0.05, deadline: 30)
    return SandboxWithProducts(sandbox: sandbox, client: try EcwidClient(config: config))
  }

  func stop() async {
    await client.shutdown()
    await sandbox.stop()
  }
}
