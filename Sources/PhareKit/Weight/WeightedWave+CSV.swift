/// `weights.csv`: one row per weighted respondent, for audit; weights printed so they read back exactly.
extension WeightedWave {
  public func weightsCSV(locale: CSVLocale = .rfc4180) -> String {
    var writer = CSVWriter(locale: locale)
    let identifier = clean.variables.firstIndex { $0.kind == .identifier }.map { clean.table.columns[$0] }
    writer.row(["line", "respondent_id", "start_weight", "final_weight"].map(CSVCell.text))
    for (index, row) in rows.enumerated() {
      writer.row([
        .integer(Int(clean.sourceLines[row])), CSVCell(identifier?.text(at: row)),
        .number(startWeights[index]), .number(finalWeights[index]),
      ])
    }
    return writer.text
  }
}
