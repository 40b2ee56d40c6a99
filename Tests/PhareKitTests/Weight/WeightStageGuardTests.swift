import Testing

@testable import PhareKit

/// The weight stage defends itself whatever spec and population it is given (validation aside):
/// no crash, no endless raking, no weight of 0 or infinity published.
@Suite struct WeightStageGuardTests {
  private static let codebook = """
      id: {type: identifier}
      region: {type: single, values: {1: Nord, 2: Sud, 3: Est}}
      sexe: {type: single, values: {1: Homme, 2: Femme}}
    """
  /// Region 1 × Homme (1*1) has two respondents, on lines 2 and 8.
  private static let export = "id,region,sexe\n1,1,1\n2,1,2\n3,2,1\n4,2,2\n5,3,1\n6,3,2\n7,1,1\n8,2,2\n"

  /// The export, cleaned.
  private static func wave() throws -> CleanWave {
    try WeightingPipeline.clean(export: export, codebook: codebook)
  }

  private static func spec(
    _ method: WeightingSpec.Method = .raking, margins: [[String]], tolerance: Double = 1e-10, maxIterations: Int = 100
  ) -> WeightingSpec {
    WeightingSpec(
      method: method, margins: margins, start: .equal, bounds: nil, tolerance: tolerance, maxIterations: maxIterations,
      missing: .quarantine, collapse: [])
  }

  /// Population totals of region (1, 2, 3) and sexe (1, 2), summing to 1000 each.
  private static func population(region: [Double] = [500, 300, 200], sexe: [Double] = [480, 520]) -> PopulationMargins {
    PopulationMargins(
      file: "population.csv",
      margins: [
        "region": region.enumerated().map { .init(codes: [$0 + 1], total: $1) },
        "sexe": sexe.enumerated().map { .init(codes: [$0 + 1], total: $1) },
        "region*sexe": [[1, 1], [1, 2], [2, 1], [2, 2], [3, 1], [3, 2]].map { .init(codes: $0, total: 1000 / 6) },
      ])
  }

  @Test func noMarginsIsAnError() throws {
    let wave = try Self.wave()
    #expect(throws: WeightingError.noMargins) {
      try WeightStage(spec: Self.spec(margins: []), population: Self.population()).run(wave)
    }
    #expect(WeightingError.noMargins.description == "weighting needs at least one margin under weight: margins")
  }

  @Test func aPopulationTotalOfZeroNegativeOrInfiniteNamesTheCategoryAndItsRespondents() throws {
    let wave = try Self.wave()
    for total in [0, -5, Double.infinity] {
      var population = Self.population().margins
      population["region*sexe"]?[0].total = total
      let stage = WeightStage(
        spec: Self.spec(margins: [["region", "sexe"]]),
        population: PopulationMargins(file: "population.csv", margins: population))
      #expect(
        throws: WeightingError.invalidPopulationTotal(
          margin: "region*sexe", category: "1*1 « Nord × Homme »", respondents: 2, total: total)
      ) {
        try stage.run(wave)
      }
    }
    #expect(
      WeightingError.invalidPopulationTotal(margin: "region*sexe", category: "1*1", respondents: 2, total: 0)
        .description
        == "margin region*sexe: category 1*1 has 2 respondent(s) but a population total of 0; give it a positive "
        + "total or collapse it into a neighbouring category")
  }

  @Test func totalsThatAddUpToInfinityAreRefused() throws {
    let stage = WeightStage(
      spec: Self.spec(margins: [["region"]]), population: Self.population(region: [1e308, 1e308, 1e308]))
    #expect(
      throws: WeightingError.invalidPopulationTotal(
        margin: "region", category: "all", respondents: 8, total: .infinity)
    ) {
      try stage.run(try Self.wave())
    }
  }

  @Test func postStratificationOnTwoMarginsIsRefusedNotHalfDone() throws {
    let stage = WeightStage(
      spec: Self.spec(.postStratification, margins: [["region"], ["sexe"]]), population: Self.population())
    #expect(throws: WeightingError.postStratificationMargins(2)) { try stage.run(try Self.wave()) }
  }

  @Test func aFinalWeightOfZeroIsNotPublished() throws {
    // The smallest positive double shared by three respondents rounds to a weight of 0.
    let stage = WeightStage(
      spec: Self.spec(.postStratification, margins: [["region"]]),
      population: Self.population(region: [.leastNonzeroMagnitude, 1, 1]))
    #expect(throws: WeightingError.invalidFinalWeight(line: 2, weight: 0)) { try stage.run(try Self.wave()) }
    #expect(
      WeightingError.invalidFinalWeight(line: 2, weight: 0).description
        == "the final weight of line 2 is 0, not a positive finite number; check the population totals and the "
        + "starting weights")
  }

  @Test func rakingWithAZeroToleranceAndAMillionIterationsStops() throws {
    let stage = WeightStage(
      spec: Self.spec(margins: [["region"], ["sexe"]], tolerance: 0, maxIterations: 1_000_000),
      population: Self.population())
    do {
      _ = try stage.run(try Self.wave())
      Issue.record("raking to a tolerance of 0 converged")
    } catch WeightingError.notConverged("raking", let iterations, false, let worst) {
      #expect(iterations < 100)
      #expect(
        worst.allSatisfy {
          $0.margin == "region" && ["1 « Nord »", "2 « Sud »", "3 « Est »"].contains($0.category)
            || $0.margin == "sexe" && ["1 « Homme »", "2 « Femme »"].contains($0.category)
        })
    }
  }
}
