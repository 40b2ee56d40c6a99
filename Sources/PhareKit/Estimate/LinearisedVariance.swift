/// The one variance function: the covariance of two domain estimates of the same variable from
/// their linearised residuals r = w u·1{domain} − c × fitted calibration residual, with w the
/// final weight and c = w0 g the calibrated one (equal unless the weights were trimmed; no
/// calibration term for a design not calibrated), summed into the design's units within its
/// strata, centred, and scaled by f n/(n−1) at each stage — R's `svyrecvar` (calibration
/// residuals first, then `multistage`). A variance is the covariance of a mean with itself; the
/// variance of a difference follows.
enum LinearisedVariance {
  /// - Parameter subset: whether the design at hand is the domain's respondents (an indicator of
  ///   an uncalibrated design, as R's `svymean` on `subset(design, ...)`) rather than every row
  ///   (`svyby(covmat = TRUE)`, a calibrated design); it only decides which strata lonely-PSU
  ///   averaging counts.
  static func covariance(_ a: DomainEstimate, _ b: DomainEstimate, design: VarianceDesign, subset: Bool = false)
    -> Double
  {
    let present = subset ? a.respondentGroups : nil
    let products = design.needsRowProducts ? rowProducts(a, b, design: design) : []
    return design.stages.reduce(0) { $0 + $1.covariance(a, b, products: products, present: present) }
  }

  /// Per group: Σ over its rows of r_a r_b, for the stages whose units are rows, from the
  /// group's moments: the product of the calibration terms, the cross terms, and the domains'.
  private static func rowProducts(_ a: DomainEstimate, _ b: DomainEstimate, design: VarianceDesign) -> [Double] {
    let groups = design.groups
    var products = [Double](repeating: 0, count: groups.count)
    let meanA = a.centre
    let meanB = b.centre
    let totalA = a.scale
    let totalB = b.scale
    for group in 0..<groups.count {
      let m = a.moments[group]
      let cell = groups.cell[group]
      let g = design.adjustments[cell]
      // The calibrated weights' terms: Σ c = g Σ w0, Σ c² = g² Σ w0², Σ w c y = g Σ w0 w y.
      let fa = a.fitted[cell] * g
      let fb = b.fitted[cell] * g
      let inA = a.member[group] && m.count > 0
      let inB = b.member[group] && m.count > 0
      var rab = fa * fb * groups.totals[group].startWeightSquared
      if inA { rab -= fb * (m.startTimesWeightY - meanA * m.startTimesWeight) / totalA }
      if inB { rab -= fa * (m.startTimesWeightY - meanB * m.startTimesWeight) / totalB }
      if inA && inB {
        rab +=
          (m.weightSquaredY2 - (meanA + meanB) * m.weightSquaredY + meanA * meanB * m.weightSquared) / (totalA * totalB)
      }
      products[group] = rab
    }
    return products
  }

  /// The variance of one indicator, on the design at hand: every row of a calibrated design, the
  /// domain's respondents of one that is not.
  static func variance(_ estimate: DomainEstimate, design: VarianceDesign) -> Double {
    let variance = covariance(estimate, estimate, design: design, subset: !design.isCalibrated)
    return variance.isNaN ? variance : max(variance, 0)
  }

  /// The weighted variance of y among the domain's respondents, n/(n−1) Σw(y − ȳ)² / Σw, as
  /// R's `svyvar`; nil with fewer than two respondents.
  static func weightedSpread(_ estimate: DomainEstimate) -> Double? {
    let s = estimate.sums
    let n = s.count
    guard n > 1 else { return nil }
    let y = s.weightY / s.weight
    return (s.weightY2 - 2 * y * s.weightY + y * y * s.weight) / s.weight * n / (n - 1)
  }

  /// The variance under simple random sampling without replacement of the same size, for the
  /// design effect (R: `svymean` / `svytotal` with `deff = TRUE`); nil when the weights do not
  /// sum to more than the respondents.
  static func simpleRandomSamplingVariance(_ estimate: DomainEstimate) -> Double? {
    let n = estimate.respondents
    let total = estimate.weightedTotal
    guard total > n, let spread = weightedSpread(estimate) else { return nil }
    let mean = spread * (total - n) / (total * n)
    return estimate.kind == .mean ? mean : mean * total * total
  }
}
