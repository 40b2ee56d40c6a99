/// The clean table on disk.
extension CleanWave {
  /// The clean table as CSV (UTF-8 bytes): the source line, then one column per variable, codes
  /// (or labels) as values; written row by row from per-column cell writers.
  public func cleanCSV(labels: Bool, locale: CSVLocale = .rfc4180) -> [UInt8] {
    // About 3 bytes a cell: reserving it spares the buffer's regrowth copies of a large wave.
    var writer = CSVWriter(locale: locale, reservingCapacity: table.rowCount * (table.columns.count + 2) * 3)
    writer.row((["line"] + table.schema.fields.map(\.name)).map(CSVCell.text))
    let columns = zip(table.columns, variables).map {
      CleanColumnCells($0, variable: $1, labels: labels, writer: writer)
    }
    withExtendedLifetime(table) {
      columns.withUnsafeBufferPointer { columns in
        for row in 0..<table.rowCount {
          writer.append(integer: Int64(sourceLines[row]))
          for column in columns.indices { columns[column].append(row, to: &writer) }
          writer.endRow()
        }
      }
    }
    return writer.bytes
  }
}
