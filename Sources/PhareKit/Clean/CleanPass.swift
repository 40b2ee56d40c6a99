/// The work of `CleanStage` on one wave: clean columns over all ingested rows, the first
/// rejection of each row, and the cells set missing instead.
struct CleanPass {
  /// The export, its columns handed to `sources`.
  private let ingest: IngestResult
  /// The export's columns that variables still have to read.
  private let sources: SourceColumns
  private let invalidCells: InvalidCells
  private(set) var columns: [CleanColumn] = []
  /// The rows ingested, which the clean columns cover.
  private let rowCount: Int
  /// The first rejection of each rejected row, and those rows' bits for the loops over all rows.
  private var rejections: [Int: CleanRejection] = [:]
  private var rejectedRows: [UInt64]
  private var identifiers: [String?] = []
  /// Each row's identifier as a code (equal bytes, equal code; -1 where blank).
  private var identifierCodes: [Int32]?
  /// Cells set missing (`invalid_cells: set-missing`): the row, the variable, and the rule broken.
  private var cells: [(row: Int, variable: String, rejection: CleanRejection)] = []

  /// The pass over `ingest`'s columns (`IngestResult.takeColumns`) for `variables`, the ones it
  /// will clean; the columns none of them reads (personal data, unknown columns) are freed at once.
  init(
    ingest: IngestResult, columns: [String: Column], variables: [CodebookVariable],
    invalidCells: InvalidCells = .quarantineRow
  ) {
    sources = SourceColumns(columns, variables: variables)
    self.ingest = ingest
    self.invalidCells = invalidCells
    self.rowCount = ingest.rowsKept
    self.rejectedRows = [UInt64](repeating: 0, count: (ingest.rowsKept + 63) / 64)
  }

  var keptRows: [Int] {
    var kept: [Int] = []
    kept.reserveCapacity(rowCount - rejections.count)
    for row in 0..<rowCount where !isRejected(row) { kept.append(row) }
    return kept
  }

  private func isRejected(_ row: Int) -> Bool {
    rejectedRows[row >> 6] & (1 << UInt64(row & 63)) != 0
  }

  /// The rejected rows as quarantine entries.
  var quarantinedRows: [QuarantinedRow] {
    rejections.keys.sorted().compactMap { row in
      rejections[row].map { rejection in
        QuarantinedRow(
          file: ingest.file,
          line: Int(ingest.sourceLines[row]),
          lineCount: 1,
          rule: rejection.rule,
          message: rejection.message,
          respondentID: identifiers.isEmpty ? nil : identifiers[row],
          value: rejection.value
        )
      }
    }
  }

  /// The cells set missing in rows that are kept, as quarantine entries naming their variable, in file order.
  var cellsSetMissing: [QuarantinedRow] {
    let ordered = cells.enumerated().sorted { ($0.element.row, $0.offset) < ($1.element.row, $1.offset) }
    return ordered.map(\.element).filter { !isRejected($0.row) }.map { cell in
      QuarantinedRow(
        file: ingest.file,
        line: Int(ingest.sourceLines[cell.row]),
        lineCount: 1,
        rule: cell.rejection.rule,
        message: cell.rejection.message,
        respondentID: identifiers.isEmpty ? nil : identifiers[cell.row],
        value: cell.rejection.value,
        variable: cell.variable
      )
    }
  }

  /// Cleans `variables` on every core at once (`VariableCleaning`), then takes their columns, and
  /// applies their rejections and cells set missing, in codebook order.
  ///
  /// The costliest variables are started first (multiple-response sets, a column per item;
  /// identifiers and texts, a string per row), so no core is left with one at the end.
  mutating func clean(_ variables: [CodebookVariable]) {
    let (sources, rowCount, decimalComma, invalidCells) = (sources, rowCount, ingest.dialect.decimalComma, invalidCells)
    let order = variables.indices.sorted { Self.cost(of: variables[$0]) > Self.cost(of: variables[$1]) }
    let started = AtOnce.map(variables.count) { start in
      let index = order[start]
      let read = sources.columns(readBy: variables[index])
      defer { sources.release(read.keys) }
      var cleaning = VariableCleaning(
        sources: read, rowCount: rowCount, decimalComma: decimalComma, invalidCells: invalidCells)
      cleaning.clean(variables[index])
      return (index, cleaning.result)
    }
    for (_, result) in started.sorted(by: { $0.0 < $1.0 }) {
      columns += result.columns
      for (row, rejection) in result.rejections { reject(row, rejection) }
      cells += result.cells
      if let identifiers = result.identifiers { (self.identifiers, identifierCodes) = identifiers }
    }
  }

