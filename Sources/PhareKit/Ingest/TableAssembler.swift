/// Turns a finished parse into an `IngestResult`: settles the encoding, finishes each column
/// and reads back the raw text of the quarantined records.
enum TableAssembler {
  static func assemble(path: String, sniffed: DialectSniffer.Sniffed, cursor: inout IngestCursor) throws -> IngestResult
  {
    let encoding = settleEncoding(sniffed: sniffed, cursor: cursor)
    let decode: (UnsafeRawBufferPointer) -> String = { encoding.decode($0) }
    let names = cursor.header.map { bytes in bytes.withUnsafeBytes(decode).trimmingSpaces() }
    var columns: [Column] = []
    columns.reserveCapacity(names.count)
    for index in cursor.builders.indices {
      var builder = cursor.builders.moveElement(from: index)
      columns.append(builder.finish(decode: decode))
    }
    cursor.releaseBuildersAfterMove()
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
      path: path,
      skipping: sniffed.hasBOM ? DialectSniffer.utf8BOM.count : 0,
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
      blankLines: cursor.blankLines
    )
  }

  /// UTF-8 when there is a BOM or when every distinct text value (and the header) is valid
  /// UTF-8; Windows-1252 otherwise. Numbers are ASCII, so the distinct values cover every
  /// non-ASCII byte of the kept data.
  private static func settleEncoding(sniffed: DialectSniffer.Sniffed, cursor: IngestCursor) -> TextEncoding {
    if sniffed.hasBOM { return .utf8WithBOM }
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
