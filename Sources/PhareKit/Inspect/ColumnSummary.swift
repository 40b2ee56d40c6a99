/// One column as `phare inspect` describes it.
public struct ColumnSummary: Codable, Sendable, Equatable {
  public var name: String
  public var type: ColumnType
  public var missing: Int
  /// Distinct non-missing values (categorical and text columns).
  public var distinct: Int?
  /// Smallest and largest value (numeric columns with at least one value).
  public var minimum: Double?
  public var maximum: Double?

  public init(name: String, column: Column) {
    self.name = name
    self.type = column.type
    self.missing = column.missingCount
    switch column {
    case .numeric(let numeric):
      let present = numeric.values.indices.lazy.filter { !numeric.missing[$0] }.map { numeric.values[$0] }
      minimum = present.min()
      maximum = present.max()
    case .categorical(let categorical):
      distinct = categorical.levels.count
    case .text(let text):
      distinct = Set(text.values.compactMap { $0 }).count
    case .coded(let coded):
      let present = coded.codes.indices.lazy.filter { !coded.missing[$0] }.map { Double(coded.codes[$0]) }
      minimum = present.min()
      maximum = present.max()
    }
  }
}
