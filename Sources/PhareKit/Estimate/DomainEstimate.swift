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
  /// Per group: the linearised residual total r = Σ w u·1{domain} − c × fitted over its rows.
  let residuals: [Double]
  /// Per stage of the design whose units are clusters, per unit: the residual total (empty for a
  /// stage whose units are rows): R's `rowsum(x, cluster)`, once per estimate.
  let unitTotals: [[Double]]
  /// Stage-1 strata and PSUs with at least one of the domain's respondents: R's `degf` of the
  /// domain's design is their difference.
  let strataInDomain: Int
  let primaryUnitsInDomain: Int

  var estimate: Double {
    switch kind {
    case .mean: return centre + shift
    case .total: return sums.weightY + shift * sums.weight
    }
  }
  /// The relative size below which a unit's residual total is rounding of the terms it sums:
  /// about 10⁴ ulps, far above the few ulps each term loses.
  static let relativeRounding = 1e-12

  var respondents: Double { sums.count }
  /// Per group: whether it holds some of the domain's respondents.
  var respondentGroups: [Bool] { moments.indices.map { member[$0] && moments[$0].count > 0 } }
  var weightedTotal: Double { sums.weight }

  init(_ kind: Kind, moments: [Moments], shift: Double, member: [Bool], design: VarianceDesign) {
    self.kind = kind
    self.member = member
    self.moments = moments
    self.shift = shift
    var sums = Moments()
    let stage = design.stages[0]
    var inStratum = [Bool](repeating: false, count: stage.sampling.sampleSize.count)
    var inUnit = [Bool](repeating: false, count: stage.unitOfGroup == nil ? 0 : stage.sampling.unitCount)
    for group in moments.indices where member[group] && moments[group].count > 0 {
      sums += moments[group]
      inStratum[stage.stratumOfGroup[group]] = true
      if let unit = stage.unitOfGroup?[group] { inUnit[unit] = true }
    }
    self.sums = sums
    strataInDomain = inStratum.count { $0 }
    primaryUnitsInDomain = stage.unitOfGroup == nil ? Int(sums.count) : inUnit.count { $0 }
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
    let fitted = design.model.times(coefficients)
    self.fitted = fitted
    let groups = design.groups
    // Each group's residual and the size of the terms it is the difference of, so that a unit's
    // total within rounding of its terms (a calibrated category, a domain inside one PSU) is 0.
    var residuals = [Double](repeating: 0, count: groups.count)
    var magnitudes = [Double](repeating: 0, count: groups.count)
    for group in 0..<groups.count {
      let cell = groups.cell[group]
      let m = moments[group]
      let inDomain = member[group] && m.count > 0
      let own = inDomain ? (m.weightY - centre * m.weight) / scale : 0
      let calibration = fitted[cell] * design.adjustments[cell] * groups.totals[group].startWeight
      residuals[group] = own - calibration
      magnitudes[group] = (inDomain ? (abs(m.weightY) + abs(centre * m.weight)) / scale : 0) + abs(calibration)
    }
    self.residuals = residuals
    unitTotals = design.stages.map { stage in
      guard let unitOfGroup = stage.unitOfGroup else { return [] }
      var totals = [Double](repeating: 0, count: stage.sampling.unitCount)
      var sizes = [Double](repeating: 0, count: stage.sampling.unitCount)
      for group in residuals.indices {
        totals[unitOfGroup[group]] += residuals[group]
        sizes[unitOfGroup[group]] += magnitudes[group]
      }
      return totals.indices.map { abs(totals[$0]) <= Self.relativeRounding * sizes[$0] ? 0 : totals[$0] }
    }
  }
}
