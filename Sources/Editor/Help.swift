import ProductDocument

/// Every key of every screen, for the `?` overlay and the README's key reference.
extension Model {
  var helpTitle: String {
    switch page {
    case .picker: return "product picker"
    case .form: return section.title
    case .review: return "review"
    case .conflict: return "conflicts"
    case .recover: return "recover draft"
    case .loading, .failed: return "editor"
    }
  }

  var helpEntries: [(String, String)] {
    switch page {
    case .picker: return KeyReference.picker
    case .review: return KeyReference.review
    case .conflict: return KeyReference.conflict
    case .recover: return KeyReference.recover
    case .loading, .failed: return [("r", "try again"), ("q", "quit")]
    case .form:
      let specific: [(String, String)]
      switch section {
      case .media: specific = KeyReference.media
      case .options: specific = KeyReference.options
      case .translations: specific = KeyReference.translations
      default: specific = KeyReference.form
      }
      return specific + KeyReference.editorCommon
    }
  }
}

public enum KeyReference {
  public static let editorCommon: [(String, String)] = [
    ("Tab / Shift-Tab", "next / previous section"),
    ("1 … 8", "go to a section"),
    ("u", "undo (typing in a field is one step)"),
    ("Ctrl-Z", "suspend to the shell (fg brings the editor back)"),
    ("Ctrl-R / Ctrl-Y", "redo"),
    ("S / Ctrl-S", "review the changes, then save"),
    ("o", "back to the product list (asks about unsaved changes)"),
    ("q / Ctrl-C", "quit (asks when there are unsaved changes)"),
    ("?", "this help"),
  ]
  public static let form: [(String, String)] = [
    ("↑ ↓ / j k", "select a field"),
    ("PgUp PgDn g G", "page up / down, first / last field"),
    ("Enter / e", "edit the field (Description opens $EDITOR)"),
    ("Space", "flip a yes/no field"),
    ("r", "restore the field to the fetched value"),
    ("In a field", "←→ Home End, Ctrl-←→ words, Ctrl-U/K/W delete"),
    ("", "Enter keeps, Esc cancels; pasted text stays text"),
  ]
  public static let picker: [(String, String)] = [
    ("/", "new search: results narrow as you type (sku:ABC for a SKU)"),
    ("Esc", "clear the search and show every product"),
    ("↑ ↓ / j k", "select a product"),
    ("Enter", "open the selected product"),
    ("n / p, PgDn PgUp", "next / previous page"),
    ("q", "quit"),
  ]
  public static let review: [(String, String)] = [
    ("↑ ↓ / j k", "select a change"),
    ("y / n", "accept / reject the change (rejecting reverts it)"),
    ("a / r", "accept all / reject all"),
    ("u", "undo a rejection"),
    ("Enter", "the change in full, word by word (Esc back)"),
    ("t", "show the exact HTTP requests the save sends"),
    ("PgUp PgDn Space", "scroll"),
    ("S / Ctrl-S", "save now"),
    ("Esc / q", "back to the editor"),
  ]
  public static let conflict: [(String, String)] = [
    ("↑ ↓ / j k", "select a field"),
    ("m / t", "keep mine / take theirs for this field"),
    ("M / T", "keep mine / take theirs for every field"),
    ("Enter", "use these decisions and go back to review"),
    ("Esc", "cancel the save (nothing is sent, nothing lost)"),
  ]
  public static let recover: [(String, String)] = [
    ("r / Enter", "recover the draft's changes"),
    ("d", "discard the draft"),
    ("↑ ↓", "scroll the changes"),
    ("q", "quit and keep the draft for later"),
  ]
  public static let media: [(String, String)] = [
    ("↑ ↓ / j k", "select an image"),
    ("J K / Shift-↑↓", "move the image down / up one place"),
    ("Alt-g / Alt-G", "move the image to the top / bottom"),
    ("g G", "select the first / last image"),
    ("m", "make it the main image"),
    ("e / Enter", "edit the alt text"),
    ("l", "edit the alt text's translation in another language"),
    ("a", "add an image (or a video: URL of a video site) by URL"),
    ("x", "remove the image (asks first)"),
  ]
  public static var options: [(String, String)] { OptionsHelp.entries }
  public static var translations: [(String, String)] { TranslationsHelp.entries }
}
