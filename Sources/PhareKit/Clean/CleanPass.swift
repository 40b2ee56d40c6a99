/// The work of `CleanStage` on one wave: clean columns over all ingested rows, the first
/// rejection of each row, and the cells set missing instead.
struct CleanPass {
  /// The export, its columns handed to `sources`.
  private let ingest: IngestResult
  /// The export's columns that variables still have to read, by name: each is freed once the
  /// last variable reading it is cleaned, so a wave is not held twice (as read and as cleaned).
  private var sources: [String: Column]
  private var readersLeft: [String: Int] = [:]
  private let invalidCells: InvalidCells
  private(set) var columns: [CleanColumn] = []
  /// The rows ingested, which the clean columns cover.
  private let rowCount: Int
  /// The first rejection of each rejected row, and those rows' bits for the loops over all rows.
  private var rejections: [Int: CleanRejection] = [:]
  private var rejectedRows: [UInt64]
  private var identifiers: [String?] = []
  /// Each row's identifier as a code (equal bytes, equal code; -1 where blank), worked out on
  /// another core while the other columns are cleaned.
  private var identifierCodes: BackgroundValue<[Int32]>?
  /// Cells set missing (`invalid_cells: set-missing`): the row, the variable, and the rule broken.
  private var cells: [(row: Int, variable: String, rejection: CleanRejection)] = []

  /// The pass over `ingest`'s columns (`IngestResult.takeColumns`) for `variables`, the ones it
  /// will clean; the columns none of them reads (personal data, unknown columns) are freed at once.
  init(
    ingest: IngestResult, columns: [String: Column], variables: [CodebookVariable],
    invalidCells: InvalidCells = .quarantineRow
  ) {
    for variable in variables {
      for name in Self.columnsRead(by: variable, among: columns) { readersLeft[name, default: 0] += 1 }
    }
    sources = columns.filter { [readersLeft] name, _ in readersLeft[name] != nil }
    self.ingest = ingest
    self.invalidCells = invalidCells
    self.rowCount = ingest.rowsKept
    self.rejectedRows = [UInt64](repeating: 0, count: (ingest.rowsKept + 63) / 64)
  }

  /// Whether the export's decimal mark is `,`, which settles how `1.234` reads.
  private var decimalComma: Bool { ingest.dialect.decimalComma }

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

