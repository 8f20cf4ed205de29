import EcwidAPI
import ProductDocument
import Terminal

/// A column of the variations grid: the option values (frozen on the left), then the fields of
/// a variation Ecwid lets us write.
public enum VariationColumn: Hashable, Sendable {
  case option(String)
  case sku, price, compareToPrice, quantity, warningLimit, weight, shipping, image

  static let fields: [VariationColumn] = [.sku, .price, .compareToPrice, .quantity, .warningLimit, .weight, .shipping, .image]

  var title: String {
    switch self {
    case .option(let name): return name
    case .sku: return "SKU"
    case .price: return "Price"
    case .compareToPrice: return "Compare"
    case .quantity: return "Qty"
    case .warningLimit: return "Low"
    case .weight: return "Weight"
    case .shipping: return "Ship"
    case .image: return "Img"
    }
  }

  /// The name in messages ("Price set for 3 rows").
  var label: String {
    switch self {
    case .option(let name): return name
    case .compareToPrice: return "Compare-to price"
    case .quantity: return "Quantity"
    case .warningLimit: return "Low-stock warning"
    case .shipping: return "Shipping required"
    case .image: return "Image"
    default: return title
    }
  }

  /// The variation's JSON key the column edits.
  var key: String? {
    switch self {
    case .option, .image: return nil
    case .sku: return "sku"
    case .price: return "price"
    case .compareToPrice: return "compareToPrice"
    case .quantity: return "quantity"
    case .warningLimit: return "warningLimit"
    case .weight: return "weight"
    case .shipping: return "isShippingRequired"
    }
  }

  /// Whole numbers, decimals, or not a number (nil).
  var numberKind: (integer: Bool, decimals: Int)? {
    switch self {
    case .price, .compareToPrice: return (false, 2)
    case .weight: return (false, 3)
    case .quantity, .warningLimit: return (true, 0)
    default: return nil
    }
  }

  var width: Int {
    switch self {
    case .option: return 10
    case .sku: return 16
    case .price, .compareToPrice: return 9
    case .quantity: return 6
    case .warningLimit: return 5
    case .weight: return 7
    case .shipping: return 4
    case .image: return 3
    }
  }

  var isOption: Bool {
    if case .option = self { return true }
    return false
  }
}

/// The Variations tab: a grid of the product's combinations. The rows (sorted and filtered) are
/// cached per document version, so moving the cursor over 500 rows never re-sorts or diffs. The
/// grid is a component (see Component.swift): this is all of its state, `VariationsUpdate.swift`
/// changes it, and the document and the status line are changed by the root from its effects.
public struct VariationsState: Equatable, Sendable {
  /// The cursor: a row of the shown rows and a column.
  public var row = 0
  public var column = 0
  /// Rows picked for a fill, a copy or a delete (by `VariationRow.key`).
  public var selected: Set<String> = []
  /// Where a `V` range started (a row key), while the range is open.
  public var rangeAnchor: String?
  public var editing: VariationCellEditing?
  /// The status-line prompt of a fill or a filter.
  public var prompt: VariationPrompt?
  public var confirming: VariationsConfirm?
  /// The image picker: the highlighted entry (0 = no image, then the gallery's images).
  public var choosingImage: Int?
  /// The filter as typed (`Size=XL, out of stock`); empty shows every row.
  public var filter = ""
  /// The rows of the document version and filter they were worked out for (see `refresh`).
  var rows: VariationRows?
  public init() {}

  var isTyping: Bool { editing != nil || prompt != nil }
  var isAsking: Bool { confirming != nil || choosingImage != nil }
}

/// What the grid handles: its keys, a paste (into the open cell or prompt), and a look at the
/// document after the root applied the grid's effects (the rows follow it).
public enum VariationsMsg: Sendable {
  case key(Key)
  case paste(String)
  case refresh
}

/// A cell being edited: the shared text editor on its text, and why the text is not a value of
/// the column yet (a number cell keeps what is typed; Enter is refused meanwhile).
public struct VariationCellEditing: Equatable, Sendable {
  public var rowKey: String
  public var column: VariationColumn
  public var edit: TextEdit
  /// Why the text is not a valid value yet (a number cell), or nil.
  public var problem: String?
  public var field: TextField { edit.field }
}

public struct VariationPrompt: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    case fill(VariationColumn)
    case filter
  }
  public var kind: Kind
  public var field: TextField
  public var problem: String?
}

public enum VariationsConfirm: Equatable, Sendable {
  /// The missing combinations to create: each a list of (option name, choice text).
  case create([[OptionPair]])
  /// The rows to delete (keys) and their labels.
  case delete(keys: [String], labels: [String])
}

public struct OptionPair: Hashable, Sendable {
  public var name: String
  public var value: String
}

/// One row of the grid: where its variation is in the document, and a key that survives edits
/// (the id, or the option values of a new variation).
public struct VariationRow: Equatable, Sendable {
  public var index: Int
  public var key: String
}

/// The rows as shown (sorted by option order, filtered) and the footer's figures.
public struct VariationRows: Equatable, Sendable {
  var version: Int
  var filter: String
  public var columns: [VariationColumn]
  public var shown: [VariationRow]
  public var total: Int
  /// Rows whose values differ from the fetched ones (new rows too).
  public var changed: Int
  /// Fetched variations no longer in the product.
  public var deleted: Int
  /// Total stock of the shown rows; nil when one of them is unlimited.
  public var stock: Double?
  /// Keys of the changed rows (for the `changed` filter and the row marker).
  public var changedKeys: Set<String>
  /// A filter term that means nothing, for the status line.
  public var filterProblem: String?
}
