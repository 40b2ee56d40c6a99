/// Applies a cleaning rule to every cell of an ingested column, once per distinct value where it
/// can, in row order: `value` gets each row whose outcome is a value, `otherwise` each blank or
/// invalid row (no array of outcomes, and no outcome built per cell).
enum CellOutcomes {
  /// Whole numbers below this have their outcome remembered once a row showed them valid (the codes
  /// and scores of most survey answers).
  private static let remembered = 256

  @inline(__always)
  static func visit(
    _ column: Column,
    number: (Double) -> CellOutcome,
    text: (String?) -> CellOutcome,
    value: (_ row: Int, _ value: Double) -> Void,
    otherwise: (_ row: Int, CellOutcome) -> Void
  ) {
    switch column {
    case .numeric(let numeric):
      withExtendedLifetime(numeric) {
        visitNumbers(
          numeric.values.unsafeElements, missing: numeric.missing.unsafeWords, number: number, value: value,
          otherwise: otherwise)
      }
    case .coded(let coded):
      for row in coded.codes.indices {
        if coded.missing[row] {
          otherwise(row, .blank)
        } else {
          report(row, number(Double(coded.codes[row])), value: value, otherwise: otherwise)
        }
      }
    case .categorical(let categorical):
      let perLevel = categorical.levels.map { text($0) }
      let levelValues = perLevel.map { outcome -> Double? in
        if case .value(let number) = outcome { return number }
        return nil
      }
      withExtendedLifetime(categorical.codes) {
        for (row, code) in categorical.codes.unsafeElements.enumerated() {
          if code == CategoricalColumn.missingCode {
            otherwise(row, .blank)
          } else if let number = levelValues[Int(code)] {
            value(row, number)
          } else {
            otherwise(row, perLevel[Int(code)])
          }
        }
      }
    case .text(let column):
      for (row, cell) in column.values.enumerated() {
        report(row, text(cell), value: value, otherwise: otherwise)
      }
    }
  }

  /// A numeric column's rows; a value seen valid is not checked again (small whole numbers by a
  /// table, others while they repeat row after row).
  @inline(__always)
  private static func visitNumbers(
    _ values: UnsafeBufferPointer<Double>,
    missing: UnsafeBufferPointer<UInt64>,
    number: (Double) -> CellOutcome,
    value: (_ row: Int, _ value: Double) -> Void,
    otherwise: (_ row: Int, CellOutcome) -> Void
  ) {
    withUnsafeTemporaryAllocation(of: Bool.self, capacity: remembered) { valid in
      valid.initialize(repeating: false)
      var lastValid = Double.nan
      for row in values.indices {
        if missing[row >> 6] & (1 << UInt64(row & 63)) != 0 {
          otherwise(row, .blank)
          continue
        }
        let cell = values[row]
        if cell >= 0 && cell < Double(remembered) && cell == cell.rounded(.towardZero) {
          let index = Int(cell)
          if valid[index] {
            value(row, cell)
            continue
          }
          let outcome = number(cell)
          if outcome == .value(cell) { valid[index] = true }
          report(row, outcome, value: value, otherwise: otherwise)
        } else if cell == lastValid {
          value(row, cell)
        } else {
          let outcome = number(cell)
          if outcome == .value(cell) { lastValid = cell }
          report(row, outcome, value: value, otherwise: otherwise)
        }
      }
    }
  }

  @inline(__always)
  private static func report(
    _ row: Int, _ outcome: CellOutcome, value: (_ row: Int, _ value: Double) -> Void,
    otherwise: (_ row: Int, CellOutcome) -> Void
  ) {
    if case .value(let number) = outcome { value(row, number) } else { otherwise(row, outcome) }
  }
}
