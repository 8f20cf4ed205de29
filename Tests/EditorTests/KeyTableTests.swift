import EcwidAPI
import Foundation
import ProductDocument
import Terminal
import Testing

@testable import Editor
import TestSupport

/// The key tables (issue 14): each screen's table is its dispatch, its `?` overlay and its hint
/// line, so a key that is handled is described and a described key is handled.
@Suite struct KeyTableTests {
  /// Every screen, in a state where its keys have something to act on (a selection in the middle
  /// of a list, a change to review).
  static func screens(width: Int = 120, height: Int = 40) -> [(name: String, model: Model)] {
    var out: [(String, Model)] = []
    let product = EditorHarness.product()

    var picker = Model(storeLabel: "test", storeId: 1, productId: nil, width: width, height: height)
    let items = EditorHarness.catalog.products.prefix(3).map { JSON.object($0.json) }
    _ = picker.update(
      .searched(requestId: 0, .success(SearchResult(json: ["items": .array(Array(items)), "total": .int(120), "offset": .int(50)]))))
    picker.picker.selected = 1
    picker.picker.query = TextField("wool")
    out.append(("picker", picker))

    out.append(("loading", Model(storeLabel: "test", storeId: 1, productId: 7, width: width, height: height)))
    var failed = Model(storeLabel: "test", storeId: 1, productId: 7, width: width, height: height)
    _ = failed.update(.loaded(.failure(EcwidError(kind: .network, detail: "refused"))))
    out.append(("failed", failed))

    var busy = EditorHarness.model(width: width, height: height)
    busy.busy = "Saving 1/1…"
    out.append(("busy", busy))

    for (digit, name) in [("1", "general"), ("2", "pricing"), ("6", "shipping"), ("7", "seo"), ("8", "attributes")] {
      var m = EditorHarness.model(width: width, height: height)
      press(&m, .char(Character(digit)), .char("j"))
      m.apply(.set([.key("sku")], .string("CHANGED")))  // something to undo
      out.append((name, m))
    }

    var media = EditorHarness.model(width: width, height: height)
    press(&media, .char("5"), .char("j"))
    out.append(("media", media))

    var options = EditorHarness.model(width: width, height: height)
    press(&options, .char("3"), .char("j"))
    out.append(("options", options))
    var choices = options
    press(&choices, .up, .right, .char("j"))
    out.append(("option choices", choices))

    // The 40-variation T-shirt: a row selected, the cursor on the next row's price.
    var variations = EditorHarness.model(EditorHarness.product(named: "Everyday Crew"), width: width, height: height)
    press(&variations, .char("9"), .char(" "), .char("l"), .char("l"), .char("l"))
    out.append(("variations", variations))

    var translations = EditorHarness.model(width: width, height: height)
    press(&translations, .char("4"), .char("j"), .char("l"))
    out.append(("translations", translations))

    // Short enough that the changes and the change in full need scrolling.
    var review = EditorHarness.model(width: width, height: 12)
    for key in ["sku", "seoTitle", "seoDescription", "subtitle", "description"] {
      review.apply(.set([.key(key)], .string("Changed \(key)")))
    }
    for key in ["price", "compareToPrice", "costPrice", "weight", "quantity"] { review.apply(.set([.key(key)], .int(42))) }
    review.apply(.set([.key("name")], .string(String(repeating: "A long new name, ", count: 80))))
    press(&review, .char("S"), .char("j"), .char("j"), .char("j"), .char("j"), .char("j"))
    out.append(("review", review))
    var detail = review
    press(&detail, .char("g"), .char("k"))
    let nameIndex = try? #require(detail.reviewChanges.firstIndex { $0.path == [.key("name")] })
    detail.review.selected = nameIndex ?? 0
    press(&detail, .enter, .char("j"), .char("j"))
    out.append(("review detail", detail))

    var conflict = EditorHarness.model(width: width, height: height)
    conflict.apply(.set([.key("sku")], .string("MINE-1")))
    conflict.apply(.set([.key("name")], .string("Mine")))
    conflict.apply(.set([.key("seoTitle")], .string("Mine")))
    press(&conflict, .char("S"), .char("S"))
    var theirs = conflict.document!.base
    theirs.json["sku"] = .string("THEIRS-1")
    theirs.json["name"] = .string("Theirs")
    theirs.json["seoTitle"] = .string("Theirs")
    _ = conflict.update(.remoteFetched(.success(theirs)))
    press(&conflict, .char("j"))
    out.append(("conflict", conflict))

    var recover = Model(storeLabel: "test", storeId: 1, productId: product.id, width: width, height: height)
    var drafted = product
    drafted.json["name"] = .string("Drafted name")
    var other = product
    other.json["sku"] = .string("OTHER")
    let drafts = (1...30).map { i in
      DraftJournalDraft(base: product, current: i == 1 ? drafted : other, savedAt: Date(timeIntervalSince1970: 1_700_000_000), source: "/tmp/d\(i)")
    }
    _ = recover.updateThroughFrame(
      .loaded(.success(Loaded(product: product, languages: EditorHarness.languages, draft: nil, otherDrafts: drafts))))
    recover.recover.scroll = 1
    out.append(("recover", recover))

    var help = EditorHarness.model(width: 80, height: 24)
    press(&help, .char("5"), .char("?"), .char("j"))
    out.append(("help", help))

    var menu = EditorHarness.model(width: width, height: height)
    press(&menu, .char("5"), .char(":"), .down, .down)
    out.append(("command menu", menu))
    return out
  }

