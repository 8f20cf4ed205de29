import EcwidAPI
import EcwidSandbox
import ProductDocument
import Terminal
@testable import Editor

/// Builds editor models the way the runtime does, without a terminal.
enum EditorHarness {
  static let catalog = Sandbox.sampleCatalog()
  static var languages: [String] { catalog.profile.languages?.ordered ?? ["en"] }

  static func product(_ index: Int = 0) -> Product { catalog.products[index] }

  static func product(named prefix: String) -> Product {
    catalog.products.first { ($0.name ?? "").hasPrefix(prefix) } ?? catalog.products[0]
  }

  /// A model with `product` loaded, as after the first fetch.
  static func model(_ product: Product = product(), width: Int = 80, height: Int = 24, languages: [String]? = nil)
    -> Model
  {
    var model = Model(storeLabel: "test store", storeId: 1003, productId: product.id, width: width, height: height)
    _ = model.updateThroughFrame(.loaded(.success(Loaded(product: product, languages: languages ?? Self.languages, draft: nil))))
    return model
  }

  /// Feeds keys; returns every command they produced.
  @discardableResult
  static func press(_ keys: [Key], into model: inout Model) -> [Command] {
    var out: [Command] = []
    for key in keys { out += model.update(.key(key)) }
    return out
  }

  static func type(_ text: String, into model: inout Model) {
    for c in text { _ = model.update(.key(.char(c))) }
  }

  static func lines(_ model: Model) -> [String] { model.view().screen.lines() }
  static func text(_ model: Model) -> String { model.view().screen.text() }
}

/// Feeds keys to a model (the short form the form tests use).
@discardableResult
func press(_ m: inout Model, _ keys: Key...) -> [Command] {
  EditorHarness.press(keys, into: &m)
}

func type(_ m: inout Model, _ text: String) {
  EditorHarness.type(text, into: &m)
}

extension Model {
  /// `update`, then what the runtime does once that frame is drawn (`Command.afterFrame`).
  @discardableResult
  mutating func updateThroughFrame(_ msg: Msg) -> [Command] {
    var out = update(msg)
    var i = 0
    while i < out.count {
      if case .afterFrame(let later) = out[i] { out += update(later) }
      i += 1
    }
    return out
  }
}
