import Foundation
import Testing

@testable import PhareKit

/// A design the data contradict fails its wave naming the line, stratum or cluster at fault, as
/// R's `svydesign` refuses it (`Tests/Oracle/designs/invalid-designs.csv`), or more strictly where
/// R only warns (an fpc that varies within a stratum) or accepts (weights of 0 or less).
@Suite struct SampleDesignTests {
  static let codebook = """
    variables:
      id: {type: identifier}
      s: {type: single, required: true, values: {1: A, 2: B}}
      c: {type: numeric, required: true}
      u: {type: numeric, required: true}
      w: {type: numeric, required: true}
      f1: {type: numeric, required: true}
      f2: {type: numeric, required: true}
      y: {type: numeric}
    """

  /// Eight respondents: stratum 1 holds clusters 1 and 2, stratum 2 clusters 3 and 4, each of two
  /// secondary units; `edit` rewrites the export's lines (header first).
  static func export(_ edit: (inout [[String]]) -> Void = { _ in }) -> String {
    var lines = [["id", "s", "c", "u", "w", "f1", "f2", "y"]]
    for row in 0..<8 {
      let cluster = row / 2 + 1
      lines.append(
        ["r\(row)", "\(cluster <= 2 ? 1 : 2)", "\(cluster)", "\(row % 2 + 1)", "10", "20", "5", "\(row)"])
    }
    edit(&lines)
    return lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
  }

  /// The wave's problem (nil when it weights) and its weighted wave.
  static func run(_ design: String, export: String = export()) throws -> (problem: String?, weighted: WeightedWave?) {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("in/wave-2016.csv", export)
    try folder.write("codebook.yml", codebook)
    let spec = try folder.write(
      "spec.yml", "survey: test\ninputs: {folder: in}\ncodebook: codebook.yml\ndesign:\n\(design)\n")
    let result = try #require(try PipelineRunner(pipeline: try Pipeline.load(spec)).run(through: .weight).first)
    return (result.problem, result.weighted)
  }

