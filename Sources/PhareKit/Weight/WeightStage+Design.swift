/// The sample design the weight stage starts from, and the weights of a design not calibrated.
extension WeightStage {
  /// The spec's design over `rows`, or independent rows without one.
  func sampleDesign(_ wave: CleanWave, rows: WeightedRows) throws -> SampleDesign {
    guard let design else { return .independentRows(rows.count) }
    return try SampleDesign(spec: design, wave: wave, rows: rows, population: population)
  }

  /// Every clean row with its design weight as final weight, as R's `svydesign` without
  /// `calibrate`: one calibration cell, no model, g = 1.
  func designWeighted(_ wave: CleanWave) throws -> WeightedWave {
    let rows = WeightedRows(all: wave.rowsClean)
    let sample = try sampleDesign(wave, rows: rows)
    guard let weights = sample.weights else { throw DesignError.noWeights }
    let start = WeightColumn(weights)
    let cells = CalibrationCells(categoryCounts: [], rowCategories: [], startWeights: start)
    var diagnostics = WeightingDiagnostics(
      method: "design", weights: weights, populationTotal: weights.reduce(0, +), iterations: 0, margins: [],
      collapsed: [], imputed: 0)
    diagnostics.design = DesignSummary(sample)
    return WeightedWave(
      clean: wave, rows: rows, startWeights: start, finalWeights: weights, diagnostics: diagnostics,
      quarantined: [], calibration: cells, adjustments: [1], design: sample)
  }
}
