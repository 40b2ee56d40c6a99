/// A CSV file as its header and its rows in parts, each part formatted on its own (on any core):
/// the header and the parts joined in order are the file's bytes. `AtomicFile.write(_:to:)`
/// writes each part as soon as its turn comes, so a large table is never held whole in memory.
struct PartitionedCSV: Sendable {
  /// Rows per part by default: about 2 MB of a wide clean table.
  static let defaultRowsPerPart = 16_384

  /// The first bytes: the locale's preamble (BOM) and the header row.
  let header: [UInt8]
  let rowCount: Int
  let rowsPerPart: Int
  /// The bytes of the rows in a range, each row ending in CRLF.
  let rows: @Sendable (Range<Int>) -> [UInt8]

  init(
    header: [UInt8], rowCount: Int, rowsPerPart: Int = defaultRowsPerPart,
    rows: @escaping @Sendable (Range<Int>) -> [UInt8]
  ) {
    self.header = header
    self.rowCount = rowCount
    self.rowsPerPart = max(1, rowsPerPart)
    self.rows = rows
  }

  /// How many parts the rows make (at least one, empty when there are no rows).
  var partCount: Int { rowCount == 0 ? 1 : (rowCount - 1) / rowsPerPart + 1 }

  /// The bytes of part `index` (`0..<partCount`).
  func part(_ index: Int) -> [UInt8] {
    precondition(index >= 0 && index < partCount, "part index out of range")
    // Below `partCount`, `index * rowsPerPart` is at most `rowCount - 1`: no overflow.
    let lower = index * rowsPerPart
    return rows(lower..<lower + min(rowsPerPart, rowCount - lower))
  }

  /// The whole file, its parts formatted on every core at once.
  var bytes: [UInt8] {
    let parts = AtOnce.map(partCount) { part($0) }
    var bytes = header
    bytes.reserveCapacity(header.count + parts.reduce(0) { $0 + $1.count })
    for part in parts { bytes.append(contentsOf: part) }
    return bytes
  }
}
