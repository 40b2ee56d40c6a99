import CReadStat
import Foundation

/// ReadStat's writer (`readstat_writer_t`) over an open file descriptor: ReadStat encodes the
/// SPSS or Stata bytes, which this buffers and writes out in blocks of `bufferSize`. Every call
/// that can fail is checked, its error naming the file, the variable and ReadStat's message.
final class ReadStatWriter {
  /// Bytes held before they are written out.
  static let bufferSize = 1 << 20

  let path: String
  private let writer: UnsafeMutablePointer<readstat_writer_t>
  private let sink: Sink

  /// A writer of `path`, whose bytes go to `descriptor` (open for writing, not closed here), or
  /// are kept in memory (`bytesInMemory`) without one.
  init(path: String, descriptor: Int32?) {
    self.path = path
    writer = readstat_writer_init()
    sink = Sink(descriptor: descriptor, path: path)
    readstat_set_data_writer(writer) { bytes, count, context in
      let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
      return sink.append(UnsafeRawBufferPointer(start: bytes, count: count)) ? count : -1
    }
  }

  deinit { readstat_writer_free(writer) }

  /// A set of value labels keyed by whole numbers (and, in Stata, by tagged missing values `.a`…).
  func labelSet(named name: String, values: [(code: Int32, label: String)], tagged: [(tag: Character, label: String)])
    -> UnsafeMutablePointer<readstat_label_set_t>
  {
    let set = readstat_add_label_set(writer, READSTAT_TYPE_INT32, name)!
    for value in values { readstat_label_int32_value(set, value.code, value.label) }
    for value in tagged { readstat_label_tagged_value(set, CChar(value.tag.asciiValue!), value.label) }
    return set
  }

  /// A new variable: numbers are doubles; text has a width in bytes, or is stored by reference
  /// (`stringReference`: a Stata `strL`, whose cells are written as `references`).
  func variable(
    _ name: String, label: String, textWidth: Int?, stringReference: Bool = false, measure: readstat_measure_t,
    format: String?, labelSet: UnsafeMutablePointer<readstat_label_set_t>?
  ) -> UnsafeMutablePointer<readstat_variable_t> {
    let type =
      textWidth == nil ? READSTAT_TYPE_DOUBLE : stringReference ? READSTAT_TYPE_STRING_REF : READSTAT_TYPE_STRING
    let variable = readstat_add_variable(writer, name, type, textWidth ?? 0)!
    readstat_variable_set_label(variable, label)
    readstat_variable_set_measure(variable, measure)
    if let format { readstat_variable_set_format(variable, format) }
    if let labelSet { readstat_variable_set_label_set(variable, labelSet) }
    return variable
  }

  /// Declares `missing` user-missing (SPSS; ReadStat ignores it in Stata files): its range first,
  /// then its discrete values.
  func addMissing(_ missing: SPSSMissingValues, to variable: UnsafeMutablePointer<readstat_variable_t>) throws {
    if let range = missing.range {
      try check(readstat_variable_add_missing_double_range(variable, range.lowerBound, range.upperBound), variable)
    }
    for value in missing.discrete { try check(readstat_variable_add_missing_double_value(variable, value), variable) }
  }

  /// Starts the file of `rows` rows, after every label set and variable; an SPSS file is
  /// compressed as SPSS writes it by default (bytecode, `.sav`; not zlib `.zsav`).
  /// The header's creation time is fixed (1 January 1970, UTC), so that a rerun on the same inputs
  /// writes the same bytes; when the file was written is in the wave's manifest.
  func begin(_ format: MicrodataFormat, rows: Int, label: String) throws {
    try check(readstat_writer_set_file_label(writer, label))
    try check(readstat_writer_set_file_timestamp(writer, 0))
    let context = Unmanaged.passUnretained(sink).toOpaque()
    switch format {
    case .sav:
      try check(readstat_writer_set_compression(writer, READSTAT_COMPRESS_ROWS))
      try check(readstat_begin_writing_sav(writer, context, rows))
    case .dta: try check(readstat_begin_writing_dta(writer, context, rows))
    case .csv: preconditionFailure("ReadStat writes SPSS and Stata files, not CSV")
    }
    for index in 0..<Int(writer.pointee.variables_count) {
      let variable = readstat_get_variable(writer, Int32(index))!
      try check(readstat_validate_variable(writer, variable), variable)
    }
  }

  func beginRow() throws { try check(readstat_begin_row(writer)) }
  func endRow() throws { try check(readstat_end_row(writer)) }

  @inline(__always)
  func insert(_ value: Double, _ variable: UnsafeMutablePointer<readstat_variable_t>) throws {
    try check(readstat_insert_double_value(writer, variable, value), variable)
  }

  @inline(__always)
  func insert(_ text: String, _ variable: UnsafeMutablePointer<readstat_variable_t>) throws {
    try check(readstat_insert_string_value(writer, variable, text), variable)
  }

  /// The references of a Stata `strL` column's cells, one a distinct text (a blank refers to the
  /// empty string), made before `begin` as ReadStat needs them.
  func references(_ column: Column) -> [UnsafeMutablePointer<readstat_string_ref_t>] {
    var byText: [String: UnsafeMutablePointer<readstat_string_ref_t>] = [:]
    return (0..<column.count).map { row in
      let text = column.text(at: row) ?? ""
      if let reference = byText[text] { return reference }
      let reference = readstat_add_string_ref(writer, text)!
      byText[text] = reference
      return reference
    }
  }

