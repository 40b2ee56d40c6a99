import CReadStat

/// Reads an SPSS `.sav`/`.zsav` or Stata `.dta` wave through ReadStat into the same
/// `IngestResult` as `CSVReader` reads a CSV export of the same data.
///
/// Numeric variables become numeric columns (an SPSS user-missing value such as 9 « Ne sait pas »
/// keeps its value; a system-missing one is blank), string variables are typed as a CSV export's
/// fields are (`ColumnBuilder`), `textColumns` keep their text (a numeric identifier as
/// `NumberParser.render` writes it) and `personalColumns` only whether each cell is filled.
/// Stata's extended missing values `.a`…`.z` become the codebook's missing code whose label is
/// the tag's label in the file (or the column's only one when the file labels the tag not); a
/// case with a tag that maps to none is quarantined (`ingest.tagged-missing`). ReadStat hands
/// text over in UTF-8, converted from the file's own encoding (its declaration; Stata before
/// release 118: Windows-1252). Case k is line k + 1 (line 1 plays the header's role).
public struct StatFileReader: Sendable {
  /// Columns kept as written text, never read as numbers (a codebook's identifiers).
  public var textColumns: Set<String>
  /// Columns of personal data: only whether each cell is filled is kept.
  public var personalColumns: Set<String>
  /// The codebook's missing codes of each column it reads, for Stata's tagged missing values; a
  /// tagged cell of a column not listed here is blank.
  public var missingCodes: [String: [ValueLabel]]
  /// `utf-8` or `windows-1252` overrides the encoding the file declares (an old file that
  /// declares it wrongly); `auto` and `mixed` take the file's.
  public var encoding: InputEncoding

  public init(
    textColumns: Set<String> = [], personalColumns: Set<String> = [], missingCodes: [String: [ValueLabel]] = [:],
    encoding: InputEncoding = .auto
  ) {
    self.textColumns = textColumns
    self.personalColumns = personalColumns
    self.missingCodes = missingCodes
    self.encoding = encoding
  }

  /// Whether a file of no case (a dictionary sent before fieldwork) is read, as an empty table
  /// with its dictionary, for `phare codebook draft` and `diff`; a wave must hold cases.
  public var acceptsNoCases = false
  /// Files of at least this many bytes have their cases read in two halves on two cores
  /// (`readInTwo`), with the same result as one parse (`ExportReader.splitsAbove`).
  public var splitsAbove = ExportReader.splitsAbove
  /// Where the split falls, as a fraction of the cases (tests move it across every case); nil
  /// for where both halves take as long: the second half decompresses the first's cases to skip
  /// them, which takes about a sixth of reading them.
  var splitFraction: Double?

  /// - Throws: `IngestError` when the file is missing, empty, not of its format, cut short or
  ///   otherwise unreadable (ReadStat's message); no case of such a file is kept.
  public func read(_ path: String, as format: StatFileFormat) throws -> IngestResult {
    let file = try InputFile(path: path)
    let start = UnsafeMutableRawBufferPointer.allocate(byteCount: 64, alignment: 1)
    defer { start.deallocate() }
    let startCount = try file.read(into: start)
    defer { file.close() }
    guard file.size > 0 else {
      throw IngestError.unreadableStatFile(file: path, format: format, reason: "it is empty (0 bytes)")
    }
    if format == .dta, start[..<startCount].starts(with: "<stata_dta>".utf8), try !endsAsStata13Does(file) {
      throw IngestError.unreadableStatFile(
        file: path, format: format,
        reason: "it is cut short: a Stata file of release 117 or later ends with </stata_dta>, this one does not")
    }
    let parse = UnsafeMutablePointer<StatFileParse>.allocate(capacity: 1)
    parse.initialize(
      to: StatFileParse(
        path: path, textColumns: textColumns, personalColumns: personalColumns, missingCodes: missingCodes))
    defer {
      parse.deinitialize(count: 1)
      parse.deallocate()
    }
    var parsedInTwo = false
    do {
      // The dictionary and value labels first (Stata writes the labels after the cases).
      try run(parse, format: format, values: false)
      let cases = parse.pointee.announcedRows ?? -1
      if let split = splitCase(parse.pointee, bytes: file.size) {
        parsedInTwo = try readInTwo(parse, format: format, at: split, of: cases)
      } else {
        if cases > 0 { parse.pointee.reserveCases(cases) }
        try run(parse, format: format, values: true)
      }
    } catch let error as StatFileFailure {
      parse.pointee.release()
      let magic = Array(start[..<startCount])
      throw IngestError.unreadableStatFile(
        file: path, format: format, reason: error.reason(parse.pointee, format: format, start: magic, size: file.size))
    }
    guard parse.pointee.rowsRead > 0 || acceptsNoCases else {
      parse.pointee.release()
      throw IngestError.unreadableStatFile(file: path, format: format, reason: "it holds no cases")
    }
    var result = assemble(&parse.pointee, format: format)
    result.parsedInTwo = parsedInTwo
    return result
  }

