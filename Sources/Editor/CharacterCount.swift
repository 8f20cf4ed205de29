import Synchronization

/// The number of characters (graphemes) of `text`, remembered for the last long texts asked about.
///
/// The form shows "N characters" for the description, and the translations grid "N ch" for each
/// language's, on every frame; counting the graphemes of a 200 KB text takes most of a millisecond,
/// and between two keys the texts are the same (the same storage, which `==` recognises without
/// reading it).
func characterCount(_ text: String) -> Int {
  guard text.utf8.count > 4096 else { return text.count }
  if let known = remembered.withLock({ $0.answer(to: text) }) { return known }
  let count = text.count
  remembered.withLock { $0.remember(text, count) }
  return count
}

private let remembered = Mutex(RecentAnswers<String, Int>(capacity: 64))
