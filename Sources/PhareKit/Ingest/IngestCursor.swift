/// The state that libcsv's C callbacks update as it parses: the column builders, the record
/// in progress, physical line numbers, and the records set aside.
///
/// It lives at a fixed address (see `CSVReader`) and is reached from the callbacks through
/// the `data` pointer, so the hot path has no closures, no reference counting and no copies.
struct IngestCursor {
  let decimalComma: Bool
  /// Columns whose values stay text, never read as numbers (a codebook's identifiers), by header name.
  var textColumns: Set<String> = []
  /// Columns of personal data, of which only whether each cell is filled is kept, by header name.
  var personalColumns: Set<String> = []
  private(set) var header: [[UInt8]] = []
  private(set) var headerLine = 0
  private(set) var inHeader = true
  private(set) var builders: UnsafeMutableBufferPointer<ColumnBuilder>
  private(set) var columnCount = 0
  /// The columns up to the last named one: a record may leave out all the unnamed ones after it
  /// (Excel's `a;b;c;;;;` header over rows `1;2;3`). Only all: a record of another width may hold
  /// a stray separator that shifts its values, and is quarantined.
  private var namedColumns = 0
  private(set) var keptRows = 0
  /// The physical line each kept row starts on.
  private(set) var sourceLines: [Int32] = []
  /// Records after the header, counted as they end, independently of where they go.
  private(set) var recordsRead = 0
  private(set) var rejected: [RejectedRecord] = []
  private(set) var blankLines = 0
  /// The current physical line (1-based).
  private(set) var line = 1
  private var fieldIndex = 0
  private var recordStartLine = 1
  private var pendingCarriageReturn = false
  private var discarding: IngestRejection? {
    didSet { keptColumns = discarding == nil && !inHeader ? columnCount : 0 }
  }
  /// Fields at positions below this go to the builders: all columns while parsing data rows,
  /// none in the header or in a record being discarded (one comparison on the hot path).
  private var keptColumns = 0
  /// Whether the last field of an abandoned record ended with a line break (an unterminated
  /// quote swallows the file's final terminator, which starts no new line).
  private var discardedFieldEndsWithBreak = false
  private var resumingAfterDiscard = false

  /// - Parameter firstLine: the physical line of the first byte parsed (2 after a skipped `sep=` line).
  init(decimalComma: Bool, firstLine: Int = 1) {
    self.decimalComma = decimalComma
    self.line = firstLine
    self.recordStartLine = firstLine
    self.builders = UnsafeMutableBufferPointer(start: nil, count: 0)
  }

  /// The cursor of a parse that starts on a record boundary after `head`'s header, with the same
  /// columns; its lines are counted from 1 until `append` moves them after `head`'s.
  init(continuing head: IngestCursor) {
    self.init(decimalComma: head.decimalComma)
    textColumns = head.textColumns
    personalColumns = head.personalColumns
    header = head.header
    startColumns(headerLine: head.headerLine)
  }

  /// Whether the parse stands between two records (not inside one, a line break or a record
  /// being set aside), where a parse of what follows from a fresh start carries on exactly.
  var isAtRecordBoundary: Bool {
    !inHeader && fieldIndex == 0 && discarding == nil && !resumingAfterDiscard && !pendingCarriageReturn
  }

  /// Whether every column of `tail` can follow this cursor's (`ColumnBuilder.canAppend`).
  func canAppend(_ tail: IngestCursor) -> Bool {
    tail.columnCount == columnCount && (0..<columnCount).allSatisfy { builders[$0].canAppend(tail.builders[$0]) }
  }

  /// Appends the records `tail` parsed (from the boundary this cursor stands on, `canAppend`
  /// holding), its lines moved after this cursor's, and releases its builders.
  mutating func append(_ tail: inout IngestCursor) {
    let lines = line - 1
    // Columns are independent: each is appended on any core (a memory copy of about 4 MB a column
    // of a million rows).
    nonisolated(unsafe) let (heads, tails) = (builders, tail.builders)
    _ = AtOnce.map(columnCount) { column in heads[column].append(&tails[column]) }
    tail.releaseBuilders()
    sourceLines.reserveCapacity(sourceLines.count + tail.sourceLines.count)
    for start in tail.sourceLines { sourceLines.append(start + Int32(truncatingIfNeeded: lines)) }
    for record in tail.rejected {
      rejected.append(
        RejectedRecord(line: record.line + lines, lineCount: record.lineCount, rejection: record.rejection))
    }
    keptRows += tail.keptRows
    recordsRead += tail.recordsRead
    blankLines += tail.blankLines
    line = lines + tail.line
  }

  /// Frees the builders when parsing is abandoned.
  mutating func releaseBuilders() {
    if builders.baseAddress != nil {
      for column in builders.indices {
        builders[column].release()
      }
      _ = builders.deinitialize()
    }
    releaseBuildersAfterMove()
  }

