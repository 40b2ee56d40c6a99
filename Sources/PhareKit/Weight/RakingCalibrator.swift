import Foundation

/// Generalised raking (Deville & Särndal), computed as R's `survey::calibrate(calfun =
/// "raking")` computes it: Newton steps on the calibration equations of the model matrix with
/// an intercept and every non-first category of each margin, solved with a pseudo-inverse, with
/// optional bounds on the adjustment g = final / starting weight. Iterative proportional fitting
/// converges to the same unbounded weights; with bounds only this form gives R's weights.
public struct RakingCalibrator: Sendable {
  /// Bounds on g, or nil for plain raking.
  public var bounds: ClosedRange<Double>?
  /// Stop when every |target − achieved| / (1 + |target|) is below this (R's `epsilon`).
  public var tolerance: Double
  public var maxIterations: Int

  public init(bounds: ClosedRange<Double>? = nil, tolerance: Double = 1e-10, maxIterations: Int = 100) {
    self.bounds = bounds
    self.tolerance = tolerance
    self.maxIterations = maxIterations
  }

  /// Outer iterations without a meaningful improvement after which raking gives up: Newton
  /// steps converge quadratically, or at worst linearly while bounds bite, so twenty steps that
  /// together shrink the worst misfit by less than `meaningfulImprovement` mean it has reached
  /// its floor (a tolerance below rounding, bounds that cannot be met, an impossible target).
  /// Without it, `tolerance: 0` with a large `max_iterations` would loop for hours.
  static let stallWindow = 20
  /// The relative decrease of the worst misfit that counts as progress for `stallWindow`.
  static let meaningfulImprovement = 1e-3

  /// Final weights for respondents given, for each margin, every row's category index
  /// (0 ..< count) and each category's population total; throws `WeightingError` (`.noMargins`,
  /// `.tooManyCells`, `.notConverged`, `.boundsNotMet`) with margins named `#1`, `#2`….
  public func weights(rowCategories: [[Int32]], targets: [[Double]], startWeights: [Double]) throws -> (
    weights: [Double], iterations: Int
  ) {
    guard !targets.isEmpty else { throw WeightingError.noMargins }
    let counts = targets.map(\.count)
    let combinations = CalibrationCells.combinations(counts)
    guard combinations <= CalibrationCells.maxCombinations else { throw WeightingError.tooManyCells(combinations) }
    let cells = CalibrationCells(categoryCounts: counts, rowCategories: rowCategories, startWeights: startWeights)
    let names = MarginNames(
      margins: counts.indices.map { "#\($0 + 1)" }, categories: counts.map { (0..<$0).map(String.init) })
    let (g, iterations) = try calibrate(cells, targets: targets, names: names)
    return (startWeights.indices.map { startWeights[$0] * g[Int(cells.cellOfRow[$0])] }, iterations)
  }

