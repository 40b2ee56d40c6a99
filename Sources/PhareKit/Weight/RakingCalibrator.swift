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

  /// Final weights for respondents given, for each margin, every row's category index
  /// (0 ..< count) and each category's population total.
  public func weights(rowCategories: [[Int32]], targets: [[Double]], startWeights: [Double]) throws -> (
    weights: [Double], iterations: Int
  ) {
    let counts = targets.map(\.count)
    let combinations = counts.reduce(1, *)
    guard combinations <= CalibrationCells.maxCombinations else { throw WeightingError.tooManyCells(combinations) }
    let cells = CalibrationCells(categoryCounts: counts, rowCategories: rowCategories, startWeights: startWeights)
    let names = MarginNames(
      margins: counts.indices.map { "#\($0 + 1)" }, categories: counts.map { (0..<$0).map(String.init) })
    let (g, iterations) = try calibrate(cells, targets: targets, names: names)
    return (startWeights.indices.map { startWeights[$0] * g[Int(cells.cellOfRow[$0])] }, iterations)
  }

  /// The adjustment factor g of each cell, and the iterations used.
  func calibrate(_ cells: CalibrationCells, targets: [[Double]], names: MarginNames) throws -> (
    g: [Double], iterations: Int
  ) {
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

    var eta = [Double](repeating: 0, count: design.columnCount)
    var xeta = design.times(eta)
    var iterations = 1
    while true {
      let slopes = zip(weights, xeta).map { $0 * derivative($1) }
      var step = SymmetricPseudoInverse.solve(design.crossProduct(slopes), misfit(xeta))
      for k in eta.indices { eta[k] += step[k] }
      xeta = design.times(eta)
      // As R: halve a step that sends some adjustment to infinity.
      while iterations < maxIterations && xeta.contains(where: { !adjustment($0).isFinite || !derivative($0).isFinite })
      {
        iterations += 1
        for k in eta.indices {
          step[k] /= 2
          eta[k] -= step[k]
        }
        xeta = design.times(eta)
      }
      var remaining = misfit(xeta)
      if zip(remaining, population).allSatisfy({ abs($0) / (1 + abs($1)) < tolerance }) {
        return (xeta.map { (adjustment($0) + 1) * scale }, iterations)
      }
      iterations += 1
      if iterations > maxIterations {
        remaining = misfit(xeta)
        throw failure(
          design: design, remaining: remaining, population: population, iterations: maxIterations, names: names)
      }
    }
  }

  private func failure(
    design: ModelMatrix, remaining: [Double], population: [Double], iterations: Int, names: MarginNames
  ) -> WeightingError {
    let worst = remaining.indices.max {
      abs(remaining[$0]) / (1 + abs(population[$0])) < abs(remaining[$1]) / (1 + abs(population[$1]))
    }!
    let (margin, category) = design.marginCategory(ofColumn: worst)
    let marginName = margin.map { names.margins[$0] } ?? "total"
    let categoryName = margin.map { names.categories[$0][category] } ?? "all"
    let achieved = population[worst] - remaining[worst]
    if let bounds {
      return .boundsNotMet(
        lower: bounds.lowerBound, upper: bounds.upperBound, margin: marginName, category: categoryName,
        achieved: achieved, target: population[worst])
    }
    return .notConverged(
      iterations: iterations, margin: marginName, category: categoryName, achieved: achieved, target: population[worst])
  }
}
