import Foundation

/// A survey's time-series feed (`<survey>/feed.json`): the latest wave's feed in which every value
/// carries its series over all waves, each point with its change from the previous wave
/// (`Trend`: independent samples), in the indicator's unit (a proportion's difference from -1 to
/// 1), and `not_asked` for every wave.
extension Feed {
  /// `waves` are every wave's indicators, in any order; the latest wave id gives the feed's own values.
  public init(pipeline: Pipeline, series waves: [(wave: String, indicators: [Indicator])], generatedAt: Date) {
    let ordered = waves.sorted { $0.wave < $1.wave }
    var history: [[String]: [(wave: String, indicator: Indicator)]] = [:]
    for (wave, indicators) in ordered {
      for indicator in indicators { history[Self.seriesKey(indicator), default: []].append((wave, indicator)) }
    }
    let level = pipeline.spec.estimate?.level ?? EstimationSpec.defaultLevel
    self.init(
      pipeline: pipeline, wave: ordered.last?.wave ?? "", indicators: ordered.last?.indicators ?? [],
      generatedAt: generatedAt, covering: ordered.map(\.wave)
    ) { indicator in
      let points = history[Self.seriesKey(indicator)] ?? []
      return points.enumerated().map { index, point in
        let change = index == 0 ? nil : Self.change(from: points[index - 1], to: point, level: level)
        return Self.point(point.wave, point.indicator, change: change)
      }
    }
  }

  private static func seriesKey(_ indicator: Indicator) -> [String] {
    [id(of: indicator), indicator.breakdown, indicator.breakdownValue]
  }

  private static func point(_ wave: String, _ indicator: Indicator, change: Change?) -> SeriesPoint {
    let value = Self.value(indicator)
    return SeriesPoint(
      wave: wave, estimate: value.estimate, percent: value.percent, standardError: value.standardError,
      lower: value.lower,
      upper: value.upper, respondents: value.respondents, flags: value.flags, change: change)
  }

  private static func change(
    from earlier: (wave: String, indicator: Indicator), to later: (wave: String, indicator: Indicator), level: Double
  ) -> Change {
    let trend = Trend(from: earlier.indicator, wave: earlier.wave, to: later.indicator, wave: later.wave, level: level)
    func published(_ number: Double) -> Double? { trend.isSuppressed || !number.isFinite ? nil : number }
    return Change(
      fromWave: earlier.wave, difference: published(trend.difference), standardError: published(trend.standardError),
      lower: published(trend.lower), upper: published(trend.upper),
      significant: trend.isSuppressed ? nil : trend.significant)
  }
}