  /// Whether `file` ends with `</stata_dta>`, as the files of Stata 13 and later do: ReadStat
  /// reads one cut in its value labels without a word, and without the labels.
  private func endsAsStata13Does(_ file: InputFile) throws -> Bool {
    let end = Array("</stata_dta>".utf8)
    guard file.size >= end.count else { return false }
    let last = UnsafeMutableRawBufferPointer.allocate(byteCount: end.count, alignment: 1)
    defer { last.deallocate() }
    try file.seek(to: file.size - end.count)
    return try file.read(into: last) == end.count && last.elementsEqual(end)
  }

  /// The case a file of `bytes` bytes is split at for `readInTwo`, or nil when it is below
  /// `splitsAbove` or does not announce its cases.
  private func splitCase(_ parse: StatFileParse, bytes: Int) -> Int? {
    guard bytes >= splitsAbove, let cases = parse.announcedRows, cases > 1 else { return nil }
    let fraction = splitFraction ?? (parse.compression == READSTAT_COMPRESS_NONE ? 0.5 : 0.54)
    return min(max(1, Int(Double(cases) * fraction)), cases - 1)
  }

  /// Reads the cases before `split` of the file's `cases` into `head` while another core reads
  /// those from `split` on (ReadStat's row offset; numeric columns in place, `StatFileParse.tail`),
  /// then joins the two: exactly the single parse when every column agrees
  /// (`StatFileParse.canAppend`); otherwise, or when the second half failed, `head` reads the
  /// rest itself (and reports its error). Returns whether the two were joined.
  private func readInTwo(
    _ head: UnsafeMutablePointer<StatFileParse>, format: StatFileFormat, at split: Int, of cases: Int
  ) throws -> Bool {
    head.pointee.reserveCases(cases, populating: false)
    let unread = StatFileTail(parse: head.pointee.tail(from: split, cases: cases))
    let tail = BackgroundValue { [self] in unread.read(by: self, format: format) }
    head.pointee.populate(upTo: split)
    do {
      try run(head, format: format, values: true, rows: 0..<split)
    } catch {
      var failed = tail.value
      failed.release()
      throw error
    }
    var rest = tail.value
    if var parsed = rest.parse {
      if head.pointee.canAppend(parsed) {
        head.pointee.append(&parsed)
        return true
      }
      rest.release()
    }
    head.pointee.firstCase = split
    try run(head, format: format, values: true, rows: split..<Int.max)
    return false
  }

