import Foundation

/// The clean table on disk.
extension CleanWave {
  /// The clean table as CSV (UTF-8 bytes): the source line, then one column per variable, codes
  /// (or labels) as values; written row by row from per-column cell writers, the rows in one part
  /// per core formatted at once and joined in order (the same bytes as one pass); `parts` forces
  /// their number (by default one below 20,000 rows, else one per core).
  public func cleanCSV(labels: Bool, locale: CSVLocale = .rfc4180, parts: Int? = nil) -> [UInt8] {
    var writer = CSVWriter(locale: locale)
    writer.row((["line"] + table.schema.fields.map(\.name)).map(CSVCell.text))
    let columns = zip(table.columns, variables).map {
      CleanColumnCells($0, variable: $1, labels: labels, writer: writer)
    }
    let parts = max(1, parts ?? (table.rowCount < 20_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount))
    let bounds = (0...parts).map { table.rowCount * $0 / parts }
    var chunks = [[UInt8]](repeating: [], count: parts)
    withExtendedLifetime(table) {
      columns.withUnsafeBufferPointer { columns in
        chunks.withUnsafeMutableBufferPointer { chunks in
          // Each part reads the columns and writes its own chunk only.
          let shared = PartsOfRows(columns: columns, chunks: chunks)
          DispatchQueue.concurrentPerform(iterations: parts) { part in
            let (columns, chunks) = (shared.columns, shared.chunks)
            let rows = bounds[part]..<bounds[part + 1]
            // About 3 bytes a cell: reserving it spares the buffer's regrowth copies.
            var chunk = CSVWriter(
              locale: locale, continuing: true, reservingCapacity: rows.count * (columns.count + 2) * 3)
            for row in rows {
              chunk.append(integer: Int64(sourceLines[row]))
              for column in columns.indices { columns[column].append(row, to: &chunk) }
              chunk.endRow()
            }
            chunks[part] = chunk.bytes
          }
        }
      }
    }
    var bytes = writer.bytes
    bytes.reserveCapacity(bytes.count + chunks.reduce(0) { $0 + $1.count })
    for chunk in chunks { bytes.append(contentsOf: chunk) }
    return bytes
  }
}

/// The memory the parts of `cleanCSV` share: the columns' cell writers, read by all, and the
/// chunks, each written by its own part only.
private struct PartsOfRows: @unchecked Sendable {
  let columns: UnsafeBufferPointer<CleanColumnCells>
  let chunks: UnsafeMutableBufferPointer<[UInt8]>
}