  /// What a user can notice after a key: the screen, the cursor, the status line, the commands.
  struct Effect: Equatable {
    var screen: Screen
    var cursorX: Int?
    var cursorY: Int?
    var message: String?
    var commands: String
  }

  static func effect(of key: Key, on model: Model) -> (Effect, Effect) {
    var m = model
    let before = model.view()
    let commands = m.update(.key(key))
    let after = m.view()
    return (
      Effect(screen: before.screen, cursorX: before.cursor?.x, cursorY: before.cursor?.y, message: model.message?.text, commands: "[]"),
      Effect(
        screen: after.screen, cursorX: after.cursor?.x, cursorY: after.cursor?.y, message: m.message?.text,
        commands: "\(commands)")
    )
  }

  /// Keys a screen's table lists that do nothing in the state `screens` sets up, and why that is
  /// what their description says.
  static func documentedNoOps(_ name: String) -> [Key: String] {
    let sectionDigits: [String: Character] = [
      "general": "1", "pricing": "2", "options": "3", "option choices": "3", "translations": "4", "media": "5",
      "shipping": "6", "seo": "7", "attributes": "8", "variations": "9",
    ]
    var out: [Key: String] = [:]
    if let digit = sectionDigits[name] { out[.char(digit)] = "go to a section: the one already shown" }
    if ["general", "pricing", "shipping", "seo", "attributes"].contains(name) {
      out[.char(" ")] = "flip a yes/no field: the selected field is not one"
    }
    if name == "translations" { out[.escape] = "leave translate mode / the filter: neither is on" }
    return out
  }

  /// Every key a keyboard sends that the editor can tell apart.
  static var everyKey: [Key] {
    var keys: [Key] = (32...126).map { .char(Character(Unicode.Scalar(UInt8($0)))) }
    keys += "abcdefghijklmnopqrstuvwxyz".map { .ctrl($0) }
    keys += "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".map { .alt($0) }
    keys += [
      .enter, .tab, .backTab, .backspace, .delete, .escape, .insert, .up, .down, .left, .right, .home, .end, .pageUp,
      .pageDown, .shiftUp, .shiftDown, .shiftLeft, .shiftRight, .ctrlLeft, .ctrlRight, .ctrlUp, .ctrlDown, .ctrlHome,
      .ctrlEnd,
    ]
    keys += (1...12).map { .function($0) }
    return keys
  }

  /// The tables the screen answers with, as `?` shows them (the overlay and the menu have their own).
  static func tables(of model: Model) -> [AnyKeyTable] {
    // Over the overlay and the menu, other keys close it or are text for the filter.
    if model.showHelp { return [HelpKeys.table.erased] }
    if model.commandMenu != nil { return [MenuKeys.table.erased] }
    return model.screenKeyTables + [GlobalKeys.table.erased]
  }