  mutating func clean(_ variable: CodebookVariable) {
    let read = Self.columnsRead(by: variable, among: sources)
    defer { release(read) }
    switch variable.kind {
    case .personal:
      return
    case .identifier, .text:
      cleanText(variable)
    case .single, .scale, .numeric:
      let source = sourceColumn(variable)
      columns.append(
        coded(
          variable, coder(variable, reading: source), source: source, output: variable.cleanVariable))
    case .multiple:
      if variable.items.isEmpty {
        cleanMultipleCell(variable)
      } else {
        cleanMultipleItems(variable)
      }
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
    guard let codes = identifierCodes?.value else { return }
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

  /// Each identifier's code, equal where the bytes are (String equality would merge canonically
  /// equivalent spellings, é and e + ◌́); -1 where blank.
  private static func codes(of identifiers: [String?]) -> [Int32] {
    var interner = ByteStringInterner(expected: identifiers.count)
    return identifiers.map { identifier in
      guard var identifier else { return -1 }
      return identifier.withUTF8 { interner.intern(UnsafeRawBufferPointer($0)) }
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

  private func sourceColumn(_ variable: CodebookVariable) -> Column {
    sources[Self.columnsRead(by: variable, among: sources)[0]]!
  }

  /// The export columns a variable reads: its items' columns, or the first of its source names
  /// the export has; none for personal data, which never reaches the clean table.
  private static func columnsRead(by variable: CodebookVariable, among columns: [String: Column]) -> [String] {
    switch variable.kind {
    case .personal: return []
    case .multiple where !variable.items.isEmpty: return variable.items.map(\.name)
    default: return variable.sources.first { columns[$0] != nil }.map { [$0] } ?? []
    }
  }

  /// Counts a variable's columns as read, freeing the ones no other variable reads.
  private mutating func release(_ names: [String]) {
    for name in names {
      readersLeft[name, default: 1] -= 1
      if readersLeft[name] == 0 { sources[name] = nil }
    }
  }

  /// The coder of a variable's answers, with what its column says about `.` and `,`.
  private func coder(_ variable: CodebookVariable, reading source: Column) -> AnswerCoder {
    let texts: [String?]
    switch source {
    case .categorical(let column): texts = column.levels
    case .text(let column): texts = column.values
    case .numeric, .coded: texts = []
    }
    return AnswerCoder(
      variable, decimalComma: decimalComma, evidence: AnswerText.evidence(texts, decimalComma: decimalComma))
  }

  private mutating func reject(_ row: Int, _ rejection: CleanRejection) {
    guard !isRejected(row) else { return }
    rejectedRows[row >> 6] |= 1 << UInt64(row & 63)
    rejections[row] = rejection
  }

  /// A cell that breaks a codebook rule: its row is quarantined, or with `set-missing` the cell is
  /// left missing and listed (a required variable's cell still quarantines its row).
  private mutating func invalid(_ row: Int, _ variable: CodebookVariable, _ rejection: CleanRejection) {
    if invalidCells == .setMissing && !variable.required {
      cells.append((row, variable.name, rejection))
    } else {
      reject(row, rejection)
    }
  }

  private mutating func cleanText(_ variable: CodebookVariable) {
    let source = sourceColumn(variable)
    var values: [String?] = []
    values.reserveCapacity(rowCount)
    for row in 0..<rowCount {
      var text = source.text(at: row)
      if let raw = text, AnswerText.isBlank(raw) { text = nil }
      if variable.kind == .identifier { text = text?.trimmingSpaces() }
      if text == nil && variable.required {
        reject(
          row, CleanRejection(rule: "clean.required", message: "\(variable.name) is required but blank", value: nil))
      }
      values.append(text)
    }
    if variable.kind == .identifier {
      identifiers = values
      identifierCodes = BackgroundValue { [values] in Self.codes(of: values) }
    }
    columns.append(CleanColumn(variable: variable.cleanVariable, storage: .texts(values)))
  }

  private mutating func coded(
    _ variable: CodebookVariable, _ coder: AnswerCoder, source: Column, output: CleanVariable
  ) -> CleanColumn {
    func unanswered(_ row: Int, _ outcome: CellOutcome) {
      switch outcome {
      case .blank where variable.required:
        reject(
          row, CleanRejection(rule: "clean.required", message: "\(variable.name) is required but blank", value: nil))
      case .invalid(let rule, let message):
        invalid(row, variable, CleanRejection(rule: rule, message: message, value: source.text(at: row)))
      case .blank, .value:
        break
      }
    }
    func visit(_ value: (Int, Double) -> Void) {
      CellOutcomes.visit(
        source, number: coder.outcome(number:), text: coder.outcome(text:), value: value, otherwise: unanswered)
    }
    guard output.isCoded else {
      var values = [Double](repeating: .nan, count: source.count)
      values.withUnsafeMutableBufferPointer { values in visit { row, value in values[row] = value } }
      return CleanColumn(variable: output, storage: .numbers(values))
    }
    // Codes are whole: the codebook's (a value it lacks is invalid) or its missing codes.
    var codes = [Int32](repeating: CleanColumn.noCode, count: source.count)
    codes.withUnsafeMutableBufferPointer { codes in visit { row, value in codes[row] = Int32(value) } }
    return CleanColumn(variable: output, storage: .codes(codes))
  }

  private mutating func cleanMultipleItems(_ variable: CodebookVariable) {
    let first = columns.count
    for item in variable.items {
      let itemVariable = variable.item(named: item.name, label: item.label, domain: item.domain)
      let itemCoding = itemVariable.asCodebookVariable()
      let source = sources[item.name]!
      columns.append(coded(itemCoding, coder(itemCoding, reading: source), source: source, output: itemVariable))
    }
    if variable.blankItems == .notTicked {
      fillUnticked(first..<columns.count, of: variable)
    }
    if variable.required {
      for row in 0..<rowCount where !columns[first...].contains(where: { $0.isAnswered(row) }) {
        reject(
          row, CleanRejection(rule: "clean.required", message: "\(variable.name) is required but blank", value: nil))
      }
    }
  }

  /// With `blank: not-ticked`, a respondent who ticked or answered at least one item (an answer
  /// code, not a declared missing code) answered the set: their blank items become 0. A respondent
  /// with no such item keeps every item blank, out of the base.
  private mutating func fillUnticked(_ items: Range<Int>, of variable: CodebookVariable) {
    func answered(_ value: Double?) -> Bool { value.map { !variable.isMissingCode($0) } ?? false }
    // An item cell set missing for breaking a rule stays missing: it was not left blank.
    let names = Dictionary(uniqueKeysWithValues: items.map { (columns[$0].variable.name, $0 - items.lowerBound) })
    let setMissing = Set(cells.compactMap { cell in names[cell.variable].map { cell.row * items.count + $0 } })
    for row in 0..<rowCount where items.contains(where: { answered(columns[$0].number(row)) }) {
      for index in items
      where !columns[index].isAnswered(row) && !setMissing.contains(row * items.count + index - items.lowerBound) {
        columns[index].setCode(0, at: row)
      }
    }
  }

  private mutating func cleanMultipleCell(_ variable: CodebookVariable) {
    let source = sourceColumn(variable)
    let separator = variable.cellSeparator ?? "|"
    let coder = AnswerCoder(variable.withKind(.single), decimalComma: decimalComma)
    var items = variable.values.map { _ in [Double](repeating: .nan, count: rowCount) }
    for row in 0..<rowCount {
      guard let text = source.text(at: row), !AnswerText.isBlank(text) else {
        if variable.required {
          reject(
            row, CleanRejection(rule: "clean.required", message: "\(variable.name) is required but blank", value: nil))
        }
        continue
      }
      var chosen: Set<Int> = []
      var broken: CleanRejection?
      for part in text.split(separator: Character(separator), omittingEmptySubsequences: true) {
        switch coder.outcome(text: String(part)) {
        case .value(let code): chosen.insert(Int(code))
        case .blank: continue
        case .invalid(let rule, let message):
          broken = broken ?? CleanRejection(rule: rule, message: message, value: text)
        }
      }
      // A cell set missing leaves every item of the set missing.
      if let broken {
        invalid(row, variable, broken)
        continue
      }
      // Only declared missing codes (« Ne sait pas »): the items stay unanswered.
      guard chosen.contains(where: { code in variable.values.contains { $0.code == code } }) else { continue }
      for (index, value) in variable.values.enumerated() {
        items[index][row] = chosen.contains(value.code) ? 1 : 0
      }
    }
    for (index, value) in variable.values.enumerated() {
      let item = variable.item(named: "\(variable.name)_\(value.code)", label: value.label)
      columns.append(CleanColumn(variable: item, values: items[index]))
    }
  }
}
