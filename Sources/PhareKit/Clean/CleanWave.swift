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
  /// The codebook and derived variables the wave does not ask (`Codebook.notAsked(in:derived:)`):
  /// no column in the table, no indicator.
  public var notAsked: [String] = []

  public var rowsClean: Int { table.rowCount }
  public var rowsQuarantined: Int { quarantined.count }
  /// The rows as the clean stage leaves them (`WaveResult.accounting` adds the weight stage's).
  public var accounting: RowAccounting {
    RowAccounting(
      read: rowsRead, kept: rowsClean, quarantined: quarantined,
      linesWithCellsSetMissing: Set(cellsSetMissing.map(\.line)))
  }
  /// rows read = rows clean + rows quarantined.
  public var isBalanced: Bool { accounting.isBalanced }
  /// The share of rows quarantined.
  public var quarantinedShare: Double { accounting.quarantinedShare }
  /// Kept rows with at least one cell set missing.
  public var rowsWithCellsSetMissing: Int { Set(cellsSetMissing.map(\.line)).count }
  /// The share the quarantine threshold is checked against (`RowAccounting.setAsideShare`).
  public var setAsideShare: Double { accounting.setAsideShare }
  /// How many rows each rule rejected, most first.
  public var ruleCounts: [(rule: String, count: Int)] { accounting.ruleCounts }

  public func variable(named name: String) -> CleanVariable? {
    table.schema.index(of: name).map { variables[$0] }
  }
}
