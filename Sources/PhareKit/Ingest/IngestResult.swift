/// What reading one export produced: its dialect, the kept rows as a table, and the rows
/// quarantined, with the accounting that proves nothing was lost.
public struct IngestResult: Sendable {
  public let file: String
  public let dialect: Dialect
  public private(set) var table: ColumnarTable
  public let quarantined: [QuarantinedRow]
  /// The physical line each kept row starts on, so every value can be traced to the file.
  public let sourceLines: [Int32]
  /// Data records after the header, counted as the parser ended them.
  public let rowsRead: Int
  /// Empty lines, which hold no record and are skipped.
  public let blankLines: Int
  /// The physical line of the header (2 after an Excel `sep=` line).
  public let headerLine: Int
  /// What reading changed or decided that the table does not show (dropped empty columns, a `sep=` line).
  public internal(set) var notes: [String]
  /// The physical lines read as Windows-1252 in a UTF-8 file (`inputs.encoding: mixed`).
  public var windows1252Lines: [Int] = []
  /// The format, encoding and value labels of a typed file (SPSS, Stata); nil for a CSV export.
  public var dictionary: StatFileDictionary?
  /// Whether the export was parsed in two halves on two cores and joined (`CSVReader.splitsAbove`,
  /// `StatFileReader.splitsAbove`).
  var parsedInTwo = false

  public var rowsKept: Int { table.rowCount }

  /// Hands the table's columns over by name (the first of a repeated name), leaving the table its
  /// rows and no column: the clean stage frees each once read.
  mutating func takeColumns() -> [String: Column] {
    let columns = Dictionary(zip(table.schema.fields.map(\.name), table.columns)) { first, _ in first }
    table = ColumnarTable(schema: Schema(fields: []), columns: [], rowCount: table.rowCount)
    return columns
  }
  public var rowsQuarantined: Int { quarantined.count }
  /// rows read = rows kept + rows quarantined.
  public var isBalanced: Bool { rowsRead == rowsKept + rowsQuarantined }

  /// How the header was split, for messages about a column not found: `6 columns split on comma, UTF-8`.
  /// For a typed file: `33 variables (SPSS .sav, UTF-8)`.
  public var headerReading: String {
    if let dictionary {
      let variables = table.schema.fields.count == 1 ? "1 variable" : "\(table.schema.fields.count) variables"
      return "\(variables) (\(dictionary))"
    }
    let columns = table.schema.fields.count == 1 ? "1 column" : "\(table.schema.fields.count) columns"
    return "\(columns) split on \(dialect.separator.name), \(dialect.encoding.rawValue)"
  }
}
