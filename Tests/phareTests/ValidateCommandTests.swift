import Foundation
import Testing

/// `phare validate` as a user runs it before handing a folder of specs to cron.
@Suite struct ValidateCommandTests {
  private static let repository = PhareProcess.fixtures + "../../../"

  @Test func theShippedFolderPassesSpecBySpec() throws {
    let run = try PhareProcess.run("validate", Self.repository + "Pipelines")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr == "")
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 5)
    #expect(lines.last?.hasSuffix("Pipelines/phare-territoires.yml: ok — matrix territoires, 5 measures") == true)
  }

  @Test func validateAndRunPrintTheSameLinesForABrokenSpecBesideAGoodOne() throws {
    let folder = NSTemporaryDirectory() + "phare-validate-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let shipped = try String(contentsOfFile: Self.repository + "Pipelines/institutions.yml", encoding: .utf8)
    let pipelines = URL(fileURLWithPath: Self.repository + "Pipelines").standardized.path
    let broken = folder + "/maires.yml"
    try shipped.replacingOccurrences(of: "survey: institutions", with: "survey: maires")
      .replacingOccurrences(of: "margins: [region*urbain]", with: "margins: []")
      .replacingOccurrences(of: "../Fixtures", with: pipelines + "/../Fixtures")
      .replacingOccurrences(of: "codebooks/", with: pipelines + "/codebooks/")
      .replacingOccurrences(of: "domaines.csv", with: pipelines + "/domaines.csv")
      .write(toFile: broken, atomically: true, encoding: .utf8)
    let expected = "\(broken):38: weight.margins is empty: weighting needs at least one margin"
    let validate = try PhareProcess.run("validate", broken, pipelines + "/institutions.yml")
    #expect(validate.status == 1)
    #expect(validate.stderr.split(separator: "\n").map(String.init) == [expected, "1 problem(s) in 1 file(s)"])
    let run = try PhareProcess.run(
      "run", broken, pipelines + "/institutions.yml", "--out", folder + "/out", "--quiet")
    #expect(run.status == 2)
    #expect(run.stderr.contains("error: " + expected + "\n"))
    #expect(FileManager.default.fileExists(atPath: folder + "/out/institutions/2016/indicators.csv"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/out/maires"))
  }
}
