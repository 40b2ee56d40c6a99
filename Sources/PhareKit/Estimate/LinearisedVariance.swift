/// The one variance function: the covariance of two domain estimates of the same variable from
/// their linearised residuals r = w u·1{domain} − c × fitted calibration residual, with w the
/// final weight and c = w0 g the calibrated one (equal unless the weights were trimmed), summed
/// within strata, centred, and scaled by f n/(n−1) — R's `svyrecvar` for a calibrated design. A
/// variance is the covariance of a mean with itself; the variance of a difference follows.
enum LinearisedVariance {
  static func covariance(_ a: DomainEstimate, _ b: DomainEstimate, design: VarianceDesign) -> Double {
    let strata = design.stratumRows.count
    var sumA = [Double](repeating: 0, count: strata)
    var sumB = [Double](repeating: 0, count: strata)
    var sumAB = [Double](repeating: 0, count: strata)
    let meanA = a.centre
    let meanB = b.centre
    let totalA = a.scale
    let totalB = b.scale
    for group in 0..<design.groups.count {
      let m = a.moments[group]
      let all = design.groups.totals[group]
      let cell = design.groups.cell[group]
      let g = design.adjustments[cell]
      // The calibrated weights' terms: Σ c = g Σ w0, Σ c² = g² Σ w0², Σ w c y = g Σ w0 w y.
      let fa = a.fitted[cell] * g
      let fb = b.fitted[cell] * g
      let inA = a.member[group] && m.count > 0
      let inB = b.member[group] && m.count > 0
      var ra = -fa * all.startWeight
      var rb = -fb * all.startWeight
      var rab = fa * fb * all.startWeightSquared
      if inA {
        ra += (m.weightY - meanA * m.weight) / totalA
        rab -= fb * (m.startTimesWeightY - meanA * m.startTimesWeight) / totalA
      }
      if inB {
        rb += (m.weightY - meanB * m.weight) / totalB
        rab -= fa * (m.startTimesWeightY - meanB * m.startTimesWeight) / totalB
      }
      if inA && inB {
        rab +=
          (m.weightSquaredY2 - (meanA + meanB) * m.weightSquaredY + meanA * meanB * m.weightSquared) / (totalA * totalB)
      }
      let stratum = design.groups.stratum[group]
      sumA[stratum] += ra
      sumB[stratum] += rb
      sumAB[stratum] += rab
    }
    var covariance = 0.0
    for stratum in 0..<strata where design.stratumRows[stratum] > 0 {
      covariance +=
        design.stratumScale[stratum] * (sumAB[stratum] - sumA[stratum] * sumB[stratum] / design.stratumRows[stratum])
    }
    return covariance
  }

  static func variance(_ estimate: DomainEstimate, design: VarianceDesign) -> Double {
    max(covariance(estimate, estimate, design: design), 0)
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
