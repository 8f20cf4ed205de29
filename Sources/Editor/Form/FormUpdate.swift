import EcwidAPI
import ProductDocument
import Terminal

/// What the form reads of the product and the window (from the read-only context).
extension ScreenContext {
  /// The fields of the section shown (none outside the scalar sections).
  var formFields: [FieldSpec] {
    guard let document else { return [] }
    return FieldCatalogue.fields(for: section, product: document.current)
  }

  var formRows: Int { max(1, height - 6) }

  /// The validation's issue at a field (or inside it), as of the last refresh.
  func fieldIssue(at path: FieldPath) -> ValidationIssue? {
    issues.first { $0.path == path } ?? issues.first { $0.path.starts(with: path) }
  }

  /// The scalar section whose form shows the field at `path`, and the field's place in it.
  func formSection(for path: FieldPath) -> (Section, Int)? {
    guard let document else { return nil }
    for section in FormState.sections {
      let fields = FieldCatalogue.fields(for: section, product: document.current)
      if let i = fields.firstIndex(where: { path.starts(with: $0.path) || ($0.path.starts(with: path) && !path.isEmpty) }) {
        return (section, i)
      }
    }
    return nil
  }
}

extension FormState: Component {
  var keys: KeyTable<FormState> { FormKeys.table }

  public mutating func update(_ message: FormMsg, _ context: ScreenContext) -> [Effect] {
    switch message {
    case .key(let key): return handle(key, context) ?? []
    case .paste(let text): return paste(text, context)
    case .commitPending: return commitEditing(context)
    case .show(let path):
      guard let (target, index) = context.formSection(for: path) else { return [] }
      selected[target] = index
      return [.showSection(target)]
    }
  }

  /// A key of the field list, or of its open field or popup; nil when none has it (the keys every
  /// section shares have it then).
  mutating func handle(_ key: Key, _ context: ScreenContext) -> [Effect]? {
    if let effects = changeOpenField(context, { $0.handle(key) }) { return effects }
    if choosing != nil { return choosingKey(key, context) }
    return keys.run(key, on: &self, context)
  }

  /// A paste goes into the field being typed into (the root only sends it then).
  mutating func paste(_ text: String, _ context: ScreenContext) -> [Effect] {
    changeOpenField(context) { $0.paste(text) } ?? []
  }

  /// Changes the open field's text; nil when no field is open. The field is taken out of the
  /// state while it changes, so its text is not shared and is changed in place (a megabyte field
  /// is not copied per key).
  mutating func changeOpenField(_ c: ScreenContext, _ change: (inout TextEdit) -> TextEdit.Outcome) -> [Effect]? {
    guard var editing else { return nil }
    let wasInvalid = editing.problem != nil
    self.editing = nil
    let outcome = change(&editing.edit)
    return fieldEdited(editing, outcome, c, wasInvalid: wasInvalid)
  }

  /// The selected field's place in the section shown.
  func selectedIndex(_ c: ScreenContext) -> Int { selected[c.section] ?? 0 }

  /// The selected field of the section shown, if the section has fields.
  func selectedField(_ c: ScreenContext) -> FieldSpec? {
    let fields = c.formFields
    return fields.isEmpty ? nil : fields[min(selectedIndex(c), fields.count - 1)]
  }

  /// Moves the field selection by `rows` (clamped); `to` jumps to the first (0) or last (-1).
  mutating func selectField(by rows: Int = 0, to place: Int? = nil, _ c: ScreenContext) -> [Effect] {
    let count = c.formFields.count
    guard count > 0 else { return [] }
    if let place {
      selected[c.section] = place < 0 ? count - 1 : place
    } else {
      selected[c.section] = max(0, min(count - 1, selectedIndex(c) + rows))
    }
    return []
  }

  mutating func editSelectedField(viaSpace: Bool, _ c: ScreenContext) -> [Effect] {
    guard let spec = selectedField(c) else { return [] }
    return startEditing(spec, viaSpace: viaSpace, c)
  }

  func restoreSelectedField(_ c: ScreenContext) -> [Effect] {
    guard let spec = selectedField(c), let document = c.document else { return [] }
    let original = document.base.value(at: spec.path)
    guard document.current.value(at: spec.path) != original else {
      return [.status(StatusMessage("\(spec.label) is as fetched: nothing to restore"))]
    }
    return [.apply(.set(spec.path, original)), .status(StatusMessage("\(spec.label) restored to the fetched value"))]
  }

