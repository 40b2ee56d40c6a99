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

  /// Whether a ratio to the mean can be the lower bound: 0 < lower < 1.
  static func isLowerBound(_ ratio: Double) -> Bool { ratio > 0 && ratio < 1 }

  /// Whether a ratio to the mean can be the upper bound: 1 < upper < ∞.
  static func isUpperBound(_ ratio: Double) -> Bool { ratio > 1 && ratio.isFinite }

  /// Trims `weights` in place (n weights, any positive unit); returns what was done. Throws
  /// `TrimmingError` for bounds not 0 < lower < 1 < upper, when every weight lies outside the
  /// bounds (nothing could take the excess) or when the passes do not settle within `maxPasses`.
  public func trim(_ weights: inout [Double]) throws -> TrimmingDiagnostics {
    guard Self.isLowerBound(lower) && Self.isUpperBound(upper) else {
      throw TrimmingError.invalidBounds(lower: lower, upper: upper)
    }
    let mean = weights.reduce(0, +) / Double(weights.count)
    var result = TrimmingDiagnostics(
      lower: lower, upper: upper, mean: mean, lowerBound: lower * mean, upperBound: upper * mean)
    let low = result.lowerBound
    let high = result.upperBound
    result.belowLower = weights.count { $0 < low }
    result.aboveUpper = weights.count { $0 > high }
    // 1 where the weight was inside the bounds in the last pass, so takes that pass's share.
    var sharing = [Double](repeating: 0, count: weights.count)
    var share = 0.0
    for pass in 0...maxPasses {
      let (excess, inside) = Self.pass(&weights, sharing: &sharing, share: share, low: low, high: high)
      if inside == weights.count {
        result.atLower = weights.count { $0 == low }
        result.atUpper = weights.count { $0 == high }
        result.iterations = pass
        return result
      }
      guard inside > 0 else {
        throw TrimmingError.everyWeightOutside(lower: low, upper: high, weights: weights.count)
      }
      if pass == maxPasses {
        throw TrimmingError.notConverged(passes: pass, outside: weights.count - inside, lower: low, upper: high)
      }
      share = excess / Double(inside)
    }
    preconditionFailure("the loop returns or throws at its last pass")
  }

  /// One pass: adds the last pass's share to the weights that took it, cuts those outside
  /// [low, high] to the bound, and marks the others; returns the amount cut (positive above,
  /// negative below) and how many were inside. Branch-free, four sums at a time.
  private static func pass(_ weights: inout [Double], sharing: inout [Double], share: Double, low: Double, high: Double)
    -> (excess: Double, inside: Int)
  {
    var excess = (0.0, 0.0, 0.0, 0.0)
    var inside = (0.0, 0.0, 0.0, 0.0)
    weights.withUnsafeMutableBufferPointer { weights in
      sharing.withUnsafeMutableBufferPointer { sharing in
        @inline(__always) func step(_ row: Int, _ excess: inout Double, _ inside: inout Double) {
          let weight = weights[row] + share * sharing[row]
          let cut = weight < low ? low : (weight > high ? high : weight)
          let kept: Double = cut == weight ? 1 : 0
          excess += weight - cut
          inside += kept
          sharing[row] = kept
          weights[row] = cut
        }
        let count = weights.count
        var row = 0
        while row + 4 <= count {
          step(row, &excess.0, &inside.0)
          step(row + 1, &excess.1, &inside.1)
          step(row + 2, &excess.2, &inside.2)
          step(row + 3, &excess.3, &inside.3)
          row += 4
        }
        while row < count {
          step(row, &excess.0, &inside.0)
          row += 1
        }
      }
    }
    return ((excess.0 + excess.1) + (excess.2 + excess.3), Int((inside.0 + inside.1) + (inside.2 + inside.3)))
  }
}