  /// Frees the builders' memory once each has been moved out and finished.
  mutating func releaseBuildersAfterMove() {
    builders.deallocate()
    builders = UnsafeMutableBufferPointer(start: nil, count: 0)
  }

  /// Makes room for `rows` rows in every column; their pages are touched by `populateReserved`.
  mutating func reserveRows(_ rows: Int) {
    sourceLines.reserveCapacity(rows)
    for column in builders.indices {
      builders[column].reserveCapacity(rows, populating: false)
    }
  }

  /// Touches the pages of the room reserved in every column, one call a column.
  func populateReserved() {
    for builder in builders { builder.populate() }
  }

  @inline(__always)
  mutating func acceptField(_ field: UnsafeMutableRawPointer?, _ length: Int) {
    if fieldIndex == 0 {
      recordStartLine = line
      pendingCarriageReturn = false
    }
    let column = fieldIndex
    fieldIndex &+= 1
    guard let field else { return }
    if column < keptColumns {
      if builders[column].appendFast(field.assumingMemoryBound(to: UInt8.self), length) { return }
      let bytes = UnsafeRawBufferPointer(start: field, count: length)
      line += LineBreaks.count(in: bytes)
      builders[column].appendField(bytes)
      return
    }
    let bytes = UnsafeRawBufferPointer(start: field, count: length)
    line += LineBreaks.count(in: bytes)
    if discarding != nil {
      discardedFieldEndsWithBreak = bytes.last == LineBreaks.lineFeed || bytes.last == LineBreaks.carriageReturn
    } else if inHeader {
      header.append(Array(bytes))
    }
  }

  mutating func endRecord(_ terminator: Int32) {
    let isCarriageReturn = terminator == Int32(LineBreaks.carriageReturn)
    if fieldIndex == 0 {
      // A line break outside any record: the LF of a CRLF, a blank line, or the end of a skipped line.
      if terminator == Int32(LineBreaks.lineFeed) && pendingCarriageReturn {
        pendingCarriageReturn = false
        return
      }
      guard terminator >= 0 else { return }
      if resumingAfterDiscard {
        resumingAfterDiscard = false
      } else {
        blankLines += 1
      }
      line += 1
      pendingCarriageReturn = isCarriageReturn
      return
    }
    var lineCount = line - recordStartLine + 1
    if let rejection = discarding {
      if terminator < 0 && discardedFieldEndsWithBreak { lineCount -= 1 }
      recordsRead += 1
      rejected.append(RejectedRecord(line: recordStartLine, lineCount: lineCount, rejection: rejection))
      discarding = nil
      resumingAfterDiscard = true
    } else if inHeader {
      startColumns(headerLine: recordStartLine)
    } else {
      recordsRead += 1
      if fieldIndex == namedColumns && namedColumns > 0 && namedColumns < columnCount {
        for column in fieldIndex..<columnCount { builders[column].appendEmpty() }
        fieldIndex = columnCount
      }
      if fieldIndex == columnCount {
        keptRows += 1
        sourceLines.append(Int32(truncatingIfNeeded: recordStartLine))
      } else {
        rollBack()
        let rejection = IngestRejection.fieldCount(expected: columnCount, found: fieldIndex)
        rejected.append(RejectedRecord(line: recordStartLine, lineCount: lineCount, rejection: rejection))
      }
    }
    fieldIndex = 0
    if terminator >= 0 { line += 1 }
    pendingCarriageReturn = isCarriageReturn
  }

  /// Sets the record in progress aside after a parse error; the parser's remaining callbacks
  /// for it (up to `csv_fini`) only count its lines.
  mutating func abandonRecord(_ rejection: IngestRejection) {
    if fieldIndex == 0 { recordStartLine = line }
    rollBack()
    discarding = rejection
  }

  private mutating func startColumns(headerLine: Int) {
    inHeader = false
    self.headerLine = headerLine
    columnCount = header.count
    namedColumns = HeaderValidation.namedCount(header.map(Self.name))
    keptColumns = columnCount
    builders = .allocate(capacity: columnCount)
    for (column, name) in header.enumerated() {
      let keepsText = !textColumns.isEmpty && textColumns.contains(Self.name(name))
      let personal = !personalColumns.isEmpty && personalColumns.contains(Self.name(name))
      (builders.baseAddress! + column).initialize(
        to: ColumnBuilder(decimalComma: decimalComma, keepsText: keepsText, personal: personal))
    }
  }

  /// A header name as `TableAssembler` names the column (Windows-1252 when it is not UTF-8).
  private static func name(_ bytes: [UInt8]) -> String {
    let encoding: TextEncoding = bytes.withUnsafeBytes(UTF8Validation.isValid) ? .utf8 : .windows1252
    return bytes.withUnsafeBytes { encoding.decode($0) }.trimmingSpaces()
  }

  private mutating func rollBack() {
    for column in builders.indices {
      builders[column].truncate(to: keptRows)
    }
  }
}
