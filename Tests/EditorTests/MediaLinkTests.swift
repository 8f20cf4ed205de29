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
}
