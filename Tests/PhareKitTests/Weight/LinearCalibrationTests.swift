import Testing

@testable import PhareKit

/// Linear calibration (GREG) meets the margins exactly even when that takes weights of 0 or
/// below, publishes them and counts them, as a statistician expects of GREG weights.
@Suite struct LinearCalibrationTests {
  @Test func negativeWeightsArePublishedAndCounted() throws {
    // Four respondents in a × x and one in each other cell; the population wants few a and few x.
    let export = "id,groupe,zone\n1,1,1\n2,1,1\n3,1,1\n4,1,1\n5,1,2\n6,2,1\n7,2,2\n"
    let population = "variable,category,total\ngroupe,1,100\ngroupe,2,900\nzone,1,150\nzone,2,850\n"
    let result = try WeightingPipeline.run(
      export: export,
      codebook: """
          id: {type: identifier}
          groupe: {type: single, values: {1: a, 2: b}}
          zone: {type: single, values: {1: x, 2: y}}
        """,
      weight: "  method: calibration\n  distance: linear\n  margins: [groupe, zone]", population: population)
    let weighted = try #require(result.weighted, "\(result.problem ?? "")")
    for cell in weighted.diagnostics.margins {
      #expect(abs(cell.achieved - cell.target) / (1 + cell.target) < 1e-10, "\(cell)")
    }
    // Linear g = c + λ_b [b] + λ_y [y] from w = 1000 / 7: the margins give 5c + λ_y = 0.7 (a),
    // 5c + λ_b = 1.05 (x) and 7c + 2λ_b + 2λ_y = 7 (total), so c = −3.5 / 13 and each a × x
    // respondent weighs w c = −1000 / 26; the other cells follow from the margins.
    let ax = -1000.0 / 26
    let expected = [ax, ax, ax, ax, 100 - 4 * ax, 150 - 4 * ax, 1000 - 4 * ax - (100 - 4 * ax) - (150 - 4 * ax)]
    for (weight, value) in zip(weighted.finalWeights, expected) { #expect(abs(weight - value) < 1e-9 * 1000) }
    #expect(weighted.diagnostics.nonPositiveWeights == 4)
    #expect(weighted.diagnostics.method == "linear")
  }
}
