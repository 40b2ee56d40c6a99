import Foundation

/// Confidence intervals for means and proportions, with R's quantiles from libRmath.
struct ConfidenceInterval: Equatable {
  var lower: Double
  var upper: Double
  /// True when the estimate is 0 or 1 (or its variance 0) and R's interval degenerates: the
  /// interval is then Clopper–Pearson on the respondents, valid and containing the estimate.
  var degenerate = false

  /// estimate ± z × SE, as `confint(svymean(...))`.
  static func mean(estimate: Double, standardError: Double, level: Double) -> ConfidenceInterval {
    let z = Quantile.normal(1 - (1 - level) / 2)
    return ConfidenceInterval(lower: estimate - z * standardError, upper: estimate + z * standardError)
  }

  /// A proportion's interval by `method`; `degreesOfFreedom` is R's `degf` of the domain's
  /// design (its PSUs minus its strata), `designRows` R's `nrow()` of it in the beta method (every
  /// row of a calibrated design, the domain's respondents of one that is not). Where R gives no
  /// usable interval: a proportion of 0 or 1 gets Clopper–Pearson (`degenerate`); a variance of 0
  /// (a share the design fixes, such as a stratum's with fpc or a calibrated category's) the
  /// point [p, p]; a domain of one PSU (df below 1, R's NA) the normal quantile, as
  /// `svyciprop(df = Inf)`; a variance that is not a number, no interval.
  static func proportion(
    _ p: Double, variance: Double, method: IntervalMethod, level: Double, degreesOfFreedom: Double,
    designRows: Double, respondents: Double
  ) -> ConfidenceInterval {
    let alpha = 1 - level
    if p <= 0 || p >= 1 {
      return clopperPearson(p, respondents: respondents, alpha: alpha)
    }
    if variance.isNaN { return ConfidenceInterval(lower: .nan, upper: .nan) }
    if variance <= 0 { return ConfidenceInterval(lower: p, upper: p) }
    let degreesOfFreedom = degreesOfFreedom >= 1 ? degreesOfFreedom : .infinity
    let se = variance.squareRoot()
    let t = Quantile.studentT(1 - alpha / 2, degreesOfFreedom: degreesOfFreedom)
    switch method {
    case .logit:
      let logit = log(p / (1 - p))
      let half = t * se / (p * (1 - p))
      return ConfidenceInterval(lower: expit(logit - half), upper: expit(logit + half))
    case .mean:
      return ConfidenceInterval(lower: p - t * se, upper: p + t * se)
    case .beta:
      let ratio =
        Quantile.studentT(alpha / 2, degreesOfFreedom: designRows - 1)
        / Quantile.studentT(alpha / 2, degreesOfFreedom: degreesOfFreedom)
      let n = p * (1 - p) / variance * ratio * ratio
      return ConfidenceInterval(
        lower: Quantile.beta(alpha / 2, n * p, n * (1 - p) + 1),
        upper: Quantile.beta(1 - alpha / 2, n * p + 1, n * (1 - p)))
    case .wilson:
      let n = p * (1 - p) / variance
      let centre = (p + t * t / (2 * n)) / (1 + t * t / n)
      let half = t / (1 + t * t / n) * (p * (1 - p) / n + t * t / (4 * n * n)).squareRoot()
      return ConfidenceInterval(lower: centre - half, upper: centre + half)
    }
  }

  /// Clopper–Pearson on the unweighted respondents, for a proportion of exactly 0 or 1.
  private static func clopperPearson(_ p: Double, respondents n: Double, alpha: Double) -> ConfidenceInterval {
    let successes = (p * n).rounded()
    let lower = successes == 0 ? 0 : Quantile.beta(alpha / 2, successes, n - successes + 1)
    let upper = successes == n ? 1 : Quantile.beta(1 - alpha / 2, successes + 1, n - successes)
    return ConfidenceInterval(lower: lower, upper: upper, degenerate: true)
  }

  private static func expit(_ x: Double) -> Double { 1 - 1 / (1 + exp(x)) }
}
