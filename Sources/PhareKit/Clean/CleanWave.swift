/// One wave after the clean stage: the clean table, every quarantined row, and the accounting.
public struct CleanWave: Sendable {
  public let wave: String
  public let file: String
  /// Kept rows only; one column per codebook variable (personal data dropped) and per derived variable.
  public let table: ColumnarTable
  /// One per table column, in the same order.
  public let variables: [CleanVariable]
  /// The physical line of each clean row in the export.
  public let sourceLines: [Int32]
  /// Rows rejected by ingest and by cleaning, in file order.
  public let quarantined: [QuarantinedRow]
  /// Cells set missing in kept rows (`clean.invalid_cells: set-missing`), in file order: not rows quarantined.
  public var cellsSetMissing: [QuarantinedRow] = []
  /// Data records read from the export.
  public let rowsRead: Int

  public var rowsClean: Int { table.rowCount }
  public var rowsQuarantined: Int { quarantined.count }
  /// rows read = rows clean + rows quarantined.
  public var isBalanced: Bool { rowsRead == rowsClean + rowsQuarantined }
  /// The share of rows quarantined.
  public var quarantinedShare: Double { rowsRead == 0 ? 0 : Double(rowsQuarantined) / Double(rowsRead) }

  /// Kept rows with at least one cell set missing.
  public var rowsWithCellsSetMissing: Int { Set(cellsSetMissing.map(\.line)).count }
  /// The share the quarantine threshold is checked against: rows quarantined and kept rows with a
  /// cell set missing, which `quarantine-row` would have quarantined.
  public var setAsideShare: Double {
    rowsRead == 0 ? 0 : Double(rowsQuarantined + rowsWithCellsSetMissing) / Double(rowsRead)
  }

  /// How many rows each rule rejected, most first.
  public var ruleCounts: [(rule: String, count: Int)] {
    Dictionary(grouping: quarantined, by: \.rule).map { ($0.key, $0.value.count) }
      .sorted { $0.count != $1.count ? $0.count > $1.count : $0.rule < $1.rule }
  }

  public func variable(named name: String) -> CleanVariable? {
    table.schema.index(of: name).map { variables[$0] }
  }
}
