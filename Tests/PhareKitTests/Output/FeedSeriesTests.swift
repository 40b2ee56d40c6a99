import Foundation
import TestSupport
import Testing

@testable import PhareKit

/// The time-series feed: the latest wave's values, each with its series over the waves and the
/// change from the previous point, in the indicator's unit (a proportion's from -1 to 1).
@Suite struct FeedSeriesTests {
  private func indicator(_ estimate: Double, se: Double, region: String = "", flags: [String] = []) -> Indicator {
    Indicator(
      actor: "maires", domain: "", domainLabel: "", breakdown: region.isEmpty ? "national" : "region",
      breakdownValue: region, breakdownLabel: region.isEmpty ? "Ensemble" : "Région", variable: "q3",
      variableLabel: "Q3", category: "1", categoryLabel: "Oui", statistic: .proportion, estimate: estimate,
      standardError: se, lower: estimate - 2 * se, upper: estimate + 2 * se, intervalMethod: "logit",
      designEffect: 1.1, respondents: 300, weightedTotal: 35795, effectiveRespondents: 270,
      coefficientOfVariation: se / estimate, degreesOfFreedom: 299, flags: flags)
  }

  @Test func everyValueCarriesItsSeriesAndChanges() throws {
    let pipeline = try Pipeline.load(Fixtures.pipelines("institutions.yml"))
    let waves: [(wave: String, indicators: [Indicator])] = [
      ("2017", [indicator(0.85, se: 0.02), indicator(0.5, se: 0.1, region: "94", flags: ["low-base", "suppressed"])]),
      ("2015", [indicator(0.80, se: 0.02), indicator(0.6, se: 0.1, region: "94")]),
      ("2016", [indicator(0.87, se: 0.02)]),
    ]
    let feed = Feed(pipeline: pipeline, series: waves, generatedAt: Date(timeIntervalSince1970: 0))
    let json = try JSONValue.parse(try feed.json())
    #expect(try JSONSchemaValidator.feed().errors(json) == [])
    #expect(feed.wave == "2017")
    let values = try #require(feed.indicators.first?.values)
    #expect(values.count == 2)
    let national = try #require(values[0].series)
    #expect(national.map(\.wave) == ["2015", "2016", "2017"])
    #expect(national[0].change == nil)
    let last = try #require(national[2].change)
    #expect(last.fromWave == "2016")
    #expect(abs(last.difference! - (-0.02)) < 1e-12)
    #expect(abs(last.standardError! - (0.02 * 0.02 * 2).squareRoot()) < 1e-12)
    #expect(last.significant == false)
    #expect(abs(national[1].change!.difference! - 0.07) < 1e-12)
    #expect(national[1].change!.significant == true)  // 0.07 / 0.0283 = 2.47 SE
    #expect(national.map(\.estimate) == [0.80, 0.87, 0.85])
    #expect(national.map(\.percent) == [0.80, 0.87, 0.85].map { 100 * $0 })
    // Corse: 2015 then 2017, no 2016; the suppressed 2017 value publishes no number, nor its change.
    let corse = try #require(values[1].series)
    #expect(corse.map(\.wave) == ["2015", "2017"])
    #expect(corse[1].estimate == nil && corse[1].change?.fromWave == "2015" && corse[1].change?.difference == nil)
    #expect(corse[1].change?.significant == nil)
    #expect(corse[0].estimate == 0.6 && corse[0].percent == 100 * 0.6)
    #expect(corse[1].percent == nil)
    // A wave's own feed has no series.
    let own = Feed(pipeline: pipeline, wave: "2017", indicators: waves[0].indicators, generatedAt: Date())
    #expect(own.indicators[0].values.allSatisfy { $0.series == nil })
    #expect(try JSONSchemaValidator.feed().errors(JSONValue.parse(try own.json())) == [])
  }

  @Test func anEmptyLevelIsInTheSeriesWithNullsAndNoChange() throws {
    let pipeline = try Pipeline.load(Fixtures.pipelines("institutions.yml"))
    var empty = indicator(.nan, se: .nan, region: "94", flags: ["low-base", "suppressed", "empty"])
    empty.respondents = 0
    empty.weightedTotal = 0
    empty.lower = .nan
    empty.upper = .nan
    let waves: [(wave: String, indicators: [Indicator])] = [
      ("2015", [indicator(0.80, se: 0.02), indicator(0.6, se: 0.1, region: "94")]),
      ("2016", [indicator(0.87, se: 0.02), empty]),
    ]
    let feed = Feed(pipeline: pipeline, series: waves, generatedAt: Date(timeIntervalSince1970: 0))
    #expect(try JSONSchemaValidator.feed().errors(JSONValue.parse(try feed.json())) == [])
    let corse = try #require(feed.indicators.first?.values.last)
    #expect(corse.breakdownValue == "94" && corse.respondents == 0 && corse.weightedTotal == 0)
    #expect(corse.estimate == nil && corse.standardError == nil && corse.lower == nil && corse.upper == nil)
    #expect(corse.flags == ["low-base", "suppressed", "empty"])
    let series = try #require(corse.series)
    #expect(series.map(\.wave) == ["2015", "2016"] && series.map(\.respondents) == [300, 0])
    #expect(series[1].estimate == nil && series[1].change?.fromWave == "2015")
    #expect(series[1].change?.difference == nil && series[1].change?.significant == nil)
  }
}
