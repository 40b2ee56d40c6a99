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

  /// Writes the file of `format` at `path` atomically; returns its size in bytes.
  /// - Throws: `FileWriteError` naming the file, and the variable ReadStat refused with its message.
  func write(_ format: MicrodataFormat, to path: String) throws -> Int {
    try AtomicFile.replacing(path) { descriptor in
      let writer = ReadStatWriter(path: path, descriptor: descriptor)
      let line = writer.variable(
        MicrodataColumns.line, label: MicrodataColumns.lineLabel, textWidth: nil, measure: READSTAT_MEASURE_NOMINAL,
        format: format == .sav ? "F10.0" : "%10.0g", labelSet: nil)
      let pairs = Array(zip(wave.table.columns, wave.variables)) + appended.map { ($0.column, $0.variable) }
      let columns = try pairs.map { try Self.declare($1, column: $0, format: format, writer: writer) }
      try writer.begin(format, rows: wave.rowsClean, label: Self.truncated(title, bytes: 64))
      try withExtendedLifetime((wave, appended)) {
        var block = DeclaredRowBlock(columns: columns)
        defer { block.release() }
        for start in stride(from: 0, to: wave.rowsClean, by: DeclaredRowBlock.rows) {
          let rows = start..<min(start + DeclaredRowBlock.rows, wave.rowsClean)
          block.gather(rows)
          for row in rows {
            try writer.beginRow()
            try writer.insert(Double(wave.sourceLines[row]), line)
            try block.insert(row, writer)
            try writer.endRow()
          }
        }
      }
      try writer.end()
      return Int(lseek(descriptor, 0, SEEK_CUR))
    }
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
