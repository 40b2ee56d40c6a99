/// How a proportion's confidence interval is computed (a mean's is always estimate ± normal
/// quantile × SE, as R's `confint(svymean(...))`).
public enum IntervalMethod: String, Sendable, CaseIterable, Codable {
  /// R's `svyciprop(method = "logit")`: symmetric on the logit scale, t quantile; the default.
  case logit
  /// R's `svyciprop(method = "beta")`: Korn–Graubard, beta quantiles on the effective n.
  case beta
  /// R's `svyciprop(method = "mean")`: Wald, estimate ± t quantile × SE.
  case mean
  /// Wilson's score interval on the effective n with the t quantile (not in R's `svyciprop`).
  case wilson
}
