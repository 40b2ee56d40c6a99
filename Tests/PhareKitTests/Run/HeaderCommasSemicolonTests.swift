import Testing

@testable import PhareKit

/// A `;` wave whose header names hold more commas than the header has semicolons
/// (`Tests/Fixtures/ingest/header-commas-semicolon`, after mholt/PapaParse#600): read as `;`
/// without being told, it gives R's figures (`ref.R` of the case, `read.csv2` then `survey`).
@Suite struct HeaderCommasSemicolonTests {
  static let spec = Fixtures.ingest("header-commas-semicolon/spec.yml")

  static func close(_ actual: Double?, _ expected: Double, relative: Double) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) <= relative * abs(expected)
  }

  @Test func estimatesMatchRWithoutASeparatorInTheSpec() throws {
    let pipeline = try Pipeline.load(Self.spec, through: .estimate)
    #expect(pipeline.spec.inputs.separator == nil)
    #expect(pipeline.checkInputs().map(\.description) == [])
    let wave = try #require(try PipelineRunner(pipeline: pipeline).run(through: .estimate).first)
    try #require(wave.problem == nil, "\(wave.problem ?? "")")
    #expect(wave.cleaned?.rowsRead == 24)
    let indicators = try #require(wave.indicators)
    let note = try #require(indicators.first { $0.variable == "note" && $0.breakdown == "national" })
    #expect(Self.close(note.estimate, 7.02275, relative: 1e-12))
    #expect(Self.close(note.standardError, 0.298701728358164, relative: 1e-9))
    #expect(Self.close(note.lower, 6.43730537029813, relative: 1e-9))
    #expect(Self.close(note.upper, 7.60819462970187, relative: 1e-9))
    let yes = try #require(
      indicators.first { $0.variable == "q1" && $0.category == "1" && $0.breakdown == "national" })
    #expect(Self.close(yes.estimate, 0.50561797752804, relative: 1e-9))
    #expect(Self.close(yes.standardError, 0.118211119779867, relative: 1e-9))
    #expect(Self.close(yes.lower, 0.276080445489539, relative: 1e-9))
    #expect(Self.close(yes.upper, 0.732811419388453, relative: 1e-9))
    #expect(yes.respondents == 21)
  }

  /// Forced to commas, the header no longer holds `id`: each missing column names how it was split.
  @Test func missingColumnsNameTheSeparatorAndEncoding() throws {
    let loaded = try Pipeline.load(Self.spec, through: .estimate)
    var spec = loaded.spec
    spec.inputs.separator = .comma
    let pipeline = Pipeline(spec: spec, codebook: loaded.codebook, domains: loaded.domains, waves: loaded.waves)
    let file = Fixtures.ingest("header-commas-semicolon/data/wave-2020.csv")
    let header = "header: 6 columns split on comma, UTF-8"
    let expected = [
      "\(file):1: no column for variable 'id' (looked for id; \(header))",
      "\(file):1: no column for variable 'region' (looked for Région (code INSEE, 2 chiffres); \(header))",
      "\(file):1: no column for variable 'sexe' (looked for Sexe (1 = homme, 2 = femme); \(header))",
      "\(file):1: no column for variable 'q1' (looked for Satisfait (1 oui, 2 non, 9 NSP); \(header))",
      "\(file):1: no column for variable 'note' (looked for Note (0 à 10, décimale possible); \(header))",
    ]
    #expect(pipeline.checkInputs().map(\.description) == expected)
    let wave = try #require(try PipelineRunner(pipeline: pipeline).run(through: .clean).first)
    #expect(wave.problem == expected.joined(separator: "\n"))
  }
}
