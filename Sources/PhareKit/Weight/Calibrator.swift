import Foundation

/// Calibration (Deville & Särndal 1992) with any `CalibrationDistance`, as R's
/// `survey::calibrate(calfun =)` computes it: Newton steps on the calibration equations of the
/// model matrix with an intercept and every non-first category of each margin, solved with a
/// pseudo-inverse. Unlike R's `grake`, each step is line-searched on the dual objective (or the
/// misfit) and damped when it makes no progress, so bounded calibrations reach a solution where
/// R's truncated Newton stalls; and a truncated distance whose unbounded solution lies within
/// the bounds returns that solution. Where R converges the weights are R's.
public struct Calibrator: Sendable {
  public var distance: CalibrationDistance
  /// Stop when every |target − achieved| / (1 + |target|) is below this (R's `epsilon`).
  public var tolerance: Double
  /// The most Newton steps of each solve (line-search halvings are not counted, unlike R); a
  /// truncated distance may solve twice (unbounded first), a failed one once more for a proof.
  public var maxIterations: Int

  public init(distance: CalibrationDistance = .raking(), tolerance: Double = 1e-10, maxIterations: Int = 100) {
    self.distance = distance
    self.tolerance = tolerance
    self.maxIterations = maxIterations
  }

  /// Steps without a meaningful improvement after which the solver gives up: Newton steps
  /// converge quadratically, or at worst linearly while bounds bite, so twenty steps that
  /// together shrink the worst misfit by less than `meaningfulImprovement` mean it has reached
  /// its floor (a tolerance below rounding, bounds that cannot be met, an impossible target).
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
    let (g, iterations, _) = try calibrate(cells, targets: targets, names: names)
    return (startWeights.indices.map { startWeights[$0] * g[Int(cells.cellOfRow[$0])] }, iterations)
  }

  /// The factor by which R's `calibrate` multiplies the starting weights: when every constraint
  /// of the model matrix (the population size, each non-first category) needs more than 20 times
  /// its starting total, the mean of those ratios; else 1. Bounds on g then apply to the
  /// rescaled weights.
  static func rescaling(population: [Double], sampleTotal: [Double]) -> Double {
    let ratios = zip(population, sampleTotal).map { $0 / $1 }
    guard let smallest = ratios.min(), smallest > 20 else { return 1 }
    return ratios.reduce(0, +) / Double(ratios.count)
  }

  /// The adjustment factor g of each cell, the Newton steps used, and the distance that gave g.
  /// Stops after at most `maxIterations` (at least one), or earlier when `stallWindow` steps bring
  /// no progress. A truncated distance (bounded raking, truncated linear) whose Newton steps stall
  /// on bounds that have a solution falls back to the logit distance with the same finite bounds,
  /// which reaches one (its g is smooth inside them): the weights then meet the margins and the
  /// bounds, and the distance says `logit`.
  func calibrate(_ cells: CalibrationCells, targets: [[Double]], names: MarginNames) throws -> (
    g: [Double], iterations: Int, distance: String
  ) {
    let design = ModelMatrix(cells: cells)
    let population = design.columnTotals(ofMarginTotals: targets)
    let sampleTotal = design.transposeTimes(cells.startTotals)
    // R rescales the starting weights when every constraint needs more than 20 times them (and
    // bounds then apply to the rescaled weights). Without bounds the solution does not depend on
    // the starting scale, so phare also starts from weights summing to the population: Newton
    // steps from weights far too small overshoot and converge only after hundreds of iterations.
    var scale = Self.rescaling(population: population, sampleTotal: sampleTotal)
    if scale == 1 && distance.bounds == nil { scale = population[0] / sampleTotal[0] }
    let problem = Problem(
      design: design, population: population, weights: cells.startTotals.map { $0 * scale },
      tolerance: tolerance, limit: max(1, maxIterations))
    var used = 0
    if let untruncated = distance.untruncated?() {
      let free = problem.solve(untruncated)
      used = free.iterations
      let g = free.xeta.map { untruncated.adjustment($0) + 1 }
      if free.converged && g.allSatisfy(distance.admits) { return (g.map { $0 * scale }, used, distance.name) }
    }
    let outcome = problem.solve(distance)
    let g = outcome.xeta.map { distance.adjustment($0) + 1 }
    used += outcome.iterations
    if outcome.converged { return (g.map { $0 * scale }, used, distance.name) }
    var proven = problem.provesInfeasible(outcome, range: distance.range)
    // Every distance with these bounds has the same feasible g: where the truncated Newton steps
    // stall, logit's smooth ones reach a solution, or head for a Farkas certificate.
    if !proven, distance.untruncated != nil, let bounds = distance.bounds, bounds.upperBound.isFinite {
      let logit = CalibrationDistance.logit(bounds: bounds)
      let smooth = problem.solve(logit)
      used += smooth.iterations
      if smooth.converged {
        return (smooth.xeta.map { (logit.adjustment($0) + 1) * scale }, used, "logit (\(distance.name) stalled)")
      }
      proven = problem.provesInfeasible(smooth, range: bounds)
    }
    let achieved = cells.marginTotals(zip(problem.weights, g).map { $0 * $1 })
    let worst = CalibrationMisfit.worst(achieved: achieved, targets: targets, names: names)
    if let bounds = distance.bounds {
      throw WeightingError.boundsNotMet(
        distance: distance.name, lower: bounds.lowerBound, upper: bounds.upperBound, iterations: used,
        proven: proven, worst: worst)
    }
    throw WeightingError.notConverged(distance: distance.name, iterations: used, proven: proven, worst: worst)
  }
}

