import Foundation
import Testing

@testable import PhareKit

/// Bounded calibrations that have a solution where R's truncated Newton stalls: phare returns
/// the unbounded solution when it lies within the bounds, and otherwise reaches weights that meet
/// the margins to the tolerance with every g within the bounds (checked from the definition).
@Suite struct BoundedCalibrationTests {
  /// Tests/Fixtures/cases/bounds-feasible-refused: 100 respondents, bounds [0.5, 2] that the
  /// unbounded raking (g from 0.584 to 1.525) already satisfies. Values from the case's ref.R
  /// (R's unbounded calibrate): weights 5.84297 to 15.24986, q1 = 1 at 0.68873489105091, SE
  /// 0.0496573402347467.
  @Test(arguments: ["", "/equal-start"])
  func boundsThatTheUnboundedSolutionMeetsReturnIt(folder: String) throws {
    let spec = Fixtures.cases("bounds-feasible-refused" + folder + "/spec.yml")
    let result = try #require(try PipelineRunner(pipeline: try Pipeline.load(spec)).run(through: .estimate).first)
    let weighted = try #require(result.weighted, "\(result.problem ?? "")")
    let weights = weighted.finalWeights
    #expect(abs(weights.min()! - 5.84297) < 5e-6 && abs(weights.max()! - 15.24986) < 5e-6)
    // start: equal is N / n = 1000 / 100, as the design-weight column `poids` says.
    #expect(weighted.startWeights.allSatisfy { abs($0 - 10) < 1e-12 })
    let g = zip(weights, weighted.startWeights).map { $0 / $1 }
    #expect(g.allSatisfy { (0.5...2).contains($0) })
    let q1 = try #require(
      result.indicators?.first { $0.breakdown == "national" && $0.variable == "q1" && $0.category == "1" })
    #expect(abs(q1.estimate - 0.68873489105091) <= 1e-9 * 0.68873489105091)
    #expect(abs(q1.standardError - 0.0496573402347467) <= 1e-6 * 0.0496573402347467)
  }

  /// Tighter bounds on the same case, [0.6, 1.5], bind at both ends (the unbounded g run from
  /// 0.584 to 1.525) and have a solution (region 11's 34 respondents need g of 1.47 on average,
  /// region 33's 33 need 0.61; a linear program finds g within them). R's calibrate fails with
  /// bounded raking ("Calibration failed" in 100 iterations; its truncated linear and logit
  /// converge); phare meets the margins to the tolerance with every g within the bounds.
  @Test(arguments: ["raking", "truncated-linear", "logit"])
  func bindingBoundsWhereRFailsAreMetFromTheDefinition(distance: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let source = Fixtures.cases("bounds-feasible-refused/")
    for file in ["codebook.yml", "pop.csv", "data/wave-2020.csv"] {
      try folder.write(file, try String(contentsOfFile: source + file, encoding: .utf8))
    }
    let spec = try String(contentsOfFile: source + "spec.yml", encoding: .utf8)
      .replacingOccurrences(of: "method: raking", with: "method: calibration\n  distance: \(distance)")
      .replacingOccurrences(of: "bounds: [0.5, 2.0]", with: "bounds: [0.6, 1.5]")
    let file = try folder.write("spec.yml", spec)
    let result = try #require(try PipelineRunner(pipeline: try Pipeline.load(file)).run(through: .weight).first)
    let weighted = try #require(result.weighted, "\(result.problem ?? "")")
    let g = zip(weighted.finalWeights, weighted.startWeights).map { $0 / $1 }
    #expect(g.allSatisfy { $0 >= 0.6 && $0 <= 1.5 })
    if distance != "logit" {
      #expect(g.contains { $0 == 0.6 } && g.contains { $0 == 1.5 })
    }
    for cell in weighted.diagnostics.margins {
      #expect(abs(cell.achieved - cell.target) / (1 + cell.target) < WeightingSpec.defaultTolerance, "\(cell)")
    }
  }

  /// Region × sexe cells of 40 / 10 / 10 / 40 respondents (start N / n = 100) against region
  /// 8000 / 2000 and sexe 2000 / 8000: bounds [0.25, U] have a solution for every U ≥ 6.25 (a
  /// linear program shows it), yet bounded raking's truncated Newton steps stall for U just above.
  /// phare then takes the logit distance with the same bounds, and says so.
  @Test(arguments: [6.2501, 6.3, 6.5, 7])
  func boundedRakingThatStallsFallsBackToLogit(upper: Double) throws {
    let cells = [(1, 1, 40), (1, 2, 10), (2, 1, 10), (2, 2, 40)]
    var export = "id,region,sexe\n"
    var id = 0
    for (region, sexe, count) in cells {
      for _ in 0..<count {
        id += 1
        export += "R\(id),\(region),\(sexe)\n"
      }
    }
    let result = try WeightingPipeline.run(
      export: export,
      codebook: "  id: {type: identifier}\n  region: {type: single, values: {1: A, 2: B}}\n"
        + "  sexe: {type: single, values: {1: H, 2: F}}",
      weight: "  method: raking\n  margins: [region, sexe]\n  bounds: [0.25, \(upper)]",
      population: "variable,category,total\nregion,1,8000\nregion,2,2000\nsexe,1,2000\nsexe,2,8000\n")
    let weighted = try #require(result.weighted, "\(result.problem ?? "")")
    #expect(
      weighted.diagnostics.method == "bounded raking" || weighted.diagnostics.method == "logit (bounded raking stalled)"
    )
    let g = zip(weighted.finalWeights, weighted.startWeights).map { $0 / $1 }
    #expect(g.allSatisfy { $0 >= 0.25 - 1e-12 && $0 <= upper + 1e-12 })
    for cell in weighted.diagnostics.margins {
      #expect(abs(cell.achieved - cell.target) / (1 + cell.target) < WeightingSpec.defaultTolerance, "\(cell)")
    }
  }

  /// Where R fails because no solution exists, phare says so with a proof (here the pre-check's;
  /// CalibratorTests cover the solver's own certificate): the 3,000 oracle
  /// citizens on region + sexage + urbain from N / n with bounds [0.46, 1.8] (R's calibrate fails
  /// for raking, linear and logit; it converges on [0.46, 1.89], see calibration.R).
  @Test func boundsWithoutASolutionAreProvenInfeasible() throws {
    let sample = try String(contentsOfFile: Fixtures.oracle("indicators/citizens-survey.csv"), encoding: .utf8)
    let population = try String(contentsOfFile: Fixtures.oracle("weighting/citizens-margins.csv"), encoding: .utf8)
    let result = try WeightingPipeline.run(
      export: sample,
      codebook: EstimationOracleTests.citizensCodebook,
      weight: "  method: calibration\n  distance: logit\n  margins: [region, sexage, urbain]\n  bounds: [0.46, 1.8]",
      population: population)
    #expect(result.weighted == nil)
    // Sexage 11 alone is out of reach of [0.46, 1.8] × its starting weights: proven before calibrating.
    #expect(
      result.problem?.hasPrefix(
        "wave 2016: the bounds [0.46, 1.8] on weight adjustments cannot be met (proven before calibrating): margin "
          + "sexage category 11 « a » has 86 respondent(s) whose starting weights sum to ") == true,
      "\(result.problem ?? "")")
  }
}
