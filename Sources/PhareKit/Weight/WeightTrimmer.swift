/// Weight trimming after calibration, as R's `trimWeights(design, lower = L × mean,
/// upper = U × mean, strict = TRUE)` (survey, `trimWeights.survey.design2`): every weight below
/// L × mean or above U × mean is cut to that bound, the amount cut (positive or negative) is
/// shared equally (added) among the weights that were inside the bounds, and the pass is repeated
/// until no weight is outside. The sum of the weights is kept, so the mean is that of the
/// calibrated weights and of the trimmed ones alike. The design keeps its calibration: variance
/// estimation still takes the residuals on the calibration model (`EstimateStage`).
///
/// R keeps 1 / weight between passes, so a weight cut to a bound can come back one rounding above
/// it and be cut again without end (R then stops on its C stack); phare keeps the weights and
/// stops when none is outside, or fails after `maxPasses` passes (1,000).
public struct WeightTrimmer: Equatable, Sendable {
  /// The bounds as ratios to the mean weight: 0 < lower < 1 < upper, finite.
  public var lower: Double
  public var upper: Double

  /// Passes allowed before trimming is declared not converging (the oracle cases need 13 and 16).
  var maxPasses = 1_000

  public init(lower: Double, upper: Double) {
    self.lower = lower
    self.upper = upper
  }

  /// Trims `weights` in place (n weights, any positive unit); returns what was done. Throws
  /// `TrimmingError` when every weight lies outside the bounds (nothing could take the excess)
  /// or when the passes do not settle within `maxPasses`.
  public func trim(_ weights: inout [Double]) throws -> TrimmingDiagnostics {
    let mean = weights.reduce(0, +) / Double(weights.count)
    var result = TrimmingDiagnostics(
      lower: lower, upper: upper, mean: mean, lowerBound: lower * mean, upperBound: upper * mean)
    let low = result.lowerBound
    let high = result.upperBound
    // Whether each weight was inside the bounds in the last pass, so takes that pass's share.
    var sharing = [Bool](repeating: false, count: weights.count)
    var share = 0.0
    for pass in 0...maxPasses {
      var excess = 0.0
      var inside = 0
      var below = 0
      var above = 0
      var atLower = 0
      var atUpper = 0
      weights.withUnsafeMutableBufferPointer { weights in
        sharing.withUnsafeMutableBufferPointer { sharing in
          for row in 0..<weights.count {
            var weight = weights[row]
            if sharing[row] { weight += share }
            let cut = min(max(weight, low), high)
            if cut != weight {
              excess += weight - cut
              if weight < low { below += 1 } else { above += 1 }
            } else {
              inside += 1
              if weight == low { atLower += 1 } else if weight == high { atUpper += 1 }
            }
            sharing[row] = cut == weight
            weights[row] = cut
          }
        }
      }
      if pass == 0 {
        result.belowLower = below
        result.aboveUpper = above
      }
      if below + above == 0 {
        result.atLower = atLower
        result.atUpper = atUpper
        result.iterations = pass
        return result
      }
      guard inside > 0 else {
        throw TrimmingError.everyWeightOutside(lower: low, upper: high, weights: weights.count)
      }
      if pass == maxPasses {
        throw TrimmingError.notConverged(passes: pass, outside: below + above, lower: low, upper: high)
      }
      share = excess / Double(inside)
    }
    preconditionFailure("the loop returns or throws at its last pass")
  }
}
