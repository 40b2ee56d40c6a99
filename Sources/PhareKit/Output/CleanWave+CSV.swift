/// The clean stage's outputs on disk: the clean table and the quarantine list.
extension CleanWave {
  /// The clean table as CSV: the source line, then one column per variable, codes (or labels) as values.
  public func cleanCSV(labels: Bool) -> String {
    var writer = CSVWriter()
    writer.row(["line"] + table.schema.fields.map(\.name))
    for row in 0..<table.rowCount {
      var fields: [String?] = [String(sourceLines[row])]
      for (column, variable) in zip(table.columns, variables) {
        switch column {
        case .numeric(let numeric):
          fields.append(
            numeric[row].map { value in
              labels ? (variable.label(of: Int(value)) ?? render(value)) : render(value)
            })
        case .categorical, .text:
          fields.append(CSVWriter.textCell(column.text(at: row)))
        }
      }
      writer.row(fields)
    }
    return writer.text
  }

  /// Quarantined rows of several waves as CSV (never their raw text, which may hold personal data).
  public static func quarantineCSV(_ waves: [CleanWave]) -> String {
    var writer = CSVWriter()
    writer.row(["wave", "file", "line", "respondent_id", "rule", "message", "value"])
    for row in waves.flatMap(\.quarantined) {
      writer.row([
        row.wave, row.file, String(row.line), CSVWriter.textCell(row.respondentID), row.rule,
        CSVWriter.textCell(row.message), CSVWriter.textCell(row.value),
      ])
    }
    return writer.text
  }

  private func render(_ value: Double) -> String {
    NumberParser.render(value, decimalComma: false)
  }
}
