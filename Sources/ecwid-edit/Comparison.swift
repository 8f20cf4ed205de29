import ArgumentParser
import EcwidAPI
import Foundation
import ProductDocument
import ProductSync

/// Exit statuses of `diff` and `apply` (README, "Editing JSON in your own editor").
enum Exit {
  /// diff: something differs.
  static let differs: Int32 = 1
  /// An error: the file, the settings, the store or a request; or a file apply refuses to send.
  static let error: Int32 = 2
  /// The product changed on the server in the fields the file changes (or, with no copy of the
  /// product as fetched, changed at all): nothing sent; `--force` sends the file's values.
  static let conflict: Int32 = 3
  /// apply: the file would clear the name or the price or delete every image; nothing sent;
  /// `--allow-destructive` sends it.
  static let destructive: Int32 = 4
}

/// The live product, the edited file, and the document between them (what diff and apply share).
///
/// With a base (the product as `get` fetched it, found by the file's `updateTimestamp`) the file's
/// own changes are those against the base, and they are merged with what changed on the server
/// since (three-way): remote changes to other fields are kept, and a field changed on both sides
/// is a conflict. Without a base, the file is compared with the live product, and a file older
/// than the live product is refused.
struct Comparison {
  var client: EcwidClient
  var file: ProductFile
  var live: Product
  /// The file's product: the base (or the live product) with the file's fields in place.
  var edited: Product
  var document: Document
  var languages: [String]?
  /// Fields both sides changed, overridden with `--force`.
  var overridden: [Conflict]

  static func load(
    id: Int, path: String, connection: ConnectionOptions, force: Bool, notifyLowStock: Bool? = nil
  ) async throws -> Comparison {
    let file = try ProductFile.read(path, productId: id)
    let client = try makeClient(connection, notifyLowStock: notifyLowStock)
    do {
      return try await load(id: id, file: file, client: client, force: force)
    } catch {
      await client.shutdown()
      throw error
    }
  }

  static func load(id: Int, file: ProductFile, client: EcwidClient, force: Bool) async throws -> Comparison {
    let live: Product
    do {
      live = try await client.productWithCombinations(id: id)
    } catch {
      throw fail(error.sentence)
    }
    let storeId = client.config.storeId
    let base = file.updateTimestamp.flatMap { BaseStore.load(storeId: storeId, productId: id, updateTimestamp: $0) }
    let mine: Product
    let ignored: [String]
    do {
      (mine, ignored) = try FileOverlay.apply(file, to: base ?? live)
    } catch {
      throw refuse(error)
    }
    printIgnored(ignored)

    var merged = mine
    var overridden: [Conflict] = []
    if let base {
      let result = checkConflicts(base: base, mine: mine, theirs: live)
      let conflicting = Set(result.conflicts.compactMap { $0.path.first.flatMap(topKey) })
      let remote = changedFields(base, live).filter { !conflicting.contains($0) }
      if !remote.isEmpty {
        note("changed on the server since `get`, kept as the server has them: \(labels(remote))")
      }
      if !result.conflicts.isEmpty {
        if !force {
          var lines = ["the product changed on the server since `get`, in fields your file changes too (nothing is sent unless --force):"]
          lines += describe(result.conflicts)
          lines.append("Run `ecwid-edit get \(id)` again and redo these edits, or use --force to send your values.")
          throw fail(lines.joined(separator: "\n"), code: Exit.conflict)
        }
        overridden = result.conflicts
        note((["--force: your values replace these changes made on the server:"] + describe(result.conflicts)).joined(separator: "\n"))
      }
      merged = result.merged
    } else if let fileStamp = file.updateTimestamp, let liveStamp = live.updateTimestamp, liveStamp > fileStamp {
      let differing = changedFields(live, mine)
      if !differing.isEmpty {
        let what = "the product changed on the server since this file was fetched (updateTimestamp \(fileStamp) → \(liveStamp)), and no copy of it as fetched is kept here to tell your changes from theirs"
        if !force {
          throw fail(
            "\(what). Fields that differ: \(labels(differing)).\n"
              + "Nothing is sent unless --force (which sends the file's values for these fields); "
              + "or run `ecwid-edit get \(id)` again and redo your edit.",
            code: Exit.conflict)
        }
        note("--force: \(what); the file's values are sent for: \(labels(differing))")
      }
    }
    var document = Document(base: live)
    document.apply(.replaceProduct(merged))
    let languages = try? await client.getProfile().languages?.ordered
    return Comparison(
      client: client, file: file, live: live, edited: mine, document: document, languages: languages,
      overridden: overridden)
  }

  static func topKey(_ c: PathComponent) -> String? {
    if case .key(let k) = c { return k }
    return nil
  }

  /// Top-level fields a save can change (`Product.updatableFields`) whose values differ; the
  /// fields the server computes from them are left out of the list.
  static func changedFields(_ a: Product, _ b: Product) -> [String] {
    var keys: [String] = []
    let fields = Product.updatableFields.union(["combinations"])
    for key in a.json.keys where fields.contains(key) && !sameJSON(a.json[key], b.json[key]) {
      keys.append(key)
    }
    for key in b.json.keys where a.json[key] == nil && fields.contains(key) {
      keys.append(key)
    }
    return keys
  }

  static func labels(_ keys: [String]) -> String {
    let names = keys.map { TextSafety.plain(String(Product.label(forField: $0).prefix(60))) }
    if names.count > 12 { return names.prefix(12).joined(separator: ", ") + " and \(names.count - 12) more" }
    return names.joined(separator: ", ")
  }

  /// Each conflict with its three values, bounded.
  static func describe(_ conflicts: [Conflict]) -> [String] {
    var lines: [String] = []
    for c in conflicts.prefix(20) {
      lines.append("  \(TextSafety.plain(c.label)):")
      lines.append("    base (as fetched):   \(c.base.map { TextSafety.plain(short($0)) } ?? "(absent)")")
      lines.append("    mine (the file):     \(c.mine.map { TextSafety.plain(short($0)) } ?? "(absent)")")
      lines.append("    theirs (the server): \(c.theirs.map { TextSafety.plain(short($0)) } ?? "(absent)")")
    }
    if conflicts.count > 20 { lines.append("  … and \(conflicts.count - 20) more") }
    return lines
  }
}

func note(_ text: String) {
  FileHandle.standardError.write(Data("note: \(text)\n".utf8))
}

/// Prints a refusal's lines and returns its exit code.
func refuse(_ r: Refusal) -> ExitCode {
  fail(r.lines.joined(separator: "\n  "), code: r.code)
}

func printIgnored(_ ignored: [String]) {
  if !ignored.isEmpty {
    note("read-only fields are ignored and left as the server has them: \(ignored.prefix(12).map { TextSafety.plain(String($0.prefix(60))) }.joined(separator: ", "))\(ignored.count > 12 ? " and \(ignored.count - 12) more" : "")")
  }
}
