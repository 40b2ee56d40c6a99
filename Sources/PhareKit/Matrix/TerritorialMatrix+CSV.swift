import Foundation

/// `matrix.csv`: one row per (row of the matrix, domain, measure), tidy, with the indicator's
/// estimate, SE, interval, base and flags; blank where the actor has no estimate (flagged
/// `actor-wave-missing` when its pipeline has not delivered the wave), where the cell is suppressed
/// for its small base, and where it is empty (n 0; the flags say so).
extension TerritorialMatrix {
  static let csvHeader = [
    "wave", "breakdown", "breakdown_value", "breakdown_label", "domain_code", "domain", "domain_label", "measure",
    "measure_label", "actor", "variable", "category", "statistic", "estimate", "se", "ci_lower", "ci_upper", "n",
    "weighted_n", "flags",
  ]

  public func csv(locale: CSVLocale = .rfc4180) -> String {
    var writer = CSVWriter(locale: locale)
    writer.row(Self.csvHeader.map(CSVCell.text))
    for cell in cells {
      let indicator = cell.indicator
      let hide = indicator.map { $0.isSuppressed || $0.isEmpty } ?? true
      func number(_ value: Double?) -> CSVCell { hide ? .empty : CSVCell(value) }
      writer.row([
        .text(wave), .text(cell.rowValue.isEmpty ? "national" : spec.breakdown), .text(cell.rowValue),
        .text(cell.rowLabel), .integer(cell.domain.code), .text(cell.domain.id), .text(cell.domain.label),
        .text(cell.measure.id), .text(cell.measure.label), CSVCell(indicator?.actor), CSVCell(indicator?.variable),
        CSVCell(indicator?.category), CSVCell(indicator?.statistic.rawValue), number(indicator?.estimate),
        number(indicator?.standardError), number(indicator?.lower), number(indicator?.upper),
        indicator.map { .integer($0.respondents) } ?? .empty, CSVCell(indicator?.weightedTotal),
        .text(cell.flags.joined(separator: ";")),
      ])
    }
    return writer.text
  }

  /// Writes `matrix.csv` and `feed.json` into `folder`, each atomically.
  public func write(into folder: String, locale: CSVLocale = .rfc4180, generatedAt: Date = Date()) throws {
    try AtomicFile.write(csv(locale: locale), to: folder + "/matrix.csv")
    try AtomicFile.write(try MatrixFeed(self, generatedAt: generatedAt).json(), to: folder + "/feed.json")
  }
}
