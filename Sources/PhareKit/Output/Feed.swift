import Foundation

/// The dashboard feed of one wave (`<wave>/feed.json`, described by `Schemas/feed.schema.json`):
/// the regions and domains to show, then each indicator with its values in every breakdown.
///
/// An indicator's id is `<actor>.<variable>[.<category>].<statistic>`, the category only for
/// proportions and weighted counts of a category, so the same question keeps its id across waves.
/// Proportions are fractions from 0 to 1 (SE and interval too, as in `indicators.csv`), with
/// `percent`, the estimate × 100, for display; means are scores on the variable's own scale,
/// totals are counts. A suppressed value keeps its bases but no estimate;
/// an empty one (a declared level where nobody answered) has bases 0, no estimate and the flags
/// `suppressed` and `empty`. `not_asked` lists, per wave the feed covers, the estimate variables
/// that wave does not ask (codebook `waves:`), which have no indicator there.
public struct Feed: Sendable {
  /// Additive changes bump the minor version, breaking changes (a key removed, renamed or
  /// retyped, a unit changed) the major one; the schema accepts every version of this major.
  public static let schemaVersion = "2.1.0"

  /// A region as the dashboard maps it: the INSEE code, two digits at least, and its French name.
  struct Region: Encodable, Sendable, Equatable {
    var id: String
    var label: String
  }

  /// One indicator and its values in the national breakdown and each breakdown level.
  struct Entry: Sendable, Equatable {
    var id: String
    var variable: String
    var variableLabel: String
    var category: String?
    var categoryLabel: String?
    var statistic: Indicator.Statistic
    var unit: String
    var domain: String?
    var values: [Value]
  }

  /// One breakdown level's value; estimate, SE and interval are nil when suppressed or empty.
  struct Value: Sendable, Equatable {
    var breakdown: String
    var breakdownValue: String?
    var breakdownLabel: String
    var estimate: Double?
    /// A proportion's estimate × 100, for display; nil for other statistics.
    var percent: Double?
    var standardError: Double?
    var lower: Double?
    var upper: Double?
    var respondents: Int
    var weightedTotal: Double
    var flags: [String]
    /// The same value in every wave up to this one, with each wave's change: in a survey's
    /// time-series feed (`<survey>/feed.json`); nil in a wave's own feed.
    var series: [SeriesPoint]? = nil
  }

  /// One wave's value of an indicator in a breakdown level, in the feed's units, and its change
  /// from the previous wave that has it (nil for the first).
  struct SeriesPoint: Sendable, Equatable {
    var wave: String
    var estimate: Double?
    var percent: Double?
    var standardError: Double?
    var lower: Double?
    var upper: Double?
    var respondents: Int
    var flags: [String]
    var change: Change?
  }

  /// The estimate variables a wave does not ask, as its indicators would name them
  /// (`Pipeline.unaskedIndicatorVariables(in:)`).
  struct NotAsked: Encodable, Sendable, Equatable {
    var wave: String
    var variables: [String]
  }

  /// A wave-over-wave change (`Trend`) in the feed's units; nil numbers when either wave is suppressed.
  struct Change: Sendable, Equatable {
    var fromWave: String
    var difference: Double?
    var standardError: Double?
    var lower: Double?
    var upper: Double?
    var significant: Bool?
  }

  var generatedAt: Date
  var pipeline: String
  var survey: String
  var actor: String
  var wave: String
  var title: String
  var confidenceLevel: Double
  var regions: [Region]
  var domains: [FragilityDomain]
  var indicators: [Entry]
  /// One entry per wave the feed covers, oldest first: its own wave, or every wave of the series.
  var notAsked: [NotAsked]

  /// The codebook variable whose codes are regions.
  static let regionVariable = "region"

  public init(pipeline: Pipeline, wave: String, indicators: [Indicator], generatedAt: Date) {
    self.init(pipeline: pipeline, wave: wave, indicators: indicators, generatedAt: generatedAt, covering: [wave]) {
      _ in nil
    }
  }

