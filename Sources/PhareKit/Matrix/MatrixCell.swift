/// One cell of the territorial matrix: a measure for one region (or the nation) and one domain,
/// with the indicator behind it (nil where that actor's wave has none: a blank cell).
public struct MatrixCell: Sendable, Equatable {
  /// Empty for the national row.
  public var rowValue: String
  public var rowLabel: String
  public var domain: FragilityDomain
  public var measure: MatrixMeasure
  public var indicator: Indicator?
}
