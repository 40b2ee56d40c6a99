import CReadStat
import Foundation

/// A wave's clean microdata as an SPSS (`clean.sav`) or Stata (`clean.dta`) file, written by
/// ReadStat: the source line, the clean table's columns and the appended ones (the final weight),
/// each with its variable label and value labels.
///
/// Missing codes (« Ne sait pas »…) stay in the data. In SPSS they are the variable's user-missing
/// values (at most three per variable, or a range and one more: `SPSSMissingValues`). Stata has no user-missing numbers: each
/// missing code is written as a tagged missing value, the variable's first missing code `.a`, the
/// second `.b`…, labelled with its wording — so that Stata, like SPSS, leaves it out of analyses
/// by default and still tells it from a blank (`.`); the code's number is in the codebook.
/// Text is UTF-8, as wide as its longest value (SPSS long strings up to 32,767 bytes, ReadStat
/// splitting them into segments; Stata `str` up to 2,045, `strL` beyond). SPSS caps a variable label at 256
/// bytes and a value label at 120, cut here on a character boundary.
struct LabelledMicrodata {
  static let savVariableLabelBytes = 256
  static let savValueLabelBytes = 120
  static let dtaVariableLabelBytes = 320
  static let savTextBytes = 32_767
  static let dtaTextBytes = 2_045

  let wave: CleanWave
  let appended: [MicrodataColumn]
  /// The file label: the survey's title and the wave.
  let title: String

  /// Rows from which an SPSS file's second half is written on another core (`write(_:to:)`).
  var splitsFrom = 65_536

  /// Writes the file of `format` at `path` atomically; returns its size in bytes.
  ///
  /// ReadStat compresses each SPSS row on its own, marking the last as the file's end
  /// (`sav_compress_row`), so an SPSS file of `splitsFrom` rows or more is written in two halves
  /// at once: the second by a writer of its own into memory, declared the same but for its row
  /// count, whose header is dropped. The file is the bytes one writer writes (tested).
  /// - Throws: `FileWriteError` naming the file, and the variable ReadStat refused with its message.
  func write(_ format: MicrodataFormat, to path: String) throws -> Int {
    try AtomicFile.replacing(path) { descriptor in
      let rows = wave.rowsClean
      guard format == .sav, rows >= max(2, splitsFrom) else {
        let writer = ReadStatWriter(path: path, descriptor: descriptor)
        _ = try write(format, rows: 0..<rows, of: rows, with: writer)
        try writer.end()
        return Int(lseek(descriptor, 0, SEEK_CUR))
      }
      let split = rows / 2
      let last = BackgroundValue {
        Result { () throws -> (bytes: [UInt8], header: Int) in
          let writer = ReadStatWriter(path: path, descriptor: nil)
          let header = try write(format, rows: split..<rows, of: rows - split, with: writer)
          try writer.end()
          return (writer.bytesInMemory, header)
        }
      }
      // The second half writes into memory only: a failing first half need not wait for it.
      let writer = ReadStatWriter(path: path, descriptor: descriptor)
      let header = try write(format, rows: 0..<split, of: rows, with: writer)
      let (bytes, lastHeader) = try last.value.get()
      guard lastHeader == header else {
        throw FileWriteError(path: path, reason: "the halves' headers differ (\(header) and \(lastHeader) bytes)")
      }
      try writer.endBeforeLastRows()
      try bytes.withUnsafeBytes { bytes in
        try AtomicFile.writeAll(UnsafeRawBufferPointer(rebasing: bytes[header...]), to: descriptor, path: path)
      }
      return Int(lseek(descriptor, 0, SEEK_CUR))
    }
  }

  /// Declares the variables, begins a file of `count` rows and writes `rows` of the wave; returns
  /// the header's size in bytes (ReadStat writes it when the first row begins).
  private func write(_ format: MicrodataFormat, rows: Range<Int>, of count: Int, with writer: ReadStatWriter) throws
    -> Int
  {
    let line = writer.variable(
      MicrodataColumns.line, label: MicrodataColumns.lineLabel, textWidth: nil, measure: READSTAT_MEASURE_NOMINAL,
      format: format == .sav ? "F10.0" : "%10.0g", labelSet: nil)
    let pairs = Array(zip(wave.table.columns, wave.variables)) + appended.map { ($0.column, $0.variable) }
    let columns = try pairs.map { try Self.declare($1, column: $0, format: format, writer: writer) }
    try writer.begin(format, rows: count, label: Self.truncated(title, bytes: 64))
    var header = writer.bytesWritten
    try withExtendedLifetime((wave, appended)) {
      var block = DeclaredRowBlock(columns: columns)
      defer { block.release() }
      for start in stride(from: rows.lowerBound, to: rows.upperBound, by: DeclaredRowBlock.rows) {
        let gathered = start..<min(start + DeclaredRowBlock.rows, rows.upperBound)
        block.gather(gathered)
        for row in gathered {
          try writer.beginRow()
          if row == rows.lowerBound { header = writer.bytesWritten }
          try writer.insert(Double(wave.sourceLines[row]), line)
          try block.insert(row, writer)
          try writer.endRow()
        }
      }
    }
    return header
  }

