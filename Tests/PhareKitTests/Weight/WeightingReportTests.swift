import Foundation
import TestSupport
import Testing

@testable import PhareKit

/// `weighting.csv` against figures computed here from the export, the population file and the
/// final weights: shares from counts and totals, g = final / design weight, Kish's deff per group.
@Suite struct WeightingReportTests {
  private static let codebook = """
      id: {type: identifier}
      region: {type: single, values: {11: Nord, 22: Sud, 33: Est}}
      sexe: {type: single, values: {1: Homme, 2: Femme}}
      poids: {type: numeric}
    """
  private static let regions = [11, 11, 11, 11, 22, 22, 22, 33, 33, 33, 33, 33]
  private static let sexes = [1, 2, 1, 2, 1, 1, 2, 2, 1, 2, 2, 1]
  private static let designWeights = [40.0, 90, 60, 75, 120, 80, 100, 65, 55, 70, 85, 95]
  private static let targets = (region: [11: 500.0, 22: 300, 33: 200], sexe: [1: 480.0, 2: 520])

  /// The 12 respondents raked from their design weights, with `extra` lines under `weight:`.
  private static func weighted(_ extra: String = "") throws -> WeightedWave {
    let export =
      "id,region,sexe,poids\n"
      + regions.indices.map { "\($0),\(regions[$0]),\(sexes[$0]),\(designWeights[$0])\n" }.joined()
    let result = try WeightingPipeline.run(
      export: export, codebook: codebook,
      weight: "  method: raking\n  margins: [region, sexe]\n  start: {column: poids}" + extra,
      population: "variable,category,total\nregion,11,500\nregion,22,300\nregion,33,200\nsexe,1,480\nsexe,2,520\n")
    return try #require(result.weighted)
  }

  @Test func everyMarginCellWithItsSharesAdjustmentsAndDesignEffect() throws {
    let weighted = try Self.weighted()
    let weights = weighted.finalWeights
    #expect(weights.count == 12)
    let report = CSVText.records(WeightedWave.weightingCSV(weighted.weightingReport()))
    #expect(
      report.map { [$0["margin"], $0["category"], $0["label"]] } == [
        ["(all)", "", ""], ["region", "11", "Nord"], ["region", "22", "Sud"], ["region", "33", "Est"],
        ["sexe", "1", "Homme"], ["sexe", "2", "Femme"],
      ])
    let groups: [(rows: [Int], target: Double)] =
      [(Array(0..<12), 1000)]
      + [11, 22, 33].map { code in
        (Self.regions.indices.filter { Self.regions[$0] == code }, Self.targets.region[code]!)
      }
      + [1, 2].map { code in (Self.sexes.indices.filter { Self.sexes[$0] == code }, Self.targets.sexe[code]!) }
    let total = weights.reduce(0, +)
    for (line, group) in zip(report, groups) {
      func value(_ column: String) -> Double { Double(line[column] ?? "") ?? .nan }
      func expectClose(_ column: String, _ expected: Double) {
        #expect(abs(value(column) - expected) <= 1e-12 * abs(expected), "\(column) of \(line)")
      }
      let w = group.rows.map { weights[$0] }
      let g = group.rows.map { weights[$0] / Self.designWeights[$0] }
      let sum = w.reduce(0, +)
      let deff = Double(w.count) * w.reduce(0) { $0 + $1 * $1 } / (sum * sum)
      #expect(line["respondents"] == "\(group.rows.count)")
      expectClose("sample_share", Double(group.rows.count) / 12)
      expectClose("weighted_total", sum)
      expectClose("weighted_share", sum / total)
      expectClose("target", group.target)
      expectClose("target_share", group.target / 1000)
      expectClose("g_min", g.min()!)
      expectClose("g_mean", g.reduce(0, +) / Double(g.count))
      expectClose("g_max", g.max()!)
      expectClose("kish_deff", deff)
      expectClose("effective_n", Double(w.count) / deff)
      expectClose("efficiency", 1 / deff)
      // Calibrated: the weighted total is the target.
      #expect(abs(sum - group.target) <= 1e-9 * group.target)
      #expect(line["trimmed"] == "")
    }
    // The (all) row repeats the wave's diagnostics.
    #expect(report[0]["iterations"] == "\(weighted.diagnostics.iterations)")
    #expect(abs(Double(report[0]["kish_deff"] ?? "")! - weighted.diagnostics.kishDesignEffect) <= 1e-12)
    #expect(report.dropFirst().allSatisfy { $0["iterations"] == "" })
    // g varies within a margin category: the design weights are unequal and the other margin adjusts them too.
    #expect(report.dropFirst().contains { $0["g_min"] != $0["g_max"] })
  }

  @Test func crossedCellsAreNamedByCodesAndLabels() throws {
    let codebook = """
        id: {type: identifier}
        region: {type: single, values: {11: Île-de-France, 94: Corse}}
        statut: {type: single, values: {1: employeuse, 2: indépendante}}
      """
    let population =
      "variable,category,total\nregion*statut,11*1,50\nregion*statut,11*2,30\nregion*statut,94*1,10\n"
      + "region*statut,94*2,10\n"
    let result = try WeightingPipeline.run(
      export: "id,region,statut\n1,11,1\n2,11,2\n3,94,2\n", codebook: codebook,
      weight: "  method: post-stratification\n  margins: [region*statut]", population: population)
    #expect(
      result.problem
        == "wave 2016: margin region*statut: population category 94*1 « Corse × employeuse » (total 10) has no "
        + "respondent; collapse it into a neighbouring category")
  }

  @Test func trimmedCountsTheWeightsCutToABoundInEachCategory() throws {
    let weighted = try Self.weighted("\n  trim: {lower: 0.8, upper: 1.2}")
    let trimming = try #require(weighted.diagnostics.trimming)
    let report = CSVText.records(WeightedWave.weightingCSV(weighted.weightingReport()))
    let cut = weighted.finalWeights.indices.filter {
      [trimming.lowerBound, trimming.upperBound].contains(weighted.finalWeights[$0])
    }
    #expect(!cut.isEmpty)
    #expect(cut.count == trimming.atLower + trimming.atUpper)
    let groups =
      [cut.count] + [11, 22, 33].map { code in cut.filter { Self.regions[$0] == code }.count }
      + [1, 2].map { code in cut.filter { Self.sexes[$0] == code }.count }
    #expect(report.map { $0["trimmed"] } == groups.map { "\($0)" })
  }
}