  /// Writes a cell of a Stata `strL` variable: a reference to its text, stored once at the end.
  func insert(
    _ reference: UnsafeMutablePointer<readstat_string_ref_t>, _ variable: UnsafeMutablePointer<readstat_variable_t>
  )
    throws
  {
    try check(readstat_insert_string_ref(writer, variable, reference), variable)
  }

  @inline(__always)
  func insertMissing(_ variable: UnsafeMutablePointer<readstat_variable_t>) throws {
    try check(readstat_insert_missing_value(writer, variable), variable)
  }

  @inline(__always)
  func insertTaggedMissing(_ tag: Character, _ variable: UnsafeMutablePointer<readstat_variable_t>) throws {
    try check(readstat_insert_tagged_missing_value(writer, variable, CChar(tag.asciiValue!)), variable)
  }

  /// Finishes the file and writes out what is buffered.
  func end() throws {
    try check(readstat_end_writing(writer))
    try sink.flush()
  }

  /// Writes out what is buffered of a file whose last rows another writer writes, which ReadStat
  /// is not told to finish: it would find rows missing, and has nothing else to write for a
  /// bytecode-compressed SPSS file (`readstat_end_writing` checks the row count and sorts Stata's
  /// `strL` references; its `end_data` step is zlib's alone).
  func endBeforeLastRows() throws {
    try sink.flush()
  }

  /// The bytes ReadStat has given so far.
  var bytesWritten: Int { sink.flushed + sink.buffer.count }

  /// The bytes of a writer kept in memory.
  var bytesInMemory: [UInt8] { sink.buffer }

  @inline(__always)
  private func check(_ error: readstat_error_t, _ variable: UnsafeMutablePointer<readstat_variable_t>? = nil) throws {
    guard error != READSTAT_OK else { return }
    if let failure = sink.failure { throw failure }
    let message = String(cString: readstat_error_message(error))
    let name = variable.map { " (variable '\(String(cString: readstat_variable_get_name($0)))')" } ?? ""
    throw FileWriteError(path: path, reason: "ReadStat: \(message)\(name)")
  }

  /// Where ReadStat's bytes go: a buffer written to the descriptor when full, or kept whole
  /// without a descriptor.
  private final class Sink {
    let descriptor: Int32?
    let path: String
    var buffer: [UInt8] = []
    /// The bytes written to the descriptor.
    var flushed = 0
    /// The first write that failed: ReadStat only sees that it did.
    var failure: FileWriteError?

    init(descriptor: Int32?, path: String) {
      self.descriptor = descriptor
      self.path = path
      buffer.reserveCapacity(ReadStatWriter.bufferSize)
    }

    func append(_ bytes: UnsafeRawBufferPointer) -> Bool {
      buffer.append(contentsOf: bytes)
      guard descriptor != nil, buffer.count >= ReadStatWriter.bufferSize else { return true }
      do {
        try flush()
        return true
      } catch {
        failure = error as? FileWriteError ?? FileWriteError(path: path, reason: "\(error)")
        return false
      }
    }

    func flush() throws {
      guard let descriptor else { return }
      try AtomicFile.writeAll(buffer, to: descriptor, path: path)
      flushed += buffer.count
      buffer.removeAll(keepingCapacity: true)
    }
  }
}

extension ReadStatWriter {
  /// What ReadStat refuses among `names` as the variable names of a file of `format` (an SPSS
  /// reserved word such as `BY`, a name too long or not starting as a name does), with its
  /// message, checked by ReadStat's own rules without writing a byte. SPSS reads names without
  /// case, which ReadStat does not: `by` is refused as `BY` is. Stata takes 32 characters.
  static func refusedNames(_ names: [String], format: MicrodataFormat) -> [(name: String, reason: String)] {
    names.compactMap { name in
      if format == .dta && name.count > 32 {
        return (name, "a Stata name holds at most 32 characters, this one \(name.count)")
      }
      let error = validate(name, format: format)
      if error == READSTAT_OK, format == .sav,
        validate(name.uppercased(), format: format) == READSTAT_ERROR_NAME_IS_RESERVED_WORD
      {
        return (
          name,
          "\(String(cString: readstat_error_message(READSTAT_ERROR_NAME_IS_RESERVED_WORD))) (SPSS reads \(name) as \(name.uppercased()))"
        )
      }
      return error == READSTAT_OK ? nil : (name, String(cString: readstat_error_message(error)))
    }
  }

  /// ReadStat's verdict on `name` as a variable of a file of `format`.
  private static func validate(_ name: String, format: MicrodataFormat) -> readstat_error_t {
    guard format != .csv, let writer = readstat_writer_init() else { return READSTAT_OK }
    defer { readstat_writer_free(writer) }
    readstat_set_data_writer(writer) { _, count, _ in count }
    guard let variable = readstat_add_variable(writer, name, READSTAT_TYPE_DOUBLE, 0) else {
      return READSTAT_ERROR_MALLOC
    }
    let begun = format == .sav ? readstat_begin_writing_sav(writer, nil, 0) : readstat_begin_writing_dta(writer, nil, 0)
    guard begun == READSTAT_OK else { return begun }
    return readstat_validate_variable(writer, variable)
  }
}
