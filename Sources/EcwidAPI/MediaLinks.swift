/// What a media link is, from its URL alone: the one list that the editor (before it sends a link)
/// and the sandbox (when it answers one) both read, so they cannot drift apart.
public enum MediaLinks {
  /// Ecwid takes JPG, PNG and GIF images (ECWID-API.md, "Errors and limits").
  public static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "gif"]
  /// A direct link to a video file, on any host.
  public static let videoFileExtensions: Set<String> = ["mp4", "mov", "webm", "m4v"]
  public static let youTubeHosts = ["youtube.com", "youtu.be", "youtube-nocookie.com"]
  public static let vimeoHosts = ["vimeo.com"]
  /// Video sites: a link to one of them (or to a subdomain) is a video.
  public static let videoHosts = youTubeHosts + vimeoHosts
}