extension Calibrator {
  /// The calibration equations X'(w g) = T over cells, with w the (rescaled) starting totals.
  struct Problem {
    let design: ModelMatrix
    let population: [Double]
    let weights: [Double]
    let tolerance: Double
    let limit: Int

    /// Where the solver stopped: the multipliers λ, X λ per cell, and whether it converged.
    struct Outcome {
      var eta: [Double]
      /// How λ moved since the worst misfit last improved: the direction of a divergence.
      var drift: [Double]
      var xeta: [Double]
      var iterations: Int
      var converged: Bool
    }

    /// The halvings of a step tried before the step is damped instead.
    static let halvings = 40
    /// Armijo's sufficient-decrease fraction for the dual objective.
    static let sufficientDecrease = 1e-4

    /// T − X'(w g): the calibration equations' residual at X λ.
    func misfit(_ xeta: [Double], _ distance: CalibrationDistance) -> [Double] {
      let achieved = design.transposeTimes(zip(weights, xeta).map { $0 * (distance.adjustment($1) + 1) })
      return zip(population, achieved).map { $0 - $1 }
    }

    /// The dual objective Σ w G(x'λ) − λ'(T − X'w), convex, whose gradient is −misfit.
    func objective(_ eta: [Double], _ xeta: [Double], _ distance: CalibrationDistance, free: [Double]) -> Double {
      var value = 0.0
      for (w, u) in zip(weights, xeta) { value += w * distance.primitive(u) }
      for (lambda, t) in zip(eta, free) { value -= lambda * t }
      return value
    }

    /// The largest |misfit| / (1 + |target|); NaN when any is NaN.
    func worst(_ misfit: [Double]) -> Double {
      zip(misfit, population).reduce(0.0) { largest, pair in
        let relative = abs(pair.0) / (1 + abs(pair.1))
        return relative.isNaN || largest.isNaN ? .nan : max(largest, relative)
      }
    }

    /// Newton steps from λ = 0 with a backtracking line search (accepting a step that lowers
    /// the dual objective or the worst misfit), and Levenberg damping of the Newton matrix when
    /// no step helps (a margin whose cells all sit at bounds leaves R's step without a direction).
    func solve(_ distance: CalibrationDistance) -> Outcome {
      let free = zip(population, design.transposeTimes(weights)).map { $0 - $1 }
      var eta = [Double](repeating: 0, count: design.columnCount)
      var xeta = design.times(eta)
      var value = objective(eta, xeta, distance, free: free)
      var remaining = misfit(xeta, distance)
      var current = worst(remaining)
      var best = current
      var damping = 0.0
      let dampingFloor = 1e-10 * weights.reduce(0, +)
      var withoutProgress = 0
      var anchor = eta
      func outcome(_ iterations: Int, converged: Bool) -> Outcome {
        Outcome(
          eta: eta, drift: zip(eta, anchor).map { $0 - $1 }, xeta: xeta, iterations: iterations, converged: converged)
      }
      for iteration in 1...limit {
        var matrix = design.crossProduct(zip(weights, xeta).map { $0 * distance.slope($1) })
        for k in matrix.indices { matrix[k][k] += damping }
        let step = SymmetricPseudoInverse.solve(matrix, remaining)
        let descent = zip(remaining, step).reduce(0) { $0 + $1.0 * $1.1 }
        var accepted = false
        var length = 1.0
        for _ in 0..<(descent > 0 ? Self.halvings : 0) {
          let trialEta = zip(eta, step).map { $0 + length * $1 }
          let trialXeta = design.times(trialEta)
          let trialValue = objective(trialEta, trialXeta, distance, free: free)
          let trialMisfit = misfit(trialXeta, distance)
          let trialWorst = worst(trialMisfit)
          if trialValue.isFinite && !trialWorst.isNaN
            && (trialValue <= value - Self.sufficientDecrease * length * descent || trialWorst < current)
          {
            (eta, xeta, value, remaining, current) = (trialEta, trialXeta, trialValue, trialMisfit, trialWorst)
            accepted = true
            break
          }
          length /= 2
        }
        if current < tolerance { return outcome(iteration, converged: true) }
        if accepted && length == 1 {
          damping = damping / 10 < dampingFloor ? 0 : damping / 10
        } else if !accepted {
          damping = max(damping * 10, dampingFloor)
        }
        if current < best * (1 - Calibrator.meaningfulImprovement) {
          best = current
          withoutProgress = 0
          anchor = eta
        } else {
          withoutProgress += 1
          if withoutProgress >= Calibrator.stallWindow { return outcome(iteration, converged: false) }
        }
      }
      return outcome(limit, converged: false)
    }

    /// Whether the stopped solver's λ, or its drift, is a Farkas certificate that no g within
    /// `range` (the bounds, [0, ∞] for raking, all reals for linear) meets the margins.
    func provesInfeasible(_ outcome: Outcome, range: ClosedRange<Double>) -> Bool {
      [outcome.eta, outcome.drift].contains { provesInfeasible($0, range: range) }
    }

    /// Whether Σ w max over g ∈ [L, U] of g x'λ < λ'T: impossible for any feasible g, since
    /// X'(w g) = T gives λ'T = Σ w g x'λ.
    private func provesInfeasible(_ eta: [Double], range: ClosedRange<Double>) -> Bool {
      let (lower, upper) = (range.lowerBound, range.upperBound)
      var reachable = 0.0
      var magnitude = 0.0
      for (w, v) in zip(weights, design.times(eta)) where v != 0 {
        let term = w * (v > 0 ? upper * v : lower * v)
        reachable += term
        magnitude += abs(term)
      }
      let required = zip(eta, population).reduce(0) { $0 + $1.0 * $1.1 }
      return reachable < required - 1e-9 * (magnitude + abs(required))
    }
  }
}
