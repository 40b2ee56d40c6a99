/// One cell of the territorial matrix: a measure for one region (or the nation) and one domain,
/// with the indicator behind it (nil where that actor's wave has none: a blank cell).
public struct MatrixCell: Sendable, Equatable {
  /// Empty for the national row.
  public var rowValue: String
  public var rowLabel: String
  public var domain: FragilityDomain
  public var measure: MatrixMeasure
  public var indicator: Indicator?
  /// The measure's pipeline has not delivered this wave (yet): the cell is blank and flagged
  /// `actor-wave-missing`.
  public var actorWaveMissing = false

  /// The flag of a cell whose actor has not delivered the wave.
  public static let actorWaveMissingFlag = "actor-wave-missing"

  /// The indicator's flags, or `actor-wave-missing`.
  public var flags: [String] {
    actorWaveMissing ? [Self.actorWaveMissingFlag] : indicator?.flags ?? []
  }
}
