/// The clean table on disk.
extension CleanWave {
  /// The clean table as CSV (UTF-8): the source line, then one column per variable, codes (or
  /// labels) as values; rows formatted from per-column cell writers in parts of `rowsPerPart`
  /// (the same bytes however they are split).
  func cleanCSV(labels: Bool, locale: CSVLocale = .rfc4180, rowsPerPart: Int = PartitionedCSV.defaultRowsPerPart)
    -> PartitionedCSV
  {
    var writer = CSVWriter(locale: locale)
    writer.row((["line"] + table.schema.fields.map(\.name)).map(CSVCell.text))
    let memory = PinnedBuffers()
    let columns = zip(table.columns, variables).map {
      CleanColumnCells($0, variable: $1, labels: labels, writer: writer, memory: memory)
    }
    // The closure holds `self` and `memory`, so what the cell writers point into lives as long as it.
    return PartitionedCSV(header: writer.bytes, rowCount: table.rowCount, rowsPerPart: rowsPerPart) { rows in
      withExtendedLifetime((self, memory)) {
        // About 3 bytes a cell: reserving it spares the buffer's regrowth copies.
        var chunk = CSVWriter(locale: locale, continuing: true, reservingCapacity: rows.count * (columns.count + 2) * 3)
        columns.withUnsafeBufferPointer { columns in
          for row in rows {
            chunk.append(integer: Int64(sourceLines[row]))
            for column in columns.indices { columns[column].append(row, to: &chunk) }
            chunk.endRow()
          }
        }
        return chunk.bytes
      }
    }
  }
}
