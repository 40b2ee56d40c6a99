/// Why the calibrated weights of a wave cannot be trimmed as `weight.trim` asks.
public enum TrimmingError: Error, Equatable, CustomStringConvertible {
  /// Bounds that are not 0 < lower < 1 < upper (finite), which `phare validate` refuses.
  case invalidBounds(lower: Double, upper: Double)
  /// Every weight lies outside the bounds: nothing inside could take the amount cut.
  case everyWeightOutside(lower: Double, upper: Double, weights: Int)
  /// Passes kept cutting weights (the shares pushed weights back outside) up to the limit.
  case notConverged(passes: Int, outside: Int, lower: Double, upper: Double)

  public var description: String {
    switch self {
    case .invalidBounds(let lower, let upper):
      return
        "weight.trim: lower \(Format.number(lower)) and upper \(Format.number(upper)) should be ratios to the mean "
        + "weight with 0 < lower < 1 < upper"
    case .everyWeightOutside(let lower, let upper, let weights):
      return "weight.trim: all \(weights) calibrated weights lie outside [\(Format.number(lower)), "
        + "\(Format.number(upper))], so none is left to take the amount trimmed; widen weight.trim"
    case .notConverged(let passes, let outside, let lower, let upper):
      return "weight.trim: trimming to [\(Format.number(lower)), \(Format.number(upper))] did not settle in "
        + "\(passes) passes (\(outside) weight(s) still outside the bounds after the last one); widen weight.trim"
    }
  }
}
