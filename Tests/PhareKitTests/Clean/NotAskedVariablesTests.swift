import TestSupport
import Testing

@testable import PhareKit

/// A wave reads only the variables it asks (codebook `waves:`), also when its id comes from a
/// column, known only once the export is read.
@Suite struct NotAskedVariablesTests {
  private static let codebook = """
    variables:
      id: {type: identifier}
      sexe: {type: single, values: {1: H, 2: F}, required: true}
      zone: {type: single, values: {1: A, 2: B}, waves: {from: 2017}}
      q: {type: single, values: {1: Oui, 2: Non}}
      q9: {type: single, values: {1: Oui, 2: Non}, waves: [2017]}

    """

  /// Runs the pipeline (`extra` appended to its spec) on one export through `stage`.
  private func run(_ export: String, extra: String = "", through stage: PipelineStage = .clean) throws -> WaveResult {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let spec = try folder.write(
      "spec.yml",
      "survey: t\ninputs: {folder: in, wave: {column: vague}}\ncodebook: codebook.yml\npopulations: pop.csv\n"
        + "weight: {method: post-stratification, margins: [sexe]}\n" + extra)
    try folder.write("codebook.yml", Self.codebook)
    try folder.write("pop.csv", "variable,category,total\nsexe,1,60\nsexe,2,40\n")
    try folder.write("in/export.csv", export)
    let pipeline = try Pipeline.load(spec, through: stage)
    return try #require(try PipelineRunner(pipeline: pipeline).run(through: stage).first)
  }

  /// Six respondents of `wave`: sexe 2, 1, 2, 1… and q the same code as sexe.
  private static func export(_ wave: String) -> String {
    "id,vague,sexe,q\n" + (1...6).map { "\($0),\(wave),\($0 % 2 + 1),\($0 % 2 + 1)" }.joined(separator: "\n") + "\n"
  }

  @Test func aWaveThatDoesNotAskAVariableNeedsNoColumnAndHasNone() throws {
    let result = try run(Self.export("2016"))
    #expect(result.problem == nil)
    let wave = try #require(result.cleaned)
    #expect(wave.wave == "2016")
    #expect(wave.table.schema.fields.map(\.name) == ["id", "sexe", "q"])
    #expect(wave.notAsked == ["zone", "q9"])
  }

  @Test func aWaveThatAsksAVariableNeedsItsColumn() throws {
    let result = try run("id,vague,sexe,q,zone\n1,2017,1,1,1\n")
    let problem = try #require(result.problem)
    #expect(
      problem.hasSuffix(
        "export.csv:1: no column for variable 'q9' (looked for q9; header: 5 columns split on comma, UTF-8)"),
      "\(problem)")
  }

  /// Known only from the column, the wave is checked as `Pipeline.load` checks waves named by files.
  @Test func aBreakdownTheWaveDoesNotAskFailsTheWaveNamingIt() throws {
    let result = try run(
      Self.export("2016"), extra: "estimate: {variables: [q, q9], breakdowns: [zone]}\n", through: .estimate)
    let problem = try #require(result.problem)
    #expect(
      problem.hasSuffix(
        "spec.yml:6: estimate.breakdowns: 'zone' is not asked in wave 2016 (codebook waves: {from: 2017}); a breakdown "
          + "must be asked in every wave"), "\(problem)")
    #expect(problem.hasPrefix("wave 2016: "))
    #expect(result.indicators == nil)
  }

  /// Without the breakdown, the wave is estimated; q9, not asked, has no indicator (not an empty one).
  @Test func aVariableTheWaveDoesNotAskHasNoIndicator() throws {
    let result = try run(Self.export("2016"), extra: "estimate: {variables: [q, q9]}\n", through: .estimate)
    #expect(result.problem == nil)
    let indicators = try #require(result.indicators)
    #expect(indicators.map(\.variable) == ["q", "q"])
    // Sexe 1 (rows 2, 4, 6) answered 1, weighted to 60 of 100.
    #expect(indicators.first { $0.category == "1" }.map { abs($0.estimate - 0.6) < 1e-12 } == true)
  }
}
