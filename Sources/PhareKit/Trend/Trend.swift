/// The change of one indicator from one wave to the next: the difference, its SE as for two
/// independent samples (√(se₁² + se₂²)), a normal interval and whether it is significant.
public struct Trend: Sendable, Equatable {
  /// The indicator in the later wave (labels, breakdown, flags) and in the earlier one.
  public var later: Indicator
  public var earlier: Indicator
  public var fromWave: String
  public var toWave: String
  public var difference: Double
  public var standardError: Double
  public var lower: Double
  public var upper: Double
  /// |difference| / SE above the normal quantile of the level.
  public var significant: Bool

  /// Either wave's value is suppressed for its small base, or empty (nobody answered): the change
  /// is not published.
  public var isSuppressed: Bool { later.isSuppressed || earlier.isSuppressed || isEmpty }
  /// Either wave's value is empty: no respondent in that level.
  public var isEmpty: Bool { later.isEmpty || earlier.isEmpty }

  public init(from earlier: Indicator, wave fromWave: String, to later: Indicator, wave toWave: String, level: Double) {
    self.earlier = earlier
    self.later = later
    self.fromWave = fromWave
    self.toWave = toWave
    difference = later.estimate - earlier.estimate
    standardError = (earlier.standardError * earlier.standardError + later.standardError * later.standardError)
      .squareRoot()
    let z = Quantile.normal(1 - (1 - level) / 2)
    lower = difference - z * standardError
    upper = difference + z * standardError
    significant = standardError > 0 && abs(difference) > z * standardError
  }

  /// Wave-over-wave changes: each indicator of a wave (sorted by wave id) against the latest
  /// earlier wave that has it, matched on variable, category, statistic, breakdown and breakdown
  /// value. Consecutive waves as a rule; across a wave that did not ask the question (codebook
  /// `waves:`), from the last wave that did, as the time-series feed's `change` does.
  public static func series(_ waves: [(wave: String, indicators: [Indicator])], level: Double) -> [Trend] {
    var latest: [[String]: (wave: String, indicator: Indicator)] = [:]
    var trends: [Trend] = []
    for later in waves.sorted(by: { $0.wave < $1.wave }) {
      var current: [[String]: (wave: String, indicator: Indicator)] = [:]
      for indicator in later.indicators where current[key(indicator)] == nil {
        current[key(indicator)] = (later.wave, indicator)
        guard let previous = latest[key(indicator)] else { continue }
        trends.append(
          Trend(from: previous.indicator, wave: previous.wave, to: indicator, wave: later.wave, level: level))
      }
      latest.merge(current) { _, new in new }
    }
    return trends
  }

  private static func key(_ indicator: Indicator) -> [String] {
    [
      indicator.variable, indicator.category, indicator.statistic.rawValue, indicator.breakdown,
      indicator.breakdownValue,
    ]
  }
}
