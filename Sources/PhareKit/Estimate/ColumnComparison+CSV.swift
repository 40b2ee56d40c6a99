/// `comparisons.csv`: every column test of the wave's cross-tables, one row per pair of levels of a
/// banner breakdown in one row of a table, with the difference (first − second, proportions 0–1),
/// its linearised SE, z, the two-sided p-value, the adjusted p-value and whether it is significant
/// — the audit trail of the tables' letters. Pairs below `min_base.flag` are not tested and absent.
extension ColumnComparison {
  static let csvHeader = [
    "variable", "category", "statistic", "breakdown", "first", "second", "difference", "se", "z", "p", "p_adjusted",
    "significant",
  ]

  public static func csv(_ comparisons: [ColumnComparison], locale: CSVLocale = .rfc4180) -> String {
    var writer = CSVWriter(locale: locale)
    writer.row(csvHeader.map(CSVCell.text))
    for test in comparisons {
      writer.row([
        .text(test.variable), .text(test.category), .text(test.statistic.rawValue), .text(test.breakdown),
        .text(test.first), .text(test.second), .number(test.difference), .number(test.standardError),
        CSVCell(test.z.isFinite ? test.z : nil), CSVCell(test.pValue.isNaN ? nil : test.pValue),
        CSVCell(test.adjustedPValue.isNaN ? nil : test.adjustedPValue),
        .text(test.isSignificant ? "1" : "0"),
      ])
    }
    return writer.text
  }
}
