/// Everything `phare inspect` tells about one export; encodes to the `--json` form.
public struct InspectionReport: Codable, Sendable, Equatable {
  public struct Rows: Codable, Sendable, Equatable {
    public var read: Int
    public var kept: Int
    public var quarantined: Int
    public var blankLines: Int
  }

  public var file: String
  public var encoding: TextEncoding
  public var separator: String
  public var lineEnding: LineEnding
  public var decimalComma: Bool
  public var rows: Rows
  public var columns: [ColumnSummary]
  /// Every quarantined row, in file order.
  public var quarantined: [QuarantinedRow]
  /// What reading changed or decided that the columns do not show (dropped empty columns, a `sep=` line).
  public var notes: [String]
  /// The physical lines read as Windows-1252 in a UTF-8 file (`--encoding mixed`); absent when none.
  public var windows1252Lines: [Int]?
  /// A typed file's format and encoding (`SPSS .sav, UTF-8`); absent for a CSV export.
  public var format: String?

  /// - Parameter showingRawText: whether quarantined rows keep their raw text. Off by default:
  ///   a raw export may hold personal data (names, phones, e-mails) that no output should repeat.
  public init(_ result: IngestResult, showingRawText: Bool = false) {
    file = result.file
    encoding = result.dialect.encoding
    separator = result.dictionary == nil ? result.dialect.separator.name : "none"
    format = result.dictionary?.description
    lineEnding = result.dialect.lineEnding
    decimalComma = result.dialect.decimalComma
    rows = Rows(
      read: result.rowsRead,
      kept: result.rowsKept,
      quarantined: result.rowsQuarantined,
      blankLines: result.blankLines
    )
    columns = zip(result.table.schema.fields, result.table.columns).map { ColumnSummary(name: $0.name, column: $1) }
    notes = result.notes
    windows1252Lines = result.windows1252Lines.isEmpty ? nil : result.windows1252Lines
    quarantined = result.quarantined.map { row in
      var row = row
      if !showingRawText { row.rawText = nil }
      return row
    }
  }
}
