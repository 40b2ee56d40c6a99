import Testing

@testable import PhareKit

/// Weighting fails loudly, naming the margin and cell, and handles blank weighting variables as the spec says.
@Suite struct WeightStageTests {
  private static let codebook = """
      id: {type: identifier}
      region: {type: single, values: {1: Nord, 2: Sud, 3: Est}, missing: {9: Ne sait pas}}
      sexe: {type: single, values: {1: Homme, 2: Femme}}
    """
  private static let export = "id,region,sexe\n1,1,1\n2,1,2\n3,2,1\n4,2,2\n5,3,1\n6,3,2\n7,1,1\n8,2,2\n"
  private static let population = """
    variable,category,total
    region,1,500
    region,2,300
    region,3,200
    sexe,1,480
    sexe,2,520

    """

  private func problem(export: String = export, weight: String, population: String = population) throws -> String? {
    try WeightingPipeline.run(export: export, codebook: Self.codebook, weight: weight, population: population).problem
  }

  @Test func rakingHitsEveryMargin() throws {
    let result = try WeightingPipeline.run(
      export: Self.export, codebook: Self.codebook, weight: "  method: raking\n  margins: [region, sexe]",
      population: Self.population)
    let diagnostics = try #require(result.weighted?.diagnostics)
    #expect(diagnostics.margins.map(\.category) == ["1", "2", "3", "1", "2"])
    #expect(diagnostics.margins.map(\.respondents) == [3, 3, 2, 4, 4])
    // Converged to the default tolerance: |target − achieved| / (1 + target) < 1e-10.
    for cell in diagnostics.margins {
      #expect(abs(cell.achieved - cell.target) / (1 + cell.target) < 1e-10, "\(cell)")
    }
    #expect(abs(diagnostics.sumOfWeights - 1000) / 1001 < 1e-10)
    let weights = try #require(result.weighted?.finalWeights)
    let n = Double(weights.count)
    let sum = weights.reduce(0, +)
    #expect(sum == diagnostics.sumOfWeights)
    let deff = n * weights.reduce(0) { $0 + $1 * $1 } / (sum * sum)
    #expect(abs(diagnostics.kishDesignEffect - deff) <= 1e-12)
    #expect(abs(diagnostics.effectiveSampleSize - n / deff) <= 1e-12)
    #expect(diagnostics.maxMinRatio == diagnostics.maximumWeight / diagnostics.minimumWeight)
  }

  /// The weight stage run by itself, on a population `phare validate` would refuse.
  private func stageProblem(export: String = export, codebook: String = codebook, population: String) throws
    -> String?
  {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let stage = WeightStage(
      spec: WeightingSpec(
        method: .raking, margins: [["region"], ["sexe"]], start: .equal, bounds: nil, tolerance: 1e-10,
        maxIterations: 100, missing: .quarantine, collapse: []),
      population: try PopulationMargins.load(try folder.write("population.csv", population)))
    do {
      _ = try stage.run(try WeightingPipeline.clean(export: export, codebook: codebook))
      return nil
    } catch let error as WeightingError {
      return error.description
    }
  }

