import CRmath

/// Tail probabilities from libRmath, R's own implementation (`pnorm5` is the symbol behind R's
/// `pnorm` macro), so that p-values match R to the last digit.
public enum TailProbability {
  /// The two-sided p-value of a z statistic, as R's `2 * pnorm(-abs(z))`.
  public static func twoSidedNormal(_ z: Double) -> Double {
    2 * pnorm5(-abs(z), 0, 1, 1, 0)
  }
}
