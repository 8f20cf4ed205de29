import EcwidAPI
import Terminal

/// Lines that show where values differ. Long texts that start alike (a description edited at its
/// end) would all be cut at the same place and look identical; each is cut instead so that the
/// first place where they differ is on screen, with "…" where text was left out.
///
/// `values` are the JSON values side by side (nil: absent); `room` is the width each line may use
/// after its `prefixes` ("   mine:   ").
func differenceExcerpts(_ values: [JSON?], prefixes: [String], room: Int) -> [String] {
  let texts: [[Character]] = values.map { value in
    guard let value else { return Array("∅") }
    if case .string(let s) = value { return Array("“" + s.map { $0.isNewline ? " " : $0 } + "”") }
    return Array(value.compactText)
  }
  func commonPrefix(_ a: [Character], _ b: [Character]) -> Int {
    var n = 0
    while n < a.count, n < b.count, a[n] == b[n] { n += 1 }
    return n
  }
  // Each value is cut where it departs from the one it most resembles (mine and theirs that both
  // extend a description differ late; a base that is another text altogether shows its start).
  let cuts = texts.indices.map { i in
    texts.indices.filter { $0 != i && texts[$0] != texts[i] }.map { commonPrefix(texts[i], texts[$0]) }.max() ?? 0
  }
  // A few characters before the difference keep it readable ("…wool. Nano line.").
  let lead = 12
  return texts.indices.map { i in
    let (text, prefix, common) = (texts[i], i < prefixes.count ? prefixes[i] : "", cuts[i])
    let available = max(1, room - displayWidth(prefix))
    let whole = String(text)
    if displayWidth(whole) <= available || common <= lead { return prefix + truncate(whole, toWidth: available) }
    let start = common - lead
    return prefix + truncate("…" + String(text[start...]), toWidth: available)
  }
}
