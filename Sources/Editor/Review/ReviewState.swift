import EcwidAPI
import ProductDocument
import Terminal

/// The review: every change of the draft, decided one by one (accept, or reject, which reverts
/// it), one of them shown in full on Enter; S saves from here.
public struct ReviewState: Equatable, Sendable {
  public var selected = 0
  public var scroll = 0
  public var accepted: Set<String> = []
  public var showRequests = false
  /// The change (by id) whose detail view is open, and how far it is scrolled.
  public var detail: String?
  public var detailScroll = 0
  public init() {}
}

/// What the review handles.
public enum ReviewMsg: Sendable {
  /// A key while the review (or the change in full) has the keyboard.
  case key(Key)
}

extension ReviewState {
  /// Changes in the form's order: section by section, and within a section field by field as
  /// the form lists them (price before quantity), elements by their place in the product.
  static func changes(of document: Document?) -> [Change] {
    guard let document else { return [] }
    let order = Dictionary(uniqueKeysWithValues: Section.allCases.enumerated().map { ($1, $0) })
    var fieldsBySection: [Section: [FieldSpec]] = [:]
    func rank(_ change: Change) -> [Int] {
      let fields =
        fieldsBySection[change.section]
        ?? {
          let f = FieldCatalogue.fields(for: change.section, product: document.current)
          fieldsBySection[change.section] = f
          return f
        }()
      let path = change.kind == .removed ? change.basePath : change.path
      let field = fields.firstIndex { path.starts(with: $0.path) || $0.path.starts(with: path) } ?? fields.count
      let indices = path.compactMap { component -> Int? in
        if case .index(let i) = component { return i }
        return nil
      }
      return [order[change.section] ?? 0, field] + indices
    }
    return document.changes().enumerated().map { (rank($0.element), $0.offset, $0.element) }
      .sorted { a, b in
        a.0 != b.0 ? a.0.lexicographicallyPrecedes(b.0) : a.1 < b.1
      }.map(\.2)
  }
}

extension Model {
  /// The changes in review order (the review screen's list).
  var reviewChanges: [Change] { ReviewState.changes(of: document) }
}
