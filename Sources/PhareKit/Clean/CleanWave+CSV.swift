/// The clean table on disk.
extension CleanWave {
  /// The clean table as CSV: the source line, then one column per variable, codes (or labels) as values.
  public func cleanCSV(labels: Bool) -> String {
    var writer = CSVWriter()
    writer.row(["line"] + table.schema.fields.map(\.name))
    for row in 0..<table.rowCount {
      var fields: [String?] = [String(sourceLines[row])]
      for (column, variable) in zip(table.columns, variables) {
        if column.isNumeric {
          fields.append(
            column.number(at: row).map { value in
              labels ? (variable.label(of: Int(value)) ?? render(value)) : render(value)
            })
        } else {
          fields.append(CSVWriter.textCell(column.text(at: row)))
        }
      }
      writer.row(fields)
    }
    return writer.text
  }

  private func render(_ value: Double) -> String {
    NumberParser.render(value, decimalComma: false)
  }
}
