/// A weighted mean over one domain — a proportion is the mean of a 0/1 indicator — with the
/// fitted calibration residual of each cell that its linearised variance needs.
struct DomainMean {
  /// Whether each group belongs to the domain.
  let member: [Bool]
  /// The variable's sums in each group (rows where it is answered and in the base).
  let moments: [Moments]
  /// The constant subtracted from y before summing.
  let shift: Double
  /// The domain's sums.
  let sums: Moments
  /// Σ w y / Σ w of the shifted y.
  let shiftedMean: Double
  /// Per calibration cell: x_c'β, the fitted value of u = (y − ȳ) / Σw · 1{domain} regressed on
  /// the calibration model with the starting weights (R: `qr.resid` in `svyrecvar`).
  let fitted: [Double]
  /// Strata with at least one domain row.
  let strataInDomain: Int

  var estimate: Double { shiftedMean + shift }
  var respondents: Double { sums.count }
  var weightedTotal: Double { sums.weight }

  init(moments: [Moments], shift: Double, member: [Bool], design: VarianceDesign) {
    self.member = member
    self.moments = moments
    self.shift = shift
    var sums = Moments()
    var strata = Set<Int>()
    for group in moments.indices where member[group] && moments[group].count > 0 {
      sums += moments[group]
      strata.insert(design.groups.stratum[group])
    }
    self.sums = sums
    strataInDomain = strata.count
    let mean = sums.weightY / sums.weight
    shiftedMean = mean
    var perCell = [Double](repeating: 0, count: design.cellCount)
    for group in moments.indices where member[group] {
      perCell[design.groups.cell[group]] +=
        (moments[group].startWeightY - mean * moments[group].startWeight) / sums.weight
    }
    let coefficients = design.normalInverse.solve(design.model.transposeTimes(perCell))
    fitted = design.model.times(coefficients)
  }
}