  /// Declares one column's variable, label set and missing values.
  private static func declare(
    _ variable: CleanVariable, column: Column, format: MicrodataFormat, writer: ReadStatWriter
  )
    throws -> DeclaredColumn
  {
    let labelBytes = format == .sav ? savVariableLabelBytes : dtaVariableLabelBytes
    let label = truncated(variable.label, bytes: labelBytes)
    let measure = variable.isCoded ? READSTAT_MEASURE_NOMINAL : READSTAT_MEASURE_SCALE
    switch column {
    case .text, .categorical:
      let width = max(1, (0..<column.count).map { column.text(at: $0)?.utf8.count ?? 0 }.max() ?? 1)
      guard format == .dta || width <= savTextBytes else {
        throw FileWriteError(
          path: writer.path,
          reason: "variable '\(variable.name)' has a value of \(width) bytes, more than the \(savTextBytes) of an "
            + "SPSS string")
      }
      // Stata's `str` holds 2,045 bytes; longer text is a `strL`, each value stored once at the end.
      let handle = writer.variable(
        variable.name, label: label, textWidth: width, stringReference: format == .dta && width > dtaTextBytes,
        measure: READSTAT_MEASURE_NOMINAL, format: nil, labelSet: nil)
      if format == .dta && width > dtaTextBytes {
        return DeclaredColumn(references: writer.references(column), variable: handle)
      }
      return DeclaredColumn(column: column, variable: handle, tags: [:])
    case .numeric, .coded:
      let valueBytes = format == .sav ? savValueLabelBytes : Int.max
      let values = variable.values.compactMap { value in
        Int32(exactly: value.code).map { ($0, truncated(value.label, bytes: valueBytes)) }
      }
      var tags: [Int32: Character] = [:]
      var tagged: [(tag: Character, label: String)] = []
      var missing: [(code: Int32, label: String)] = []
      for value in variable.missingCodes {
        guard let code = Int32(exactly: value.code) else { continue }
        if format == .dta, tags.count < 26 {
          let tag = Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(tags.count)))
          tags[code] = tag
          tagged.append((tag, value.label))
        } else {
          missing.append((code, truncated(value.label, bytes: valueBytes)))
        }
      }
      let labels = format == .sav ? values + missing : values
      let set =
        labels.isEmpty && tagged.isEmpty ? nil : writer.labelSet(named: variable.name, values: labels, tagged: tagged)
      let handle = writer.variable(
        variable.name, label: label, textWidth: nil, measure: measure,
        format: variable.isCoded ? (format == .sav ? "F8.0" : "%8.0g") : nil, labelSet: set)
      if format == .sav {
        let codes = missing.map { Double($0.code) }
        guard
          let declared = SPSSMissingValues(
            codes: codes,
            coversValidValue: { range in
              variable.values.contains { range.contains(Double($0.code)) }
                || (0..<column.count).contains {
                  column.number(at: $0).map { range.contains($0) && !codes.contains($0) } ?? false
                }
            })
        else {
          throw FileWriteError(
            path: writer.path,
            reason: "variable '\(variable.name)' has \(missing.count) missing codes "
              + "(\(missing.map { String($0.code) }.joined(separator: ", "))); SPSS declares at most three user-missing "
              + "values, or a range and one more, and every range over them also covers valid values")
        }
        try writer.addMissing(declared, to: handle)
      }
      return DeclaredColumn(column: column, variable: handle, tags: tags)
    }
  }

  /// `text` cut to at most `bytes` UTF-8 bytes, on a character boundary.
  static func truncated(_ text: String, bytes: Int) -> String {
    guard text.utf8.count > bytes else { return text }
    var result = ""
    for character in text {
      guard result.utf8.count + character.utf8.count <= bytes else { break }
      result.append(character)
    }
    return result
  }
}
