import Foundation
import Testing

@testable import PhareKit

/// Complex sample designs against R's `svydesign` (`Tests/Oracle/designs.R`): R's real California
/// schools (stratified `apistrat`, one-stage `apiclus1` with and without raking, two-stage
/// `apiclus2`, `apisrs` with fpc), a two-stage calibrated citizens sample, and each lonely-PSU
/// option. Every case runs from its export through phare's stages; final weights to 1e-9, then
/// every golden indicator: n and df exact, estimate 1e-9, SE, interval bounds and design effect
/// 1e-6 (relative), for the logit, beta and mean intervals (R's `svyciprop`) and wilson (its
/// definition, computed in R from R's SE and df).
@Suite struct SampleDesignOracleTests {
  static let cases = [
    "apistrat", "apiclus1", "apiclus1-raked", "apiclus2", "apisrs-fpc", "citizens2", "lonely-adjust",
    "lonely-average", "lonely-remove", "lonely-certainty",
  ]

  /// The case's weighted wave and pipeline, run from its spec.
  static func run(_ name: String) throws -> (WeightedWave, Pipeline) {
    let pipeline = try Pipeline.load(Fixtures.oracle("designs/\(name).yml"))
    let result = try #require(try PipelineRunner(pipeline: pipeline).run(through: .weight).first)
    try #require(result.problem == nil, "\(result.problem ?? "")")
    return (try #require(result.weighted), pipeline)
  }

  static func golden(_ file: String) throws -> [[String: String]] {
    CSVText.records(try String(contentsOfFile: Fixtures.oracle("designs/" + file), encoding: .utf8))
  }

  /// Within `relative` of the expected value, or `floor` of it near 0.
  static func close(_ actual: Double, _ expected: String?, relative: Double, floor: Double = 1e-12) -> Bool {
    guard let expected = expected.flatMap(Double.init) else { return false }
    return abs(actual - expected) <= max(relative * abs(expected), floor)
  }

  @Test(arguments: cases)
  func weightsAndIndicatorsAreRs(_ name: String) throws {
    let (weighted, pipeline) = try Self.run(name)
    guard case .text(let ids) = weighted.clean.table["id"] else { throw FileReadError(path: name, reason: "no id") }
    let weights = try Self.golden("\(name)-weights.csv")
    #expect(weights.count == weighted.rows.count)
    let expected = Dictionary(uniqueKeysWithValues: weights.map { ($0["id"]!, Double($0["weight"]!)!) })
    for (index, row) in weighted.rows.enumerated() {
      let id = try #require(ids[row])
      let weight = try #require(expected[id])
      #expect(abs(weighted.finalWeights[index] - weight) <= 1e-9 * weight, "\(name) weight of \(id)")
    }
    var spec = try #require(pipeline.spec.estimate)
    var byMethod: [String: [String: Indicator]] = [:]
    for method in IntervalMethod.allCases {
      spec.interval = method
      let indicators = try EstimateStage(spec: spec, dontKnow: pipeline.spec.clean.dontKnow).run(weighted).indicators
      byMethod[method.rawValue] = Dictionary(
        uniqueKeysWithValues: indicators.map {
          (
            [$0.breakdown, $0.breakdownValue, $0.variable, $0.category, $0.statistic.rawValue].joined(separator: "|"),
            $0
          )
        })
    }
    let rows = try Self.golden("estimates.csv").filter { $0["case"] == name }
    #expect(rows.count > 100)
    for row in rows {
      let key = ["breakdown", "value", "variable", "category", "statistic"].map { row[$0]! }.joined(separator: "|")
      let method = row["method"] == "normal" ? "logit" : row["method"]!
      let indicator = try #require(byMethod[method]?[key], "\(name): no indicator \(key)")
      let label = "\(name) \(key) \(row["method"]!)"
      #expect(indicator.respondents == Int(row["n"]!), "\(label) n")
      #expect(indicator.degreesOfFreedom == Double(row["df"]!), "\(label) df")
      #expect(
        Self.close(indicator.estimate, row["estimate"], relative: 1e-9), "\(label) estimate \(indicator.estimate)")
      guard let se = row["se"].flatMap(Double.init) else {
        // R's variance is NaN (lonely-PSU averaging with no stratum of two PSUs): phare publishes none.
        #expect(indicator.standardError.isNaN && indicator.flags.contains("no-variance"), "\(label) se")
        continue
      }
      // A degenerate proportion's SE is rounding noise on a calibrated design.
      #expect(Self.close(indicator.standardError, row["se"], relative: 1e-6, floor: 1e-15), "\(label) se")
      if row["lower"] == "" {
        // R's interval at a proportion of 0 or 1 is unusable: phare's is Clopper–Pearson.
        #expect(indicator.flags.contains("degenerate-interval"), "\(label) degenerate")
        #expect(indicator.lower <= indicator.estimate && indicator.estimate <= indicator.upper)
        continue
      }
      #expect(Self.close(indicator.lower, row["lower"], relative: 1e-6), "\(label) lower \(indicator.lower)")
      #expect(Self.close(indicator.upper, row["upper"], relative: 1e-6), "\(label) upper \(indicator.upper)")
      if let deff = row["deff"].flatMap(Double.init) {
        #expect(Self.close(try #require(indicator.designEffect), row["deff"], relative: 1e-6), "\(label) deff \(deff)")
      }
    }
  }

  /// R fails on the lonely stratum at stage 1; phare fails the wave naming it, before estimating.
  @Test func aLonelyPSUFailsTheWaveNamingItsStratumAsR() throws {
    let pipeline = try Pipeline.load(Fixtures.oracle("designs/lonely-fail.yml"))
    let result = try #require(try PipelineRunner(pipeline: pipeline).run(through: .estimate).first)
    let r = try #require(try Self.golden("lonely-fail.csv").first { $0["outcome"] == "error" }?["message"])
    #expect(r == "Stratum (1) has only one PSU at stage 1")
    #expect(result.weighted == nil)
    let problem = try #require(result.problem)
    #expect(problem.contains("design: stratum 1 « ") && problem.contains("has only one PSU at stage 1"), "\(problem)")
  }
}
