import EcwidAPI
import ProductDocument
import Terminal

/// The scalar sections (General, Pricing & stock, Shipping & tax, SEO, Attributes & related).
extension Model {
  var formFields: [FieldSpec] {
    guard let document else { return [] }
    return FieldCatalogue.fields(for: section, product: document.current)
  }

  var selectedFieldIndex: Int {
    get { form.selected[section] ?? 0 }
    set { form.selected[section] = newValue }
  }

  /// Keys of a field being typed into, a popup or a question on the form; nil when none is open
  /// (the section's key table has the key then).
  mutating func formModalKey(_ key: Key) -> [Command]? {
    switch section {
    case .media:
      // The gallery is a component: its keys and prompts, or nil for the keys every section shares.
      let context = self.context
      if let effects = media.handle(key, context) { return perform(effects) }
    case .options: if let done = optionsModalKey(key) { return done }
    case .translations:
      // The grid is a component: its keys, its cell and its language list, or nil for the shared keys.
      let context = self.context
      if let effects = translations.handle(key, context) { return perform(effects) }
    case .variations: if let done = variationsModalKey(key) { return done }
    default: break
    }
    if form.editing != nil { return editingKey(key) }
    if form.choosing != nil { return choosingKey(key) }
    return nil
  }

  /// Moves the field selection by `rows` (clamped); `to` jumps to the first (0) or last (-1).
  mutating func selectField(by rows: Int = 0, to place: Int? = nil) -> [Command] {
    let count = formFields.count
    guard count > 0 else { return [] }
    if let place {
      selectedFieldIndex = place < 0 ? count - 1 : place
    } else {
      selectedFieldIndex = max(0, min(count - 1, selectedFieldIndex + rows))
    }
    return []
  }

  mutating func editSelectedField(viaSpace: Bool) -> [Command] {
    let fields = formFields
    guard !fields.isEmpty else { return [] }
    return startEditing(fields[min(selectedFieldIndex, fields.count - 1)], viaSpace: viaSpace)
  }

  mutating func restoreSelectedField() -> [Command] {
    let fields = formFields
    guard !fields.isEmpty else { return [] }
    let spec = fields[min(selectedFieldIndex, fields.count - 1)]
    let original = document?.base.value(at: spec.path)
    if document?.current.value(at: spec.path) != original {
      apply(.set(spec.path, original))
      message = StatusMessage("\(spec.label) restored to the fetched value")
    } else {
      message = StatusMessage("\(spec.label) is as fetched: nothing to restore")
    }
    return []
  }

  var formRows: Int { max(1, height - 6) }

  /// The scalar section whose form shows the field at `path`, if any.
  func formSection(for path: FieldPath) -> (Section, Int)? {
    guard let document else { return nil }
    for section in [Section.general, .pricing, .shipping, .seo, .attributes] {
      let fields = FieldCatalogue.fields(for: section, product: document.current)
      if let i = fields.firstIndex(where: { path.starts(with: $0.path) || ($0.path.starts(with: path) && !path.isEmpty) }) {
        return (section, i)
      }
    }
    return nil
  }

  mutating func startEditing(_ spec: FieldSpec, viaSpace: Bool = false) -> [Command] {
    guard let document else { return [] }
    let value = document.current.value(at: spec.path)
    switch spec.kind {
    case .toggle:
      let now = value?.boolValue ?? false
      apply(.set(spec.path, .bool(!now)))
      message = StatusMessage("\(spec.label): \(now ? "no" : "yes")")
      return []
    case .choice(let values):
      if viaSpace { return [] }
      var all = values
      let currentText = value?.stringValue
      if let currentText, !all.contains(currentText) { all.insert(currentText, at: 0) }
      form.choosing = Choosing(
        spec: spec, values: all, highlighted: currentText.flatMap { all.firstIndex(of: $0) } ?? 0)
      return []
    case .longText:
      if viaSpace { return [] }
      return [.externalEdit(path: spec.path, text: value?.stringValue ?? "", suffix: ".html")]
    default:
      if viaSpace { return [] }
      var rule = TextEdit.Rule.text
      if case .number(let integer) = spec.kind { rule = .number(integer: integer) }
      form.editing = FieldEditing(
        spec: spec,
        edit: TextEdit(
          FieldText.editable(value, kind: spec.kind), coalesceKey: "field:\(spec.path.text):\(documentVersion)", rule: rule),
        original: value)
      return []
    }
  }

