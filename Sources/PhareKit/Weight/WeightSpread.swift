/// The spread of a group of respondents' weights: their adjustments g = final / starting weight
/// (least, mean over respondents, greatest) and Kish's design effect n Σw² / (Σw)² with the
/// effective n and efficiency it gives, as `WeightingDiagnostics` reports them for the wave.
struct WeightSpread {
  private(set) var count = 0
  private(set) var sum = 0.0
  private var sumOfSquares = 0.0
  private var adjustmentSum = 0.0
  private(set) var smallestAdjustment = Double.infinity
  private(set) var largestAdjustment = -Double.infinity
  /// Respondents whose weight trimming cut to a bound.
  private(set) var trimmed = 0

  /// Counts one respondent's final weight, its adjustment g and whether trimming cut it.
  mutating func add(weight: Double, adjustment g: Double, trimmed: Bool) {
    count += 1
    if trimmed { self.trimmed += 1 }
    sum += weight
    sumOfSquares += weight * weight
    adjustmentSum += g
    smallestAdjustment = min(smallestAdjustment, g)
    largestAdjustment = max(largestAdjustment, g)
  }

  /// The mean g over respondents (unweighted).
  var meanAdjustment: Double { adjustmentSum / Double(count) }
  /// n Σw² / (Σw)².
  var kishDesignEffect: Double { Double(count) * sumOfSquares / (sum * sum) }
  /// (Σw)² / Σw².
  var effectiveSampleSize: Double { Double(count) / kishDesignEffect }
  /// Effective n / n.
  var efficiency: Double { 1 / kishDesignEffect }
}
