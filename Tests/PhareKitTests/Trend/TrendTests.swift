import Testing

@testable import PhareKit

/// Wave-over-wave changes: independent samples, so the variances add; matched indicator by indicator.
@Suite struct TrendTests {
  private func indicator(
    _ variable: String, category: String = "1", region: String = "", estimate: Double, se: Double,
    flags: [String] = []
  ) -> Indicator {
    Indicator(
      actor: "citoyens", domain: "emploi", domainLabel: "Emploi", breakdown: region.isEmpty ? "national" : "region",
      breakdownValue: region, breakdownLabel: region.isEmpty ? "Ensemble" : "R\(region)", variable: variable,
      variableLabel: variable, category: category, categoryLabel: "Oui", statistic: .proportion, estimate: estimate,
      standardError: se, lower: 0, upper: 1, intervalMethod: "logit", designEffect: 1, respondents: 100,
      weightedTotal: 100, effectiveRespondents: 100, coefficientOfVariation: nil, degreesOfFreedom: 99, flags: flags)
  }

  @Test func theDifferenceOfIndependentEstimates() {
    let trend = Trend(
      from: indicator("alliances", estimate: 0.69, se: 0.009), wave: "2015",
      to: indicator("alliances", estimate: 0.71, se: 0.012), wave: "2016", level: 0.95)
    let se = (0.009 * 0.009 + 0.012 * 0.012).squareRoot()  // 0.015
    #expect(abs(trend.difference - 0.02) < 1e-15)
    #expect(abs(trend.standardError - se) < 1e-15)
    // qnorm(0.975) in R: 1.959963984540054.
    #expect(abs(trend.lower - (0.02 - 1.959963984540054 * se)) < 1e-15)
    #expect(abs(trend.upper - (0.02 + 1.959963984540054 * se)) < 1e-15)
    #expect(!trend.significant)  // 0.02 / 0.015 = 1.33
    let bigger = Trend(
      from: indicator("alliances", estimate: 0.69, se: 0.009), wave: "2015",
      to: indicator("alliances", estimate: 0.73, se: 0.012), wave: "2016", level: 0.95)
    #expect(bigger.significant)  // 2.67
    let atNinety = Trend(
      from: indicator("alliances", estimate: 0.69, se: 0.009), wave: "2015",
      to: indicator("alliances", estimate: 0.715, se: 0.012), wave: "2016", level: 0.90)
    #expect(atNinety.significant)  // 1.67 > qnorm(0.95) = 1.645
  }

  @Test func consecutiveWavesAreMatchedIndicatorByIndicator() {
    let waves: [(wave: String, indicators: [Indicator])] = [
      ("2017", [indicator("q", estimate: 0.5, se: 0.01), indicator("q", region: "84", estimate: 0.4, se: 0.05)]),
      ("2015", [indicator("q", estimate: 0.3, se: 0.01), indicator("new", estimate: 0.1, se: 0.01)]),
      ("2016", [indicator("q", estimate: 0.4, se: 0.01), indicator("q", region: "84", estimate: 0.45, se: 0.05)]),
    ]
    let trends = Trend.series(waves, level: 0.95)
    #expect(
      trends.map { "\($0.fromWave)→\($0.toWave) \($0.later.breakdownValue)" } == [
        "2015→2016 ", "2016→2017 ", "2016→2017 84",
      ])
    #expect(trends.map(\.difference).map { ($0 * 100).rounded() / 100 } == [0.1, 0.1, -0.05])
  }

  /// A question 2016 did not ask (no indicator that wave): 2017 is compared with 2015, the last
  /// wave that asked it, as the time-series feed's change is; never with a wave that lacks it.
  @Test func aWaveThatDidNotAskTheQuestionIsBridgedFromTheLastWaveThatDid() {
    let waves: [(wave: String, indicators: [Indicator])] = [
      ("2015", [indicator("q4", estimate: 0.30, se: 0.01), indicator("q3", estimate: 0.6, se: 0.01)]),
      ("2016", [indicator("q3", estimate: 0.62, se: 0.01)]),
      ("2017", [indicator("q4", estimate: 0.36, se: 0.02), indicator("q3", estimate: 0.61, se: 0.01)]),
    ]
    let trends = Trend.series(waves, level: 0.95)
    #expect(
      trends.map { "\($0.later.variable) \($0.fromWave)→\($0.toWave)" } == [
        "q3 2015→2016", "q4 2015→2017", "q3 2016→2017",
      ])
    let q4 = trends.first { $0.later.variable == "q4" }!
    #expect(abs(q4.difference - 0.06) < 1e-15)
    #expect(abs(q4.standardError - (0.01 * 0.01 + 0.02 * 0.02).squareRoot()) < 1e-15)
  }

  @Test func aSuppressedWaveBlanksTheChangeInTheCSV() {
    let trend = Trend(
      from: indicator("q", estimate: 0.3, se: 0.1, flags: ["low-base", "suppressed"]), wave: "2015",
      to: indicator("q", estimate: 0.4, se: 0.1), wave: "2016", level: 0.95)
    let lines = Trend.csv([trend]).split(separator: "\r\n")
    #expect(lines.count == 2)
    #expect(lines[1] == "citoyens,emploi,national,,Ensemble,q,q,1,Oui,proportion,2015,2016,,,,,,,,suppressed")
  }

  @Test func anEmptyWaveBlanksTheChangeAsASuppressedOne() {
    for flags in [["low-base", "suppressed", "empty"], ["empty"]] {
      var empty = indicator("q", region: "24", estimate: .nan, se: .nan, flags: flags)
      empty.respondents = 0
      empty.weightedTotal = 0
      let earlier = indicator("q", region: "24", estimate: 0.3, se: 0.1)
      for trend in [
        Trend(from: earlier, wave: "2015", to: empty, wave: "2016", level: 0.95),
        Trend(from: empty, wave: "2015", to: earlier, wave: "2016", level: 0.95),
      ] {
        #expect(trend.isEmpty && trend.isSuppressed)
        let lines = Trend.csv([trend]).split(separator: "\r\n")
        #expect(lines[1] == "citoyens,emploi,region,24,R24,q,q,1,Oui,proportion,2015,2016,,,,,,,,suppressed;empty")
      }
    }
  }
}
