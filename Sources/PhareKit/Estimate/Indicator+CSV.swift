/// `indicators.csv`: one row per (actor, domain, breakdown, value, variable, category, statistic). In the
/// published file a suppressed cell keeps its base but not its estimate, interval or differences;
/// the audit file keeps everything. An empty cell (no respondent) has only its bases (0), df and
/// flags in both files.
extension Indicator {
  static let csvHeader = [
    "actor", "domain", "domain_label", "breakdown", "breakdown_value", "breakdown_label", "variable", "variable_label",
    "category", "category_label",
    "statistic", "estimate", "se", "ci_lower", "ci_upper", "ci_method", "deff", "n", "weighted_n", "effective_n",
    "cv", "df", "diff_national", "diff_national_se", "diff_rest", "diff_rest_se", "flags",
  ]

  public static func csv(_ indicators: [Indicator], audit: Bool, locale: CSVLocale = .rfc4180) -> String {
    var writer = CSVWriter(locale: locale)
    writer.row(csvHeader.map(CSVCell.text))
    for indicator in indicators {
      writer.row(indicator.csvCells(hidingSuppressed: !audit))
    }
    return writer.text
  }

  private func csvCells(hidingSuppressed: Bool) -> [CSVCell] {
    let hide = isEmpty || (hidingSuppressed && isSuppressed)
    func number(_ value: Double?) -> CSVCell { hide ? .empty : CSVCell(value) }
    return [
      .text(actor), .text(domain), .text(domainLabel), .text(breakdown), .text(breakdownValue), .text(breakdownLabel),
      .text(variable), .text(variableLabel), .text(category), .text(categoryLabel), .text(statistic.rawValue),
      number(estimate), number(standardError), number(lower), number(upper), hide ? .empty : .text(intervalMethod),
      number(designEffect), .integer(respondents), .number(weightedTotal), number(effectiveRespondents),
      number(coefficientOfVariation), .number(degreesOfFreedom), number(differenceFromNational),
      number(differenceFromNationalSE), number(differenceFromRest), number(differenceFromRestSE),
      .text(flags.joined(separator: ";")),
    ]
  }
}
