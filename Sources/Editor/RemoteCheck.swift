import EcwidAPI
import Foundation
import ProductDocument

/// The background check of the product on the server while editing (issue 12): when someone
/// else changed it, changes that do not touch my edits are taken in at once; ones that do are left
/// for the save's conflict dialog, and both are announced in the status line.
extension Model {
  /// The runtime's timer says it is time to look (every `EditorOptions.remoteCheckInterval`).
  mutating func remoteCheckDue() -> [Command] {
    guard let productId, document != nil, busy == nil, !saveAfterFetch, !planInFlight, !remoteCheckInFlight,
      page == .form || page == .review
    else { return [] }
    remoteCheckInFlight = true
    return [.checkRemote(productId: productId)]
  }

  mutating func remoteChecked(_ result: Result<Product, EcwidError>) -> [Command] {
    remoteCheckInFlight = false
    // A failed look is tried again at the next interval; a save in progress does its own check.
    guard case .success(let theirs) = result, let document, busy == nil, !saveAfterFetch, !planInFlight,
      page == .form || page == .review
    else { return [] }
    let stamp = theirs.json["updateTimestamp"]
    if let stamp, stamp == document.base.json["updateTimestamp"] || stamp == remoteSeenTimestamp { return [] }
    let check = checkConflicts(base: document.base, mine: document.current, theirs: theirs)
    guard check.remoteChanged else {
      remoteSeenTimestamp = stamp
      return []
    }
    let remoteChanges = diff(base: document.base, current: theirs)
    let labels = Model.shortList(remoteChanges.map(\.label))
    if !check.conflicts.isEmpty {
      // Taking in only the rest would make their value of these fields the base, and the save
      // would overwrite it without asking: leave everything for the save's conflict dialog.
      remoteSeenTimestamp = stamp
      message = StatusMessage(
        "The product changed on the server (\(labels)); \(Model.shortList(check.conflicts.map(\.label))) "
          + "you edited too: saving will ask which to keep", .warning)
      return []
    }
    if isTyping {
      // A field is open: its text would hide their value. Take it in once the field is closed.
      message = StatusMessage("The product changed on the server (\(labels)); taken in when you leave the field", .warning)
      return []
    }
    remoteSeenTimestamp = stamp
    self.document!.takeRemote(check)
    documentChanged()
    refreshDerived()
    message = StatusMessage(
      "The product changed on the server: took in \(remoteChanges.count) change\(remoteChanges.count == 1 ? "" : "s") "
        + "(\(labels)); your edits are kept", .warning)
    return []
  }

  static func shortList(_ labels: [String]) -> String {
    var unique: [String] = []
    for l in labels where !unique.contains(l) { unique.append(l) }
    if unique.count <= 3 { return unique.joined(separator: ", ") }
    return unique.prefix(3).joined(separator: ", ") + " and \(unique.count - 3) more"
  }
}
