/// Turns a finished parse into an `IngestResult`: settles the encoding, finishes each column
/// and reads back the raw text of the quarantined records.
enum TableAssembler {
  static func assemble(
    path: String, source: any ByteSource, sniffed: DialectSniffer.Sniffed, encoding option: InputEncoding = .auto,
    lineScan: UTF8LineScan?, keepsRawText: Bool, cursor: inout IngestCursor
  ) throws -> IngestResult {
    let encoding = try settleEncoding(sniffed: sniffed, option: option, lineScan: lineScan, file: path)
    let windows1252Lines = encoding == .utf8WithWindows1252Lines ? lineScan?.invalidLines ?? [] : []
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
    if !windows1252Lines.isEmpty {
      notes.append(windows1252Note(windows1252Lines))
    }
    if let dropped = try dropTrailingUnnamedColumns(
      names: &names, columns: &columns, sourceLines: cursor.sourceLines, file: path, line: cursor.headerLine)
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
    let texts: [[UInt8]?] =
      keepsRawText
      ? try RawLineExtractor.extract(
        from: source,
        skipping: sniffed.skippedBytes,
        firstLine: sniffed.firstLine,
        ranges: rejected.map { ($0.line, $0.lineCount) }
      ) : Array(repeating: nil, count: rejected.count)
    let quarantined = zip(rejected, texts).map { record, text in
      QuarantinedRow(
        file: path,
        line: record.line,
        lineCount: record.lineCount,
        rule: record.rejection.rule,
        message: record.rejection.message,
        rawText: text.map { rawText($0, encoding: encoding) }
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
      notes: notes,
      windows1252Lines: windows1252Lines
    )
  }

  /// Drops the columns after the last named one (Excel's `a;b;c;;;;`) when all their cells are
  /// empty, and says so; refuses them when one holds a value.
  private static func dropTrailingUnnamedColumns(
    names: inout [String], columns: inout [Column], sourceLines: [Int32], file: String, line: Int
  ) throws -> String? {
    let named = HeaderValidation.namedCount(names)
    guard named < names.count else { return nil }
    let rows = sourceLines.count
    if let filled = (named..<names.count).first(where: { columns[$0].missingCount < rows }) {
      let first = (0..<rows).first { columns[filled].text(at: $0) != nil } ?? 0
      throw IngestError.unnamedColumnWithValues(
        file: file, position: filled + 1, headerLine: line, firstLine: Int(sourceLines[first]),
        rows: rows - columns[filled].missingCount)
    }
    let count = names.count - named
    names.removeLast(count)
    columns.removeLast(count)
    let positions = count == 1 ? "column \(named + 1) has" : "columns \(named + 1) to \(named + count) have"
    return "line \(line): \(positions) no name and no value; dropped"
  }

  /// UTF-16 as sniffed; otherwise from the line-by-line UTF-8 check: UTF-8 (with its BOM if
  /// any) when every line is UTF-8; Windows-1252 when forced, or in `auto` when no line has
  /// UTF-8 text and there is no BOM; UTF-8 with Windows-1252 lines when `mixed` asks for it.
  /// - Throws: `IngestError.linesNotUTF8` when UTF-8 and non-UTF-8 lines are mixed and `mixed` is not set.
  private static func settleEncoding(
    sniffed: DialectSniffer.Sniffed, option: InputEncoding, lineScan: UTF8LineScan?, file: String
  ) throws -> TextEncoding {
    if let encoding = sniffed.encoding, encoding.isUTF16 { return encoding }
    guard option != .windows1252, let lineScan else { return .windows1252 }
    let invalid = lineScan.invalidLines
    if invalid.isEmpty { return sniffed.encoding ?? .utf8 }
    switch option {
    case .mixed:
      return .utf8WithWindows1252Lines
    case .auto where sniffed.encoding == nil && lineScan.utf8Lines == 0:
      return .windows1252
    default:
      throw IngestError.linesNotUTF8(
        file: file, lines: Array(invalid.prefix(IngestError.maxListed)), count: invalid.count)
    }
  }

  /// The note of a mixed file: which lines were read as Windows-1252 (the first few, and how many).
  static func windows1252Note(_ lines: [Int]) -> String {
    let shown = lines.prefix(IngestError.maxListed).map(String.init).joined(separator: ", ")
    let more = lines.count > IngestError.maxListed ? " and \(lines.count - IngestError.maxListed) more" : ""
    let which = lines.count == 1 ? "line \(shown) is" : "lines \(shown)\(more) are"
    return "\(which) not UTF-8, read as Windows-1252 (`encoding: mixed`)"
  }

  private static func rawText(_ bytes: [UInt8], encoding: TextEncoding) -> String {
    let text = bytes.withUnsafeBytes { encoding.decode($0) }
    return bytes.count >= RawLineExtractor.maxBytes ? text + " […truncated]" : text
  }
}
