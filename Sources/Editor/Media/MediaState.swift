import EcwidAPI
import Foundation
import ProductDocument
import Terminal

public struct MediaState: Equatable, Sendable {
  public var selected = 0
  /// Editing an alt text: the image index, the language (nil = the main alt) and the text.
  public var editing: AltEditing?
  /// Choosing the language of an alt translation to edit.
  public var choosingLanguage: Int?
  /// Typing the URL of a medium to add.
  public var adding: TextEdit?
  /// Asking before removing the medium at this index.
  public var confirmingRemove: Int?
  public init() {}
}

public struct AltEditing: Equatable, Sendable {
  public var index: Int
  public var language: String?
  public var edit: TextEdit
  /// The alt text before this edit (Esc puts it back).
  public var original: String?
  public var field: TextField { edit.field }
}

/// One row of the gallery.
struct MediaRow {
  var index: Int
  var kind: MediaKind
  var item: JSON
}

/// The gallery's rows over the product's two arrays, made one at a time when read.
struct MediaRows: RandomAccessCollection {
  let images: [JSON]
  let videos: [JSON]
  var startIndex: Int { 0 }
  var endIndex: Int { images.count + videos.count }
  subscript(i: Int) -> MediaRow {
    i < images.count
      ? MediaRow(index: i, kind: .image, item: images[i])
      : MediaRow(index: i, kind: .video, item: videos[i - images.count])
  }
}

public struct URLProblemMessage: Error, Equatable {
  public var text: String
  public init(_ text: String) { self.text = text }
}
