/// `weights.csv`: one row per weighted respondent, for audit; weights printed so they read back exactly.
extension WeightedWave {
  /// The file: line, respondent id, starting and final weight, formatted in parts of `rowsPerPart`.
  func weightsCSV(locale: CSVLocale = .rfc4180, rowsPerPart: Int = PartitionedCSV.defaultRowsPerPart)
    -> PartitionedCSV
  {
    var writer = CSVWriter(locale: locale)
    writer.row(["line", "respondent_id", "start_weight", "final_weight"].map(CSVCell.text))
    let identifier = clean.variables.firstIndex { $0.kind == .identifier }.map { clean.table.columns[$0] }
    return PartitionedCSV(header: writer.bytes, rowCount: rows.count, rowsPerPart: rowsPerPart) { indices in
      var chunk = CSVChunk(locale: locale, reservingCapacity: indices.count * 48)
      for index in indices {
        let row = rows[index]
        chunk.append(integer: Int64(clean.sourceLines[row]))
        if let id = identifier?.text(at: row) { chunk.append(text: id) } else { chunk.appendEmpty() }
        chunk.append(number: startWeights[index])
        chunk.append(number: finalWeights[index])
        chunk.endRow()
      }
      return chunk.finish()
    }
  }
}
