/// The clean table on disk.
extension CleanWave {
  /// Rows whose cells are gathered column by column before they are formatted row by row: 256
  /// rows of 60 columns are 123 KB (`CleanColumnCells.gather`).
  static let rowsGathered = 256

  /// The clean table as CSV (UTF-8): the source line, then one column per variable, codes (or
  /// labels) as values, then the `appended` columns (the final weight); rows formatted from
  /// per-column cell writers in parts of `rowsPerPart` (the same bytes however they are split).
  func cleanCSV(
    labels: Bool, locale: CSVLocale = .rfc4180, appending appended: [MicrodataColumn] = [],
    rowsPerPart: Int = PartitionedCSV.defaultRowsPerPart
  ) -> PartitionedCSV {
    var writer = CSVWriter(locale: locale)
    let names = [MicrodataColumns.line] + table.schema.fields.map(\.name) + appended.map(\.variable.name)
    writer.row(names.map(CSVCell.text))
    let memory = PinnedBuffers()
    let pairs = Array(zip(table.columns, variables)) + appended.map { ($0.column, $0.variable) }
    let columns = pairs.map {
      CleanColumnCells($0, variable: $1, labels: labels, writer: writer, memory: memory)
    }
    // The closure holds `self` and `memory`, so what the cell writers point into lives as long as it.
    return PartitionedCSV(header: writer.bytes, rowCount: table.rowCount, rowsPerPart: rowsPerPart) { rows in
      withExtendedLifetime((self, appended, memory)) {
        // About 3 bytes a cell: reserving it spares the buffer's regrowth copies.
        var chunk = CSVChunk(locale: locale, reservingCapacity: rows.count * (columns.count + 2) * 3)
        let width = columns.count
        let cells = UnsafeMutablePointer<UInt64>.allocate(capacity: Self.rowsGathered * max(1, width))
        defer { cells.deallocate() }
        columns.withUnsafeBufferPointer { columns in
          for block in stride(from: rows.lowerBound, to: rows.upperBound, by: Self.rowsGathered) {
            let gathered = block..<min(block + Self.rowsGathered, rows.upperBound)
            for column in columns.indices { columns[column].gather(gathered, into: cells + column, stride: width) }
            for row in gathered {
              chunk.append(integer: Int64(sourceLines[row]))
              let rowCells = cells + (row - block) * width
              for column in columns.indices { columns[column].append(rowCells[column], row: row, to: &chunk) }
              chunk.endRow()
            }
          }
        }
        return chunk.finish()
      }
    }
  }
}