  @Test func aSampleCategoryMissingFromThePopulation() throws {
    let export = Self.export + "9,4,1\n"
    let codebook = Self.codebook.replacingOccurrences(of: "3: Est}", with: "3: Est, 4: Ouest}")
    #expect(
      try stageProblem(export: export, codebook: codebook, population: Self.population)
        == "margin region: category 4 « Ouest » has 1 respondent(s) but is not in the population file; add it or "
        + "collapse it into a neighbouring category")
  }

  @Test func aPopulationCategoryWithoutRespondents() throws {
    let export = Self.export.replacingOccurrences(of: "5,3,1\n6,3,2\n", with: "")
    #expect(
      try problem(export: export, weight: "  method: raking\n  margins: [region, sexe]")
        == "wave 2016: margin region: population category 3 « Est » (total 200) has no respondent; collapse it into a "
        + "neighbouring category")
    // The same wave weights once the spec merges the empty category into its neighbour.
    let collapsed = try WeightingPipeline.run(
      export: export, codebook: Self.codebook,
      weight:
        "  method: raking\n  margins: [region, sexe]\n  collapse:\n    - {margin: region, category: '3', into: '2'}",
      population: Self.population)
    #expect(collapsed.problem == nil)
    #expect(collapsed.weighted?.diagnostics.collapsed == ["region: 3 merged into 2 (0 respondent(s), population 200)"])
    #expect(collapsed.weighted?.diagnostics.margins.first { $0.category == "2" }?.target == 500)
    // A message about the merged category names what it holds.
    let onlyNord =
      Self.export.split(separator: "\n").filter { !$0.contains(",2,") && !$0.contains(",3,") }
      .joined(separator: "\n") + "\n"
    #expect(
      try problem(
        export: onlyNord,
        weight:
          "  method: raking\n  margins: [region, sexe]\n  collapse:\n    - {margin: region, category: '3', into: '2'}")
        == "wave 2016: margin region: population category 2 « Sud » (with 3 « Est ») (total 500) has no respondent; "
        + "collapse it into a neighbouring category")
  }

  @Test func marginsThatDisagreeOnThePopulationSize() throws {
    let population = Self.population.replacingOccurrences(of: "sexe,2,520", with: "sexe,2,620")
    #expect(try stageProblem(population: population) == "margin sexe sums to 1100 but the first margin sums to 1000")
  }

  /// Region 3's two respondents left sexe blank and were set aside: the message says so, rather
  /// than advising to collapse a category that has respondents.
  @Test func aCategoryEmptiedBySetAsideRowsSaysWhy() throws {
    let export = Self.export.replacingOccurrences(of: "5,3,1\n6,3,2\n", with: "5,3,\n6,3,\n")
    let found = try problem(
      export: export, weight: "  method: raking\n  margins: [region, sexe]\n  missing: quarantine")
    #expect(
      found
        == "wave 2016: margin region: population category 3 « Est » (total 200) has no respondent left: its 2 "
        + "respondent(s) were set aside for a blank weighting variable (`missing: quarantine`, rule "
        + "weight.missing-margin in quarantine.csv); fill those answers, or use `missing: impute-mode`")
    // With every sexe blank there is nothing to impute: said so, not an internal code.
    let blank =
      Self.export.split(separator: "\n").enumerated().map { index, line in
        index == 0 ? String(line) : String(line.dropLast(2)) + ","
      }.joined(separator: "\n") + "\n"
    #expect(
      try problem(export: blank, weight: "  method: raking\n  margins: [region, sexe]\n  missing: impute-mode")
        == "wave 2016: margin sexe is blank for all 8 respondent(s): `missing: impute-mode` has no answer to "
        + "impute; check the export's column for this variable")
  }

  /// Design weights of 1 for a population of 1,000: every constraint needs more than 20 times
  /// them, so bounds apply after R's rescaling by the mean ratio (125 + 100 + 100 + 130) / 4, which
  /// the diagnostics record.
  @Test func boundsAfterRescalingAreRecorded() throws {
    let export =
      Self.export.split(separator: "\n").enumerated().map { index, line in
        String(line) + (index == 0 ? ",w" : ",1")
      }.joined(separator: "\n") + "\n"
    let result = try WeightingPipeline.run(
      export: export, codebook: Self.codebook + "\n  w: {type: numeric}",
      weight: "  method: raking\n  margins: [region, sexe]\n  start: {column: w}\n  bounds: [0.5, 2]",
      population: Self.population)
    let diagnostics = try #require(result.weighted?.diagnostics, "\(result.problem ?? "")")
    #expect(diagnostics.boundsRescaling == 113.75)
    let plain = try WeightingPipeline.run(
      export: Self.export, codebook: Self.codebook, weight: "  method: raking\n  margins: [region, sexe]",
      population: Self.population)
    #expect(plain.weighted?.diagnostics.boundsRescaling == nil)
  }

  /// Every bad starting weight is listed with its line and value, not only the first.
  @Test func badStartingWeightsAreListed() throws {
    let weights = ["", "0", "-2", "1", "1", "1", "1", "1"]
    let export =
      Self.export.split(separator: "\n").enumerated().map { index, line in
        String(line) + (index == 0 ? ",w" : "," + weights[index - 1])
      }.joined(separator: "\n") + "\n"
    let result = try WeightingPipeline.run(
      export: export, codebook: Self.codebook + "\n  w: {type: numeric}",
      weight: "  method: raking\n  margins: [region, sexe]\n  start: {column: w}", population: Self.population)
    #expect(
      result.problem
        == "wave 2016: starting weight w must be a positive finite number; 3 respondent(s) have none (line 2: "
        + "blank, line 3: 0, line 4: -2)")
  }

  @Test func boundsThatCannotBeMet() throws {
    let found = try problem(
      weight: "  method: raking\n  margins: [region, sexe]\n  bounds: [0.99, 1.01]\n  max_iterations: 30")
    // Region 1 (3 respondents of 8, starting weights N / n = 125, a population of 500 of 1000) is
    // out of reach: checked before raking.
    #expect(
      found?.hasPrefix(
        "wave 2016: the bounds [0.99, 1.01] on weight adjustments cannot be met (proven before calibrating): margin region "
          + "category 1 « Nord » has 3 respondent(s) whose starting weights sum to 375, ") == true)
  }

  @Test func nonConvergenceGivesTheLargestDiscrepancy() throws {
    let found = try problem(
      weight: "  method: raking\n  margins: [region, sexe]\n  max_iterations: 1\n  tolerance: 1e-15")
    #expect(
      found?.hasPrefix(
        "wave 2016: raking calibration did not converge in 1 iteration(s) (the solver stopped; the margins are not "
          + "proven unreachable); largest remaining discrepancies: margin ") == true)
  }

  @Test func blankWeightingVariablesAreQuarantinedOrImputed() throws {
    let export = Self.export + "9,9,1\n10,,2\n"
    let quarantined = try WeightingPipeline.run(
      export: export, codebook: Self.codebook, weight: "  method: raking\n  margins: [region, sexe]",
      population: Self.population)
    #expect(quarantined.weighted?.rows.count == 8)
    #expect(quarantined.weighted?.quarantined.map(\.line) == [10, 11])
    #expect(quarantined.weighted?.quarantined.map(\.rule) == ["weight.missing-margin", "weight.missing-margin"])
    #expect(quarantined.weighted?.quarantined.map(\.respondentID) == ["9", "10"])
    let imputed = try WeightingPipeline.run(
      export: export, codebook: Self.codebook,
      weight: "  method: raking\n  margins: [region, sexe]\n  missing: impute-mode", population: Self.population)
    #expect(imputed.weighted?.rows.count == 10)
    #expect(imputed.weighted?.diagnostics.imputed == 2)
    // Regions 1 and 2 are tied at three respondents each: the smaller code is the mode.
    #expect(imputed.weighted?.diagnostics.margins.first { $0.category == "1" }?.respondents == 5)
  }

  @Test func postStratificationIsTheCellRatio() throws {
    let result = try WeightingPipeline.run(
      export: Self.export, codebook: Self.codebook, weight: "  method: post-stratification\n  margins: [region]",
      population: Self.population)
    #expect(result.weighted?.finalWeights == [500.0 / 3, 500.0 / 3, 100, 100, 100, 100, 500.0 / 3, 100])
    #expect(result.weighted?.diagnostics.iterations == 1)
  }
}

@Suite struct PopulationMarginsTests {
  @Test func everyMalformedLineIsReported() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write(
      "population.csv",
      "variable,category,total\nregion,1,500\nregion,x,10\nregion,2,-3\nregion,1,7\nregion*urbain,1,4\n,2,3\n")
    #expect {
      try PopulationMargins.load(path)
    } throws: { error in
      (error as? SpecProblems)?.diagnostics.map { "\($0.line!): \($0.message)" } == [
        "3: category 'x' should be a whole-number code",
        "4: total '-3' should be a positive number (a category with no population is removed or collapsed into a neighbour)",
        "5: region category 1 is listed twice",
        "6: category '1' should be codes like 11*1",
        "7: the variable is blank",
      ]
    }
  }

  @Test func crossingsReadAsCodeTuples() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write(
      "population.csv", "variable,category,total\nregion*urbain,11*1,705\nregion*urbain,11*2,576\n")
    let margins = try PopulationMargins.load(path)
    #expect(
      margins.margins["region*urbain"] == [.init(codes: [11, 1], total: 705), .init(codes: [11, 2], total: 576)])
  }
}
