import EcwidAPI
import ProductDocument
import Terminal
import Testing

@testable import Editor

/// The gallery as a component (issue 14): its update changes only `MediaState`; the document, the
/// status line and the server's error at the gallery are changed by the root from its effects.
@Suite struct MediaComponentTests {
  func galleryModel() -> Model {
    var m = EditorHarness.model(width: 120, height: 40)
    m.section = .media
    return m
  }

  var imagesPath: FieldPath { [.key("media"), .key("images")] }

  @Test func removingAMediumAsksTheRootToClearTheGallerysServerError() throws {
    var m = galleryModel()
    m.serverErrors[[.key("media")]] = "Image download failed"
    let images = try #require(m.document?.current.value(at: imagesPath)?.arrayValue?.count)
    var gallery = m.media
    #expect(gallery.update(.key(.char("x")), m.context).isEmpty)
    #expect(gallery.confirmingRemove == 0, "x asks first")
    let context = m.context
    let effects = gallery.update(.key(.char("y")), context)
    // The gallery did not touch the document or the form: it asked.
    #expect(context.document?.current.value(at: imagesPath)?.arrayValue?.count == images)
    #expect(m.serverErrors[[.key("media")]] != nil)
    #expect(effects.contains { if case .apply(.removeMedia(index: 0), _) = $0 { true } else { false } })
    #expect(
      effects.contains {
        if case .serverError(let path, let text) = $0 { return path == [.key("media")] && text == nil }
        return false
      })
    // The root applies them.
    m.media = gallery
    _ = m.perform(effects)
    #expect(m.document?.current.value(at: imagesPath)?.arrayValue?.count == images - 1)
    #expect(m.serverErrors[[.key("media")]] == nil)
    #expect(m.message?.text.hasPrefix("Removed") == true)
  }

  @Test func theSameKeysThroughTheRootDoTheSame() throws {
    var m = galleryModel()
    m.serverErrors[[.key("media")]] = "Image download failed"
    #expect(EditorHarness.text(m).contains("Image download failed"), "the gallery shows the server's error")
    let images = try #require(m.document?.current.value(at: imagesPath)?.arrayValue?.count)
    press(&m, .char("G"), .char("x"), .char("y"))
    #expect(m.serverErrors.isEmpty)
    #expect(!EditorHarness.text(m).contains("Image download failed"))
    let count = m.context.mediaCount
    #expect(m.media.selected == count - 1, "the selection stays on the last row: \(m.media.selected) of \(count)")
    #expect(m.document?.current.value(at: imagesPath)?.arrayValue?.count ?? 0 <= images)
  }

  @Test func movingAnImageIsAnEditTheGalleryAsksFor() throws {
    var m = galleryModel()
    let first = m.document?.current.value(at: imagesPath + [.index(0)])
    var gallery = m.media
    let effects = gallery.update(.key(.char("J")), m.context)
    #expect(gallery.selected == 1)
    #expect(m.document?.current.value(at: imagesPath + [.index(0)]) == first, "not moved by the gallery itself")
    guard case .apply(.moveImage(from: 0, to: 1), _)? = effects.first else {
      Issue.record("expected a move: \(effects)")
      return
    }
    // A key the gallery does not have (undo) is the root's.
    press(&m, .char("J"))
    #expect(m.document?.current.value(at: imagesPath + [.index(1)]) == first)
    press(&m, .char("u"))
    #expect(m.document?.current.value(at: imagesPath + [.index(0)]) == first)
  }

  @Test func addingAnImageSelectsItsRow() throws {
    var m = galleryModel()
    let images = m.context.imageCount
    press(&m, .char("a"))
    _ = m.update(.paste("https://example.com/new.jpg"))
    press(&m, .enter)
    #expect(m.context.imageCount == images + 1)
    #expect(m.media.selected == images, "the new image is the last image")
    #expect(m.message?.text.hasPrefix("Image added") == true)
  }
}
