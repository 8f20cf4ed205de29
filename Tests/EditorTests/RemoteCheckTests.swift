import EcwidAPI
import Foundation
import ProductDocument
import Terminal
import Testing

@testable import Editor

/// The background check of `updateTimestamp` while editing (issue 12).
@Suite struct RemoteCheckTests {
  func theirs(_ base: Product, _ change: (inout JSONObject) -> Void) -> Product {
    var json = base.json
    change(&json)
    json["updateTimestamp"] = .int((base.json["updateTimestamp"]?.intValue ?? 0) + 60)
    return Product(json: json)
  }

  func dueCommands(_ m: inout Model) -> [Command] { m.update(.remoteCheckDue) }

  @Test func aRemoteChangeThatDoesNotTouchMyEditsIsTakenIn() throws {
    var m = EditorHarness.model()
    let base = m.document!.base
    press(&m, .enter, .ctrl("u"))
    type(&m, "My New Name")
    press(&m, .enter)
    let commands = dueCommands(&m)
    guard case .checkRemote(let id)? = commands.first else {
      Issue.record("no background check was asked for: \(commands)")
      return
    }
    #expect(id == base.id)
    // A second timer tick while the first look is on its way asks for nothing more.
    #expect(dueCommands(&m).isEmpty)
    let remote = theirs(base) { $0["price"] = .double(55.25) }
    _ = m.update(.remoteChecked(.success(remote)))
    #expect(m.document!.current.json["price"]?.doubleValue == 55.25)
    #expect(m.document!.current.name == "My New Name")
    #expect(m.message?.text.contains("changed on the server") == true, "\(m.message?.text ?? "")")
    #expect(m.message?.text.contains("Price") == true)
    // Only my edit is left to send.
    let plan = m.document!.plan(storeLanguages: EditorHarness.languages)
    guard case .updateProduct(let body)? = plan.steps.first else {
      Issue.record("no update in \(plan.steps)")
      return
    }
    #expect(Set(body.keys).isSubset(of: ["name", "nameTranslated"]), "\(body.keys)")
    #expect(EditorHarness.text(m).contains("changed on the server"))
  }

  @Test func aRemoteChangeOfAFieldIEditedIsLeftForTheSaveAndAnnounced() throws {
    var m = EditorHarness.model()
    let base = m.document!.base
    press(&m, .enter, .ctrl("u"))
    type(&m, "Mine")
    press(&m, .enter)
    _ = dueCommands(&m)
    let remote = theirs(base) {
      $0["name"] = .string("Theirs")
      $0["price"] = .double(12)
    }
    _ = m.update(.remoteChecked(.success(remote)))
    // Nothing taken in, so the save's conflict check still sees both.
    #expect(m.document!.base == base)
    #expect(m.document!.current.name == "Mine")
    #expect(m.message?.kind == .warning)
    #expect(m.message?.text.contains("saving will ask") == true, "\(m.message?.text ?? "")")
    // Announced once, not at every check.
    m.message = nil
    _ = dueCommands(&m)
    _ = m.update(.remoteChecked(.success(remote)))
    #expect(m.message == nil)
  }

  @Test func noChangeOnTheServerSaysNothing() {
    var m = EditorHarness.model()
    let base = m.document!.base
    _ = dueCommands(&m)
    m.message = nil
    _ = m.update(.remoteChecked(.success(base)))
    #expect(m.message == nil)
    #expect(m.document!.base == base)
  }

  @Test func anOpenFieldPostponesTakingIn() {
    var m = EditorHarness.model()
    let base = m.document!.base
    m.section = .pricing
    m.form.selected[.pricing] = 5  // quantity
    press(&m, .enter)
    _ = dueCommands(&m)
    _ = m.update(.remoteChecked(.success(theirs(base) { $0["price"] = .double(3) })))
    #expect(m.document!.current.json["price"] == base.json["price"])
    press(&m, .escape)
    _ = dueCommands(&m)
    _ = m.update(.remoteChecked(.success(theirs(base) { $0["price"] = .double(3) })))
    #expect(m.document!.current.json["price"]?.doubleValue == 3)
  }
}
