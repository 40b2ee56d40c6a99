/// A numeric variable: one `Double` per row and an explicit missing mask.
/// Missing rows hold NaN as well, so that a forgotten mask check poisons a result instead of biasing it.
public struct NumericColumn: Sendable, Equatable {
  public let values: ColumnStorage<Double>
  public let missing: MissingMask

  public init(values: ColumnStorage<Double>, missing: MissingMask) {
    precondition(values.count == missing.count, "values and missing mask differ in length")
    self.values = values
    self.missing = missing
  }

  /// A column from optional values, nil where missing.
  public init(_ values: [Double?]) {
    self.init(
      values: ColumnStorage(values.lazy.map { $0 ?? .nan }),
      missing: MissingMask(count: values.count) { values[$0] == nil })
  }

  /// The value of a row, or nil where missing.
  public subscript(row: Int) -> Double? {
    missing[row] ? nil : values[row]
  }

  /// Equal when the same rows are missing and the other rows hold the same values
  /// (the NaN stored under a missing row is not a value).
  public static func == (lhs: NumericColumn, rhs: NumericColumn) -> Bool {
    lhs.missing == rhs.missing
      && lhs.values.indices.allSatisfy { lhs.missing[$0] || lhs.values[$0] == rhs.values[$0] }
  }
}
