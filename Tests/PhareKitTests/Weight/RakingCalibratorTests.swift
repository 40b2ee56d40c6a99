import Testing

@testable import PhareKit

@Suite struct RakingCalibratorTests {
  /// Starting weights 15 times too small (below R's rescaling threshold of 20) and a skewed
  /// sample: Newton from the raw weights would overshoot; phare starts from weights summing to N.
  @Test func convergesFromWeightsFarBelowThePopulation() throws {
    var random = SplitMix64(seed: 5)
    let rows = 20_000
    let region: [Int32] = (0..<rows).map { _ in Int32(min(random.below(13), random.below(13))) }
    let sex: [Int32] = (0..<rows).map { _ in Int32(random.below(2)) }
    let targets: [[Double]] = [(0..<13).map { _ in 300_000.0 / 13 }, [140_000, 160_000]]
    let result = try RakingCalibrator(tolerance: 1e-12).weights(
      rowCategories: [region, sex], targets: targets, startWeights: [Double](repeating: 1, count: rows))
    #expect(result.iterations < 30)
    for (margin, categories) in [region, sex].enumerated() {
      for (category, target) in targets[margin].enumerated() {
        let achieved = categories.indices.filter { categories[$0] == category }.reduce(0) { $0 + result.weights[$1] }
        #expect(abs(achieved - target) / (1 + target) < 1e-12)
      }
    }
  }

  /// Eight respondents over two margins of two categories; the sample is unbalanced on both.
  private static let rows: [[Int32]] = [[0, 0, 0, 0, 0, 1, 1, 1], [0, 0, 0, 1, 1, 0, 1, 1]]
  private static let targets: [[Double]] = [[400, 600], [550, 450]]

  /// The calibrator's error on the eight respondents; fails the test when it converges.
  private static func failure(_ calibrator: RakingCalibrator, targets: [[Double]] = targets) -> WeightingError? {
    do {
      let result = try calibrator.weights(
        rowCategories: rows, targets: targets, startWeights: [Double](repeating: 1, count: 8))
      Issue.record("converged in \(result.iterations) iterations")
      return nil
    } catch {
      return error as? WeightingError
    }
  }

  @Test func aToleranceBelowRoundingStopsWhenTheMisfitStallsNotAfterAMillionIterations() throws {
    let error = try #require(Self.failure(RakingCalibrator(tolerance: 0, maxIterations: 1_000_000)))
    guard case .notConverged(let iterations, let margin, let category, let achieved, let target) = error else {
      Issue.record("\(error)")
      return
    }
    // Newton reaches rounding in a few steps, then the stall window ends it.
    #expect(iterations > RakingCalibrator.stallWindow && iterations < 100)
    #expect(["#1", "#2"].contains(margin) && ["0", "1"].contains(category))
    #expect(abs(achieved - target) / (1 + target) < 1e-12)
    #expect(
      error.description.hasPrefix(
        "raking did not converge in \(iterations) iterations; largest remaining discrepancy: margin \(margin) "
          + "category \(category): "))
  }

  @Test func boundsThatCannotBeMetStopPromptlyAndNameTheCategory() throws {
    let error = try #require(
      Self.failure(RakingCalibrator(bounds: 0.99...1.01, tolerance: 1e-10, maxIterations: 1_000_000)))
    guard case .boundsNotMet(let lower, let upper, let margin, let category, let achieved, let target) = error else {
      Issue.record("\(error)")
      return
    }
    #expect(lower == 0.99 && upper == 1.01)
    // Starting weights of 1 sum to 8 against 1000: every category is far from its target.
    #expect(["#1", "#2"].contains(margin) && ["0", "1"].contains(category))
    #expect(abs(achieved - target) > 100)
  }

  @Test func anImpossibleTargetFailsInsteadOfLooping() throws {
    // A negative population, which no positive weights reach (WeightStage refuses it before raking).
    let error = try #require(
      Self.failure(RakingCalibrator(tolerance: 1e-10, maxIterations: 1_000_000), targets: [[-100, 1100], [550, 450]]))
    guard case .notConverged(let iterations, _, _, _, _) = error else {
      Issue.record("\(error)")
      return
    }
    #expect(iterations < 1000)
  }

  @Test func noOrNegativeMaximumIterationsMeansOne() throws {
    for maxIterations in [0, -3] {
      let error = Self.failure(RakingCalibrator(tolerance: 1e-10, maxIterations: maxIterations))
      guard case .notConverged(let iterations, _, _, _, _) = error else {
        Issue.record("\(String(describing: error))")
        continue
      }
      #expect(iterations == 1)
    }
    // One Newton step is what a limit of 1 gives.
    guard case .notConverged(1, _, _, _, _) = Self.failure(RakingCalibrator(tolerance: 1e-10, maxIterations: 1)) else {
      Issue.record("a limit of 1 iteration")
      return
    }
  }

  @Test func noMarginsIsAnErrorNotACrash() {
    #expect(throws: WeightingError.noMargins) {
      try RakingCalibrator().weights(rowCategories: [], targets: [], startWeights: [1, 1])
    }
  }

  @Test func pseudoInverseSolvesAndIgnoresNullDirections() {
    // A symmetric matrix of rank 2 (third row = first + second): the minimum-norm solution.
    let matrix: [[Double]] = [[2, 1, 3], [1, 2, 3], [3, 3, 6]]
    let solution = SymmetricPseudoInverse.solve(matrix, [3, 3, 6])
    let product = matrix.map { row in zip(row, solution).reduce(0) { $0 + $1.0 * $1.1 } }
    for (value, expected) in zip(product, [3.0, 3, 6]) {
      #expect(abs(value - expected) < 1e-12)
    }
    // Minimum norm: no component along the null vector (1, 1, -1).
    #expect(abs(solution[0] + solution[1] - solution[2]) < 1e-12)
  }
}
