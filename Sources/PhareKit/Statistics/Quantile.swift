import CRmath

/// Quantiles from libRmath, R's own implementation, so that intervals match R to the last digit.
///
/// `qnorm` is a C macro for `qnorm5` in Rmath.h, which Swift cannot see; the real symbol is called.
public enum Quantile {
  /// The standard normal quantile, as R's `qnorm(p)`.
  public static func normal(_ probability: Double) -> Double {
    qnorm5(probability, 0, 1, 1, 0)
  }

  /// Student's t quantile, as R's `qt(p, df)`.
  public static func studentT(_ probability: Double, degreesOfFreedom: Double) -> Double {
    qt(probability, degreesOfFreedom, 1, 0)
  }

  /// The beta quantile, as R's `qbeta(p, a, b)` (Clopper–Pearson and Korn–Graubard bounds).
  public static func beta(_ probability: Double, _ shape1: Double, _ shape2: Double) -> Double {
    qbeta(probability, shape1, shape2, 1, 0)
  }
}
