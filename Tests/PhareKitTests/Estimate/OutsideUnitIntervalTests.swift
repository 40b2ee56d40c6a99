import Testing

@testable import PhareKit

/// Linear calibration's negative weights put region 44's proportion outside [0, 1]
/// (`Tests/Fixtures/cases/linear-negative`, R's figures from `Tests/Oracle/linear-negative.R`):
/// the estimate and SE are R's, the interval is the Wald one, and the cell is suppressed and flagged.
@Suite struct OutsideUnitIntervalTests {
  @Test func aProportionOutsideZeroOneIsSuppressedWithTheWaldInterval() throws {
    let pipeline = try Pipeline.load(Fixtures.cases("linear-negative/spec.yml"), through: .estimate)
    let wave = try #require(try PipelineRunner(pipeline: pipeline).run(through: .estimate).first)
    try #require(wave.problem == nil, "\(wave.problem ?? "")")
    let indicators = try #require(wave.indicators).filter { $0.variable == "q1" && $0.category == "1" }
    let golden = try String(contentsOfFile: Fixtures.oracle("linear-negative.csv"), encoding: .utf8)
      .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    #expect(golden.count == 5)
    for row in golden {
      let indicator = try #require(indicators.first { $0.breakdownValue == String(row[0]) })
      let estimate = Double(row[2])!
      let se = Double(row[3])!
      #expect(indicator.respondents == Int(row[1]))
      #expect(abs(indicator.estimate - estimate) <= 1e-9 * abs(estimate))
      #expect(abs(indicator.standardError - se) <= 1e-6 * se)
      let outside = !(0...1).contains(estimate)
      #expect(indicator.flags.contains("outside-0-1") == outside, "\(row[0])")
      #expect(indicator.isSuppressed == outside, "\(row[0])")
      if outside {
        let z = 1.959963984540054
        #expect(indicator.intervalMethod == "normal")
        #expect(
          abs(indicator.lower - (estimate - z * se)) <= 1e-6 && abs(indicator.upper - (estimate + z * se)) <= 1e-6)
        #expect(indicator.effectiveRespondents == nil)
      } else {
        #expect(indicator.intervalMethod == "logit")
        #expect(indicator.lower >= 0 && indicator.upper <= 1)
      }
    }
  }
}
