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

  /// The measure's survey did not ask its question of this domain in this wave (the codebook's
  /// `waves:`): the cell is blank and flagged `not-asked`.
  public var notAsked = false

  /// The flag of a cell whose actor has not delivered the wave.
  public static let actorWaveMissingFlag = "actor-wave-missing"
  /// The flag of a cell whose question the actor's survey did not ask in the wave.
  public static let notAskedFlag = "not-asked"

  /// Why the cell has no indicator when its actor's wave says so: `actor-wave-missing` or
  /// `not-asked`; empty otherwise.
  public var coverageFlags: [String] {
    actorWaveMissing ? [Self.actorWaveMissingFlag] : notAsked && indicator == nil ? [Self.notAskedFlag] : []
  }

  /// The coverage flags, or the indicator's flags.
  public var flags: [String] {
    coverageFlags.isEmpty ? indicator?.flags ?? [] : coverageFlags
  }
}
