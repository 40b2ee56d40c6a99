import Foundation
import TestSupport
import Testing

/// Issue 13 through the command line: weighting refused before iterating with the cell named by
/// code and label, rows set aside by weighting counted like every other quarantined row, and
/// `weighting.csv` written beside the weights.
@Suite struct WeightingChecksCommandTests {
  private static let codebook = """
    variables:
      id: {type: identifier}
      region: {type: single, values: {11: Nord, 22: Sud, 33: Est}}
      sexe: {type: single, values: {1: Homme, 2: Femme}}
      poids: {type: numeric}
      q1: {type: single, values: {1: Oui, 2: Non}}

    """

  /// A folder holding a spec with the given `weight:` section, the codebook, the populations and
  /// `in/wave-2020.csv` with one respondent per `(region, sexe)` given (`nil` for a blank sexe).
  private static func folder(weight: String, population: String, respondents: [(Int, Int?)]) throws -> String {
    let folder = NSTemporaryDirectory() + "phare-weighting-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
    let files = [
      "spec.yml": """
      survey: t
      inputs: {folder: in, wave: {file_name: "wave-(\\\\d{4})"}}
      codebook: codebook.yml
      populations: populations.csv
      weight: \(weight)
      estimate: {variables: [q1]}

      """,
      "codebook.yml": codebook,
      "populations.csv": population,
      "in/wave-2020.csv": "id,region,sexe,poids,q1\n"
        + respondents.enumerated().map { "\($0),\($1.0),\($1.1.map(String.init) ?? ""),50,\(1 + $0 % 2)\n" }
        .joined(),
    ]
    for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
    return folder
  }

  /// 40 respondents: regions 11, 22, 33 in turn, sexe 1 and 2 by threes; the first `blank` have no sexe.
  private static func forty(blank: Int) -> [(Int, Int?)] {
    (0..<40).map { ([11, 22, 33][$0 % 3], $0 < blank ? nil : 1 + ($0 / 3) % 2) }
  }

  private static let population =
    "variable,category,total\nregion,11,500\nregion,22,300\nregion,33,200\n"
    + "sexe,1,480\nsexe,2,520\n"

  private static func manifestWave(_ path: String) throws -> [String: Any] {
    let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
    return try #require((manifest as? [String: Any])?["waves"] as? [[String: Any]]).first ?? [:]
  }

