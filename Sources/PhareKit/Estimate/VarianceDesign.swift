/// The design as variance estimation needs it, as R's `survey` keeps it: groups of rows, the
/// calibration model whose residuals the linearised variable takes (with each cell's g, since
/// trimmed final weights are no longer start × g), and the strata with their finite population
/// correction.
struct VarianceDesign {
  let groups: EstimationGroups
  let model: ModelMatrix
  /// (X' diag(Σ starting weights per cell) X)⁺: the normal equations of the calibration residuals.
  let normalInverse: SymmetricPseudoInverse
  let cellCount: Int
  /// Per calibration cell: g = calibrated / starting weight.
  let adjustments: [Double]
  /// Rows of the design (all weighted rows: a domain of a calibrated design keeps them all).
  let rowCount: Int
  /// Per stratum: f × n / (n − 1), f = 1 − n/N with a finite population correction, else 1.
  let stratumScale: [Double]
  /// Per stratum: its rows.
  let stratumRows: [Double]

  init(groups: EstimationGroups, calibration: CalibrationCells, adjustments: [Double], stratumPopulation: [Double]?) {
    self.groups = groups
    self.adjustments = adjustments
    model = ModelMatrix(cells: calibration)
    cellCount = calibration.categories.count
    var cellStart = [Double](repeating: 0, count: cellCount)
    for group in 0..<groups.count { cellStart[groups.cell[group]] += groups.totals[group].startWeight }
    normalInverse = SymmetricPseudoInverse(model.crossProduct(cellStart))
    let strata = (groups.stratum.max() ?? 0) + 1
    var rows = [Double](repeating: 0, count: strata)
    for group in 0..<groups.count { rows[groups.stratum[group]] += groups.totals[group].count }
    stratumRows = rows
    rowCount = Int(rows.reduce(0, +))
    stratumScale = rows.indices.map { stratum in
      let n = rows[stratum]
      let f = stratumPopulation.map { ($0[stratum] - n) / $0[stratum] } ?? 1
      return n > 1 ? f * n / (n - 1) : f
    }
  }
}
