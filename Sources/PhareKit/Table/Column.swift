/// One typed column of a `ColumnarTable`.
public enum Column: Sendable, Equatable {
  case numeric(NumericColumn)
  case categorical(CategoricalColumn)
  case text(TextColumn)
  case coded(CodedColumn)

  public var type: ColumnType {
    switch self {
    case .numeric: return .numeric
    case .categorical: return .categorical
    case .text: return .text
    case .coded: return .coded
    }
  }

  public var count: Int {
    switch self {
    case .numeric(let column): return column.values.count
    case .categorical(let column): return column.codes.count
    case .text(let column): return column.values.count
    case .coded(let column): return column.codes.count
    }
  }

  public var missingCount: Int {
    switch self {
    case .numeric(let column): return column.missing.missingCount
    case .categorical(let column): return column.codes.reduce(0) { $0 + ($1 == CategoricalColumn.missingCode ? 1 : 0) }
    case .text(let column): return column.values.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
    case .coded(let column): return column.missing.missingCount
    }
  }

  /// A row's value as text, nil where missing (for display and audit, not for computing).
  public func text(at row: Int) -> String? {
    switch self {
    case .numeric(let column): return column[row].map { NumberParser.render($0, decimalComma: false) }
    case .categorical(let column): return column[row]
    case .text(let column): return column[row]
    case .coded(let column): return column[row].map(String.init)
    }
  }

  /// The bytes the column's storage holds (values, codes, masks, and string payloads).
  public var byteSize: Int {
    switch self {
    case .numeric(let column):
      return column.values.count * 8 + column.missing.byteSize
    case .categorical(let column):
      return column.codes.count * 4 + column.levels.reduce(0) { $0 + 16 + $1.utf8.count }
    case .coded(let column):
      return column.codes.count * 4 + column.missing.byteSize
    case .text(let column):
      return column.values.reduce(0) { total, value in
        let payload = value.map { $0.utf8.count > 15 ? $0.utf8.count : 0 } ?? 0
        return total + 16 + payload
      }
    }
  }

  /// The value of a row as a number, for a numeric or coded column (nil where missing or otherwise).
  public func number(at row: Int) -> Double? {
    switch self {
    case .numeric(let column): return column[row]
    case .coded(let column): return column[row].map(Double.init)
    case .categorical, .text: return nil
    }
  }

  /// Whether the column holds numbers or codes.
  public var isNumeric: Bool {
    switch self {
    case .numeric, .coded: return true
    case .categorical, .text: return false
    }
  }
}
