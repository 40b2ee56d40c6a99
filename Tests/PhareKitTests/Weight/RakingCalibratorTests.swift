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
