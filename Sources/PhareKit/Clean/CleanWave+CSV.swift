/// The clean table on disk.
extension CleanWave {
  /// The clean table as CSV: the source line, then one column per variable, codes (or labels) as values.
  public func cleanCSV(labels: Bool, locale: CSVLocale = .rfc4180) -> String {
    var writer = CSVWriter(locale: locale)
    writer.row((["line"] + table.schema.fields.map(\.name)).map(CSVCell.text))
    for row in 0..<table.rowCount {
      var cells: [CSVCell] = [.integer(Int(sourceLines[row]))]
      for (column, variable) in zip(table.columns, variables) {
        if column.isNumeric {
          cells.append(
            column.number(at: row).map { value in
              labels ? variable.label(of: Int(value)).map(CSVCell.text) ?? .number(value) : .number(value)
            } ?? .empty)
        } else {
          cells.append(CSVCell(column.text(at: row)))
        }
      }
      writer.row(cells)
    }
    return writer.text
  }
}
