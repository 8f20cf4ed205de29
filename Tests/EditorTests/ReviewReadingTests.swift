import EcwidAPI
import EcwidSandbox
import ProductDocument
import Terminal
import Testing

@testable import Editor

/// Issue 12, "A review you can read", and issue 15's requests view.
@Suite struct ReviewReadingTests {
  /// The review after `edits`, at `width`×`height`.
  static func review(_ edits: [Edit], width: Int = 80, height: Int = 24) -> Model {
    var m = EditorHarness.model(width: width, height: height)
    for edit in edits { m.apply(edit) }
    press(&m, .char("S"))
    #expect(m.page == .review)
    return m
  }

  static let longOld = "A warm, itch-free merino sweater knitted in a small mill on the west coast of Norway."
  static let longNew =
    "A warm, itch-free merino sweater knitted by hand in a family mill on the rugged west coast of Norway, dyed with plants."

  @Test func longTextsAreCutWithAnEllipsisAndBothSidesShow() throws {
    var m = Self.review([
      .set([.key("seoDescription")], .string(Self.longOld))
    ])
    // Make the fetched value the long old text, then change it.
    m.document!.rebase(onto: m.document!.current)
    m.apply(.set([.key("seoDescription")], .string(Self.longNew)))
    m.refreshDerived()
    let lines = EditorHarness.lines(m)
    let line = try #require(lines.first { $0.contains("SEO description:") }, "\(lines)")
    #expect(line.contains("…"), "a cut value says so: \(line)")
    #expect(line.contains("→"), "the new value is on the line too: \(line)")
    #expect(line.contains("“A warm"), "\(line)")
    #expect(displayWidth(line) <= 80)
  }

  @Test func enterOpensAScrollableWordDiffOfTheChange() throws {
    var m = EditorHarness.model(width: 60, height: 12)
    m.apply(.set([.key("seoDescription")], .string(Self.longOld)))
    m.document!.rebase(onto: m.document!.current)
    m.apply(.set([.key("seoDescription")], .string(Self.longNew)))
    press(&m, .char("S"))
    #expect(m.page == .review)
    press(&m, .enter)
    #expect(m.page == .review, "Enter opens the detail; it does not save")
    let first = EditorHarness.lines(m)
    #expect(first.contains { $0.contains("SEO description") })
    #expect(first.contains { $0.contains("Before:") })
    // Scrolling to the end reaches the word-level difference.
    var all = first
    for _ in 0..<20 {
      press(&m, .down)
      all += EditorHarness.lines(m)
    }
    let joined = all.joined(separator: "\n")
    #expect(joined.contains("knitted {+by hand+} in"), "\(joined)")
    #expect(joined.contains("[-small-]{+family+}"), "\(joined)")
    #expect(joined.contains("{+dyed with plants.+}") || joined.contains("{+Norway, dyed with plants.+}"), "\(joined)")
    #expect(EditorHarness.lines(m) != first, "the detail view scrolls")
    // Every word of the new text is shown somewhere in the detail.
    for word in Self.longNew.split(separator: " ") {
      #expect(joined.contains(word), "\(word) missing")
    }
    press(&m, .escape)
    #expect(m.review.detail == nil)
    #expect(EditorHarness.text(m).contains("Review:"))
  }

  @Test func addedOptionsAndRemovedImagesReadAsAPersonReadsThem() throws {
    let option: JSONObject = [
      "name": "Yarn weight", "type": "SELECT", "required": true,
      "choices": .array([
        .object(["text": "Light", "priceModifier": .int(0), "priceModifierType": "ABSOLUTE"]),
        .object(["text": "Heavy", "priceModifier": .double(4.5), "priceModifierType": "ABSOLUTE"]),
      ]),
    ]
    var m = EditorHarness.model(width: 160, height: 40)
    let firstImage = try #require(m.document!.current.json["media"]?["images"]?[1])
    let file = Model.fileName(of: firstImage["imageOriginalUrl"]?.stringValue ?? "")
    #expect(!file.isEmpty)
    m.apply(.addOption(option, at: nil))
    m.apply(.removeMedia(index: 1))
    press(&m, .char("S"))
    let text = EditorHarness.text(m)
    let optionLine = try #require(EditorHarness.lines(m).first { $0.contains("Yarn weight") }, "\(text)")
    #expect(optionLine.contains("SELECT"), "\(optionLine)")
    #expect(optionLine.contains("“Light”"), "\(optionLine)")
    #expect(optionLine.contains("“Heavy” (+4.5)"), "\(optionLine)")
    #expect(!optionLine.contains("{\""), "no raw JSON: \(optionLine)")
    let imageLine = try #require(EditorHarness.lines(m).first { $0.contains("- Image") }, "\(text)")
    #expect(imageLine.contains(file), "\(imageLine)")
    #expect(!imageLine.contains("{\""), "no raw JSON: \(imageLine)")
    if let alt = firstImage["alt"]?["main"]?.stringValue, !alt.isEmpty {
      #expect(imageLine.contains(String(alt.prefix(10))), "\(imageLine)")
    }
    // One kind of quotation marks: labels and values use the same curly ones.
    for line in EditorHarness.lines(m) where line.contains(" + ") || line.contains(" - ") || line.contains(" ~ ") {
      #expect(!line.contains("\""), "straight quotes in \(line)")
    }
  }

