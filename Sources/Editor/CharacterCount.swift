import Synchronization

/// The number of characters (graphemes) of `text`, remembered for the last long text asked about.
///
/// The form shows "N characters" for the description on every frame; counting the graphemes of a
/// 200 KB description takes most of a millisecond, and between two keys the text is the same
/// (the same storage, which `==` recognises without reading it).
func characterCount(_ text: String) -> Int {
  guard text.utf8.count > 4096 else { return text.count }
  if let known = lastCount.withLock({ last in last.flatMap { $0.text == text ? $0.count : nil } }) { return known }
  let count = text.count
  lastCount.withLock { $0 = (text, count) }
  return count
}

private let lastCount = Mutex<(text: String, count: Int)?>(nil)
