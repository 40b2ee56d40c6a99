import Foundation
import Testing

@testable import PhareKit

/// Trimmed weights and the indicators of the trimmed designs against R's `survey`
/// (Tests/Oracle/trimming.R, `trimWeights(strict = TRUE)` on a raked and a post-stratified
/// design): weights and estimates 1e-9 relative, SE, design effects and interval bounds 1e-6.
@Suite struct TrimmingOracleTests {
  /// One line of a golden CSV by column name.
  private static func rows(_ file: String) throws -> [[String: String]] {
    let text = try String(contentsOfFile: Fixtures.oracle("trimming/" + file), encoding: .utf8)
    let lines = text.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
  }

  private func close(_ actual: Double?, _ expected: String?, _ tolerance: Double) -> Bool {
    guard let actual, let expected = expected.flatMap(Double.init) else { return false }
    return abs(actual - expected) <= tolerance * max(abs(expected), 1e-12)
  }

  /// The weight line asking R's bounds of a case.
  private static func trim(_ name: String) throws -> String {
    let settings = try rows(name + "-settings.csv")[0]
    return "\n  trim: {lower: \(settings["lower"]!), upper: \(settings["upper"]!)}"
  }

  /// Final weights by respondent, and what the diagnostics say against R's passes and counts.
  private func checkWeights(_ weighted: WeightedWave, case name: String) throws {
    guard case .text(let ids) = weighted.clean.table["id"] else {
      Issue.record("no id column")
      return
    }
    let golden = Dictionary(uniqueKeysWithValues: try Self.rows(name + "-weights.csv").map { ($0["id"]!, $0) })
    #expect(weighted.rows.count == golden.count)
    var largest = 0.0
    for (index, row) in weighted.rows.enumerated() {
      let expected = try #require(Double(golden[ids[row]!]?["final"] ?? ""))
      largest = max(largest, abs(weighted.finalWeights[index] - expected) / expected)
    }
    #expect(largest <= 1e-9, "largest relative difference \(largest)")
    let settings = try Self.rows(name + "-settings.csv")[0]
    let trimming = try #require(weighted.diagnostics.trimming)
    #expect(trimming.iterations == Int(settings["iterations"]!))
    #expect(trimming.atLower == Int(settings["at_lower"]!))
    #expect(trimming.atUpper == Int(settings["at_upper"]!))
    #expect(trimming.belowLower > 0 && trimming.aboveUpper > 0)
    #expect(close(trimming.mean, settings["mean"], 1e-12))
    #expect(weighted.diagnostics.minimumWeight >= trimming.lowerBound)
    #expect(weighted.diagnostics.maximumWeight <= trimming.upperBound)
  }

  /// Every golden indicator of a case: estimate, n, weighted n and df exactly or to 1e-9, SE,
  /// design effect and interval to 1e-6. Returns how many were compared.
  private func compare(_ indicators: [String: Indicator], case name: String) throws -> Int {
    var checked = 0
    var rFailures = 0
    for row in try Self.rows("estimates.csv") where row["case"] == name {
      let key = ["breakdown", "value", "variable", "category", "statistic"].map { row[$0]! }.joined(separator: "|")
      guard let indicator = indicators[key] else {
        Issue.record("phare has no indicator \(key)")
        continue
      }
      checked += 1
      #expect(close(indicator.estimate, row["estimate"], 1e-9), "estimate \(key)")
      #expect(close(indicator.weightedTotal, row["weighted_n"], 1e-9), "weighted n \(key)")
      #expect(indicator.respondents == Int(row["n"]!) && indicator.degreesOfFreedom == Double(row["df"]!), "n \(key)")
      if indicator.flags.contains("degenerate-interval") {
        #expect(indicator.standardError < 1e-12 && abs(Double(row["se"]!)!) < 1e-12, "degenerate se \(key)")
        continue
      }
      #expect(close(indicator.standardError, row["se"], 1e-6), "se \(key): \(indicator.standardError) vs \(row["se"]!)")
      #expect(close(indicator.designEffect, row["deff"], 1e-6), "deff \(key)")
      let (rLower, rUpper) = (Double(row["lower"]!) ?? .nan, Double(row["upper"]!) ?? .nan)
      if !(rLower < indicator.estimate && indicator.estimate < rUpper) {
        // R's svyglm diverged on this small domain: its logit interval excludes its own estimate.
        rFailures += 1
        continue
      }
      #expect(
        close(indicator.lower, row["lower"], 1e-6) && close(indicator.upper, row["upper"], 1e-6),
        "CI \(key): \(indicator.lower)-\(indicator.upper) vs \(row["lower"]!)-\(row["upper"]!)")
    }
    #expect(rFailures <= 3, "R's logit interval failed on \(rFailures) rows")
    return checked
  }

  @Test func rakedCitizensTrimmedAsR() throws {
    let (weighted, _) = try EstimationOracleTests.citizens(trim: try Self.trim("citizens"))
    try checkWeights(weighted, case: "citizens")
    let indicators = try EstimationOracleTests.indicators(
      weighted, variables: ["s01", "s02", "q", "f01"], method: .logit)
    #expect(try compare(indicators, case: "citizens") == 16 * 7)
  }

  @Test func postStratifiedMayorsTrimmedAsR() throws {
    let (weighted, _) = try EstimationOracleTests.mayors(trim: try Self.trim("mayors"))
    try checkWeights(weighted, case: "mayors")
    let indicators = try EstimationOracleTests.indicators(
      weighted, variables: ["score", "q3", "q4"], method: .logit)
    #expect(try compare(indicators, case: "mayors") > 100)
  }
}
