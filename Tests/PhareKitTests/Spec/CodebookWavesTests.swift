import TestSupport
import Testing

@testable import PhareKit

/// The codebook's `waves:` (which waves ask a variable), what a wave does not ask, and the spec
/// checks of names a wave does not ask.
@Suite struct CodebookWavesTests {
  /// The codebook with `q9: {type: numeric, waves: <waves>}` added, and its problems without the folder.
  private func load(waves: String, extra: String = "") throws -> (Codebook?, [String]) {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try folder.write(
      "codebook.yml",
      """
      variables:
        id: {type: identifier\(extra)}
        q9:
          type: numeric
          waves: \(waves)

      """)
    var diagnostics: [SpecDiagnostic] = []
    let codebook = Codebook.load(file: file, diagnostics: &diagnostics)
    return (codebook, diagnostics.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") })
  }

  private func waves(_ text: String) throws -> AskedWaves? {
    let (codebook, problems) = try load(waves: text)
    #expect(problems == [])
    return codebook?["q9"]?.waves
  }

  @Test func aListOrARangeSaysWhichWavesAskAVariable() throws {
    #expect(try waves("[2016, 2017]") == .listed(["2016", "2017"]))
    #expect(try waves("[2017]") == .listed(["2017"]))
    #expect(try waves("{from: 2016}") == .range(from: "2016", to: nil))
    #expect(try waves("{to: 2016}") == .range(from: nil, to: "2016"))
    #expect(try waves("{from: 2015, to: 2016}") == .range(from: "2015", to: "2016"))
    let (codebook, _) = try load(waves: "[2017]")
    #expect(codebook?["id"]?.waves == nil)
    #expect(codebook?["id"]?.isAsked(in: "2015") == true)
    #expect(codebook?["q9"]?.isAsked(in: "2017") == true && codebook?["q9"]?.isAsked(in: "2016") == false)
  }

  /// Wave ids compare as text, as trends order them: a bound need not be a wave, `2016-S1` falls
  /// between 2016 and 2017, and `W10` comes after `W09` only because both have the same width.
  /// Two variables may read one column only when no wave id can be in both their `waves:`.
  @Test func wavesThatCannotMeetAreDisjoint() {
    let until2016 = AskedWaves.range(from: nil, to: "2016")
    let from2017 = AskedWaves.range(from: "2017", to: nil)
    let from2016 = AskedWaves.range(from: "2016", to: nil)
    #expect(until2016.isDisjoint(from: from2017) && from2017.isDisjoint(from: until2016))
    #expect(!until2016.isDisjoint(from: from2016))  // 2016 is in both
    #expect(!AskedWaves.range(from: nil, to: nil).isDisjoint(from: from2017))
    #expect(AskedWaves.listed(["2015", "2016"]).isDisjoint(from: .listed(["2017"])))
    #expect(!AskedWaves.listed(["2015", "2017"]).isDisjoint(from: .listed(["2017"])))
    #expect(AskedWaves.listed(["2015"]).isDisjoint(from: from2016) && from2016.isDisjoint(from: .listed(["2015"])))
    #expect(!AskedWaves.listed(["2015", "2018"]).isDisjoint(from: from2016))
  }

  @Test func wavesCompareAsText() {
    let from2016 = AskedWaves.range(from: "2016", to: nil)
    #expect(["2016", "2016-S1", "2017", "2030"].allSatisfy(from2016.contains))
    #expect(!from2016.contains("2015") && !from2016.contains("2015-S2"))
    let until2016 = AskedWaves.range(from: nil, to: "2016")
    #expect(until2016.contains("2015-S2") && until2016.contains("2016") && !until2016.contains("2016-S1"))
    #expect(AskedWaves.range(from: "W09", to: "W10").contains("W10"))
    #expect(!AskedWaves.range(from: "9", to: nil).contains("10"))
    #expect(AskedWaves.range(from: "2015", to: "2015").contains("2015"))
    #expect(!AskedWaves.listed(["2015", "2017"]).contains("2016"))
  }

  @Test func badWavesAreReportedAtTheirLine() throws {
    let cases: [(String, [String])] = [
      (
        "2017",
        [
          "codebook.yml:5: waves of variable 'q9' should be a list of wave ids, e.g. [2016, 2017], or "
            + "{from: 2016, to: 2017}"
        ]
      ),
      (
        "[]",
        ["codebook.yml:5: waves of variable 'q9' lists no wave; leave waves out for a variable asked in every wave"]
      ),
      ("{}", ["codebook.yml:5: waves of variable 'q9' needs from, to or both, e.g. {from: 2016}"]),
      (
        "{from: 2017, to: 2016}",
        [
          "codebook.yml:5: waves of variable 'q9': from 2017 comes after to 2016 (wave ids compare as text), so no "
            + "wave would ask it"
        ]
      ),
      (
        "[2016, ../2017]",
        [
          "codebook.yml:5: waves of variable 'q9': " + WaveFile.invalidIDProblem("../2017")
        ]
      ),
      ("[2016, 2016]", ["codebook.yml:5: waves of variable 'q9' lists wave 2016 twice"]),
      (
        "{from: 2016, until: 2017}",
        ["codebook.yml:5: unknown key 'until' in waves of variable 'q9'"]
      ),
      ("{from: rejected}", ["codebook.yml:5: waves of variable 'q9': " + WaveFile.invalidIDProblem("rejected")]),
    ]
    for (waves, expected) in cases {
      let (codebook, problems) = try load(waves: waves)
      #expect(problems == expected, "\(waves)")
      if !expected.contains(where: { $0.contains("unknown key") }) {
        #expect(codebook?["q9"]?.waves == nil, "\(waves)")
      }
    }
  }

  @Test func theIdentifierIsAskedInEveryWave() throws {
    let (_, problems) = try load(waves: "[2017]", extra: ", waves: [2017]")
    #expect(problems == ["codebook.yml:2: 'waves' does not apply to variable 'id' (identifier)"])
  }

  /// A set's items and the derived variables reading a name not asked are not asked either, in
  /// the order the clean stage computes them.
  @Test func whatAWaveDoesNotAskFollowsDerivedVariables() {
    var q9 = CodebookVariable(
      name: "q9", kind: .multiple, label: "Q9", sources: [], values: [], missingCodes: [], range: nil, required: false,
      items: [.init(name: "q9_a", label: "A"), .init(name: "q9_b", label: "B")], cellSeparator: nil, line: nil)
    q9.waves = .range(from: "2017", to: nil)
    var age = CodebookVariable(
      name: "age", kind: .numeric, label: "Âge", sources: [], values: [], missingCodes: [], range: nil,
      required: false, items: [], cellSeparator: nil, line: nil)
    let region = age
    age.waves = .listed(["2015", "2017"])
    let codebook = Codebook(file: "codebook.yml", variables: [region.renamed("region"), q9, age])
    let derived = [
      DerivedVariable(name: "tranche", label: "", rule: .recode(of: "age", bands: [])),
      DerivedVariable(name: "q9_a_net", label: "", rule: .net(of: "q9_a", codes: [1])),
      DerivedVariable(name: "croisement", label: "", rule: .cross(["region", "tranche"])),
      DerivedVariable(name: "region_net", label: "", rule: .net(of: "region", codes: [1])),
    ]
    #expect(
      codebook.notAsked(in: "2016", derived: derived) == [
        "q9", "q9_a", "q9_b", "age", "tranche", "q9_a_net", "croisement",
      ])
    #expect(codebook.notAsked(in: "2015", derived: derived) == ["q9", "q9_a", "q9_b", "q9_a_net"])
    #expect(codebook.notAsked(in: "2017", derived: derived) == [])
    #expect(codebook.asked(in: "2016").variables.map(\.name) == ["region"])
  }

