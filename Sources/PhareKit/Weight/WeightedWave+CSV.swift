/// `weights.csv`: one row per weighted respondent, for audit; weights printed so they read back exactly.
extension WeightedWave {
  public func weightsCSV() -> String {
    var writer = CSVWriter()
    let identifier = clean.variables.firstIndex { $0.kind == .identifier }.map { clean.table.columns[$0] }
    writer.row(["line", "respondent_id", "start_weight", "final_weight"])
    for (index, row) in rows.enumerated() {
      writer.row([
        String(clean.sourceLines[row]), CSVWriter.textCell(identifier?.text(at: row)),
        String(startWeights[index]), String(finalWeights[index]),
      ])
    }
    return writer.text
  }
}
