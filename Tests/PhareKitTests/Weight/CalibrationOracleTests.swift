import Foundation
import Testing

@testable import PhareKit

/// Linear, logit and truncated-linear calibration against R's `calibrate(calfun =)`
/// (Tests/Oracle/calibration.R): final weights 1e-9 relative for every respondent; estimates
/// 1e-9, standard errors and interval bounds 1e-6 (R uses one residual regression for every distance).
@Suite struct CalibrationOracleTests {
  private struct Case {
    var sample: String
    var codebook: String
    var margins: String
    var population: String
    var variables: [String]
  }

  private static let citizens = Case(
    sample: "indicators/citizens-survey.csv",
    codebook: EstimationOracleTests.citizensCodebook,
    margins: "[region, sexage, urbain]", population: "weighting/citizens-margins.csv",
    variables: ["s01", "s02", "q", "f01"])

  private static let mayors = Case(
    sample: "indicators/mayors-survey.csv",
    codebook: EstimationOracleTests.mayorsCodebook,
    margins: "[region, urbain]", population: "calibration/mayors-margins.csv", variables: ["score", "q3", "q4"])

  /// R's bounds for a case (`settings.csv`), nil for linear.
  private static func bounds(_ name: String) throws -> (Double, Double)? {
    let text = try String(contentsOfFile: Fixtures.oracle("calibration/settings.csv"), encoding: .utf8)
    let fields = try #require(text.split(separator: "\n").first { $0.hasPrefix(name + ",") })
      .split(separator: ",", omittingEmptySubsequences: false)
    guard let lower = Double(fields[1]), let upper = Double(fields[2]) else { return nil }
    return (lower, upper)
  }

  /// Weighs a case with a distance, compares the weights with R's and every estimate with R's.
  private func check(_ sample: Case, _ name: String, distance: String, file: String) throws {
    let bounds = try Self.bounds("\(name)-\(file)")
    let weight =
      "  method: calibration\n  distance: \(distance)\n  margins: \(sample.margins)\n  tolerance: 1e-13\n"
      + "  max_iterations: 500" + (bounds.map { "\n  bounds: [\($0.0), \($0.1)]" } ?? "")
    let population = try String(contentsOfFile: Fixtures.oracle(sample.population), encoding: .utf8)
    let result = try WeightingPipeline.run(
      export: try String(contentsOfFile: Fixtures.oracle(sample.sample), encoding: .utf8), codebook: sample.codebook,
      weight: weight, population: population)
    let weighted = try #require(result.weighted, "\(result.problem ?? "")")
    let golden = try String(contentsOfFile: Fixtures.oracle("calibration/\(name)-\(file)-weights.csv"), encoding: .utf8)
    var expected: [String: Double] = [:]
    for line in golden.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: ",")
      expected[String(fields[0])] = Double(fields[2])!
    }
    guard case .text(let ids) = weighted.clean.table["id"] else { throw FileReadError(path: name, reason: "no id") }
    #expect(weighted.rows.count == expected.count)
    var largest = 0.0
    for (index, row) in weighted.rows.enumerated() {
      let final = try #require(expected[ids[row]!])
      largest = max(largest, abs(weighted.finalWeights[index] - final) / abs(final))
    }
    #expect(largest <= 1e-9, "\(name) \(distance): weights differ from R's by \(largest)")
    var byMethod: [IntervalMethod: [String: Indicator]] = [:]
    for method in [IntervalMethod.logit, .beta, .mean] {
      byMethod[method] = try EstimationOracleTests.indicators(
        weighted, variables: sample.variables, method: method)
    }
    let rows = try EstimationOracleTests.golden("calibration-estimates.csv", case: "\(name)-\(file)")
    #expect(rows.count > 100)
    #expect(EstimationOracleTests().compare(rows, with: byMethod) == rows.count)
  }

  @Test(arguments: [("linear", "linear"), ("logit", "logit"), ("truncated-linear", "truncated")])
  func citizensCalibratedAsR(distance: String, file: String) throws {
    try check(Self.citizens, "citizens", distance: distance, file: file)
  }

  @Test(arguments: [("linear", "linear"), ("logit", "logit"), ("truncated-linear", "truncated")])
  func mayorsCalibratedAsR(distance: String, file: String) throws {
    try check(Self.mayors, "mayors", distance: distance, file: file)
  }
}
