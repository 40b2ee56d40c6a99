/// `matrix.csv`: one row per (row of the matrix, domain, measure), tidy, with the indicator's
/// estimate, SE, interval, base and flags; blank where the actor has no estimate, and where the
/// cell is suppressed for its small base (the flag says so).
extension TerritorialMatrix {
  static let csvHeader = [
    "wave", "breakdown", "breakdown_value", "breakdown_label", "domain_code", "domain", "domain_label", "measure",
    "measure_label", "actor", "variable", "category", "statistic", "estimate", "se", "ci_lower", "ci_upper", "n",
    "weighted_n", "flags",
  ]

  public var csv: String {
    var writer = CSVWriter()
    writer.row(Self.csvHeader)
    for cell in cells {
      let indicator = cell.indicator
      let hide = indicator?.isSuppressed ?? true
      func number(_ value: Double?) -> String? { hide ? nil : value.map { String($0) } }
      writer.row([
        wave, cell.rowValue.isEmpty ? "national" : spec.breakdown, cell.rowValue, CSVWriter.textCell(cell.rowLabel),
        String(cell.domain.code), cell.domain.id, CSVWriter.textCell(cell.domain.label), cell.measure.id,
        CSVWriter.textCell(cell.measure.label), indicator?.actor, indicator?.variable, indicator?.category,
        indicator?.statistic.rawValue, number(indicator?.estimate), number(indicator?.standardError),
        number(indicator?.lower), number(indicator?.upper), indicator.map { String($0.respondents) },
        indicator.map { String($0.weightedTotal) }, indicator?.flags.joined(separator: ";"),
      ])
    }
    return writer.text
  }
}

extension TerritorialMatrix {
  /// Writes `<out>/<matrix>/<wave>/matrix.csv` atomically and returns its path.
  public func write(under out: String) throws -> String {
    let path = "\(out)/\(spec.name)/\(wave)/matrix.csv"
    try AtomicFile.write(csv, to: path)
    return path
  }
}
