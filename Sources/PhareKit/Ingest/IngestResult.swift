/// What reading one export produced: its dialect, the kept rows as a table, and the rows
/// quarantined, with the accounting that proves nothing was lost.
public struct IngestResult: Sendable {
  public let file: String
  public let dialect: Dialect
  public let table: ColumnarTable
  public let quarantined: [QuarantinedRow]
  /// The physical line each kept row starts on, so every value can be traced to the file.
  public let sourceLines: [Int32]
  /// Data records after the header, counted as the parser ended them.
  public let rowsRead: Int
  /// Empty lines, which hold no record and are skipped.
  public let blankLines: Int

  public var rowsKept: Int { table.rowCount }
  public var rowsQuarantined: Int { quarantined.count }
  /// rows read = rows kept + rows quarantined.
  public var isBalanced: Bool { rowsRead == rowsKept + rowsQuarantined }
}