  mutating func choosingKey(_ key: Key) -> [Command] {
    guard var choosing = form.choosing else { return [] }
    switch key {
    case .down, .char("j"): choosing.highlighted = min(choosing.values.count - 1, choosing.highlighted + 1)
    case .up, .char("k"): choosing.highlighted = max(0, choosing.highlighted - 1)
    case .enter, .char(" "):
      let value = choosing.values[choosing.highlighted]
      if document?.current.value(at: choosing.spec.path)?.stringValue != value {
        apply(.set(choosing.spec.path, .string(value)))
      }
      message = StatusMessage("\(choosing.spec.label): \(value)")
      form.choosing = nil
      return []
    case .escape, .char("q"):
      form.choosing = nil
      return []
    default: break
    }
    form.choosing = choosing
    return []
  }

  mutating func editingKey(_ key: Key) -> [Command] {
    guard var editing = form.editing else { return [] }
    let outcome = editing.edit.handle(key)
    return fieldEdited(editing, outcome)
  }

  mutating func fieldPaste(_ text: String) -> [Command] {
    guard var editing = form.editing else { return [] }
    let outcome = editing.edit.paste(text)
    return fieldEdited(editing, outcome)
  }

  /// What a field does with its text component's outcome: the text typed so far is applied when
  /// it parses, so the draft journal always has it.
  mutating func fieldEdited(_ editing: FieldEditing, _ outcome: TextEdit.Outcome) -> [Command] {
    let wasInvalid = form.editing?.problem != nil
    form.editing = editing
    let spec = editing.spec
    switch outcome {
    case .committed, .refused:
      // The field's own parse says why Enter is refused (numbers, lists, wholesale tiers).
      return commitEditing()
    case .reverted:
      // Back to the value before this edit; the whole edit is one undo step either way.
      setIfChanged(spec.path, editing.original, coalesceKey: editing.edit.coalesceKey)
      form.editing = nil
      message = StatusMessage("Edit cancelled")
    case .invalid(_, let problem):
      // Kept as typed and shown (field and status line) until it is a number; Enter is refused.
      message = StatusMessage("\(spec.label): \(problem)", .error)
    case .edited(let text):
      if wasInvalid { message = StatusMessage("\(spec.label): a valid number") }
      // An emptied field is only removed on Enter, not while the user is retyping it.
      if case .success(let value) = FieldText.parse(text, kind: spec.kind, label: spec.label),
        let stored = storedValue(value, spec: spec)
      {
        setIfChanged(spec.path, stored, coalesceKey: editing.edit.coalesceKey)
      }
    case .moved, .ignored:
      break
    }
    return []
  }

  /// Clearing a field that the server did not send removes it again instead of sending "".
  func storedValue(_ value: JSON?, spec: FieldSpec) -> JSON? {
    if case .string("")? = value, document?.base.value(at: spec.path) == nil { return nil }
    return value
  }

  mutating func commitEditing() -> [Command] {
    guard let editing = form.editing else { return [] }
    switch FieldText.parse(editing.field.text, kind: editing.spec.kind, label: editing.spec.label) {
    case .failure(.message(let text)):
      message = StatusMessage(text, .error)
      return []
    case .success(let value):
      setIfChanged(editing.spec.path, storedValue(value, spec: editing.spec), coalesceKey: editing.edit.coalesceKey)
      form.editing = nil
      form.serverErrors[editing.spec.path] = nil
      refreshDerived()
      if let issue = issue(at: editing.spec.path) {
        message = StatusMessage("\(editing.spec.label): \(issue.message)", issue.severity == .error ? .error : .warning)
      } else {
        message = StatusMessage("\(editing.spec.label) set")
      }
      return []
    }
  }
}
