import Foundation
import Testing

@testable import PhareKit

/// Final weights against R's `survey` package (Tests/Oracle/weighting.R): 1e-9 relative for every respondent.
@Suite struct WeightOracleTests {
  /// A pipeline over one oracle sample, weighted as `weight` says; returns the weighted wave.
  private func weigh(
    sample: String, codebook: String, weight: String, population: String, edit: (String) -> String = { $0 }
  ) throws -> WeightedWave {
    let export = try String(contentsOfFile: Fixtures.oracle("weighting/" + sample), encoding: .utf8)
    let result = try WeightingPipeline.run(
      export: edit(export), codebook: codebook, weight: weight, population: population)
    #expect(result.problem == nil, "\(result.problem ?? "")")
    return try #require(result.weighted)
  }

  /// The largest relative difference between phare's and R's final weights, matched by respondent id.
  /// R's starting weights of 1 for `start: equal` are phare's N / n; `equalStart` says so.
  private func largestDifference(_ weighted: WeightedWave, golden file: String, equalStart: Bool = false) throws
    -> Double
  {
    let text = try String(contentsOfFile: Fixtures.oracle("weighting/" + file), encoding: .utf8)
    var expected: [String: (start: Double, final: Double)] = [:]
    for line in text.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: ",")
      expected[String(fields[0])] = (Double(fields[1])!, Double(fields[2])!)
    }
    guard case .text(let ids) = weighted.clean.table["id"] else {
      Issue.record("no id column")
      return .infinity
    }
    #expect(weighted.rows.count == expected.count)
    var largest = 0.0
    for (index, row) in weighted.rows.enumerated() {
      let golden = try #require(expected[ids[row]!])
      let start = equalStart ? weighted.diagnostics.populationTotal / Double(expected.count) : golden.start
      #expect(abs(weighted.startWeights[index] - start) <= 1e-12 * start)
      largest = max(largest, abs(weighted.finalWeights[index] - golden.final) / golden.final)
    }
    return largest
  }

  /// The 13 regions' codes, as the oracle's populations list them.
  private static let regions =
    "{11: IDF, 24: CVL, 27: BFC, 28: NOR, 32: HDF, 44: GES, 52: PDL, 53: BRE, 75: NAQ, "
    + "76: OCC, 84: ARA, 93: PAC, 94: COR}"

  /// Sex (1 men, 2 women) × five age bands.
  private static let sexAges =
    "{11: H18, 12: H25, 13: H35, 14: H50, 15: H65, 21: F18, 22: F25, 23: F35, 24: F50, 25: F65}"

  private static let mayorsCodebook = """
      id: {type: identifier}
      region: {type: single, values: \(regions)}
      urbain: {type: single, values: {1: urbain, 2: rural}}
      cell: {type: numeric}
    """

  private static let citizensCodebook = """
      id: {type: identifier}
      region: {type: single, values: \(regions)}
      sexage: {type: single, values: \(sexAges)}
      urbain: {type: single, values: {1: urbain, 2: rural}}
      w0: {type: numeric}
      w0b: {type: numeric}
    """

  /// The oracle's population by `cell` (region × 10 + urbain), rewritten as the crossing `region*urbain`.
  private func crossedPopulation(_ file: String) throws -> String {
    let text = try String(contentsOfFile: Fixtures.oracle("weighting/" + file), encoding: .utf8)
    var lines = ["variable,category,total"]
    for line in text.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: ",")
      let cell = Int(fields[1])!
      lines.append("region*urbain,\(cell / 10)*\(cell % 10),\(fields[2])")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func postStratificationOf304Mayors() throws {
    let weighted = try weigh(
      sample: "mayors-sample.csv", codebook: Self.mayorsCodebook,
      weight: "  method: post-stratification\n  margins: [region*urbain]",
      population: try crossedPopulation("mayors-population.csv"))
    #expect(try largestDifference(weighted, golden: "mayors-poststrat-weights.csv", equalStart: true) <= 1e-9)
    #expect(abs(weighted.diagnostics.sumOfWeights - 35_795) <= 1e-8)
    #expect(weighted.diagnostics.margins.allSatisfy { abs($0.achieved - $0.target) <= 1e-9 * $0.target })
  }

  /// The citizens' sample with a second starting weight, N / n, as the bounded case uses
  /// (N from the margins file: 51,500,000 adults).
  private static func withPopulationShareWeight(_ export: String) -> String {
    let lines = export.split(separator: "\n")
    let start = String(51_500_000.0 / Double(lines.count - 1))
    return ([lines[0] + ",w0b"] + lines.dropFirst().map { $0 + "," + start }).joined(separator: "\n") + "\n"
  }

  @Test func rakingOf3000CitizensOnThreeMargins() throws {
    let weighted = try weigh(
      sample: "citizens-sample.csv", codebook: Self.citizensCodebook,
      weight: "  method: raking\n  margins: [region, sexage, urbain]\n  tolerance: 1e-13",
      population: try String(contentsOfFile: Fixtures.oracle("weighting/citizens-margins.csv"), encoding: .utf8),
      edit: Self.withPopulationShareWeight)
    #expect(try largestDifference(weighted, golden: "citizens-raking-weights.csv", equalStart: true) <= 1e-9)
    #expect(weighted.diagnostics.iterations < 20)
  }

  @Test func boundedRakingWhereTheBoundsBind() throws {
    let weighted = try weigh(
      sample: "citizens-sample.csv", codebook: Self.citizensCodebook,
      weight:
        "  method: raking\n  margins: [region, sexage, urbain]\n  start: {column: w0b}\n  bounds: [0.5, 2.0]\n  tolerance: 1e-13\n  max_iterations: 500",
      population: try String(contentsOfFile: Fixtures.oracle("weighting/citizens-margins.csv"), encoding: .utf8),
      edit: Self.withPopulationShareWeight)
    #expect(try largestDifference(weighted, golden: "citizens-bounded-weights.csv") <= 1e-9)
    let ratios = zip(weighted.finalWeights, weighted.startWeights).map { $0 / $1 }
    #expect(ratios.contains { abs($0 - 0.5) < 1e-9 || abs($0 - 2.0) < 1e-9 })
    #expect(ratios.allSatisfy { $0 >= 0.5 - 1e-12 && $0 <= 2.0 + 1e-12 })
  }

  @Test func collapsedCellIsMergedIntoItsNeighbour() throws {
    let weighted = try weigh(
      sample: "mayors-collapsed-sample.csv", codebook: Self.mayorsCodebook,
      weight: """
          method: post-stratification
          margins: [region*urbain]
          collapse:
            - {margin: region*urbain, category: "94*2", into: "94*1"}
        """,
      population: try crossedPopulation("mayors-population.csv"))
    #expect(try largestDifference(weighted, golden: "mayors-collapsed-weights.csv", equalStart: true) <= 1e-9)
    #expect(weighted.diagnostics.collapsed == ["region*urbain: 94*2 merged into 94*1 (0 respondent(s), population 25)"])
  }
}
