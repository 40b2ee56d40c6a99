/// What a wave's sample design held, as the manifest records it under the weighting diagnostics:
/// per stage, its strata and sampled units and whether it had a finite population correction.
public struct DesignSummary: Codable, Sendable, Equatable {
  /// One stage of sampling (1: PSUs within strata; 2: units within PSUs).
  public struct Stage: Codable, Sendable, Equatable {
    public var strata: Int
    public var units: Int
    public var finitePopulationCorrection: Bool
  }

  /// The stages whose variance is estimated.
  public var stages: [Stage]
  /// R's `survey.lonely.psu` option in force.
  public var lonelyPSU: LonelyPSU
  /// Strata holding a single PSU (handled by `lonelyPSU`), by name.
  public var lonelyStrata: [String]

  init(_ design: SampleDesign) {
    stages = design.stages.map {
      Stage(strata: $0.sampleSize.count, units: $0.unitCount, finitePopulationCorrection: $0.populationSize != nil)
    }
    lonelyPSU = design.lonelyPSU
    lonelyStrata = design.stages.enumerated().flatMap { number, stage in
      stage.sampleSize.indices.filter(stage.isLonely).map { "stage \(number + 1): \(stage.stratumNames[$0])" }
    }
  }
}
