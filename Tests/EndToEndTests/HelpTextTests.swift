import Foundation
import Testing

/// `--help` reads as text (issue 12): no sentence is broken by a hard line end in the middle,
/// and no line of a table is wrapped onto a stub line of its own.
@Suite struct HelpTextTests {
  static let commands: [[String]] = [
    [], ["edit"], ["demo"], ["get"], ["search"], ["diff"], ["apply"], ["sandbox"], ["config"],
  ]

  /// Problems in one help text: a table line (indented) followed by an unindented stub that
  /// continues it, or a prose line cut far short of the width and continued on the next line.
  static func problems(in text: String) -> [String] {
    let lines = text.components(separatedBy: "\n")
    var found: [String] = []
    for (a, b) in zip(lines, lines.dropFirst()) {
      guard let first = b.first, first.isLetter, first.isLowercase else { continue }
      if a.hasPrefix(" ") {
        found.append("a table line wrapped: «\(a)» / «\(b)»")
      } else if !a.isEmpty, a.count < 60, !a.hasSuffix(":"), !a.hasSuffix(".") {
        found.append("a sentence broken by a hard line end: «\(a)» / «\(b)»")
      }
    }
    return found
  }

  @Test(arguments: commands)
  func helpTextIsNotBrokenMidSentence(_ command: [String]) async throws {
    let r = try await CLI.run(command + ["--help"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("USAGE"), "\(r.stdout)")
    let problems = Self.problems(in: r.stdout)
    #expect(problems.isEmpty, "ecwid-edit \(command.joined(separator: " ")) --help:\n\(problems.joined(separator: "\n"))")
    // The usage line is the parser's own and may be long; every other line fits 80 columns.
    for line in r.stdout.components(separatedBy: "\n") where !line.hasPrefix("USAGE:") {
      #expect(line.count <= 80, "longer than 80 columns: \(line)")
    }
  }

  @Test func theCheckFindsTheBreaksItLooksFor() {
    #expect(Self.problems(in: "  seed=N   seed of the dice; the same seed gives the\nsame faults").count == 1)
    #expect(Self.problems(in: "review exactly what\nwill change").count == 1)
    #expect(Self.problems(in: "A paragraph that the parser wrapped at a word boundary close to the\nwidth is fine.").isEmpty)
  }
}
