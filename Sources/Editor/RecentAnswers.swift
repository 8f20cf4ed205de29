/// The last few answers of a costly function that a view asks again on every frame (a text's
/// character count, a fitted hint line): found by comparing the question, the oldest replaced first
/// once `capacity` are kept. Strings compare without being read when they share storage, so asking
/// about the same 200 KB text again costs next to nothing.
struct RecentAnswers<Question: Equatable & Sendable, Answer: Sendable>: Sendable {
  let capacity: Int
  private var entries: [(question: Question, answer: Answer)] = []
  private var next = 0

  init(capacity: Int) { self.capacity = capacity }

  func answer(to question: Question) -> Answer? { entries.first { $0.question == question }?.answer }

  mutating func remember(_ question: Question, _ answer: Answer) {
    if entries.count < capacity {
      entries.append((question, answer))
    } else {
      entries[next] = (question, answer)
      next = (next + 1) % capacity
    }
  }
}
