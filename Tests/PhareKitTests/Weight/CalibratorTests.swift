import Testing

@testable import PhareKit

@Suite struct CalibratorTests {
  /// Starting weights 15 times too small (below R's rescaling threshold of 20) and a skewed
  /// sample: Newton from the raw weights would overshoot; phare starts from weights summing to N.
  @Test func convergesFromWeightsFarBelowThePopulation() throws {
    var random = SplitMix64(seed: 5)
    let rows = 20_000
    let region: [Int32] = (0..<rows).map { _ in Int32(min(random.below(13), random.below(13))) }
    let sex: [Int32] = (0..<rows).map { _ in Int32(random.below(2)) }
    let targets: [[Double]] = [(0..<13).map { _ in 300_000.0 / 13 }, [140_000, 160_000]]
    let result = try Calibrator(tolerance: 1e-12).weights(
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
  private static func failure(_ calibrator: Calibrator, targets: [[Double]] = targets, start: Double = 1)
    -> WeightingError?
  {
    do {
      let result = try calibrator.weights(
        rowCategories: rows, targets: targets, startWeights: [Double](repeating: start, count: 8))
      Issue.record("converged in \(result.iterations) iterations")
      return nil
    } catch {
      return error as? WeightingError
    }
  }

  @Test func aToleranceBelowRoundingStopsWhenTheMisfitStallsNotAfterAMillionIterations() throws {
    let error = try #require(Self.failure(Calibrator(tolerance: 0, maxIterations: 1_000_000)))
    guard case .notConverged("raking", let iterations, false, let worst) = error else {
      Issue.record("\(error)")
      return
    }
    // Newton reaches rounding in a few steps, then the stall window ends it.
    #expect(iterations > Calibrator.stallWindow && iterations < 100)
    #expect(worst.count == 3 && worst.allSatisfy { ["#1", "#2"].contains($0.margin) })
    #expect(worst.allSatisfy { $0.relative < 1e-12 })
    #expect(zip(worst, worst.dropFirst()).allSatisfy { $0.relative >= $1.relative })
    #expect(
      error.description.hasPrefix(
        "raking calibration did not converge in \(iterations) iteration(s) (the solver stopped; the margins are not "
          + "proven unreachable); largest remaining discrepancies: margin \(worst[0].margin) category "))
  }

  @Test func boundsThatCannotBeMetAreProvenInfeasibleFromTheLastWeights() throws {
    // Start weights N / n = 125, so that R's rescaling does not apply and g is final / 125.
    let error = try #require(
      Self.failure(
        Calibrator(distance: .raking(bounds: 0.99...1.01), tolerance: 1e-10, maxIterations: 1_000_000), start: 125))
    guard case .boundsNotMet("bounded raking", 0.99, 1.01, let iterations, true, let worst) = error else {
      Issue.record("\(error)")
      return
    }
    #expect(iterations < 100)
    // With g in [0.99, 1.01], margin #1 reaches about 625 (5 respondents) for 400 and 375 (3) for
    // 600, while #2's categories (4 respondents each, 500) miss 550 and 450 by far less: the worst
    // two are #1's, its first category first, with totals the bounds allow.
    #expect(worst.prefix(2).map { "\($0.margin) \($0.category)" } == ["#1 0", "#1 1"])
    #expect(worst[0].achieved >= 0.99 * 625 - 1e-9 && worst[0].achieved <= 1.01 * 625 + 1e-9)
    #expect(worst[1].achieved >= 0.99 * 375 - 1e-9 && worst[1].achieved <= 1.01 * 375 + 1e-9)
    #expect(
      error.description.hasPrefix(
        "bounded raking: the bounds [0.99, 1.01] on g = final / starting weight cannot be met: no weights within "
          + "them reach the margins (proven); largest remaining discrepancies: margin #1 category 0: "))
  }

  @Test func anImpossibleTargetFailsInsteadOfLoopingAndIsNamedFirst() throws {
    // A negative population, which no positive weights reach (WeightStage refuses it before raking).
    let error = try #require(
      Self.failure(Calibrator(tolerance: 1e-10, maxIterations: 1_000_000), targets: [[-100, 1100], [550, 450]]))
    guard case .notConverged("raking", let iterations, _, let worst) = error else {
      Issue.record("\(error)")
      return
    }
    #expect(iterations < 1000)
    #expect(worst.first?.margin == "#1" && worst.first?.category == "0")
  }

  @Test func noOrNegativeMaximumIterationsMeansOne() throws {
    for maxIterations in [0, -3] {
      let error = Self.failure(Calibrator(tolerance: 1e-10, maxIterations: maxIterations))
      guard case .notConverged(_, let iterations, _, _) = error else {
        Issue.record("\(String(describing: error))")
        continue
      }
      #expect(iterations == 1)
    }
  }

  @Test func noMarginsIsAnErrorNotACrash() {
    #expect(throws: WeightingError.noMargins) {
      try Calibrator().weights(rowCategories: [], targets: [], startWeights: [1, 1])
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
