/// What a pipeline estimates, as declared under `estimate:` in the spec.
public struct EstimationSpec: Equatable, Sendable {
  /// Analysis variables: scales and numerics give means; single choices (and derived nets,
  /// recodes, crossings) the proportion of each category; multiple responses each item's.
  public var variables: [String]
  /// Variables among `variables` whose totals are estimated too (weighted counts of each category).
  public var totals: [String] = []
  /// Breakdowns besides the national one: a variable or a crossing written `region*acteur`.
  public var breakdowns: [[String]]
  public var interval: IntervalMethod
  public var level: Double
  /// Cells with fewer respondents are flagged `low-base`.
  public var flagBelow: Int
  /// Cells with fewer respondents have their estimate and interval suppressed in published outputs.
  public var suppressBelow: Int
  /// Cross-tables published from the indicators, one CSV each.
  public var tables: [CrossTableSpec] = []
  /// How the p-values of the tables' column tests are adjusted within each row and breakdown.
  public var correction = PValueCorrection.none

  static let defaultLevel = 0.95
  static let defaultFlagBelow = 30
  static let defaultSuppressBelow = 10
}
