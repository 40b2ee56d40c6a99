/// `weights.csv`: one row per weighted respondent, for audit; weights printed so they read back exactly.
extension WeightedWave {
  /// The file's UTF-8 bytes: line, respondent id, starting and final weight.
  public func weightsCSV(locale: CSVLocale = .rfc4180) -> [UInt8] {
    var writer = CSVWriter(locale: locale, reservingCapacity: rows.count * 48)
    let identifier = clean.variables.firstIndex { $0.kind == .identifier }.map { clean.table.columns[$0] }
    writer.row(["line", "respondent_id", "start_weight", "final_weight"].map(CSVCell.text))
    for (index, row) in rows.enumerated() {
      writer.append(integer: Int64(clean.sourceLines[row]))
      if let id = identifier?.text(at: row) { writer.append(text: id) } else { writer.appendEmpty() }
      writer.append(number: startWeights[index])
      writer.append(number: finalWeights[index])
      writer.endRow()
    }
    return writer.bytes
  }
}
