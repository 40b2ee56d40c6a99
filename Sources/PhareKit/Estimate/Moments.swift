/// Sums over the rows of one group for one analysis variable y (shifted by a constant, so that
/// the centred sums keep their precision): the state of the aggregate, updated row by row and
/// added up over the groups of a domain. w0 is the starting weight, w the final weight (the
/// calibrated weight w0 × g, or the trimmed one).
struct Moments {
  var count = 0.0
  var startTimesWeight = 0.0  // Σ w0 w
  var startTimesWeightY = 0.0  // Σ w0 w y
  var weight = 0.0  // Σ w
  var weightY = 0.0  // Σ w y
  var weightY2 = 0.0  // Σ w y²
  var weightSquared = 0.0  // Σ w²
  var weightSquaredY = 0.0  // Σ w² y
  var weightSquaredY2 = 0.0  // Σ w² y²

  @inline(__always)
  mutating func add(_ y: Double, startWeight w0: Double, weight w: Double) {
    let wy = w * y
    count += 1
    let w0w = w0 * w
    startTimesWeight += w0w
    startTimesWeightY += w0w * y
    weight += w
    weightY += wy
    weightY2 += wy * y
    weightSquared += w * w
    weightSquaredY += w * wy
    weightSquaredY2 += w * wy * y
  }

  static func += (lhs: inout Moments, rhs: Moments) {
    lhs.count += rhs.count
    lhs.startTimesWeight += rhs.startTimesWeight
    lhs.startTimesWeightY += rhs.startTimesWeightY
    lhs.weight += rhs.weight
    lhs.weightY += rhs.weightY
    lhs.weightY2 += rhs.weightY2
    lhs.weightSquared += rhs.weightSquared
    lhs.weightSquaredY += rhs.weightSquaredY
    lhs.weightSquaredY2 += rhs.weightSquaredY2
  }
}
