import Foundation
import Testing

@testable import PhareKit

/// Where R's interval is unusable on a complex design, phare's is valid and flagged: a share the
/// design fixes has SE 0 and the interval [p, p] (R: SE 0), and a mean within one PSU (R: df 0,
/// NA interval) is suppressed, on R's own `apistrat` and `apiclus1` schools.
@Suite struct DesignEdgeCaseTests {
  /// The golden case `name` of `Tests/Oracle/designs`, estimating `variables` by `breakdowns`,
  /// with `derived` lines under `clean:`.
  static func indicators(_ name: String, variables: [String], breakdowns: [[String]], derived: String = "") throws
    -> [Indicator]
  {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let original = try String(contentsOfFile: Fixtures.oracle("designs/\(name).yml"), encoding: .utf8)
    let designs = Fixtures.oracle("designs")
    var spec = original.replacingOccurrences(of: "folder: .", with: "folder: \(designs)")
      .replacingOccurrences(of: "codebook: ", with: "codebook: \(designs)/")
      .replacingOccurrences(of: "populations: ", with: "populations: \(designs)/")
    if !derived.isEmpty { spec = spec.replacingOccurrences(of: "clean:\n", with: "clean:\n  derived:\n\(derived)\n") }
    let loaded = try Pipeline.load(try folder.write("spec.yml", spec))
    var edited = loaded.spec
    edited.estimate?.variables = variables
    edited.estimate?.totals = []
    edited.estimate?.breakdowns = breakdowns
    let pipeline = Pipeline(spec: edited, codebook: loaded.codebook, domains: loaded.domains, waves: loaded.waves)
    let result = try #require(try PipelineRunner(pipeline: pipeline).run(through: .estimate).first)
    return try #require(result.indicators, "\(result.problem ?? "")")
  }

  /// apistrat is stratified by school type with fpc: each type's share is fixed by the design.
  @Test func aShareTheDesignFixesHasNoVariance() throws {
    let shares = try Self.indicators("apistrat", variables: ["stype"], breakdowns: [])
    let population = [1: 4421.0, 2: 755.0, 3: 1018.0]  // apipop's schools by type (the fpc)
    #expect(shares.count == 3)
    for share in shares {
      let expected = population[Int(share.category)!]! / 6194
      // R's pw are N_h / n_h rounded to the cent.
      #expect(abs(share.estimate - expected) <= 1e-7)
      #expect(share.standardError == 0)
      #expect(share.lower == share.estimate && share.upper == share.estimate)
      #expect(share.flags == ["zero-variance"])
    }
  }

  /// apiclus1 raked on school type: each type's share is the population's, with no variance, in
  /// a design of clusters too (R gives rounding noise, about 1e-17).
  @Test func aCalibratedCategoryHasNoVarianceInAClusterDesign() throws {
    let shares = try Self.indicators("apiclus1-raked", variables: ["stype"], breakdowns: [])
    let population = [1: 4421.0, 2: 755.0, 3: 1018.0]  // apipop's schools by type (the margin)
    #expect(shares.count == 3)
    for share in shares {
      #expect(abs(share.estimate - population[Int(share.category)!]! / 6194) <= 1e-9)
      #expect(share.standardError == 0)
      #expect(share.lower == share.estimate && share.upper == share.estimate)
      #expect(share.effectiveRespondents == nil)
      #expect(share.flags == ["zero-variance"])
    }
  }

  /// District 716 (37 schools) is one PSU of apiclus1: its mean has df 0 and no variance.
  @Test func aMeanWithinOnePSUIsSuppressed() throws {
    let derived = """
          - name: district
            recode:
              of: dnum
              bands:
                - {from: 0, to: 715, code: 2, label: others}
                - {from: 716, to: 716, code: 1, label: district 716}
                - {from: 717, to: 9999, code: 2, label: others}
      """
    let indicators = try Self.indicators(
      "apiclus1", variables: ["api00", "enroll"], breakdowns: [["district"]], derived: derived)
    let inside = indicators.filter { $0.breakdownValue == "1" }
    #expect(inside.count == 2)
    for indicator in inside {
      #expect(indicator.degreesOfFreedom == 0)
      #expect(indicator.respondents > 30)
      #expect(indicator.flags == ["suppressed", "no-df"])
    }
    // The other districts: 14 PSUs, df 13, published.
    let others = indicators.filter { $0.breakdownValue == "2" }
    #expect(others.allSatisfy { $0.degreesOfFreedom == 13 && !$0.isSuppressed })
  }
}
