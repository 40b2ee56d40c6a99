import Foundation
import Testing

@testable import PhareKit

/// Every declared level of each breakdown is published (issue 12, item 7): a region whose
/// respondents all left the variable blank, a region nobody is in, the crossing's combinations and a
/// derived variable's unused category each get their rows, empty (n 0, blank numbers, flagged).
@Suite struct DeclaredLevelTests {
  /// The empty rows of `indicators.csv` (and of the audit file, the same) for one breakdown level.
  private static func empty(_ breakdown: String, _ value: String, _ label: String, score: Bool) -> [String] {
    let blanks = ",,,,,,,0,0,,,0,,,,,low-base;suppressed;empty"
    let q = "citoyens,pauvrete,Pauvreté,\(breakdown),\(value),\(label),q,Pauvreté en hausse,"
    return
      (score
      ? ["citoyens,emploi,Emploi,\(breakdown),\(value),\(label),s01,Importance de l'emploi,,,mean" + blanks] : [])
      + [
        q + "1,Oui,proportion" + blanks, q + "1,Oui,total" + blanks, q + "2,Non,proportion" + blanks,
        q + "2,Non,total" + blanks,
      ]
  }

  /// The lines of a CSV output whose breakdown and value are those given.
  private static func lines(_ text: String, _ breakdown: String, _ value: String) -> [String] {
    text.components(separatedBy: "\r\n").filter { $0.contains(",\(breakdown),\(value),") }
  }

  @Test func aRegionWithoutRespondentsAndOneWhereNobodyAnsweredHaveEmptyRows() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    _ = try EmptyLevelWave.run(in: folder)
    for file in ["indicators.csv", "indicators-audit.csv"] {
      let text = try EmptyLevelWave.output(file, in: folder)
      #expect(
        Self.lines(text, "region", "24") == Self.empty("region", "24", "Centre-Val de Loire", score: true), "\(file)")
      let auvergne = Self.lines(text, "region", "84")
      #expect(auvergne.count == 5)
      #expect(auvergne.first == Self.empty("region", "84", "Auvergne-Rhône-Alpes", score: true).first, "\(file)")
      // Its respondents answered q: those rows are estimated (3 respondents, 150 + 133.3 + 150).
      #expect(auvergne.dropFirst().allSatisfy { !$0.hasSuffix("empty") && $0.contains(",3,433.33333333333337,") })
      #expect(
        Self.lines(text, "age_classe", "3") == Self.empty("age_classe", "3", "65 ans et plus", score: true), "\(file)")
      for (value, label) in [("24*1", "Centre-Val de Loire × Rurale"), ("24*2", "Centre-Val de Loire × Urbaine")] {
        #expect(
          Self.lines(text, "region*urbain", value) == Self.empty("region*urbain", value, label, score: true), "\(file)")
      }
      #expect(
        Self.lines(text, "region*urbain", "84*1").first
          == Self.empty("region*urbain", "84*1", "Auvergne-Rhône-Alpes × Rurale", score: true).first)
    }
  }

  @Test func everyIndicatorHasEveryDeclaredLevelInCodebookOrder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let indicators = try #require(try EmptyLevelWave.run(in: folder).1.indicators)
    // s01 mean, q 1 and 2 as proportion and total: 5 × (national + 3 regions + 6 crossings + 3 bands).
    #expect(indicators.count == 5 * 13)
    let levels = indicators.filter { $0.variable == "s01" }.map { "\($0.breakdown) \($0.breakdownValue)" }
    #expect(
      levels == [
        "national ", "region 11", "region 24", "region 84", "region*urbain 11*1", "region*urbain 11*2",
        "region*urbain 24*1", "region*urbain 24*2", "region*urbain 84*1", "region*urbain 84*2", "age_classe 1",
        "age_classe 2", "age_classe 3",
      ])
    let empty = indicators.filter(\.isEmpty)
    // s01: 2 regions, 4 crossings, 1 band; q (4 statistics): region 24, its 2 crossings, band 3.
    #expect(empty.count == 7 + 4 * 4)
    for indicator in empty {
      #expect(indicator.respondents == 0 && indicator.weightedTotal == 0 && indicator.degreesOfFreedom == 0)
      #expect(
        indicator.estimate.isNaN && indicator.standardError.isNaN && indicator.lower.isNaN && indicator.upper.isNaN)
      #expect(indicator.designEffect == nil && indicator.effectiveRespondents == nil)
      #expect(indicator.coefficientOfVariation == nil && indicator.differenceFromNational == nil)
      #expect(indicator.differenceFromRest == nil && indicator.intervalMethod == "")
      #expect(indicator.flags == ["low-base", "suppressed", "empty"] && indicator.isSuppressed)
    }
    #expect(indicators.filter { !$0.isEmpty }.allSatisfy { $0.respondents > 0 && !$0.flags.contains("empty") })
  }

  @Test func withoutALowBaseThresholdAnEmptyLevelIsSuppressedAndEmpty() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let weighted = try #require(try EmptyLevelWave.run(in: folder).1.weighted)
    let spec = EstimationSpec(
      variables: ["s01"], breakdowns: [["region"]], interval: .logit, level: 0.95, flagBelow: 0, suppressBelow: 0)
    let indicators = try EstimateStage(spec: spec, dontKnow: .exclude).run(weighted).indicators
    #expect(indicators.map(\.breakdownValue) == ["", "11", "24", "84"])
    #expect(indicators.map(\.flags) == [[], [], ["suppressed", "empty"], ["suppressed", "empty"]])
    #expect(indicators.map(\.respondents) == [4, 4, 0, 0])
  }
}
