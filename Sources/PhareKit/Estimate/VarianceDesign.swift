/// The design as variance estimation needs it, as R's `survey` keeps it: groups of rows, the
/// calibration model whose residuals the linearised variable takes (with each cell's g, since
/// trimmed final weights are no longer start × g; no model for a design not calibrated), and the
/// stages of the sample design over the groups.
struct VarianceDesign {
  let groups: EstimationGroups
  let model: ModelMatrix
  /// (X' diag(Σ starting weights per cell) X)⁺: the normal equations of the calibration residuals.
  let normalInverse: SymmetricPseudoInverse
  let cellCount: Int
  /// Per calibration cell: g = calibrated / starting weight.
  let adjustments: [Double]
  /// Rows of the design (all weighted rows).
  let rowCount: Int
  /// Stage 1 (PSUs within strata), then stage 2 (secondary units within PSUs) when its variance counts.
  let stages: [VarianceStage]
  /// Whether a domain keeps every row of the design (calibrated: R keeps them, zero-weighted)
  /// or is the subset of its respondents (R's `subset` of an uncalibrated design).
  let isCalibrated: Bool
  /// Whether a stage's units are rows, whose sums of squared residuals come from the groups' moments.
  let needsRowProducts: Bool

  init(groups: EstimationGroups, weighted: WeightedWave) {
    self.groups = groups
    adjustments = weighted.adjustments
    model = ModelMatrix(cells: weighted.calibration)
    cellCount = weighted.calibration.categories.count
    var cellStart = [Double](repeating: 0, count: cellCount)
    for group in 0..<groups.count { cellStart[groups.cell[group]] += groups.totals[group].startWeight }
    normalInverse = SymmetricPseudoInverse(model.crossProduct(cellStart))
    rowCount = weighted.rows.count
    let sampling = weighted.design.stages
    stages = sampling.indices.map { number in
      VarianceStage(
        sampling[number], number: number, groups: groups, previous: number > 0 ? sampling[number - 1] : nil,
        lonely: weighted.design.lonelyPSU)
    }
    isCalibrated = weighted.isCalibrated
    needsRowProducts = stages.contains { $0.unitOfGroup == nil }
  }
}
