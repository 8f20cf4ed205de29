import EcwidAPI

// Options and variations stay consistent: a variation names its option values by the option's
// name and the choice's text (that is how Ecwid matches them), so renaming an option or a choice
// renames them in every variation, and removing a choice removes the variations that had it —
// in the same edit (one undo step), so the review shows which variations change or go, and the
// plan sends the product's new options first, then the variation updates and deletions.

extension Product {
  /// Makes the variations follow `edit`, which turned `old` into this product.
  mutating func followOptions(after edit: Edit, from old: Product) {
    guard hasCombinations else { return }
    let oldOptions = old.json["options"]?.arrayValue ?? []
    let newOptions = json["options"]?.arrayValue ?? []
    switch edit {
    case .set(let path, _):
      guard path.count >= 3, path[0] == .key("options"), case .index(let i) = path[1], oldOptions.indices.contains(i),
        newOptions.indices.contains(i), let oldName = oldOptions[i]["name"]?.stringValue
      else { return }
      let newName = newOptions[i]["name"]?.stringValue ?? oldName
      if path.count == 3, path[2] == .key("name"), newName != oldName {
        // Another option already called that: which one a variation means would be a guess.
        guard !oldOptions.contains(where: { $0["name"]?.stringValue == newName }) else { return }
        updateCombinationValues { pair in
          guard pair["name"]?.stringValue == oldName else { return .keep }
          var p = pair
          p["name"] = .string(newName)
          return .replace(p)
        }
      }
      if path.count == 5, path[2] == .key("choices"), case .index(let j) = path[3], path[4] == .key("text") {
        let oldChoices = oldOptions[i]["choices"]?.arrayValue ?? []
        let newChoices = newOptions[i]["choices"]?.arrayValue ?? []
        guard oldChoices.indices.contains(j), newChoices.indices.contains(j),
          let oldText = oldChoices[j]["text"]?.stringValue, let newText = newChoices[j]["text"]?.stringValue,
          oldText != newText,
          // Two choices with the same text: the variations cannot say which one they mean.
          oldChoices.filter({ $0["text"]?.stringValue == oldText }).count == 1,
          !oldChoices.contains(where: { $0["text"]?.stringValue == newText })
        else { return }
        updateCombinationValues { pair in
          guard pair["name"]?.stringValue == newName, pair["value"]?.stringValue == oldText else { return .keep }
          var p = pair
          p["value"] = .string(newText)
          return .replace(p)
        }
      }
    case .removeChoice(let option, let choice):
      guard oldOptions.indices.contains(option), let name = oldOptions[option]["name"]?.stringValue else { return }
      let oldChoices = oldOptions[option]["choices"]?.arrayValue ?? []
      guard oldChoices.indices.contains(choice), let text = oldChoices[choice]["text"]?.stringValue,
        oldChoices.filter({ $0["text"]?.stringValue == text }).count == 1
      else { return }
      updateCombinationValues { pair in
        pair["name"]?.stringValue == name && pair["value"]?.stringValue == text ? .dropVariation : .keep
      }
    default:
      return
    }
  }

  enum OptionValueChange {
    case keep
    case replace(JSON)
    case dropVariation
  }

  /// Applies `change` to every option value of every variation.
  mutating func updateCombinationValues(_ change: (JSON) -> OptionValueChange) {
    guard let list = json["combinations"]?.arrayValue else { return }
    var out: [JSON] = []
    var moved = false
    for c in list {
      guard var o = c.objectValue, let values = o["options"]?.arrayValue else {
        out.append(c)
        continue
      }
      var drop = false
      var newValues = values
      for (k, v) in values.enumerated() {
        switch change(v) {
        case .keep: continue
        case .replace(let p): newValues[k] = p
        case .dropVariation: drop = true
        }
      }
      if drop {
        moved = true
        continue
      }
      if newValues != values {
        o["options"] = .array(newValues)
        out.append(.object(o))
        moved = true
      } else {
        out.append(c)
      }
    }
    if moved { json["combinations"] = .array(out) }
  }
}
