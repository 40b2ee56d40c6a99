import Foundation
import Testing

@testable import PhareKit

/// libRmath against R itself: the golden values come from `Tests/Oracle/quantiles.R`.
@Suite struct QuantileTests {
  @Test func matchesR() throws {
    let text = try String(contentsOfFile: Fixtures.oracle("quantiles.csv"), encoding: .utf8)
    let rows = text.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    #expect(rows.count == 12)
    for row in rows {
      let p = Double(row[1])!
      let expected = Double(row[4])!
      let actual: Double
      switch row[0] {
      case "normal": actual = Quantile.normal(p)
      case "t": actual = Quantile.studentT(p, degreesOfFreedom: Double(row[2])!)
      case "beta": actual = Quantile.beta(p, Double(row[2])!, Double(row[3])!)
      default:
        Issue.record("unknown distribution \(row[0])")
        continue
      }
      #expect(abs(actual - expected) <= 1e-14 * max(abs(expected), 1e-300), "\(row)")
    }
  }
}
