/// A weighted mean or total over one domain — a proportion is the mean of a 0/1 indicator —
/// with the fitted calibration residual of each cell that its linearised variance needs.
///
/// Both linearise to u = (y − centre) / scale on the domain's rows: a mean with centre ȳ and
/// scale Σw (R's `svymean`), a total with centre 0 and scale 1 (R's `svytotal`).
struct DomainEstimate {
  enum Kind { case mean, total }

  let kind: Kind
  /// Whether each group belongs to the domain.
  let member: [Bool]
  /// The variable's sums in each group (rows where it is answered and in the base).
  let moments: [Moments]
  /// The constant subtracted from y before summing.
  let shift: Double
  /// The domain's sums.
  let sums: Moments
  /// The centre of u, in shifted units: ȳ − shift for a mean, −shift for a total.
  let centre: Double
  /// The scale of u: Σw for a mean, 1 for a total.
  let scale: Double
  /// Per calibration cell: x_c'β, the fitted value of (w / c) u·1{domain} regressed on the
  /// calibration model with the starting weights w0, where c = w0 g is the calibrated weight and
  /// w the final one (R: `qr.resid(qr, x / w) * w` in `svyrecvar`, with x = w u and its
  /// calibration's w = g √w0; w / c = 1 unless the weights were trimmed). Since
  /// w0 (w / c) = w / g, the cell sums are those of w u over g.
  let fitted: [Double]
  /// Strata with at least one domain row.
  let strataInDomain: Int

  var estimate: Double {
    switch kind {
    case .mean: return centre + shift
    case .total: return sums.weightY + shift * sums.weight
    }
  }
  var respondents: Double { sums.count }
  var weightedTotal: Double { sums.weight }

  init(_ kind: Kind, moments: [Moments], shift: Double, member: [Bool], design: VarianceDesign) {
    self.kind = kind
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
    let centre = kind == .mean ? sums.weightY / sums.weight : -shift
    let scale = kind == .mean ? sums.weight : 1
    self.centre = centre
    self.scale = scale
    var perCell = [Double](repeating: 0, count: design.cellCount)
    for group in moments.indices where member[group] {
      let cell = design.groups.cell[group]
      perCell[cell] +=
        (moments[group].weightY - centre * moments[group].weight) / scale / design.adjustments[cell]
    }
    let coefficients = design.normalInverse.solve(design.model.transposeTimes(perCell))
    fitted = design.model.times(coefficients)
  }
}