  /// A weighting margin, breakdown or design variable (weights, strata, clusters) must be asked in every wave
  /// found: each use is one problem at its spec line, naming the waves.
  @Test func namesUsedInEveryWaveMustBeAskedInEveryWave() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let spec = try folder.write(
      "pipeline.yml",
      """
      survey: test
      inputs:
        folder: waves
        wave: {file_name: "w(\\\\d{4})"}
      codebook: codebook.yml
      populations: populations.csv
      clean:
        derived:
          - {name: zone_x, label: Zone, cross: [zone, sexe]}
      weight:
        method: raking
        margins: [sexe, zone_x]
      design:
        weights: poids
        strata: zone
        clusters: [grappe]
      estimate:
        variables: [q4]
        breakdowns: [sexe, zone]

      """)
    try folder.write(
      "codebook.yml",
      """
      variables:
        id: {type: identifier}
        sexe: {type: single, values: {1: H, 2: F}, required: true}
        zone: {type: single, values: {1: A, 2: B}, required: true, waves: {from: 2016}}
        poids: {type: numeric, required: true, waves: [2016]}
        grappe: {type: numeric, required: true, waves: [2016, 2017]}
        q4: {type: single, values: {1: Oui, 2: Non}, waves: [2015]}

      """)
    try folder.write(
      "populations.csv",
      "variable,category,total\nsexe,1,50\nsexe,2,50\nzone_x,1,25\nzone_x,2,25\nzone_x,3,25\nzone_x,4,25\n"
        + "zone,1,50\nzone,2,50\n")
    for wave in ["2015", "2016", "2017"] {
      try folder.write("waves/w\(wave).csv", "id,sexe,zone,poids,grappe,q4\n1,1,1,1,1,1\n")
    }
    let problems: [String]
    do {
      _ = try Pipeline.load(spec, through: .estimate)
      problems = []
    } catch let error as SpecProblems {
      problems = error.diagnostics.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
    }
    #expect(
      problems == [
        "pipeline.yml:12: weight.margins: 'zone_x' is not asked in wave 2015 (derived from a variable not asked "
          + "there); a weighting margin must be asked in every wave",
        "pipeline.yml:14: design.weights: 'poids' is not asked in waves 2015, 2017 (codebook waves: [2016]); "
          + "design weights must be asked in every wave",
        "pipeline.yml:15: design.strata: 'zone' is not asked in wave 2015 (codebook waves: {from: 2016}); a "
          + "stratum must be asked in every wave",
        "pipeline.yml:16: design.clusters: 'grappe' is not asked in wave 2015 (codebook waves: [2016, 2017]); a "
          + "cluster id must be asked in every wave",
        "pipeline.yml:19: estimate.breakdowns: 'zone' is not asked in wave 2015 (codebook waves: {from: 2016}); a "
          + "breakdown must be asked in every wave",
      ])
  }
}

extension CodebookVariable {
  fileprivate func renamed(_ newName: String) -> CodebookVariable {
    var copy = self
    copy.name = newName
    return copy
  }
}
