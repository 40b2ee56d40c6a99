import Foundation
import Testing

@testable import PhareKit

/// A multiple-response set exported as `1` for a ticked box and a blank otherwise
/// (`Tests/Fixtures/clean/multi-blank-items`, R's `survey` in `Tests/Oracle/multi-blank-items.R`): with `blank: not-ticked`
/// a respondent who ticked a box answered the set, so their blank items are 0.
@Suite struct MultipleBlankItemsTests {
  static let items = ["priorite_01", "priorite_02", "priorite_03"]

  /// The fixture copied into a fresh folder, its codebook and export rewritten by `codebook` and `export`.
  static func run(
    spec: (String) -> String = { $0 }, codebook: (String) -> String = { $0 }, export: (String) -> String = { $0 }
  ) throws -> WaveResult {
    let source = Fixtures.clean("multi-blank-items/")
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    func read(_ name: String) throws -> String { try String(contentsOfFile: source + name, encoding: .utf8) }
    try folder.write("codebook.yml", codebook(try read("codebook.yml")))
    try folder.write("data/wave-2020.csv", export(try read("data/wave-2020.csv")))
    try folder.write("pop.csv", try read("pop.csv"))
    let file = try folder.write("spec.yml", spec(try read("spec.yml")))
    let pipeline = try Pipeline.load(file, through: .estimate)
    let result = try #require(try PipelineRunner(pipeline: pipeline).run(through: .estimate).first)
    try #require(result.problem == nil, "\(result.problem ?? "")")
    return result
  }

  /// The share of respondents who ticked each item, by item and breakdown value (empty: national).
  static func ticked(_ result: WaveResult) throws -> [String: Indicator] {
    let indicators = try #require(result.indicators)
    var byKey: [String: Indicator] = [:]
    for indicator in indicators where items.contains(indicator.variable) && indicator.category == "1" {
      byKey[indicator.variable + "@" + indicator.breakdownValue] = indicator
    }
    return byKey
  }

  static func close(_ actual: Double, _ expected: Double, _ relative: Double) -> Bool {
    abs(actual - expected) <= relative * abs(expected)
  }

  /// R's values (`Tests/Oracle/multi-blank-items.R` → `.csv`) for every item, nationally and by region.
  @Test func blankItemsOfARespondentWhoTickedOneAreNotTicked() throws {
    let ticked = try Self.ticked(try Self.run())
    let golden = try String(contentsOfFile: Fixtures.oracle("multi-blank-items.csv"), encoding: .utf8)
      .split(separator: "\n").dropFirst().map {
        $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      }
    #expect(golden.count == 9)
    for row in golden {
      let indicator = try #require(ticked[row[0] + "@" + row[1]], "\(row[0]) \(row[1])")
      #expect(indicator.respondents == Int(row[2]))
      #expect(Self.close(indicator.estimate, Double(row[3])!, 1e-9))
      #expect(Self.close(indicator.standardError, Double(row[4])!, 1e-6))
      #expect(Self.close(indicator.lower, Double(row[5])!, 1e-6))
      #expect(Self.close(indicator.upper, Double(row[6])!, 1e-6))
    }
  }

  @Test func explicitZerosGiveTheSameIndicators() throws {
    let blanks = try Self.ticked(try Self.run())
    let zeros = try Self.ticked(
      try Self.run(
        codebook: { $0.replacingOccurrences(of: "    blank: not-ticked\n", with: "") },
        export: { text in
          text.split(separator: "\n").enumerated().map { index, line in
            index == 0
              ? String(line)
              : line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "0" : String($0) }.joined(separator: ",")
          }.joined(separator: "\n") + "\n"
        }))
    #expect(zeros.count == blanks.count)
    for (key, indicator) in blanks {
      #expect(zeros[key] == indicator, "\(key)")
    }
  }

  @Test func aRespondentWithEveryItemBlankIsOutOfTheBase() throws {
    let result = try Self.run(export: { $0 + "R021,11,,,\n" })
    let cleaned = try #require(result.cleaned)
    #expect(cleaned.rowsClean == 21)
    let column = try #require(cleaned.table["priorite_01"])
    let values = (0..<cleaned.rowsClean).map { column.text(at: $0) }
    #expect(
      values == ["1", "1", "0", "0", "1", "0", "1", "0", "0", "1"] + [
        "1", "1", "0", "0", "1", "0", "1", "0", "0", "1", nil,
      ])
    let ticked = try Self.ticked(result)
    #expect(ticked["priorite_01@"]?.respondents == 20)
    #expect(ticked["priorite_01@11"]?.respondents == 10)
  }

  @Test func blanksStayMissingByDefault() throws {
    let ticked = try Self.ticked(
      try Self.run(codebook: { $0.replacingOccurrences(of: "    blank: not-ticked\n", with: "") }))
    let national = try #require(ticked["priorite_01@"])
    #expect(national.respondents == 10)
    #expect(national.estimate == 1)
    #expect(national.standardError == 0)
  }

  /// With `clean.invalid_cells: set-missing` a bad item stays missing: it was not left blank.
  @Test func aBadItemSetMissingIsNotMadeUnticked() throws {
    let result = try Self.run(
      spec: { $0 + "clean:\n  invalid_cells: set-missing\n" },
      export: { $0.replacingOccurrences(of: "R001,11,1,,\n", with: "R001,11,1,7,\n") })
    let cleaned = try #require(result.cleaned)
    #expect(cleaned.rowsClean == 20)
    #expect(
      cleaned.cellsSetMissing.map { [$0.variable, $0.rule, $0.value, $0.respondentID] } == [
        ["priorite_02", "clean.unknown-code", "7", "R001"]
      ])
    let row = try #require(cleaned.sourceLines.firstIndex(of: 2))
    #expect(try #require(cleaned.table["priorite_01"]).number(at: row) == 1)
    #expect(try #require(cleaned.table["priorite_02"]).number(at: row) == nil)
    #expect(try #require(cleaned.table["priorite_03"]).number(at: row) == 0)
    let ticked = try Self.ticked(result)
    #expect(ticked["priorite_02@"]?.respondents == 19)
    #expect(ticked["priorite_03@"]?.respondents == 20)
  }
}
