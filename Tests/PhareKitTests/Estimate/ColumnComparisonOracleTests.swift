import Foundation
import TestSupport
import Testing

@testable import PhareKit

/// The cross-tables' column tests against R's `svycontrast` on `svyby(..., covmat = TRUE)`
/// (`Tests/Oracle/comparisons.R`): on the shipped pipelines' tables (and the citizens' importance
/// grid) and on R's real `apisrs` schools raked on type and awards. Every pair above
/// `min_base.flag` is tested with R's difference (1e-9 relative), SE (1e-6 relative), p-value and
/// Holm / Bonferroni adjustment within its row and breakdown (1e-6 relative); every pair below it
/// is not tested.
@Suite struct ColumnComparisonOracleTests {
  struct Wave: Sendable, CustomTestStringConvertible {
    var spec: String
    var wave: String
    var golden: String
    var survey: String
    var testDescription: String { "\(survey) \(wave)" }
  }

  static let waves = [
    Wave(spec: Fixtures.pipelines("institutions.yml"), wave: "2016", golden: "pipelines.csv", survey: "institutions"),
    Wave(spec: Fixtures.pipelines("citoyens.yml"), wave: "2015", golden: "pipelines.csv", survey: "citoyens"),
    Wave(spec: Fixtures.pipelines("associations.yml"), wave: "2015", golden: "pipelines.csv", survey: "associations"),
    Wave(spec: Fixtures.pipelines("entreprises.yml"), wave: "2015", golden: "pipelines.csv", survey: "entreprises"),
    Wave(
      spec: Fixtures.oracle("comparisons/apisrs.yml"), wave: "2000", golden: "apisrs-comparisons.csv",
      survey: "apisrs"),
  ]

  /// The wave's estimates with the spec's column tests adjusted by `correction`.
  static func estimate(_ wave: Wave, correction: PValueCorrection) throws -> (Estimates, EstimationSpec) {
    let loaded = try Pipeline.load(wave.spec)
    var spec = loaded.spec
    spec.estimate?.correction = correction
    // A file per wave, or (apisrs) one file whose wave column names its waves.
    let files = loaded.waves.filter { $0.wave == wave.wave }
    let pipeline = Pipeline(
      spec: spec, codebook: loaded.codebook, domains: loaded.domains, waves: files.isEmpty ? loaded.waves : files)
    let results = try PipelineRunner(pipeline: pipeline).run(through: .estimate)
    let result = try #require(results.first { $0.cleaned?.wave == wave.wave })
    try #require(result.problem == nil, "\(result.problem ?? "")")
    return (
      Estimates(indicators: try #require(result.indicators), comparisons: result.comparisons),
      try #require(spec.estimate)
    )
  }

  static func golden(_ wave: Wave) throws -> [[String: String]] {
    CSVText.records(try String(contentsOfFile: Fixtures.oracle("comparisons/" + wave.golden), encoding: .utf8))
      .filter { $0["survey"] == wave.survey && $0["wave"] == wave.wave }
  }

  /// Within `relative` of the expected value, or 1e-12 of it near 0 (two equal estimates).
  static func close(_ actual: Double, _ expected: String?, relative: Double) -> Bool {
    guard let expected = expected.flatMap(Double.init) else { return false }
    return abs(actual - expected) <= max(relative * abs(expected), 1e-12)
  }

  @Test(arguments: waves, [PValueCorrection.holm, .bonferroni])
  func everyPairAboveTheFlagBaseIsTestedAsR(_ wave: Wave, correction: PValueCorrection) throws {
    let (estimates, spec) = try Self.estimate(wave, correction: correction)
    var tests: [String: ColumnComparison] = [:]
    for test in estimates.comparisons {
      tests[[test.variable, test.category, test.breakdown, test.first, test.second].joined(separator: "|")] = test
    }
    let golden = try Self.golden(wave)
    #expect(!golden.isEmpty)
    var tested = 0
    for row in golden {
      let key = ["variable", "category", "breakdown", "a", "b"].map { row[$0] ?? "" }.joined(separator: "|")
      let aboveFlag = ["n_a", "n_b"].allSatisfy { (row[$0].flatMap(Int.init) ?? 0) >= spec.flagBelow }
      guard aboveFlag else {
        #expect(tests[key] == nil, "\(key): below min_base.flag, yet tested")
        continue
      }
      tested += 1
      let test = try #require(tests[key], "\(key): not tested")
      #expect(test.statistic.rawValue == row["statistic"])
      #expect(Self.close(test.difference, row["difference"], relative: 1e-9), "\(key): difference \(test.difference)")
      #expect(Self.close(test.standardError, row["se"], relative: 1e-6), "\(key): SE \(test.standardError)")
      #expect(Self.close(test.pValue, row["p"], relative: 1e-6), "\(key): p \(test.pValue)")
      let adjusted = correction == .holm ? row["p_holm"] : row["p_bonferroni"]
      #expect(Self.close(test.adjustedPValue, adjusted, relative: 1e-6), "\(key): adjusted p \(test.adjustedPValue)")
      #expect(test.isSignificant == (test.adjustedPValue < 1 - spec.level))
    }
    // Nothing is tested that R did not test.
    #expect(estimates.comparisons.count == tested)
  }

  /// apisrs is run from its export: phare's raking and level estimates are R's before any test.
  @Test func theApisrsWeightsAndEstimatesAreRs() throws {
    let (estimates, _) = try Self.estimate(Self.waves[4], correction: .none)
    let golden = CSVText.records(
      try String(contentsOfFile: Fixtures.oracle("comparisons/apisrs-estimates.csv"), encoding: .utf8))
    #expect(golden.count == 18)
    for row in golden {
      let indicator = try #require(
        estimates.indicators.first {
          $0.breakdown == row["breakdown"] && $0.breakdownValue == row["value"] && $0.variable == row["variable"]
            && $0.category == row["category"] && $0.statistic.rawValue == row["statistic"]
        })
      #expect(indicator.respondents == row["n"].flatMap(Int.init))
      #expect(Self.close(indicator.estimate, row["estimate"], relative: 1e-9))
      #expect(Self.close(indicator.standardError, row["se"], relative: 1e-6))
    }
  }
}