  @Test func aPopulationTotalOfZeroIsRefusedBeforeAnyWaveIsRead() throws {
    let folder = (PhareProcess.fixtures as NSString).deletingLastPathComponent + "/weight/zero-target/"
    let out = NSTemporaryDirectory() + "phare-zero-target-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: out) }
    let run = try PhareProcess.run("estimate", folder + "spec.yml", "--out", out)
    #expect(run.status == 1)
    let line: String =
      "error: \(folder)pop.csv:7: total '0' should be a positive number (a category with no population is "
      + "removed or collapsed into a neighbour)"
    #expect(run.stderr.split(separator: "\n").map(String.init).first == line)
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func boundsProvenInfeasibleNameTheFirstCategoryWithItsFigures() throws {
    // Sample 15 / 25 / 60 % against a population of 50 / 30 / 20 %, design weights of 50.
    let respondents =
      [(Int, Int?)](repeating: (11, 1), count: 3) + .init(repeating: (22, 1), count: 5)
      + .init(repeating: (33, 2), count: 12)
    let folder = try Self.folder(
      weight: "{method: raking, margins: [region], start: {column: poids}, bounds: [0.8, 1.25]}",
      population: "variable,category,total\nregion,11,500\nregion,22,300\nregion,33,200\n", respondents: respondents)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try PhareProcess.run("weight", folder + "/spec.yml", "--out", folder + "/out")
    #expect(run.status == 2)
    // Region 11: 3 × 50 = 150 can reach [120, 187.5], not 500; region 33: 600 can reach [480, 750], not 200.
    let problem =
      "wave 2020: the bounds [0.8, 1.25] on weight adjustments cannot be met (proven before calibrating): margin region "
      + "category 11 « Nord » has 3 respondent(s) whose starting weights sum to 150, so bounded weights reach 120 to "
      + "187.5, but its population total is 500 (and 1 other category likewise); widen the bounds or collapse the "
      + "category into a neighbour"
    #expect(run.stderr.contains("error: \(folder)/in/wave-2020.csv: \(problem)"))
    let wave = try Self.manifestWave(folder + "/out/manifest.json")
    #expect(wave["status"] as? String == "failed")
    #expect(wave["problem"] as? String == problem)
  }

  /// What trimming did is in the `phare weight` summary, the log and the manifest, the same counts.
  @Test func trimmedWeightsAreReported() throws {
    let folder = try Self.folder(
      weight: "{method: raking, margins: [region, sexe], trim: {lower: 0.95, upper: 1.05}}",
      population: Self.population, respondents: Self.forty(blank: 0))
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try PhareProcess.run("weight", folder + "/spec.yml", "--out", folder + "/out")
    #expect(run.status == 0, "\(run.stderr)")
    let trimming = try #require(try Self.manifestWave(folder + "/out/manifest.json")["weighting"] as? [String: Any])
    let counts = try #require(trimming["trimming"] as? [String: Any])
    let lower = try #require(counts["atLower"] as? Int)
    let upper = try #require(counts["atUpper"] as? Int)
    #expect(lower + upper > 0)
    #expect(run.stdout.contains("; trimmed \(lower) weight(s) to the lower bound, \(upper) to the upper"))
  }

  @Test func rowsSetAsideByWeightingAreCountedInTheManifest() throws {
    let folder = try Self.folder(
      weight: "{method: raking, margins: [region, sexe], missing: quarantine}", population: Self.population,
      respondents: Self.forty(blank: 2))
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try PhareProcess.run("estimate", folder + "/spec.yml", "--out", folder + "/out")
    #expect(run.status == 0)
    #expect(run.stdout.contains("wave 2020: 40 read = 38 clean + 2 quarantined"))
    for path in ["/out/manifest.json", "/out/2020/manifest.json"] {
      let wave = try Self.manifestWave(folder + path)
      #expect(wave["rowsRead"] as? Int == 40)
      #expect(wave["rowsClean"] as? Int == 38)
      #expect(wave["rowsQuarantined"] as? Int == 2)
      #expect(wave["balanced"] as? Bool == true)
      #expect(wave["quarantinedByRule"] as? [String: Int] == ["weight.missing-margin": 2])
      #expect(wave["rowsWeighted"] as? Int == 38)
    }
    let quarantine = CSVText.records(try String(contentsOfFile: folder + "/out/quarantine.csv", encoding: .utf8))
    #expect(quarantine.map { $0["line"] } == ["2", "3"])
    #expect(quarantine.map { $0["rule"] } == ["weight.missing-margin", "weight.missing-margin"])
    #expect(quarantine.map { $0["variable"] } == ["sexe", "sexe"])
    #expect(quarantine.first?["message"] == "weighting variable sexe is blank or « Ne sait pas »")
    // The national base of q1 holds the 38 weighted respondents only.
    let indicators = CSVText.records(
      try String(contentsOfFile: folder + "/out/2020/indicators.csv", encoding: .utf8))
    #expect(Set(indicators.filter { $0["breakdown"] == "national" }.map { $0["n"] }) == ["38"])
  }

  @Test func rowsSetAsideByWeightingCountInTheQuarantineThreshold() throws {
    // 3 of 40 (7.5 %) is above the default threshold of 5 %; 2 of 40 (5.0 %) above is not.
    let folder = try Self.folder(
      weight: "{method: raking, margins: [region, sexe], missing: quarantine}", population: Self.population,
      respondents: Self.forty(blank: 3))
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for command in ["weight", "estimate"] {
      let run = try PhareProcess.run(command, folder + "/spec.yml", "--out", folder + "/out-" + command)
      #expect(run.status == 2)
      let problem = "wave 2020: 7.5% of rows quarantined, above the threshold of 5.0% (weight.missing-margin 3)"
      #expect(run.stderr.contains(problem))
      #expect(run.stdout.contains("wave 2020: 40 read = 37 clean + 3 quarantined"))
      let wave = try Self.manifestWave(folder + "/out-\(command)/manifest.json")
      #expect(wave["status"] as? String == "failed")
      #expect(wave["problem"] as? String == problem)
      #expect(wave["quarantinedByRule"] as? [String: Int] == ["weight.missing-margin": 3])
      #expect(!FileManager.default.fileExists(atPath: folder + "/out-\(command)/2020"))
    }
  }

  @Test func phareRunRecordsTheRowsSetAsideByWeighting() throws {
    let folder = try Self.folder(
      weight: "{method: raking, margins: [region, sexe], missing: quarantine}", population: Self.population,
      respondents: Self.forty(blank: 3))
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try PhareProcess.run("run", folder + "/spec.yml", "--out", folder + "/out")
    #expect(run.status == 2)
    #expect(run.stdout.contains("wave 2020: 40 rows read, 37 kept, 3 quarantined"))
    #expect(
      run.stdout.contains(
        "FAILED, previous outputs kept: wave 2020: 7.5% of rows quarantined, above the threshold of 5.0% "
          + "(weight.missing-margin 3)"))
  }

  @Test func weightingCSVIsWrittenWithTheWeights() throws {
    let folder = try Self.folder(
      weight: "{method: raking, margins: [region, sexe]}", population: Self.population,
      respondents: Self.forty(blank: 0))
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try PhareProcess.run("weight", folder + "/spec.yml", "--out", folder + "/out")
    #expect(run.status == 0)
    #expect(run.stdout.contains("wrote \(folder)/out/2020/weighting.csv"))
    let report = CSVText.records(try String(contentsOfFile: folder + "/out/2020/weighting.csv", encoding: .utf8))
    #expect(report.map { $0["label"] ?? "?" } == ["", "Nord", "Sud", "Est", "Homme", "Femme"])
    #expect(report.map { $0["respondents"] ?? "?" } == ["40", "14", "13", "13", "21", "19"])
  }
}
