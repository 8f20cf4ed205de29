import EcwidAPI

extension Product {
  /// Undoes one change of `diff(base:current:)` on this (edited) product. The change is looked
  /// up again by id, so it applies to the product as it is now.
  mutating func revert(_ change: Change, base: Product) {
    guard let fresh = diff(base: base, current: self).first(where: { $0.id == change.id }) else { return }
    switch fresh.kind {
    case .changed:
      if fresh.path.count == 1, case .key(let key) = fresh.path[0], let old = fresh.old {
        // Back in the place the server had it, in case an edit removed and re-added the key.
        json.removeValue(forKey: key)
        json.insert(old, forKey: key, orderedLike: base.json)
      } else {
        setValue(fresh.old, at: fresh.path)
      }
    case .added:
      if case .index(let i) = fresh.path.last {
        updateArray(at: Array(fresh.path.dropLast())) { array in
          if array.indices.contains(i) { array.remove(at: i) }
        }
      } else {
        setValue(nil, at: fresh.path)
      }
    case .removed:
      guard let old = fresh.old else { return }
      if case .index(let baseIndex) = fresh.basePath.last {
        reinsert(old, baseIndex: baseIndex, parent: Array(fresh.path.dropLast()), baseParent: Array(fresh.basePath.dropLast()), base: base)
      } else if case .key(let key) = fresh.path.last {
        let parentPath = Array(fresh.path.dropLast())
        let reference = base.json.value(at: Array(fresh.basePath.dropLast()))?.objectValue ?? [:]
        if parentPath.isEmpty {
          json.insert(old, forKey: key, orderedLike: base.json)
        } else {
          var parent = value(at: parentPath)?.objectValue ?? [:]
          setValue(.null, at: parentPath)
          parent.insert(old, forKey: key, orderedLike: reference)
          setValue(.object(parent), at: parentPath)
        }
      }
    case .moved:
      guard case .index(let currentIndex) = fresh.path.last, case .index(let baseIndex) = fresh.basePath.last else { return }
      let parent = Array(fresh.path.dropLast())
      guard let element = value(at: fresh.path) else { return }
      updateArray(at: parent) { array in
        if array.indices.contains(currentIndex) { array.remove(at: currentIndex) }
      }
      reinsert(element, baseIndex: baseIndex, parent: parent, baseParent: Array(fresh.basePath.dropLast()), base: base)
    }
  }

  /// Puts `element` back after the nearest element that preceded it in the fetched array.
  private mutating func reinsert(_ element: JSON, baseIndex: Int, parent: FieldPath, baseParent: FieldPath, base: Product) {
    let baseArray = base.value(at: baseParent)?.arrayValue ?? []
    let identity = Self.identity(of: parent, elements: baseArray)
    let baseKeys = identity.keys(baseArray)
    updateArray(at: parent) { array in
      let currentKeys = identity.keys(array)
      var position = 0
      var j = baseIndex - 1
      while j >= 0 {
        if let here = currentKeys.firstIndex(of: baseKeys[j]) {
          position = here + 1
          break
        }
        j -= 1
      }
      array.insert(element, at: min(position, array.count))
    }
  }

  static func identity(of arrayPath: FieldPath, elements: [JSON]) -> ArrayIdentity {
    var key: String?
    var parentKey: String?
    if case .key(let k)? = arrayPath.last { key = k }
    if arrayPath.count >= 2, case .key(let k) = arrayPath[arrayPath.count - 2] { parentKey = k }
    return ArrayIdentity.of(key: key, parentKey: parentKey, topLevel: arrayPath.count == 1, elements: elements)
  }

  /// Changes the array at `path`; an option's choices keep their default choice.
  mutating func updateArray(at path: FieldPath, _ body: (inout [JSON]) -> Void) {
    if path.count == 3, path[0] == .key("options"), case .index(let option) = path[1], path[2] == .key("choices") {
      updateChoices(option: option, body)
      return
    }
    var array = value(at: path)?.arrayValue ?? []
    setValue(.null, at: path)
    body(&array)
    setValue(.array(array), at: path)
  }
}
