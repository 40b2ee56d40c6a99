/// Applies a cleaning rule to every cell of an ingested column, once per distinct value where the
/// column is dictionary-encoded, handing each row's outcome to `body` in row order (no array of
/// outcomes: a wave of a million rows would allocate one per column).
enum CellOutcomes {
  static func visit(
    _ column: Column,
    number: (Double) -> CellOutcome,
    text: (String?) -> CellOutcome,
    _ body: (_ row: Int, CellOutcome) -> Void
  ) {
    switch column {
    case .numeric(let numeric):
      // Answers repeat: the last value's outcome is reused while the value is the same.
      var last: (value: Double, outcome: CellOutcome)?
      for row in numeric.values.indices {
        guard !numeric.missing[row] else {
          body(row, .blank)
          continue
        }
        let value = numeric.values[row]
        if let last, last.value == value {
          body(row, last.outcome)
        } else {
          let outcome = number(value)
          last = (value, outcome)
          body(row, outcome)
        }
      }
    case .categorical(let categorical):
      let perLevel = categorical.levels.map { text($0) }
      for (row, code) in categorical.codes.enumerated() {
        body(row, code == CategoricalColumn.missingCode ? .blank : perLevel[Int(code)])
      }
    case .text(let column):
      for (row, value) in column.values.enumerated() { body(row, text(value)) }
    case .coded(let coded):
      for row in coded.codes.indices {
        body(row, coded.missing[row] ? .blank : number(Double(coded.codes[row])))
      }
    }
  }
}