  /// The adjustment factor g of each cell, and the iterations used. Stops after at most
  /// `maxIterations` (at least one), or earlier when `stallWindow` iterations bring no progress.
  func calibrate(_ cells: CalibrationCells, targets: [[Double]], names: MarginNames) throws -> (
    g: [Double], iterations: Int
  ) {
    let limit = max(1, maxIterations)
    let design = ModelMatrix(cells: cells)
    let population = design.columnTotals(ofMarginTotals: targets)
    var weights = cells.startTotals
    var sampleTotal = design.transposeTimes(weights)
    let lower = bounds?.lowerBound ?? -Double.infinity
    let upper = bounds?.upperBound ?? Double.infinity
    // R rescales the starting weights when every constraint needs more than 20 times them (and
    // bounds then apply to the rescaled weights). Without bounds the solution does not depend on
    // the starting scale, so phare also starts from weights summing to the population: Newton
    // steps from weights far too small overshoot and converge only after hundreds of iterations.
    let scales = zip(population, sampleTotal).map { $0 / $1 }
    var scale = 1.0
    if let smallest = scales.min(), smallest > 20 {
      scale = scales.reduce(0, +) / Double(scales.count)
    } else if bounds == nil {
      scale = scales[0]
    }
    weights = weights.map { $0 * scale }
    sampleTotal = sampleTotal.map { $0 * scale }
    func adjustment(_ u: Double) -> Double { min(max(exp(u), lower), upper) - 1 }
    func derivative(_ u: Double) -> Double { u < upper - 1 && u > lower - 1 ? exp(u) : 0 }
    func misfit(_ xeta: [Double]) -> [Double] {
      let moved = design.transposeTimes(zip(weights, xeta).map { $0 * adjustment($1) })
      return (0..<population.count).map { population[$0] - sampleTotal[$0] - moved[$0] }
    }
    func failure(_ xeta: [Double], iterations: Int) -> WeightingError {
      let achieved = cells.marginTotals(zip(weights, xeta).map { $0 * (adjustment($1) + 1) })
      return self.failure(achieved: achieved, targets: targets, iterations: iterations, names: names)
    }

    var eta = [Double](repeating: 0, count: design.columnCount)
    var xeta = design.times(eta)
    var iterations = 1
    var best = Double.infinity
    var withoutProgress = 0
    while true {
      let slopes = zip(weights, xeta).map { $0 * derivative($1) }
      var step = SymmetricPseudoInverse.solve(design.crossProduct(slopes), misfit(xeta))
      for k in eta.indices { eta[k] += step[k] }
      xeta = design.times(eta)
      // As R: halve a step that sends some adjustment to infinity.
      while iterations < limit && xeta.contains(where: { !adjustment($0).isFinite || !derivative($0).isFinite }) {
        iterations += 1
        for k in eta.indices {
          step[k] /= 2
          eta[k] -= step[k]
        }
        xeta = design.times(eta)
      }
      let remaining = misfit(xeta)
      if zip(remaining, population).allSatisfy({ abs($0) / (1 + abs($1)) < tolerance }) {
        return (xeta.map { (adjustment($0) + 1) * scale }, iterations)
      }
      // A NaN misfit never compares below `best`, so it counts as no progress.
      let worst = zip(remaining, population).map { abs($0) / (1 + abs($1)) }.reduce(0) { max($0, $1) }
      if remaining.allSatisfy(\.isFinite) && worst < best * (1 - Self.meaningfulImprovement) {
        best = worst
        withoutProgress = 0
      } else {
        withoutProgress += 1
        if withoutProgress >= Self.stallWindow { throw failure(xeta, iterations: iterations) }
      }
      iterations += 1
      if iterations > limit { throw failure(xeta, iterations: limit) }
    }
  }

  /// The error naming the margin category furthest from its target, relative to 1 + |target|.
  private func failure(achieved: [[Double]], targets: [[Double]], iterations: Int, names: MarginNames)
    -> WeightingError
  {
    var worst = (margin: 0, category: 0, misfit: -Double.infinity)
    for (margin, totals) in targets.enumerated() {
      for (category, target) in totals.enumerated() {
        let misfit = abs(target - achieved[margin][category]) / (1 + abs(target))
        // A NaN misfit (an impossible target) is the worst of all.
        if misfit.isNaN && !worst.misfit.isNaN || misfit > worst.misfit { worst = (margin, category, misfit) }
      }
    }
    let marginName = names.margins[worst.margin]
    let categoryName = names.categories[worst.margin][worst.category]
    let target = targets[worst.margin][worst.category]
    let reached = achieved[worst.margin][worst.category]
    if let bounds {
      return .boundsNotMet(
        lower: bounds.lowerBound, upper: bounds.upperBound, margin: marginName, category: categoryName,
        achieved: reached, target: target)
    }
    return .notConverged(
      iterations: iterations, margin: marginName, category: categoryName, achieved: reached, target: target)
  }
}