  /// The feed, each value given the series `series(indicator)` returns for it; `waves` are those it covers.
  init(
    pipeline: Pipeline, wave: String, indicators: [Indicator], generatedAt: Date, covering waves: [String],
    series: (Indicator) -> [SeriesPoint]?
  ) {
    self.generatedAt = generatedAt
    self.pipeline = (pipeline.spec.file as NSString).lastPathComponent
    survey = pipeline.spec.survey
    actor = pipeline.spec.actor
    self.wave = wave
    title = pipeline.spec.title
    confidenceLevel = pipeline.spec.estimate?.level ?? EstimationSpec.defaultLevel
    regions = (pipeline.codebook[Self.regionVariable]?.values ?? []).map {
      Region(id: Self.regionID($0.code), label: $0.label)
    }
    domains = pipeline.domains
    var entries: [Entry] = []
    var position: [String: Int] = [:]
    for indicator in indicators {
      let id = Self.id(of: indicator)
      if position[id] == nil {
        position[id] = entries.count
        entries.append(Self.entry(id, indicator))
      }
      var value = Self.value(indicator)
      value.series = series(indicator)
      entries[position[id]!].values.append(value)
    }
    self.indicators = entries
    notAsked = waves.map { NotAsked(wave: $0, variables: pipeline.unaskedIndicatorVariables(in: $0)) }
  }

  /// `<actor>.<variable>[.<category>].<statistic>`: the indicator's id in every feed.
  static func id(of indicator: Indicator) -> String {
    [indicator.actor, indicator.variable, indicator.category, indicator.statistic.rawValue]
      .filter { !$0.isEmpty }.joined(separator: ".")
  }

  /// The unit of a statistic's values in the feed: a proportion from 0 to 1, a score on the
  /// variable's scale, a weighted count.
  static let units: [Indicator.Statistic: String] = [.proportion: "proportion", .mean: "score", .total: "count"]

  private static func entry(_ id: String, _ indicator: Indicator) -> Entry {
    Entry(
      id: id, variable: indicator.variable, variableLabel: indicator.variableLabel,
      category: indicator.category.isEmpty ? nil : indicator.category,
      categoryLabel: indicator.category.isEmpty ? nil : indicator.categoryLabel,
      statistic: indicator.statistic, unit: units[indicator.statistic]!,
      domain: indicator.domain.isEmpty ? nil : indicator.domain, values: [])
  }

  /// The indicator's value as the feed publishes it, in its own unit (a proportion from 0 to 1,
  /// with `percent` for display); nil numbers when suppressed or empty.
  static func value(_ indicator: Indicator) -> Value {
    func published(_ number: Double) -> Double? {
      indicator.isSuppressed || indicator.isEmpty || !number.isFinite ? nil : number
    }
    let estimate = published(indicator.estimate)
    let names = indicator.breakdown.split(separator: "*")
    let codes = indicator.breakdownValue.split(separator: "*").enumerated().map { index, code in
      index < names.count && names[index] == regionVariable ? Int(code).map(regionID) ?? String(code) : String(code)
    }
    return Value(
      breakdown: indicator.breakdown,
      breakdownValue: indicator.breakdown == "national" ? nil : codes.joined(separator: "*"),
      breakdownLabel: indicator.breakdownLabel,
      estimate: estimate, percent: indicator.statistic == .proportion ? estimate.map { 100 * $0 } : nil,
      standardError: published(indicator.standardError),
      lower: published(indicator.lower), upper: published(indicator.upper),
      respondents: indicator.respondents, weightedTotal: indicator.weightedTotal, flags: indicator.flags)
  }

  /// INSEE region codes have two digits at least (`01` Guadeloupe … `94` Corse).
  static func regionID(_ code: Int) -> String {
    (0..<10).contains(code) ? "0\(code)" : String(code)
  }
}
