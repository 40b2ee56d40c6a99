import Foundation
import Testing

@testable import PhareKit

/// Trimming from its definition (R's `trimWeights(strict = TRUE)`): cut to the bounds, share the
/// amount cut equally among the weights inside, repeat until none is outside; and its failures.
@Suite struct WeightTrimmerTests {
  @Test func onePassCutsBothEndsAndSharesTheExcess() throws {
    // Mean 4, bounds [2, 6]: 1 → 2 (−1), 10 → 6 (+4); 2 and 3 take 3 / 2 each.
    var weights = [1.0, 2, 3, 10]
    let result = try WeightTrimmer(lower: 0.5, upper: 1.5).trim(&weights)
    #expect(weights == [2, 3.5, 4.5, 6])
    #expect(result.iterations == 1 && result.belowLower == 1 && result.aboveUpper == 1)
    #expect(result.atLower == 1 && result.atUpper == 1)
    #expect(result.lowerBound == 2 && result.upperBound == 6 && result.mean == 4)
  }

  @Test func sharesThatPushWeightsOutAgainAreCutAgainUntilNoneIsOutside() throws {
    // Mean 7, upper bound 7.7: each share pushes the weights at the bound above it again; the
    // passes converge to three weights at 7.7 and the fourth taking the rest, 28 − 23.1.
    var weights = [1.0, 6, 6, 15]
    let result = try WeightTrimmer(lower: 0.1, upper: 1.1).trim(&weights)
    #expect(result.iterations > 10)
    #expect(abs(weights[0] - 4.9) < 1e-12)
    #expect(weights.dropFirst().allSatisfy { abs($0 - 7.7) < 1e-12 && $0 <= result.upperBound })
    #expect(abs(weights.reduce(0, +) - 28) < 1e-12)
  }

  /// The mayors with bounds [0.5, 1.2] × mean, where R's `trimWeights` recurses until its C stack
  /// overflows (Tests/Oracle/trimming.R): one pass, checked against the definition.
  @Test func whereRFailsTheWeightsMeetTheDefinition() throws {
    let (calibrated, _) = try EstimationOracleTests.mayors()
    let (trimmed, _) = try EstimationOracleTests.mayors(trim: "\n  trim: {lower: 0.5, upper: 1.2}")
    let result = try #require(trimmed.diagnostics.trimming)
    #expect(result.iterations == 1 && result.belowLower > 0 && result.aboveUpper > 0)
    let before = calibrated.finalWeights
    let after = trimmed.finalWeights
    let share = try #require(zip(before, after).first { $0.0 > result.lowerBound && $0.0 < result.upperBound })
    for (old, new) in zip(before, after) {
      if old < result.lowerBound {
        #expect(new == result.lowerBound)
      } else if old > result.upperBound {
        #expect(new == result.upperBound)
      } else {
        #expect(abs((new - old) - (share.1 - share.0)) <= 1e-12 * new)
        #expect(new >= result.lowerBound && new <= result.upperBound)
      }
    }
    #expect(abs(after.reduce(0, +) - 35_795) <= 1e-9 * 35_795)
    #expect(trimmed.diagnostics.margins.contains { abs($0.achieved - $0.target) > 1e-6 * $0.target })
  }

  /// What `phare validate` refuses is refused at run time too: no bound above the mean for the
  /// lower one, none below it for the upper one.
  @Test(
    arguments: [(0.0, 2.0), (1.0, 2.0), (0.5, 1.0), (0.5, .infinity), (-1.0, 2.0), (.nan, 2.0)] as [(Double, Double)])
  func boundsNotAroundOneFail(lower: Double, upper: Double) {
    var weights = [1.0, 2, 3]
    #expect(throws: TrimmingError.self) { try WeightTrimmer(lower: lower, upper: upper).trim(&weights) }
    #expect(weights == [1, 2, 3])
  }

  @Test func boundsThatCutEveryWeightFail() {
    var weights = [1.0, 1, 3, 3]
    #expect(throws: TrimmingError.everyWeightOutside(lower: 1.8, upper: 2.2, weights: 4)) {
      try WeightTrimmer(lower: 0.9, upper: 1.1).trim(&weights)
    }
    #expect(
      "\(TrimmingError.everyWeightOutside(lower: 1.8, upper: 2.2, weights: 4))"
        == "weight.trim: all 4 calibrated weights lie outside [1.8, 2.2], so none is left to take the amount "
        + "trimmed; widen weight.trim")
  }

  @Test func passesThatDoNotSettleFailInsteadOfLooping() throws {
    var weights = [1.0, 6, 6, 15]
    var trimmer = WeightTrimmer(lower: 0.1, upper: 1.1)
    trimmer.maxPasses = 5
    #expect(throws: TrimmingError.self) { try trimmer.trim(&weights) }
    do {
      var again = [1.0, 6, 6, 15]
      _ = try trimmer.trim(&again)
    } catch let error as TrimmingError {
      guard case .notConverged(let passes, let outside, _, let upper) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(passes == 5 && outside > 0 && abs(upper - 7.7) < 1e-12)
      #expect("\(error)".contains("did not settle in 5 passes"))
    }
  }

  @Test func aWaveWhoseWeightsCannotBeTrimmedFailsNamingTheSetting() throws {
    // Post-stratified: one rural respondent weighs 10, three urban ones 1 each; mean 3.25.
    let result = try WeightingPipeline.run(
      export: "id,urbain\n1,1\n2,2\n3,2\n4,2\n",
      codebook: "  id: {type: identifier}\n  urbain: {type: single, values: {1: rural, 2: urbain}}\n",
      weight: "  method: post-stratification\n  margins: [urbain]\n  trim: {lower: 0.5, upper: 1.5}",
      population: "variable,category,total\nurbain,1,10\nurbain,2,3\n")
    #expect(result.weighted == nil)
    #expect(
      result.problem
        == "wave 2016: weight.trim: all 4 calibrated weights lie outside [1.625, 4.875], so none is left to take "
        + "the amount trimmed; widen weight.trim")
  }
}
