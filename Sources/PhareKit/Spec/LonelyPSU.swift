/// What the variance does with a stratum that holds a single primary sampling unit, as R's
/// `options(survey.lonely.psu = )` in `svyrecvar`'s `onestrat`.
public enum LonelyPSU: String, Sendable, CaseIterable, Codable {
  /// The estimation fails, naming the stratum and the stage (R's default).
  case fail
  /// The unit's total is not centred: it contributes f × its square (centred at the population
  /// mean, which is zero for the residuals of a mean).
  case adjust
  /// The stratum contributes nothing and the others are scaled by strata / strata with more
  /// than one unit.
  case average
  /// The stratum contributes nothing.
  case remove
  /// The stratum is sampled with certainty: it contributes nothing.
  case certainty
}
