import Foundation
import Testing

/// The registry keys a pipeline by its survey id, not by the spec path as typed: `phare run` given
/// the same specs by a relative, absolute, `./` or symbolically linked path skips every unchanged
/// wave and matrix, and `phare history` finds the same runs under any of those paths or the survey id.
@Suite struct StableIdentityTests {
  private typealias Workspace = UnattendedRunTests.Workspace

  /// `phare run SPECS --out out` run from the workspace's root.
  private static func run(_ specs: String, in space: Workspace, _ more: String...) throws -> PhareProcess {
    try PhareProcess.run(["run", specs, "--out", "out"] + more, in: space.root)
  }

  private static func history(_ pipeline: String, in space: Workspace) throws -> PhareProcess {
    try PhareProcess.run(["history", pipeline, "--registry", "out/phare.sqlite"], in: space.root)
  }

  @Test func anotherSpellingOfTheSpecPathSkipsEveryUnchangedWave() throws {
    let space = try WaveColumnTests.workspace(waves: ["2015", "2016"])
    defer { space.remove() }
    try FileManager.default.createSymbolicLink(atPath: space.root + "/lien", withDestinationPath: "Pipelines")
    try FileManager.default.createSymbolicLink(
      atPath: space.root + "/maires.yml", withDestinationPath: "Pipelines/institutions.yml")
    let first = try Self.run("Pipelines", in: space)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr.split(separator: "\n").filter { $0.contains(" info clean done ") }.count == 2)
    let before = try space.modificationTimes()
    #expect(before["institutions/2016/indicators.csv"] != nil && before["institutions/trends.csv"] != nil)
    #expect(before["territoires/2016/matrix.csv"] != nil)
    for spelling in [space.root + "/Pipelines", "./Pipelines/", "lien", "lien/institutions.yml", "Pipelines/../lien"] {
      let again = try Self.run(spelling, in: space)
      #expect(again.status == 0, "\(spelling): \(again.stderr)")
      #expect(!again.stderr.contains(" clean done "), "\(spelling) reprocessed: \(again.stderr)")
      for wave in ["2015", "2016"] {
        #expect(again.stdout.contains("  wave \(wave): unchanged since the last run, skipped"), "\(spelling)")
        if !spelling.hasSuffix(".yml") { #expect(again.stdout.contains("  wave \(wave): unchanged\n"), "\(spelling)") }
      }
      #expect(try space.modificationTimes() == before, "\(spelling) rewrote outputs")
    }
    // Every spelling of the spec, and the survey id, lists the one run that recorded the waves.
    let spellings = [
      "institutions", "Pipelines/institutions.yml", space.spec, "./Pipelines/institutions.yml",
      "lien/institutions.yml", "Pipelines/../lien/institutions.yml", "maires.yml",
    ]
    let listed = try spellings.map { try Self.history($0, in: space) }
    #expect(listed.allSatisfy { $0.status == 0 && $0.stderr == "" })
    #expect(Set(listed.map(\.stdout)).count == 1, "\(listed.map(\.stdout))")
    let lines = listed[0].stdout.split(separator: "\n")
    #expect(lines.count == 3, "\(listed[0].stdout)")
    #expect(lines.first?.hasPrefix("run 1: done, exit 0; started ") == true)
    #expect(lines.first?.hasSuffix(": phare run Pipelines --out out") == true)
    #expect(
      lines.dropFirst().map { $0.components(separatedBy: "; input ")[0] } == [
        "  wave 2015: ok; 311 read, 304 clean, 7 quarantined", "  wave 2016: ok; 311 read, 304 clean, 7 quarantined",
      ])

    // Reprocessed under an absolute path, the waves are listed under that run by the relative path.
    let forced = try Self.run(space.root + "/Pipelines", in: space, "--force")
    #expect(forced.status == 0)
    let after = try Self.history("Pipelines/institutions.yml", in: space).stdout.split(separator: "\n")
    #expect(after.count == 3 && after[0].hasPrefix("run 7: done, exit 0;"), "\(after)")
    #expect(after[0].hasSuffix(": phare run \(space.root)/Pipelines --out out --force"))
    #expect(try Self.history(space.spec, in: space).stdout == after.joined(separator: "\n") + "\n")
    let unknown = try Self.history("citoyens", in: space)
    #expect(unknown.status == 0 && unknown.stdout == "survey citoyens: no run recorded in out/phare.sqlite\n")
  }

  /// Two specs of one survey id in one run would share its output folder and its registry records:
  /// both are refused, each naming the other, and nothing is written for them.
  @Test func twoSpecsOfOneSurveyAreRefusedNamingBoth() throws {
    let space = try Workspace(waves: ["2016"])
    defer { space.remove() }
    let copy = space.root + "/Pipelines/institutions-bis.yml"
    try FileManager.default.copyItem(atPath: space.spec, toPath: copy)
    let run = try Self.run("Pipelines", in: space)
    #expect(run.status == 2)
    let why = " (one output folder, one history in the registry)"
    #expect(
      run.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }.map(String.init) == [
        "error: Pipelines/institutions-bis.yml:2: survey 'institutions' is also the survey of Pipelines/institutions.yml"
          + why,
        "error: Pipelines/institutions.yml:2: survey 'institutions' is also the survey of Pipelines/institutions-bis.yml"
          + why,
      ], "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: space.survey))
  }
}
