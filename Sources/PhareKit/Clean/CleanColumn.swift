/// A clean column being built over all ingested rows, before rejected rows are dropped.
struct CleanColumn {
  enum Storage {
    /// Scores and numbers; NaN where the row holds no value (8 bytes a cell, where `Double?` takes 16).
    case numbers([Double])
    /// Codes of coded answers; `CleanColumn.noCode` where the row holds none (4 bytes a cell).
    case codes([Int32])
    case texts([String?])
  }

  /// The code stored where a coded row holds no value.
  static let noCode = Int32.min

  var variable: CleanVariable
  var storage: Storage

  /// A column of `variable` from values with NaN where missing: codes if the variable is coded.
  init(variable: CleanVariable, values: [Double]) {
    self.variable = variable
    storage = variable.isCoded ? .codes(values.map { $0.isNaN ? Self.noCode : Int32($0) }) : .numbers(values)
  }

  init(variable: CleanVariable, storage: Storage) {
    self.variable = variable
    self.storage = storage
  }

  var type: ColumnType {
    switch storage {
    case .numbers: return .numeric
    case .codes: return .coded
    case .texts: return .text
    }
  }

  /// The rows the column covers.
  var count: Int {
    switch storage {
    case .numbers(let values): return values.count
    case .codes(let codes): return codes.count
    case .texts(let values): return values.count
    }
  }

  /// Whether the row holds an answer (any value, declared missing codes included).
  func isAnswered(_ row: Int) -> Bool {
    switch storage {
    case .numbers(let values): return !values[row].isNaN
    case .codes(let codes): return codes[row] != Self.noCode
    case .texts(let values): return values[row] != nil
    }
  }

  func number(_ row: Int) -> Double? {
    switch storage {
    case .numbers(let values): return values[row].isNaN ? nil : values[row]
    case .codes(let codes): return codes[row] == Self.noCode ? nil : Double(codes[row])
    case .texts: return nil
    }
  }

  /// Stores a code in a row of a coded column.
  mutating func setCode(_ code: Int32, at row: Int) {
    guard case .codes(var codes) = storage else { return }
    storage = .texts([])
    codes[row] = code
    storage = .codes(codes)
  }

  /// The column restricted to the kept rows, as a table column.
  func column(keeping rows: [Int]) -> Column {
    switch storage {
    case .numbers(let values):
      return values.withUnsafeBufferPointer { values in
        rows.withUnsafeBufferPointer { rows in
          let kept = ColumnStorage<Double>(count: rows.count) { kept in
            for (index, row) in rows.enumerated() { kept[index] = values[row] }
          }
          return .numeric(NumericColumn(values: kept, missing: MissingMask(count: rows.count) { kept[$0].isNaN }))
        }
      }
    case .codes(let codes):
      return codes.withUnsafeBufferPointer { codes in
        rows.withUnsafeBufferPointer { rows in
          let missing = MissingMask(count: rows.count) { codes[rows[$0]] == Self.noCode }
          let kept = ColumnStorage<Int32>(count: rows.count) { kept in
            for (index, row) in rows.enumerated() { kept[index] = codes[row] == Self.noCode ? 0 : codes[row] }
          }
          return .coded(CodedColumn(codes: kept, missing: missing))
        }
      }
    case .texts(let values):
      return .text(TextColumn(values: rows.map { values[$0] }))
    }
  }
}
