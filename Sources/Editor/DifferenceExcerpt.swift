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
  var common = 0
  if let shortest = texts.map(\.count).min() {
    while common < shortest, texts.allSatisfy({ $0[common] == texts[0][common] }) { common += 1 }
  }
  // A few characters before the difference keep it readable ("…wool. Nano line.").
  let lead = 12
  return zip(texts, prefixes).map { text, prefix in
    let available = max(1, room - displayWidth(prefix))
    let whole = String(text)
    if displayWidth(whole) <= available || common <= lead { return prefix + truncate(whole, toWidth: available) }
    let start = common - lead
    return prefix + truncate("…" + String(text[start...]), toWidth: available)
  }
}
