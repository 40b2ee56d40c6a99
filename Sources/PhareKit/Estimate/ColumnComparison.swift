/// The test of two columns of one banner breakdown of a cross-table in one row: the difference of
/// the two domain estimates, its calibration-aware linearised SE (the covariance of the two
/// domains of the same calibrated design, as R's `svycontrast` on `svyby(..., covmat = TRUE)`),
/// a two-sided z test and its p-value adjusted within the row's family (the tested pairs of the
/// same row and breakdown). A row of `comparisons.csv`.
public struct ColumnComparison: Sendable, Equatable {
  public var variable: String
  /// The category code of a proportion; empty for a mean.
  public var category: String
  public var statistic: Indicator.Statistic
  /// The banner breakdown, as `Indicator.breakdown`.
  public var breakdown: String
  /// The two levels compared, as `Indicator.breakdownValue`: the difference is first − second.
  public var first: String
  public var second: String
  /// Estimates in the indicators' units (proportions 0–1).
  public var difference: Double
  public var standardError: Double
  /// difference / SE: infinite when only the SE is 0 (two columns at 0 % and 100 %), NaN when
  /// both are (not tested then).
  public var z: Double
  /// Two-sided, from the standard normal, as R's `2 * pnorm(-abs(z))`.
  public var pValue: Double
  /// `pValue` adjusted by the spec's `estimate.correction` within the family.
  public var adjustedPValue: Double
  /// Whether the adjusted p-value is below 1 − the spec's confidence level.
  public var isSignificant: Bool
}