  /// One ReadStat pass over the file: the dictionary and value labels, or, when `values`, the
  /// cases in `rows` (all by default).
  func run(
    _ parse: UnsafeMutablePointer<StatFileParse>, format: StatFileFormat, values: Bool, rows: Range<Int> = 0..<Int.max
  ) throws {
    guard let parser = readstat_parser_init() else { throw StatFileFailure(code: READSTAT_ERROR_MALLOC) }
    defer { readstat_parser_free(parser) }
    switch encoding {
    case .utf8: readstat_set_file_character_encoding(parser, "UTF-8")
    case .windows1252: readstat_set_file_character_encoding(parser, "WINDOWS-1252")
    case .auto, .mixed: break
    }
    if rows.lowerBound > 0 { readstat_set_row_offset(parser, rows.lowerBound) }
    if rows.upperBound < Int.max { readstat_set_row_limit(parser, rows.count) }
    readstat_set_metadata_handler(parser) { metadata, context in
      StatFileReader.parse(context).pointee.metadata(metadata!)
      return Int32(READSTAT_HANDLER_OK)
    }
    readstat_set_variable_handler(parser) { index, variable, labelSet, context in
      StatFileReader.parse(context).pointee.variable(variable!, labelSet: labelSet.map { String(cString: $0) })
      return Int32(READSTAT_HANDLER_OK)
    }
    readstat_set_error_handler(parser) { message, context in
      StatFileReader.parse(context).pointee.errorMessage = message.map { String(cString: $0) }
    }
    if values {
      readstat_set_value_handler(parser) { row, variable, value, context in
        StatFileReader.parse(context).pointee.value(
          case: Int(row), variable: Int(readstat_variable_get_index(variable)), value)
        return Int32(READSTAT_HANDLER_OK)
      }
    } else {
      readstat_set_value_label_handler(parser) { set, value, label, context in
        StatFileReader.parse(context).pointee.valueLabel(
          set: set.map { String(cString: $0) } ?? "", value: value, label: label.map { String(cString: $0) } ?? "")
        return Int32(READSTAT_HANDLER_OK)
      }
    }
    let path = parse.pointee.path
    parse.pointee.readsCases = values
    let code =
      format == .dta ? readstat_parse_dta(parser, path, parse) : readstat_parse_sav(parser, path, parse)
    if values { parse.pointee.reclaimBuilders() }
    guard code == READSTAT_OK else { throw StatFileFailure(code: code) }
  }

  @inline(__always)
  private static func parse(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<StatFileParse> {
    context.unsafelyUnwrapped.assumingMemoryBound(to: StatFileParse.self)
  }

  private func assemble(_ parse: inout StatFileParse, format: StatFileFormat) -> IngestResult {
    let decode: (UnsafeRawBufferPointer) -> String = { String(decoding: $0, as: UTF8.self) }
    let columns = parse.finishColumns(decode: decode)
    let schema = Schema(fields: zip(parse.names, columns).map { Schema.Field(name: $0, type: $1.type) })
    let characterEncoding =
      encoding == .utf8
      ? "UTF-8"
      : encoding == .windows1252
        ? "WINDOWS-1252" : parse.declaredEncoding ?? (format == .dta && parse.version < 118 ? "WINDOWS-1252" : "UTF-8")
    let labels = Dictionary(
      uniqueKeysWithValues: parse.names.indices.compactMap { index in
        parse.labelSet(of: index).map { (parse.names[index], $0) }
      })
    var notes: [String] = []
    if parse.unreadTags > 0 {
      notes.append(
        "\(parse.unreadTags) cells hold Stata missing values .a to .z in columns no codebook reads; read as blank")
    }
    let textEncoding: TextEncoding =
      ["WINDOWS-1252", "CP1252"].contains(characterEncoding.uppercased()) ? .windows1252 : .utf8
    return IngestResult(
      file: parse.path,
      dialect: Dialect(encoding: textEncoding, separator: .comma, lineEnding: .none, decimalComma: false),
      table: ColumnarTable(schema: schema, columns: columns, rowCount: parse.sourceLines.count),
      quarantined: parse.quarantined,
      sourceLines: parse.sourceLines,
      rowsRead: parse.rowsRead,
      blankLines: 0,
      headerLine: 1,
      notes: notes,
      dictionary: StatFileDictionary(
        format: format, version: parse.version, characterEncoding: characterEncoding, valueLabels: labels,
        variableLabels: parse.variableLabels, userMissingValues: parse.userMissingValues,
        userMissingRanges: parse.userMissingRanges)
    )
  }
}