  @Test func clustersThatCrossStrataAreRefusedUnlessNested() throws {
    let crossed = Self.export { $0[5][2] = "1" }  // r4, in stratum 2, in cluster 1
    let refused = try Self.run("  weights: w\n  strata: s\n  clusters: c", export: crossed)
    #expect(
      refused.problem
        == "wave 2016: design: cluster c = 1 is in several strata (1 « A », 2 « B »); clusters are nested in "
        + "strata, or ids are reused across strata (design.nest: true)")
    let nested = try Self.run("  weights: w\n  strata: s\n  clusters: c\n  nest: true", export: crossed)
    let design = try #require(nested.weighted?.design)
    // Cluster 1 of stratum 2 is a PSU of its own: stratum 1 has 2 PSUs, stratum 2 has 3.
    #expect(design.stages[0].unitCount == 5)
    #expect(design.stages[0].sampleSize == [2, 3])
  }

  @Test func anFPCBelowTheSampleSizeNamesTheStratumAndStage() throws {
    // Stratum 1 gets a third cluster (r3 in cluster 5), its fpc says 2.
    let small = Self.export { lines in
      lines[4][2] = "5"
      for row in 1...8 { lines[row][5] = "2" }
    }
    let stage1 = try Self.run("  strata: s\n  clusters: c\n  fpc: [f1]", export: small)
    #expect(
      stage1.problem
        == "wave 2016: design: stratum 1 « A » at stage 1 has 3 sampled unit(s) but an fpc population of 2: the fpc "
        + "implies more than 100% sampling")
    let stage2 = try Self.run("  strata: s\n  clusters: [c, u]\n  fpc: [f1, c]")
    #expect(
      stage2.problem
        == "wave 2016: design: stratum c = 1 at stage 2 has 2 sampled unit(s) but an fpc population of 1: the fpc "
        + "implies more than 100% sampling")
  }

  @Test func fractionsAndSizesAreNotMixed() throws {
    let mixed = Self.export {
      $0[1][5] = "0.5"; $0[2][5] = "0.5"
    }
    #expect(
      try Self.run("  strata: s\n  clusters: c\n  fpc: [f1]", export: mixed).problem
        == "wave 2016: design: the fpc mixes population sizes (20 on line 4, stage 1) and sampling fractions (0.5 on "
        + "line 2, stage 1); give all as sizes or all as fractions (as R's svydesign)")
    // All fractions: N = n / f, so weights 2 / 0.5 = 4 PSUs per stratum, 1 / (n / N) = 2.
    let fractions = Self.export { lines in for row in 1...8 { lines[row][5] = "0.5" } }
    let weighted = try #require(try Self.run("  strata: s\n  clusters: c\n  fpc: [f1]", export: fractions).weighted)
    #expect(weighted.finalWeights == [Double](repeating: 2, count: 8))
    #expect(weighted.design.stages[0].populationSize == [4, 4])
  }

  @Test func anFPCThatVariesWithinAStratumNamesTheLine() throws {
    let varies = Self.export { $0[4][5] = "30" }  // r3, stratum 1
    #expect(
      try Self.run("  strata: s\n  clusters: c\n  fpc: [f1]", export: varies).problem
        == "wave 2016: design: the fpc of stratum 1 « A » at stage 1 is 20 on some rows and 30 on line 5; a stratum "
        + "has one population size")
  }

  @Test func weightsOfZeroOrLessAreRefused() throws {
    let zero = Self.export {
      $0[3][4] = "0"; $0[6][4] = "-1"
    }
    #expect(
      try Self.run("  weights: w\n  clusters: c", export: zero).problem
        == "wave 2016: starting weight w must be a positive finite number; 2 respondent(s) have none (line 4: 0, "
        + "line 7: -1)")
  }

  @Test func aSinglePSUAndALonelyOneAreRefused() throws {
    let one = Self.export { lines in for row in 1...8 { lines[row][2] = "7" } }
    #expect(
      try Self.run("  weights: w\n  clusters: c", export: one).problem == "wave 2016: \(DesignError.onePrimaryUnit)")
    // Cluster 4 alone in stratum 2: R's default fails; adjust keeps the wave.
    let lonely = Self.export {
      $0[5][2] = "4"; $0[6][2] = "4"
    }
    #expect(
      try Self.run("  weights: w\n  strata: s\n  clusters: c", export: lonely).problem
        == "wave 2016: design: stratum 2 « B » has only one PSU at stage 1 (as R's survey.lonely.psu = \"fail\"); set "
        + "design.lonely_psu to adjust, average, remove or certainty, or merge the stratum with another in the data")
    let adjusted = try Self.run("  weights: w\n  strata: s\n  clusters: c\n  lonely_psu: adjust", export: lonely)
    #expect(adjusted.problem == nil)
    // The manifest names the lonely stratum and the option.
    #expect(adjusted.weighted?.diagnostics.design?.lonelyStrata == ["stage 1: 2 « B »"])
    #expect(adjusted.weighted?.diagnostics.design?.lonelyPSU == .adjust)
    #expect(
      adjusted.weighted?.diagnostics.design?.text == "stage 1 3 units in 2 strata, 1 lonely stratum(s) (adjust)")
  }

  @Test func aStageTwoOnlyCountsWithAnFPC() throws {
    let without = try #require(try Self.run("  weights: w\n  clusters: [c, u]").weighted)
    #expect(without.design.stages.count == 1)
    let with = try #require(try Self.run("  clusters: [c, u]\n  fpc: [f1, f2]").weighted)
    #expect(with.design.stages.count == 2)
    // Four PSUs of 20, two units of 5 in each: weights 20 / 4 × 5 / 2.
    #expect(with.finalWeights == [Double](repeating: 12.5, count: 8))
    #expect(with.design.stages[1].sampleSize == [2, 2, 2, 2])
    #expect(with.diagnostics.design?.stages.map(\.units) == [4, 8])
    #expect(with.diagnostics.design?.stages.map(\.strata) == [1, 4])
    // Cluster 4's two rows in one secondary unit: a lonely unit at stage 2.
    let single = Self.export { $0[8][3] = "1" }
    #expect(
      try Self.run("  clusters: [c, u]\n  fpc: [f1, f2]", export: single).problem
        == "wave 2016: design: c = 4 has only one sampled unit at stage 2 (as R's survey.lonely.psu = \"fail\"); set "
        + "design.lonely_psu to adjust, average, remove or certainty")
  }
}