  @Test(.heavy) func everyDescribedKeyDoesSomethingOnItsScreen() {
    var silent: [String] = []
    for (name, model) in Self.screens() {
      let tables = Self.tables(of: model)
      for binding in tables.flatMap(\.bindings) {
        for key in binding.keys where Self.documentedNoOps(name)[key] == nil {
          // Within a table the first binding of a key is the one that runs.
          guard tables.first(where: { $0.binding(for: key) != nil })?.binding(for: key)?.label == binding.label else { continue }
          let (before, after) = Self.effect(of: key, on: model)
          if before == after { silent.append("\(name): \(keyName(key)) (\(binding.label): \(binding.description))") }
        }
      }
    }
    #expect(silent.isEmpty, "described keys that did nothing:\n\(silent.joined(separator: "\n"))")
  }

  @Test(.heavy) func everyKeyThatDoesSomethingIsDescribed() {
    var undescribed: [String] = []
    for (name, model) in Self.screens() where !model.showHelp && model.commandMenu == nil {
      let described = Set(Self.tables(of: model).flatMap(\.keys))
      for key in Self.everyKey where !described.contains(key) {
        let (before, after) = Self.effect(of: key, on: model)
        if before != after { undescribed.append("\(name): \(keyName(key))") }
      }
    }
    #expect(undescribed.isEmpty, "keys that act but no table describes:\n\(undescribed.joined(separator: "\n"))")
  }

  @Test func theWalkSeesAKeyThatActsWithoutADescription() {
    // The check above would catch a key a screen handled outside its table: here one is
    // simulated by comparing against a table that leaves `m` out.
    var m = EditorHarness.model()
    press(&m, .char("5"), .char("j"))
    let described = Set(MediaKeys.table.keys.filter { $0 != .char("m") } + EditorKeys.table.keys + GlobalKeys.table.keys)
    let acting = Self.everyKey.filter { !described.contains($0) }.filter { key in
      let (before, after) = Self.effect(of: key, on: m)
      return before != after
    }
    #expect(acting == [.char("m")])
  }

  @Test func everyScreenHasATableAndEveryTableIsInTheReadmeReference() {
    let names = Set(KeyReference.tables.map(\.name))
    for (name, model) in Self.screens() {
      for table in Self.tables(of: model) { #expect(names.contains(table.name), "\(name): \(table.name)") }
    }
    // No key listed twice within one screen's tables (the second could never run).
    for (name, model) in Self.screens() {
      let keys = Self.tables(of: model).flatMap(\.keys)
      let repeated = Dictionary(grouping: keys, by: { $0 }).filter { $0.value.count > 1 }.keys
      #expect(repeated.isEmpty, "\(name): \(repeated.map(keyName))")
    }
  }

  @Test func theHintLineShowsOnlyKeysOfTheScreensTable() {
    var m = EditorHarness.model(width: 200, height: 40)
    press(&m, .char("5"))
    let hint = EditorHarness.lines(m)[38]
    for binding in MediaKeys.table.bindings {
      if let text = binding.hint { #expect(hint.contains(text), "\(hint)") }
    }
    #expect(hint.trimmingCharacters(in: .whitespaces).hasSuffix("?: help"), "\(hint)")
  }
}

/// The README's key reference is generated from the tables (scripts/gen-docs); this says when it
/// was not regenerated after a table changed.
@Test func theReadmeKeyReferenceHasEveryRowOfEveryTable() throws {
  let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("README.md")
  let text = try String(contentsOf: readme, encoding: .utf8)
  let start = try #require(text.range(of: "<!-- keys:begin -->"))
  let end = try #require(text.range(of: "<!-- keys:end -->"))
  let block = String(text[start.upperBound..<end.lowerBound])
  for table in KeyReference.tables {
    for (label, description) in table.reference {
      let escaped = description.replacingOccurrences(of: "|", with: "\\|")
      #expect(block.contains(escaped), "README lacks «\(label): \(description)» of \(table.name): run scripts/gen-docs")
      if !label.isEmpty {
        #expect(block.contains(label.replacingOccurrences(of: "|", with: "\\|")), "README lacks the keys «\(label)»")
      }
    }
  }
}
