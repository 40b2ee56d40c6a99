/// One wave after weighting: which clean rows were weighted, their starting and final weights,
/// and the diagnostics.
public struct WeightedWave: Sendable {
  public let clean: CleanWave
  /// Rows of the clean table that carry a weight (all of them unless some were set aside for a
  /// blank weighting variable).
  public let rows: WeightedRows
  public let startWeights: WeightColumn
  public let finalWeights: [Double]
  public let diagnostics: WeightingDiagnostics
  /// Rows set aside by the weight stage (rule `weight.missing-margin`).
  public let quarantined: [QuarantinedRow]
  /// The calibration cells of the weighted rows (in `rows` order), which variance estimation
  /// needs for its residuals, as R keeps the calibration in the design.
  let calibration: CalibrationCells
  /// Per calibration cell, g = calibrated / starting weight. Trimming moves final weights off
  /// start × g; the variance still takes its residuals on the calibrated weights, as R's does.
  let adjustments: [Double]
  /// The sample design the weights start from: strata, clusters, fpc.
  let design: SampleDesign

  /// Whether a calibration (or post-stratification) adjusted the design's weights; a domain of
  /// an uncalibrated design is then a subset of its rows (R's `subset` drops the others).
  var isCalibrated: Bool { !calibration.categoryCounts.isEmpty }
}
