/// `trends.csv`: one row per indicator and pair of consecutive waves, with both estimates, the
/// difference, its SE and interval, and `significant` (yes / no); blank where either wave is
/// suppressed (flags `suppressed`) or empty (flags `suppressed;empty`), as a suppressed one.
extension Trend {
  static let csvHeader = [
    "actor", "domain", "breakdown", "breakdown_value", "breakdown_label", "variable", "variable_label", "category",
    "category_label", "statistic", "from_wave", "to_wave", "from_estimate", "to_estimate", "difference", "se",
    "ci_lower", "ci_upper", "significant", "flags",
  ]

  public static func csv(_ trends: [Trend], locale: CSVLocale = .rfc4180) -> String {
    var writer = CSVWriter(locale: locale)
    writer.row(csvHeader.map(CSVCell.text))
    for trend in trends {
      let hide = trend.isSuppressed
      func number(_ value: Double) -> CSVCell { hide ? .empty : .number(value) }
      let indicator = trend.later
      writer.row([
        .text(indicator.actor), .text(indicator.domain), .text(indicator.breakdown), .text(indicator.breakdownValue),
        .text(indicator.breakdownLabel), .text(indicator.variable), .text(indicator.variableLabel),
        .text(indicator.category), .text(indicator.categoryLabel), .text(indicator.statistic.rawValue),
        .text(trend.fromWave), .text(trend.toWave), number(trend.earlier.estimate), number(indicator.estimate),
        number(trend.difference), number(trend.standardError), number(trend.lower), number(trend.upper),
        hide ? .empty : .text(trend.significant ? "yes" : "no"),
        .text(trend.isEmpty ? "suppressed;empty" : hide ? "suppressed" : ""),
      ])
    }
    return writer.text
  }
}
