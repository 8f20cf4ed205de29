import EcwidAPI
import Testing

@testable import Editor

/// The editor reads the sandbox's list of video sites (they had drifted apart: the editor refused
/// a youtube-nocookie.com link that the sandbox takes as a YouTube video).
@Suite struct MediaLinkTests {
  @Test func aLinkToAnyVideoSiteIsAddedAsAVideo() {
    let urls = ["https://www.youtube-nocookie.com/embed/abc", "https://youtu.be/abc", "https://vimeo.com/76979871"]
      + MediaLinks.videoHosts.map { "https://www.\($0)/watch?v=abc" }
    for url in urls {
      guard case .success(let (_, kind)) = Model.checkMediaURL(url) else {
        Issue.record("\(url) refused")
        continue
      }
      #expect(kind == .video, "\(url)")
    }
  }

  /// The gallery names an image by the last piece of its URL's path (the query left out).
  @Test func anImageIsNamedByTheFileOfItsURL() {
    let cases: [(String, String)] = [
      ("https://cdn.example.com/images/12/shirt-front.jpg?width=1500", "shirt-front.jpg"),
      ("https://cdn.example.com/images/folder/", "folder"),
      ("https://例え.jp/画像/商品.png", "商品.png"),
      ("?only-a-query", "only-a-query"),
      ("https://cdn.example.com/a.jpg??x", "a.jpg"),
      ("plain", "plain"),
      ("", ""),
    ]
    for (url, name) in cases { #expect(Model.fileName(of: url) == name, "\(url)") }
  }
}
