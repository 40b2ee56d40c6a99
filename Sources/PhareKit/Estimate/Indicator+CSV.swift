/// `indicators.csv`: one row per (actor, domain, breakdown, value, variable, category, statistic). In the
/// published file a suppressed cell keeps its base but not its estimate, interval or differences;
/// the audit file keeps everything.
extension Indicator {
  static let csvHeader = [
    "actor", "domain", "domain_label", "breakdown", "breakdown_value", "breakdown_label", "variable", "variable_label",
    "category", "category_label",
    "statistic", "estimate", "se", "ci_lower", "ci_upper", "ci_method", "deff", "n", "weighted_n", "effective_n",
    "cv", "df", "diff_national", "diff_national_se", "diff_rest", "diff_rest_se", "flags",
  ]

  public static func csv(_ indicators: [Indicator], audit: Bool) -> String {
    var writer = CSVWriter()
    writer.row(csvHeader)
    for indicator in indicators {
      writer.row(indicator.csvFields(hidingSuppressed: !audit))
    }
    return writer.text
  }

  private func csvFields(hidingSuppressed: Bool) -> [String?] {
    let hide = hidingSuppressed && isSuppressed
    func number(_ value: Double?) -> String? { hide ? nil : value.map { String($0) } }
    return [
      actor, domain, CSVWriter.textCell(domainLabel), breakdown, breakdownValue, CSVWriter.textCell(breakdownLabel),
      variable, CSVWriter.textCell(variableLabel),
      category,
      CSVWriter.textCell(categoryLabel), statistic.rawValue, number(estimate), number(standardError), number(lower),
      number(upper), hide ? nil : intervalMethod, number(designEffect), String(respondents), String(weightedTotal),
      number(effectiveRespondents), number(coefficientOfVariation), String(degreesOfFreedom),
      number(differenceFromNational), number(differenceFromNationalSE), number(differenceFromRest),
      number(differenceFromRestSE), flags.joined(separator: ";"),
    ]
  }
}
