import Foundation
import TestSupport
import Testing

/// `phare run` on the shipped PHARE pipelines: every survey and the territorial matrix, end to end.
@Suite struct RunCommandTests {
  private static let pipelines = PhareProcess.fixtures + "../../../Pipelines"

  private static func outputFolder() -> String {
    NSTemporaryDirectory() + "phare-run-" + UUID().uuidString
  }

  @Test func theMainJobRunsEverySurveyAndTheMatrix() throws {
    let out = Self.outputFolder()
    defer { try? FileManager.default.removeItem(atPath: out) }
    let run = try PhareProcess.run("run", Self.pipelines, "--out", out)
    #expect(run.status == 0, "\(run.stderr)")
    // Logs only: no warning, no error.
    #expect(run.stderr.split(separator: "\n").allSatisfy { $0.contains(" info ") }, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n").map(String.init)
    for title in [
      "PHARE-Associations", "PHARE-Citoyens", "PHARE-Entreprises", "PHARE-Institutions", "PHARE-Territoires",
    ] {
      #expect(lines.contains { $0.hasPrefix(title) }, "\(title)")
    }
    #expect(
      lines.contains { $0.hasPrefix("  wave 2016: 311 rows read, 304 kept, 7 quarantined; weighting efficiency ") })
    #expect(
      lines.contains(
        "  wave 2015: 1120 of 1120 cells estimated; wrote \(out)/territoires/2015/"
      ))
    // Three headlines per survey, for its latest wave, each with an interval around its estimate.
    let headlines = lines.filter { $0.hasPrefix("    ") && $0.contains("], n = ") }
    #expect(headlines.count == 4 * 3)
    for survey in ["associations", "citoyens", "entreprises", "institutions"] {
      for wave in ["2015", "2016", "2017"] {
        for file in ["indicators.csv", "indicators-audit.csv", "weights.csv", "clean.csv", "feed.json"] {
          #expect(
            FileManager.default.fileExists(atPath: "\(out)/\(survey)/\(wave)/\(file)"), "\(survey) \(wave) \(file)")
        }
        let feed = try JSONValue.load("\(out)/\(survey)/\(wave)/feed.json")
        #expect(try JSONSchemaValidator.feed().errors(feed) == [])
      }
    }
    let matrix = CSVText.records(try String(contentsOfFile: "\(out)/territoires/2016/matrix.csv", encoding: .utf8))
    #expect(matrix.count == 14 * 16 * 5)
    let feed = try JSONValue.load("\(out)/territoires/2016/feed.json")
    #expect(try JSONSchemaValidator.matrixFeed().errors(feed) == [])
    // The matrix repeats the citizens' own indicator: Auvergne-Rhône-Alpes, emploi, mean importance.
    let cell = try #require(
      matrix.first {
        $0["breakdown_value"] == "84" && $0["domain"] == "emploi" && $0["measure"] == "importance-citoyens"
      })
    let citizens = CSVText.records(try String(contentsOfFile: "\(out)/citoyens/2016/indicators.csv", encoding: .utf8))
    let own = try #require(
      citizens.first {
        $0["breakdown"] == "region" && $0["breakdown_value"] == "84" && $0["variable"] == "importance_01"
      })
    #expect(cell["estimate"] == own["estimate"] && cell["ci_lower"] == own["ci_lower"] && cell["n"] == own["n"])
  }

  @Test func aBrokenSpecFailsWithItsLineWhileTheOthersRun() throws {
    let folder = Self.outputFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try "survey: x\ninputs: {folder: .}\ncodebook: none.yml\nweigth: {}\n".write(
      toFile: folder + "/broken.yml", atomically: true, encoding: .utf8)
    let run = try PhareProcess.run(
      "run", folder + "/broken.yml", Self.pipelines + "/institutions.yml", "--out", folder + "/out")
    #expect(run.status == 2)
    #expect(run.stderr.contains("broken.yml:4: unknown key 'weigth' in the pipeline; did you mean 'weight'?"))
    #expect(run.stdout.contains("PHARE-Institutions"))
    #expect(FileManager.default.fileExists(atPath: folder + "/out/institutions/2016/indicators.csv"))
  }

  @Test func aMatrixMeasureThatFindsNothingIsRefusedWhileThePipelinesRun() throws {
    let folder = Self.outputFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let pipelines = try #require(URL(fileURLWithPath: Self.pipelines).standardized.path as String?)
    try """
    matrix: essai
    domains: \(pipelines)/domaines.csv
    breakdown: region
    measures:
      - {id: q2, pipeline: \(pipelines)/institutions.yml, variables: "q2_*", category: 1}
      - {id: rien, pipeline: \(pipelines)/institutions.yml, variables: "absent_*"}
    """.write(toFile: folder + "/essai.yml", atomically: true, encoding: .utf8)
    let run = try PhareProcess.run("run", folder + "/essai.yml", "--out", folder + "/out")
    #expect(run.status == 2)
    #expect(
      run.stderr.contains(
        "error: \(folder)/essai.yml:6: measure 'rien': no estimated variable of \(pipelines)/institutions.yml "
          + "matches 'absent_*' with a domain"))
    #expect(run.stdout.contains("PHARE-Institutions"))
    #expect(FileManager.default.fileExists(atPath: folder + "/out/institutions/2016/indicators.csv"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/out/essai"))
  }
}
