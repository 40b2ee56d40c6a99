/// A clean column being built over all ingested rows, before rejected rows are dropped.
struct CleanColumn {
  enum Storage {
    /// Scores and numbers; NaN where the row holds no value (8 bytes a cell, where `Double?` takes 16).
    case numbers(RowValues<Double>)
    /// Codes of coded answers; `CleanColumn.noCode` where the row holds none (4 bytes a cell).
    case codes(RowValues<Int32>)
    case texts([String?])
  }

  /// The code stored where a coded row holds no value.
  static let noCode = Int32.min

  var variable: CleanVariable
  var storage: Storage

  /// A column of `variable` from values with NaN where missing: codes if the variable is coded.
  init(variable: CleanVariable, values: [Double]) {
    self.variable = variable
    storage =
      variable.isCoded
      ? .codes(RowValues(values.lazy.map { $0.isNaN ? Self.noCode : Int32($0) })) : .numbers(RowValues(values))
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
  func setCode(_ code: Int32, at row: Int) {
    guard case .codes(let codes) = storage else { return }
    codes[row] = code
  }

  /// The column restricted to the kept rows (ascending), as a table column in this column's
  /// memory: the column holds no values after.
  func column(keeping rows: [Int]) -> Column {
    var missing = MissingMaskBuffer()
    switch storage {
    case .numbers(let values):
      let kept = values.compacted(keeping: rows) { index, value in
        if value.isNaN { missing.setMissing(index) }
        return value
      }
      return .numeric(NumericColumn(values: kept, missing: missing.finish(count: rows.count)))
    case .codes(let codes):
      let kept = codes.compacted(keeping: rows) { index, code in
        guard code == Self.noCode else { return code }
        missing.setMissing(index)
        return 0
      }
      return .coded(CodedColumn(codes: kept, missing: missing.finish(count: rows.count)))
    case .texts(let values):
      return .text(TextColumn(values: rows.map { values[$0] }))
    }
  }
}