  @Test func theMainAltTextIsTheDefaultLanguage() throws {
    var m = EditorHarness.model(width: 120, height: 30)
    m.apply(.setImageAlt(index: 0, language: nil, text: "A new alt"))
    press(&m, .char("S"))
    let line = try #require(EditorHarness.lines(m).first { $0.contains("A new alt") })
    #expect(line.contains("alt text › default language"), "\(line)")
    #expect(!line.contains("› main:"), "\(line)")
  }

  @Test func changesFollowTheFormsOrder() throws {
    var m = EditorHarness.model(width: 120, height: 30)
    // Changed in the opposite order of the form.
    m.apply(.set([.key("quantity")], .int(7)))
    m.apply(.set([.key("costPrice")], .double(3.25)))
    m.apply(.set([.key("price")], .double(12.5)))
    press(&m, .char("S"))
    let lines = EditorHarness.lines(m)
    let price = try #require(lines.firstIndex { $0.contains("~ Price:") || $0.contains("+ Price:") }, "\(lines)")
    let cost = try #require(lines.firstIndex { $0.contains("Cost price:") }, "\(lines)")
    let quantity = try #require(lines.firstIndex { $0.contains("Quantity in stock:") }, "\(lines)")
    #expect(price < cost && cost < quantity, "\(lines)")
  }

  @Test func conflictValuesAreCutWithAnEllipsisToo() throws {
    var m = EditorHarness.model(width: 80, height: 24)
    m.apply(.set([.key("seoDescription")], .string("Mine: " + Self.longNew)))
    press(&m, .char("S"), .char("S"))
    var theirs = m.document!.base
    theirs.json["seoDescription"] = .string("Theirs: " + Self.longNew)
    _ = m.update(.remoteFetched(.success(theirs)))
    #expect(m.page == .conflict)
    let lines = EditorHarness.lines(m)
    let mine = try #require(lines.first { $0.contains("mine:") }, "\(lines)")
    let their = try #require(lines.first { $0.contains("theirs:") }, "\(lines)")
    #expect(mine.hasSuffix("…"), "\(mine)")
    #expect(their.hasSuffix("…"), "\(their)")
  }

  // MARK: Issue 15: the requests view promises the exact bytes

  /// Joins the drawn request lines back: a step starts with "N. ", its continuation lines with
  /// three spaces.
  static func drawnRequests(_ m: Model) -> [String] {
    var requests: [String] = []
    var inRequests = false
    for line in EditorHarness.lines(m) {
      let body = line.hasPrefix(" ") ? String(line.dropFirst()) : line
      if body.hasPrefix("Requests the save will send") {
        inRequests = true
        continue
      }
      guard inRequests else { continue }
      if body.isEmpty { break }
      if let dot = body.firstIndex(of: "."), Int(body[..<dot]) != nil, body[dot...].hasPrefix(". ") {
        requests.append(String(body[body.index(dot, offsetBy: 2)...]))
      } else if body.hasPrefix("   "), !requests.isEmpty {
        requests[requests.count - 1] += String(body.dropFirst(3))
      } else {
        break
      }
    }
    return requests
  }

  @Test(arguments: [80, 120, 200])
  func requestsViewShowsEveryByteOfTheBody(width: Int) throws {
    var m = EditorHarness.model(width: width, height: 200)
    let name = "Nordlys 诺德利斯 毛衣 — كنزة صوف ميرينو من النرويج, vue de face, orderBy 羊毛セーター"
    let seo = String(repeating: "ウール sweater كنزة vue de face ", count: 12)
    m.apply(.set([.key("name")], .string(name)))
    m.apply(.set([.key("seoDescription")], .string(seo)))
    press(&m, .char("S"), .char("t"))
    let plan = m.document!.plan(storeLanguages: m.languages)
    let expected = plan.steps.map { $0.requestDescription(productId: m.productId) }
    let drawn = Self.drawnRequests(m)
    #expect(drawn.count == expected.count, "\(drawn)")
    for (d, e) in zip(drawn, expected) {
      #expect(Array(d.utf8) == Array(e.utf8), "at \(width) columns:\n\(d)\n\(e)")
    }
    #expect(expected.contains { $0.contains("诺德利斯") && $0.contains("كنزة") })
  }
}