  mutating func startEditing(_ spec: FieldSpec, viaSpace: Bool = false, _ c: ScreenContext) -> [Effect] {
    guard let document = c.document else { return [] }
    let value = document.current.value(at: spec.path)
    switch spec.kind {
    case .toggle:
      let now = value?.boolValue ?? false
      return [.apply(.set(spec.path, .bool(!now))), .status(StatusMessage("\(spec.label): \(now ? "no" : "yes")"))]
    case .choice(let values):
      if viaSpace { return [] }
      var all = values
      let currentText = value?.stringValue
      if let currentText, !all.contains(currentText) { all.insert(currentText, at: 0) }
      choosing = Choosing(spec: spec, values: all, highlighted: currentText.flatMap { all.firstIndex(of: $0) } ?? 0)
      return []
    case .longText:
      if viaSpace { return [] }
      return [.run(.externalEdit(path: spec.path, text: value?.stringValue ?? "", suffix: ".html"))]
    default:
      if viaSpace { return [] }
      var rule = TextEdit.Rule.text
      if case .number(let integer) = spec.kind { rule = .number(integer: integer) }
      editing = FieldEditing(
        spec: spec,
        edit: TextEdit(
          FieldText.editable(value, kind: spec.kind), coalesceKey: "field:\(spec.path.text):\(c.documentVersion)", rule: rule),
        original: value)
      return []
    }
  }

  mutating func choosingKey(_ key: Key, _ c: ScreenContext) -> [Effect] {
    guard var choosing else { return [] }
    switch key {
    case .down, .char("j"): choosing.highlighted = min(choosing.values.count - 1, choosing.highlighted + 1)
    case .up, .char("k"): choosing.highlighted = max(0, choosing.highlighted - 1)
    case .enter, .char(" "):
      let value = choosing.values[choosing.highlighted]
      self.choosing = nil
      return set(choosing.spec.path, .string(value), c) + [.status(StatusMessage("\(choosing.spec.label): \(value)"))]
    case .escape, .char("q"):
      self.choosing = nil
      return []
    default: break
    }
    self.choosing = choosing
    return []
  }

  /// What a field does with its text component's outcome: the text typed so far is applied when
  /// it parses, so the draft journal always has it.
  mutating func fieldEdited(
    _ field: FieldEditing, _ outcome: TextEdit.Outcome, _ c: ScreenContext, wasInvalid: Bool
  ) -> [Effect] {
    editing = field
    let spec = field.spec
    let coalesceKey = field.edit.coalesceKey
    switch outcome {
    case .committed, .refused:
      // The field's own parse says why Enter is refused (numbers, lists, wholesale tiers).
      return commitEditing(c)
    case .reverted:
      // Back to the value before this edit; the whole edit is one undo step either way.
      editing = nil
      return set(spec.path, field.original, coalesceKey: coalesceKey, c) + [.status(StatusMessage("Edit cancelled"))]
    case .invalid(_, let problem):
      // Kept as typed and shown (field and status line) until it is a number; Enter is refused.
      return [.status(StatusMessage("\(spec.label): \(problem)", .error))]
    case .edited(let text):
      var effects: [Effect] = []
      if wasInvalid { effects.append(.status(StatusMessage("\(spec.label): a valid number"))) }
      // An emptied field is only removed on Enter, not while the user is retyping it.
      if case .success(let value) = FieldText.parse(text, kind: spec.kind, label: spec.label),
        let stored = storedValue(value, spec: spec, c)
      {
        effects += set(spec.path, stored, coalesceKey: coalesceKey, c)
      }
      return effects
    case .moved, .ignored:
      return []
    }
  }

  /// Clearing a field that the server did not send removes it again instead of sending "".
  func storedValue(_ value: JSON?, spec: FieldSpec, _ c: ScreenContext) -> JSON? {
    if case .string("")? = value, c.document?.base.value(at: spec.path) == nil { return nil }
    return value
  }

  /// The edit that sets the value at `path`, when it differs (an editing session's edits carry
  /// its coalesce key: one undo step).
  func set(_ path: FieldPath, _ value: JSON?, coalesceKey: String? = nil, _ c: ScreenContext) -> [Effect] {
    guard c.document?.current.value(at: path) != value else { return [] }
    return [.apply(.set(path, value), coalesceKey: coalesceKey)]
  }

  /// Enter on a field: its text becomes the value and the field closes, or, when the text is not
  /// a valid value, the field stays open and the status line says why.
  mutating func commitEditing(_ c: ScreenContext) -> [Effect] {
    guard let field = editing else { return [] }
    let spec = field.spec
    switch FieldText.parse(field.field.text, kind: spec.kind, label: spec.label) {
    case .failure(.message(let text)):
      return [.status(StatusMessage(text, .error))]
    case .success(let value):
      editing = nil
      return set(spec.path, storedValue(value, spec: spec, c), coalesceKey: field.edit.coalesceKey, c) + [
        .serverError(spec.path, nil), .refreshDerived,
        .issueStatus(at: spec.path, label: spec.label, otherwise: StatusMessage("\(spec.label) set")),
      ]
    }
  }
}
