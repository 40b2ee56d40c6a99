/// What the estimate stage makes of one weighted wave: every indicator, and the column tests of
/// the spec's cross-tables.
public struct Estimates: Sendable {
  public var indicators: [Indicator]
  public var comparisons: [ColumnComparison]
}
