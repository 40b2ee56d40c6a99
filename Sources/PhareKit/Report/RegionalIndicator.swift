/// One indicator (a variable's mean, or its share of a category) nationally and in each region,
/// read from a wave's indicators: what the map, a bar chart and their data table show.
struct RegionalIndicator {
  /// The indicator's name (`Label — category`).
  var title: String
  var statistic: Indicator.Statistic
  var national: Indicator?
  /// The `region` breakdown's indicators, in the indicators' order (by code).
  var regions: [Indicator]

  /// The indicator `headline` names, nil when the wave has no national or regional estimate of it.
  init?(_ headline: Headline, in indicators: [Indicator]) {
    national = headline.find(in: indicators)
    regions = indicators.filter { $0.breakdown == RegionTile.breakdown && headline.names($0) }
    // A variable without a category named: the first category's indicators, as `find` takes it.
    if let category = (national ?? regions.first)?.category {
      regions = regions.filter { $0.category == category }
    }
    guard let template = national ?? regions.first else { return nil }
    title = template.title
    statistic = template.statistic
  }

  /// The region whose INSEE code is `code`.
  func region(_ code: String) -> Indicator? {
    regions.first { $0.breakdownValue == code }
  }

  /// The published estimates (neither suppressed nor empty), for the colour scale and the axes.
  var publishedRegions: [Indicator] {
    regions.filter { !$0.isSuppressed && !$0.isEmpty }
  }
}
