import Foundation
import Testing

@testable import PhareKit

/// The intervals R's `svyciprop` does not give, against Tests/Oracle/intervals.R: Clopper–Pearson
/// (R's `binom.test`) where a proportion is exactly 0 or 1, and Wilson on the effective n.
@Suite struct ConfidenceIntervalTests {
  @Test func matchesR() throws {
    let text = try String(contentsOfFile: Fixtures.oracle("intervals.csv"), encoding: .utf8)
    let rows = text.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    #expect(rows.count == 7)
    for row in rows {
      let p = Double(row[1])!
      let n = Double(row[2])!
      let interval: ConfidenceInterval
      if row[0] == "clopper-pearson" {
        interval = .proportion(
          p, variance: 0, method: .logit, level: 0.95, degreesOfFreedom: n - 1, designRows: 300, respondents: n)
        #expect(interval.degenerate)
      } else {
        // A variance whose effective n, p(1 − p) / V, is n.
        interval = .proportion(
          p, variance: p * (1 - p) / n, method: .wilson, level: 0.95, degreesOfFreedom: Double(row[3])!,
          designRows: 300,
          respondents: n)
        #expect(!interval.degenerate)
      }
      #expect(abs(interval.lower - Double(row[4])!) <= 1e-12, "\(row)")
      #expect(abs(interval.upper - Double(row[5])!) <= 1e-12, "\(row)")
    }
  }
}
