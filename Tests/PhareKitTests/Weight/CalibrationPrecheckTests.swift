import Testing

@testable import PhareKit

/// The bounds check made before calibrating: a target outside [lower, upper] × the starting-weight
/// total of its respondents is refused with the figures, one on the edge of that range is not.
@Suite struct CalibrationPrecheckTests {
  private static let names = MarginNames(
    margins: ["region", "sexe"], categories: [["1 « Nord »", "2 « Sud »"], ["1 « Homme »", "2 « Femme »"]])

  @Test func aTargetOnTheEdgeOfTheReachableRangeIsFeasible() throws {
    // Region 1: 200 × [0.5, 2] = [100, 400] holds 400; region 2: 300 × [0.5, 2] = [150, 600] holds 150.
    try CalibrationPrecheck.bounds(
      0.5...2, startTotals: [[200, 300], [250, 250]], targets: [[400, 150], [275, 275]],
      respondents: [[4, 6], [5, 5]], names: Self.names)
  }

  @Test func theFirstCategoryOutOfReachIsNamedWithTheOthersCounted() throws {
    #expect(
      throws: WeightingError.boundsInfeasible(
        lower: 0.5, upper: 2, margin: "region", category: "1 « Nord »", respondents: 4, startTotal: 200,
        target: 401, others: 2)
    ) {
      try CalibrationPrecheck.bounds(
        0.5...2, startTotals: [[200, 300], [250, 250]], targets: [[401, 149], [500, 50]],
        respondents: [[4, 6], [5, 5]], names: Self.names)
    }
  }

  @Test func boundsApplyToTheStartingWeightsAsRescaledLikeR() throws {
    // Equal starting weights of 1 for 8 respondents of a population of 1000: every constraint
    // needs more than 20 times them, so they are rescaled (as R does) before bounds [0.5, 2] apply,
    // and the categories are within reach; checked against weights of 1 they would all be refused.
    let result = try WeightingPipeline.run(
      export: "id,region,sexe\n1,1,1\n2,1,2\n3,2,1\n4,2,2\n5,3,1\n6,3,2\n7,1,1\n8,2,2\n",
      codebook: """
          id: {type: identifier}
          region: {type: single, values: {1: Nord, 2: Sud, 3: Est}}
          sexe: {type: single, values: {1: Homme, 2: Femme}}
        """,
      weight: "  method: raking\n  margins: [region, sexe]\n  bounds: [0.5, 2]",
      population: "variable,category,total\nregion,1,500\nregion,2,300\nregion,3,200\nsexe,1,480\nsexe,2,520\n")
    #expect(result.problem == nil)
    let weights = try #require(result.weighted?.finalWeights)
    #expect(abs(weights.reduce(0, +) - 1000) < 1e-6)
  }
}