  /// A variable's cleaning cost in columns of codes (measured on a million rows: a text column
  /// costs as much as 16 coded ones, an identifier, also checked for duplicates, 40).
  private static func cost(of variable: CodebookVariable) -> Int {
    switch variable.kind {
    case .personal: return 0
    case .identifier: return 40
    case .text: return 16
    case .multiple: return max(1, variable.items.count)
    case .single, .scale, .numeric: return 1
    }
  }

  /// Quarantines rows that answered a follow-up their filter question excludes.
  mutating func check(_ rule: ConsistencyRule) {
    guard let filter = columns.first(where: { $0.variable.name == rule.variable }) else { return }
    let followUps = columns.filter { rule.blank.contains($0.variable.origin) }
    for row in 0..<rowCount {
      guard let value = filter.number(row), rule.codes.contains(where: { Double($0) == value }) else { continue }
      if let answered = followUps.first(where: { $0.isAnswered(row) }) {
        reject(
          row,
          CleanRejection(
            rule: "consistency.\(rule.name)",
            message: "\(answered.variable.name) is answered although \(rule.variable) = \(Int(value))",
            value: nil
          ))
      }
    }
  }

  /// Keeps the first row of each identifier among rows not otherwise rejected; rejects every
  /// identifier a spreadsheet wrote in scientific notation (`1,23457E+15`), whose digits are lost.
  /// Hands the clean columns over (the pass keeps none), so that each can be freed once it has
  /// become a table column.
  mutating func takeColumns() -> [CleanColumn] {
    defer { columns = [] }
    return columns
  }

  mutating func rejectDuplicateIdentifiers(_ name: String?) {
    guard name != nil else { return }
    guard let codes = identifierCodes else { return }
    // The line of the first kept row of each identifier, or -1.
    var firstLine = [Int32](repeating: -1, count: Int(codes.max() ?? -1) + 1)
    for row in 0..<rowCount where !isRejected(row) {
      guard let id = identifiers[row] else { continue }
      if id.utf8.contains(where: { $0 | 0x20 == UInt8(ascii: "e") }) && Self.isSpreadsheetScientific(Array(id.utf8)) {
        reject(
          row,
          CleanRejection(
            rule: "clean.id-scientific",
            message: "identifier written in scientific notation by a spreadsheet, its digits lost; "
              + "re-export the identifier column as text",
            value: id))
        continue
      }
      let code = Int(codes[row])
      if firstLine[code] >= 0 {
        reject(
          row,
          CleanRejection(
            rule: "clean.duplicate-id", message: "identifier already used by the row on line \(firstLine[code])",
            value: id))
      } else {
        firstLine[code] = ingest.sourceLines[row]
      }
    }
  }

  /// Whether an identifier reads as Excel's scientific display of a long number: one digit,
  /// optionally a `.` or `,` and digits, then `E+` and a power of 11 or more (`1,23457E+15`,
  /// `9.0072E+18`, `1E+15`: the General format's display of 12 digits or more).
  static func isSpreadsheetScientific(_ bytes: [UInt8]) -> Bool {
    func digits(_ part: ArraySlice<UInt8>) -> Bool {
      !part.isEmpty && part.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
    guard let e = bytes.firstIndex(where: { $0 | 0x20 == UInt8(ascii: "e") }), e >= 1, e + 2 < bytes.count,
      bytes[e + 1] == UInt8(ascii: "+"), digits(bytes[(e + 2)...]),
      let power = Int(String(decoding: bytes[(e + 2)...], as: UTF8.self)), power >= 11,
      digits(bytes[0..<1])
    else { return false }
    return e == 1 || (e > 2 && (bytes[1] == UInt8(ascii: ".") || bytes[1] == UInt8(ascii: ",")) && digits(bytes[2..<e]))
  }

  private mutating func reject(_ row: Int, _ rejection: CleanRejection) {
    guard !isRejected(row) else { return }
    rejectedRows[row >> 6] |= 1 << UInt64(row & 63)
    rejections[row] = rejection
  }
}
