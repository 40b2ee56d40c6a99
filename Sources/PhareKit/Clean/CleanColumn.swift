/// A clean column being built over all ingested rows, before rejected rows are dropped.
struct CleanColumn {
  enum Storage {
    /// NaN where the row holds no value: 8 bytes a cell, where `Double?` takes 16.
    case numbers([Double])
    case texts([String?])
  }

  var variable: CleanVariable
  var storage: Storage

  /// Coded answers (single choices, 0/1 items, derived categories) are stored as 4-byte codes;
  /// scores and numbers as doubles.
  private var isCoded: Bool { variable.kind == .single || variable.kind == .multiple }

  var type: ColumnType {
    switch storage {
    case .numbers: return isCoded ? .coded : .numeric
    case .texts: return .text
    }
  }

  /// Whether the row holds an answer (any value, declared missing codes included).
  func isAnswered(_ row: Int) -> Bool {
    switch storage {
    case .numbers(let values): return !values[row].isNaN
    case .texts(let values): return values[row] != nil
    }
  }

  func number(_ row: Int) -> Double? {
    guard case .numbers(let values) = storage, !values[row].isNaN else { return nil }
    return values[row]
  }

  /// Stores a number in a row of a numeric or coded column.
  mutating func setNumber(_ value: Double, at row: Int) {
    guard case .numbers(var values) = storage else { return }
    storage = .texts([])
    values[row] = value
    storage = .numbers(values)
  }

  /// The column restricted to the kept rows, as a table column.
  func column(keeping rows: [Int]) -> Column {
    switch storage {
    case .numbers(let values):
      return values.withUnsafeBufferPointer { values in
        rows.withUnsafeBufferPointer { rows in
          let missing = MissingMask(count: rows.count) { values[rows[$0]].isNaN }
          guard isCoded else {
            let kept = ColumnStorage<Double>(count: rows.count) { kept in
              for (index, row) in rows.enumerated() { kept[index] = values[row] }
            }
            return .numeric(NumericColumn(values: kept, missing: missing))
          }
          let codes = ColumnStorage<Int32>(count: rows.count) { codes in
            for (index, row) in rows.enumerated() {
              let value = values[row]
              codes[index] = value.isNaN ? 0 : Int32(value)
            }
          }
          return .coded(CodedColumn(codes: codes, missing: missing))
        }
      }
    case .texts(let values):
      return .text(TextColumn(values: rows.map { values[$0] }))
    }
  }
}
