import Foundation
import Testing

/// `phare history` on a copy of the committed v1 registry, and on paths that are not registries.
@Suite struct HistoryCommandTests {
  private static let fixture = PhareProcess.fixtures + "../registry/registry-v1.sqlite"

  private static func folder() throws -> String {
    let path = NSTemporaryDirectory() + "phare-history-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  @Test func historyListsRunsNewestFirstWithTheirWaves() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let registry = folder + "/phare.sqlite"
    try FileManager.default.copyItem(atPath: Self.fixture, toPath: registry)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: registry))
    let expected: [String] = [
      "run 2: failed, exit 2; started 2025-03-10T06:00:00Z, ended 2025-03-10T06:00:41Z; phare 0.1.0: "
        + "phare run Pipelines --out out",
      "  wave 2016: failed; input unread; processed 2025-03-10T06:00:20Z",
      "    problem: Fixtures/institutions/maires-2016.csv: not a text file (binary content, e.g. a spreadsheet or "
        + "an archive); export it as CSV",
      "  wave 2017: ok; 280 read, 275 clean, 5 quarantined; input b94d27b9934d; processed 2025-03-10T06:00:40Z",
      "run 1: done, exit 0; started 2025-03-03T06:00:00Z, ended 2025-03-03T06:01:30Z; phare 0.1.0: "
        + "phare run Pipelines --out out",
      "  wave 2016: ok; 304 read, 296 clean, 8 quarantined; input 3a7bd3e2360a; processed 2025-03-03T06:01:12Z",
    ]
    // The v1 registry recorded the spec as `Pipelines/institutions.yml`; its survey id, or the spec
    // by an absolute path, finds the same runs.
    let absolute = URL(fileURLWithPath: PhareProcess.fixtures + "../../../Pipelines/institutions.yml").standardized.path
    for pipeline in ["Pipelines/institutions.yml", "institutions", absolute] {
      let run = try PhareProcess.run("history", pipeline, "--registry", registry)
      #expect(run.status == 0)
      #expect(run.stderr == "")
      #expect(run.stdout.split(separator: "\n").map(String.init) == expected, "\(pipeline)")
      // A read command: the v1 registry is read through a migrated copy in memory, its file untouched.
      #expect(try Data(contentsOf: URL(fileURLWithPath: registry)) == bytes)
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["phare.sqlite"])
    }
    let other = try PhareProcess.run("history", "citoyens", "--registry", registry)
    #expect(other.status == 0)
    #expect(other.stdout == "survey citoyens: no run recorded in \(registry)\n")
  }

  @Test func aMissingOrBrokenRegistryIsNamedAndNotCreated() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let missing = folder + "/out/phare.sqlite"
    let run = try PhareProcess.run("history", "Pipelines/institutions.yml", "--registry", missing)
    #expect(run.status == 1)
    #expect(run.stderr == "Error: \(missing): no such file\n")
    #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    let text = folder + "/notes.txt"
    try "not a database, just notes\n".write(toFile: text, atomically: true, encoding: .utf8)
    let broken = try PhareProcess.run("history", "Pipelines/institutions.yml", "--registry", text)
    #expect(broken.status == 1)
    #expect(
      broken.stderr == "Error: \(text): not an SQLite database, so not a phare run registry (file is not a database)\n")
  }
}
