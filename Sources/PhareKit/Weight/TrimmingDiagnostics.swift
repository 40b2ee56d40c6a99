/// What weight trimming did (`weight.trim`), for the manifest's weighting diagnostics.
public struct TrimmingDiagnostics: Codable, Sendable, Equatable {
  /// The bounds asked, as ratios to the mean weight.
  public var lower: Double
  public var upper: Double
  /// The mean of the calibrated weights (trimming keeps it).
  public var mean: Double
  /// The bounds as weights: lower × mean and upper × mean.
  public var lowerBound: Double
  public var upperBound: Double
  /// Calibrated weights below the lower bound and above the upper bound, before trimming.
  public var belowLower = 0
  public var aboveUpper = 0
  /// Final weights equal to the lower and to the upper bound.
  public var atLower = 0
  public var atUpper = 0
  /// Passes that cut weights (R's recursive calls of `trimWeights(strict = TRUE)`).
  public var iterations = 0
}
