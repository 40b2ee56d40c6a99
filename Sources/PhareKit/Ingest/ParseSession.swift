import CLibCSV

/// One libcsv parser and the cursor its callbacks write to, with the recovery that lets one
/// malformed record be quarantined without losing the rest of the file.
struct ParseSession {
  private let path: String
  private let separator: Separator
  private let parser: UnsafeMutablePointer<csv_parser>
  let cursor: UnsafeMutablePointer<IngestCursor>
  /// After a strict-mode error, the rest of the offending line is skipped before parsing resumes.
  private var skippingToLineEnd = false
  private var headerValidated = false

  private static let options = UInt8(CSV_STRICT | CSV_REPALL_NL | CSV_APPEND_NULL | CSV_STRICT_FINI)

  init(path: String, separator: Separator, firstLine: Int = 1) {
    self.path = path
    self.separator = separator
    parser = .allocate(capacity: 1)
    csv_init(parser, Self.options)
    csv_set_delim(parser, separator.byte)
    // libcsv trims spaces and tabs by default; survey answers keep theirs, and tab may separate.
    csv_set_space_func(parser, noSpace)
    csv_set_blk_size(parser, 1 << 16)
    cursor = .allocate(capacity: 1)
    cursor.initialize(to: IngestCursor(decimalComma: separator.impliesDecimalComma, firstLine: firstLine))
  }

  /// A session for the records after `head`'s (from a record boundary), with its columns.
  init(continuing head: ParseSession) {
    self.init(path: head.path, separator: head.separator)
    cursor.pointee = IngestCursor(continuing: head.cursor.pointee)
    headerValidated = true
  }

  /// Whether the header has been parsed and checked.
  var headerIsRead: Bool { headerValidated }

  /// Whether libcsv and the cursor stand between two records (`IngestCursor.isAtRecordBoundary`).
  var isAtRecordBoundary: Bool {
    !skippingToLineEnd && parser.pointee.pstate == 0 && parser.pointee.quoted == 0
      && parser.pointee.entry_pos == 0 && cursor.pointee.isAtRecordBoundary
  }

  /// Whether `tail`'s records can follow this session's (`IngestCursor.canAppend`).
  func canAppend(_ tail: ParseSession) -> Bool { cursor.pointee.canAppend(tail.cursor.pointee) }

  /// Appends the records `tail` parsed after this session's boundary.
  func append(_ tail: ParseSession) { cursor.pointee.append(&tail.cursor.pointee) }

  func close() {
    csv_free(parser)
    parser.deallocate()
    cursor.pointee.releaseBuilders()
    cursor.deinitialize(count: 1)
    cursor.deallocate()
  }

  mutating func parse(_ bytes: UnsafeRawBufferPointer) throws {
    var offset = 0
    while offset < bytes.count {
      if skippingToLineEnd {
        guard
          let end = bytes[offset...].firstIndex(where: { $0 == LineBreaks.lineFeed || $0 == LineBreaks.carriageReturn })
        else { return }
        skippingToLineEnd = false
        finishAbandonedRecord()
        offset = end
        continue
      }
      let remaining = bytes.count - offset
      let parsed = csv_parse(parser, bytes.baseAddress! + offset, remaining, onField, onRecordEnd, cursor)
      offset += parsed
      try validateHeaderOnce()
      if parsed < remaining {
        try recoverFromParseError()
      }
    }
  }

  mutating func finish() throws {
    if skippingToLineEnd {
      skippingToLineEnd = false
      finishAbandonedRecord()
    } else if csv_fini(parser, onField, onRecordEnd, cursor) != 0 {
      guard !cursor.pointee.inHeader else { throw IngestError.malformedHeader(file: path, line: cursor.pointee.line) }
      cursor.pointee.abandonRecord(.unterminatedQuote)
      csv_set_opts(parser, Self.options & ~UInt8(CSV_STRICT_FINI))
      finishAbandonedRecord()
    }
    try validateHeaderOnce()
  }

  private mutating func recoverFromParseError() throws {
    let status = csv_error(parser)
    guard status == CSV_EPARSE else {
      throw IngestError.parserFailure(file: path, line: cursor.pointee.line, reason: "libcsv ran out of memory")
    }
    guard !cursor.pointee.inHeader else { throw IngestError.malformedHeader(file: path, line: cursor.pointee.line) }
    cursor.pointee.abandonRecord(.malformedQuote)
    skippingToLineEnd = true
  }

  /// Lets libcsv flush the abandoned record (its callbacks only count lines) and reset.
  private func finishAbandonedRecord() {
    csv_fini(parser, onField, onRecordEnd, cursor)
  }

  private mutating func validateHeaderOnce() throws {
    guard !headerValidated, !cursor.pointee.inHeader else { return }
    headerValidated = true
    try HeaderValidation.validate(cursor.pointee.header, file: path, line: cursor.pointee.headerLine)
  }
}

// libcsv's callbacks are C functions (`@_cdecl`), so csv_parse calls them with no Swift thunk between.
private let onField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = phareOnField
private let onRecordEnd: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = phareOnRecordEnd
/// The space test every libcsv parser of phare is given (referenced from one file only: Swift
/// emits a `@_cdecl` function's symbol again in each file that takes it as a C pointer).
let noSpace: @convention(c) (UInt8) -> Int32 = phareNoSpace

/// libcsv's field callback: hands the field buffer to the cursor.
@_cdecl("phare_on_field")
func phareOnField(_ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
  context.unsafelyUnwrapped.assumingMemoryBound(to: IngestCursor.self).pointee.acceptField(field, length)
}

/// libcsv's record callback: the terminator byte, or -1 at the end of the input.
@_cdecl("phare_on_record_end")
func phareOnRecordEnd(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
  context.unsafelyUnwrapped.assumingMemoryBound(to: IngestCursor.self).pointee.endRecord(terminator)
}

/// libcsv's space test: nothing is a space, so no field is trimmed and tab can separate.
@_cdecl("phare_no_space")
func phareNoSpace(_ byte: UInt8) -> Int32 { 0 }
