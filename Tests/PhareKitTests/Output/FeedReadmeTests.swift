import Foundation
import TestSupport
import Testing

@testable import PhareKit

/// The README's example feed is real: each id of its excerpt is an indicator of the wave's feed
/// the shipped pipeline writes from the bundled fixtures, and each number it shows is that
/// indicator's first (national) value.
@Suite struct FeedReadmeTests {
  /// The README's JSON block that follows the `feed.json` section's heading.
  private static func example() throws -> String {
    let readme = try String(contentsOfFile: Fixtures.repository + "/README.md", encoding: .utf8)
    let section = try #require(readme.range(of: "**`feed.json`**"))
    let start = try #require(readme.range(of: "```json\n", range: section.upperBound..<readme.endIndex))
    let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
    return String(readme[start.upperBound..<end.lowerBound])
  }

  /// Every `"key" : value` of the text whose value is a string, a number or null, in order.
  private static func pairs(_ text: String) -> [(key: String, value: String)] {
    text.matches(of: /"([a-z_]+)" : ("[^"]*"|-?[0-9][0-9.e+-]*|null)/).map { (String($0.1), String($0.2)) }
  }

  @Test func theExampleIdsAndNumbersAreThoseOfTheShippedMayorsWave() throws {
    let example = try Self.example()
    let ids = Self.pairs(example).filter { $0.key == "id" }.map { $0.value.trimmingCharacters(in: ["\""]) }
    #expect(ids == ["maires.q4_net_oui.1.proportion"])
    let pipeline = try Pipeline.load(Fixtures.pipelines("institutions.yml"))
    let wave = try #require(pipeline.waves.first { $0.wave == "2016" })
    let result = try #require(try PipelineRunner(pipeline: pipeline).run(through: .estimate, waves: [wave]).first)
    let indicators = try #require(result.indicators, "\(result.problem ?? "")")
    let feed = try JSONValue.parse(
      try Feed(pipeline: pipeline, wave: "2016", indicators: indicators, generatedAt: Date()).json())
    guard case .array(let entries)? = feed["indicators"] else {
      Issue.record("the feed has indicators")
      return
    }
    for id in ids {
      let entry = try #require(entries.first { $0["id"] == .string(id) }, "\(id) is not in the feed")
      let national = try #require(entry["values"]?[0])
      let shown = Self.pairs(example)
      #expect(shown.count > 15)
      for (key, text) in shown {
        let actual = national[key] ?? entry[key]
        #expect(actual == (try JSONValue.parse(text)), "\(key)")
      }
    }
  }
}
