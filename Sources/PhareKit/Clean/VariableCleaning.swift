/// The cleaning of one codebook variable over all ingested rows, on its own: its clean columns,
/// the rows it rejects in the order it finds them, and the cells it sets missing. `CleanPass`
/// cleans the variables on every core at once, then applies their rejections in codebook order,
/// so that each row's first rejection is the one a pass variable by variable finds.
struct VariableCleaning {
  /// What cleaning a variable produced.
  struct Result {
    var columns: [CleanColumn] = []
    /// Rows rejected, in the order found (a row found twice counts once, the first time).
    var rejections: [(row: Int, rejection: CleanRejection)] = []
    /// Cells set missing (`invalid_cells: set-missing`): the row, the variable, and the rule broken.
    var cells: [(row: Int, variable: String, rejection: CleanRejection)] = []
    /// The identifier's text of each row and its code (equal bytes, equal code; -1 where blank),
    /// when the variable is the identifier.
    var identifiers: (texts: [String?], codes: [Int32])?
  }

  /// The export's columns the variable reads, by name.
  private let sources: [String: Column]
  /// The rows ingested, which the clean columns cover.
  private let rowCount: Int
  /// Whether the export's decimal mark is `,`, which settles how `1.234` reads.
  private let decimalComma: Bool
  private let invalidCells: InvalidCells
  private(set) var result = Result()

  init(sources: [String: Column], rowCount: Int, decimalComma: Bool, invalidCells: InvalidCells) {
    self.sources = sources
    self.rowCount = rowCount
    self.decimalComma = decimalComma
    self.invalidCells = invalidCells
  }

  mutating func clean(_ variable: CodebookVariable) {
    switch variable.kind {
    case .personal:
      return
    case .identifier, .text:
      cleanText(variable)
    case .single, .scale, .numeric:
      let source = sourceColumn(variable)
      result.columns.append(
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

  private func sourceColumn(_ variable: CodebookVariable) -> Column {
    sources[SourceColumns.names(readBy: variable, among: sources)[0]]!
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
    result.rejections.append((row, rejection))
  }

  /// A cell that breaks a codebook rule: its row is quarantined, or with `set-missing` the cell is
  /// left missing and listed (a required variable's cell still quarantines its row).
  private mutating func invalid(_ row: Int, _ variable: CodebookVariable, _ rejection: CleanRejection) {
    if invalidCells == .setMissing && !variable.required {
      result.cells.append((row, variable.name, rejection))
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
      result.identifiers = (values, Self.codes(of: values))
    }
    result.columns.append(CleanColumn(variable: variable.cleanVariable, storage: .texts(values)))
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
      let values = RowValues<Double>(repeating: .nan, count: source.count)
      values.withUnsafeMutableBufferPointer { values in visit { row, value in values[row] = value } }
      return CleanColumn(variable: output, storage: .numbers(values))
    }
    // Codes are whole: the codebook's (a value it lacks is invalid) or its missing codes.
    let codes = RowValues<Int32>(repeating: CleanColumn.noCode, count: source.count)
    codes.withUnsafeMutableBufferPointer { codes in visit { row, value in codes[row] = Int32(value) } }
    return CleanColumn(variable: output, storage: .codes(codes))
  }

  private mutating func cleanMultipleItems(_ variable: CodebookVariable) {
    let first = result.columns.count
    for item in variable.items {
      let itemVariable = variable.item(named: item.name, label: item.label, domain: item.domain)
      let itemCoding = itemVariable.asCodebookVariable()
      let source = sources[item.name]!
      result.columns.append(coded(itemCoding, coder(itemCoding, reading: source), source: source, output: itemVariable))
    }
    if variable.blankItems == .notTicked {
      fillUnticked(first..<result.columns.count, of: variable)
    }
    if variable.required {
      for row in 0..<rowCount where !result.columns[first...].contains(where: { $0.isAnswered(row) }) {
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
    let names = Dictionary(
      uniqueKeysWithValues: items.map { (result.columns[$0].variable.name, $0 - items.lowerBound) })
    let setMissing = Set(result.cells.compactMap { cell in names[cell.variable].map { cell.row * items.count + $0 } })
    for row in 0..<rowCount where items.contains(where: { answered(result.columns[$0].number(row)) }) {
      for index in items
      where !result.columns[index].isAnswered(row) && !setMissing.contains(row * items.count + index - items.lowerBound)
      {
        result.columns[index].setCode(0, at: row)
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
      let item = variable.item(named: variable.cellItemName(value.code), label: value.label)
      result.columns.append(CleanColumn(variable: item, values: items[index]))
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
}
