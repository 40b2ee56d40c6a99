/// Turns a finished parse into an `IngestResult`: settles the encoding, finishes each column
/// and reads back the raw text of the quarantined records.
enum TableAssembler {
  static func assemble(
    path: String, source: any ByteSource, sniffed: DialectSniffer.Sniffed, cursor: inout IngestCursor
  ) throws -> IngestResult {
    let encoding = settleEncoding(sniffed: sniffed, cursor: cursor)
    let decode: (UnsafeRawBufferPointer) -> String = { encoding.decode($0) }
    var names = cursor.header.map { bytes in bytes.withUnsafeBytes(decode).trimmingSpaces() }
    var columns: [Column] = []
    columns.reserveCapacity(names.count)
    for index in cursor.builders.indices {
      var builder = cursor.builders.moveElement(from: index)
      columns.append(builder.finish(decode: decode))
    }
    cursor.releaseBuildersAfterMove()
    var notes: [String] = []
    if let separator = sniffed.separatorLine {
      let written = separator == .tab ? "<tab>" : separator.rawValue
      notes.append("line 1: Excel's `sep=\(written)` sets the separator (\(separator.name)); the line is skipped")
    }
    if let dropped = try dropTrailingUnnamedColumns(
      names: &names, columns: &columns, rows: cursor.keptRows, file: path, line: cursor.headerLine)
    {
      notes.append(dropped)
    }
    let schema = Schema(fields: zip(names, columns).map { Schema.Field(name: $0, type: $1.type) })
    let table = ColumnarTable(schema: schema, columns: columns, rowCount: cursor.keptRows)

    let rejected = cursor.rejected
    guard cursor.recordsRead == cursor.keptRows + rejected.count else {
      throw IngestError.parserFailure(
        file: path,
        line: cursor.line,
        reason: "row accounting does not balance: \(cursor.recordsRead) read, \(cursor.keptRows) kept, "
          + "\(rejected.count) quarantined"
      )
    }
    let texts = try RawLineExtractor.extract(
      from: source,
      skipping: sniffed.skippedBytes,
      firstLine: sniffed.firstLine,
      ranges: rejected.map { ($0.line, $0.lineCount) }
    )
    let quarantined = zip(rejected, texts).map { record, text in
      QuarantinedRow(
        file: path,
        line: record.line,
        lineCount: record.lineCount,
        rule: record.rejection.rule,
        message: record.rejection.message,
        rawText: rawText(text, encoding: encoding)
      )
    }
    let dialect = Dialect(
      encoding: encoding,
      separator: sniffed.separator,
      lineEnding: sniffed.lineEnding,
      decimalComma: sniffed.separator.impliesDecimalComma
    )
    return IngestResult(
      file: path,
      dialect: dialect,
      table: table,
      quarantined: quarantined,
      sourceLines: cursor.sourceLines,
      rowsRead: cursor.recordsRead,
      blankLines: cursor.blankLines,
      headerLine: cursor.headerLine,
      notes: notes
    )
  }

  /// Drops the columns after the last named one (Excel's `a;b;c;;;;`) when all their cells are
  /// empty, and says so; refuses them when one holds a value.
  private static func dropTrailingUnnamedColumns(
    names: inout [String], columns: inout [Column], rows: Int, file: String, line: Int
  ) throws -> String? {
    let named = HeaderValidation.namedCount(names)
    guard named < names.count else { return nil }
    let filled = (named..<names.count).filter { columns[$0].missingCount < rows }
    guard filled.isEmpty else {
      throw IngestError.emptyColumnNames(file: file, positions: filled.map { $0 + 1 }, line: line)
    }
    let count = names.count - named
    names.removeLast(count)
    columns.removeLast(count)
    let positions = count == 1 ? "column \(named + 1) has" : "columns \(named + 1) to \(named + count) have"
    return "line \(line): \(positions) no name and no value; dropped"
  }

  /// The sniffed encoding when the file has a BOM or is UTF-16; otherwise UTF-8 when every
  /// distinct text value (and the header) is valid UTF-8, Windows-1252 when not. Numbers are
  /// ASCII, so the distinct values cover every non-ASCII byte of the kept data.
  private static func settleEncoding(sniffed: DialectSniffer.Sniffed, cursor: IngestCursor) -> TextEncoding {
    if let encoding = sniffed.encoding { return encoding }
    for name in cursor.header where !name.withUnsafeBytes(UTF8Validation.isValid) {
      return .windows1252
    }
    for builder in cursor.builders {
      let dictionary = builder.dictionary
      for code in 0..<dictionary.count where !dictionary.withBytes(of: code, UTF8Validation.isValid) {
        return .windows1252
      }
    }
    return .utf8
  }

  private static func rawText(_ bytes: [UInt8], encoding: TextEncoding) -> String {
    let text = bytes.withUnsafeBytes { encoding.decode($0) }
    return bytes.count >= RawLineExtractor.maxBytes ? text + " […truncated]" : text
  }
}
