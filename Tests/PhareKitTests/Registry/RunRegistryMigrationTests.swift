import Foundation
import GRDB
import Testing

@testable import PhareKit

/// A registry written by a schema v1 phare (the committed fixture) is migrated in place to v2, its
/// rows kept; opening it again changes nothing.
@Suite struct RunRegistryMigrationTests {
  /// `PHARE_WRITE_FIXTURES=1` (as `make fixtures` sets it) rewrites the committed fixture first.
  @Test func theCommittedV1FixtureIsWhatItsGeneratorWrites() throws {
    if ProcessInfo.processInfo.environment["PHARE_WRITE_FIXTURES"] == "1" {
      try RegistryFixture.writeV1(to: RegistryFixture.v1)
    }
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try RegistryFixture.writeV1(to: folder.path + "/v1.sqlite")
    let committed = try RegistryFixture.contents(of: RegistryFixture.v1)
    #expect(committed == (try RegistryFixture.contents(of: folder.path + "/v1.sqlite")))
    #expect(
      committed.contains(
        #"[type:"table" name:"grdb_migrations" sql:"CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)"]"#
      ))
    #expect(committed.contains(#"grdb_migrations [identifier:"v1"]"#))
    #expect(!committed.contains { $0.contains("indicator") || $0.contains("seconds") })
  }

  @Test func aV1RegistryIsMigratedToV2WithItsRowsKept() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.path + "/phare.sqlite"
    try FileManager.default.copyItem(atPath: RegistryFixture.v1, toPath: path)
    let before = try RegistryFixture.contents(of: path)

    let registry = try RunRegistry(path: path)
    let after = try RegistryFixture.contents(of: path)
    // The v1 registry is kept beside it, as it was, for the phare that wrote it.
    let backup = RunRegistry.backupPath(path, schema: ["v1"])
    #expect(backup == path + ".backup-v1")
    #expect(try RegistryFixture.contents(of: backup) == before)
    let applied = try DatabaseQueue(path: backup).read { try RegistrySchema.migrator.appliedMigrations($0) }
    #expect(applied == ["v1"])
    // A registry already at this schema is not backed up again.
    try FileManager.default.removeItem(atPath: backup)
    _ = try RunRegistry(path: path)
    #expect(!FileManager.default.fileExists(atPath: backup))
    let queue = try DatabaseQueue(path: path)
    try queue.read { db in
      #expect(try RegistrySchema.migrator.appliedMigrations(db) == ["v1", "v2"])
      #expect(try db.columns(in: "wave").map(\.name).last == "seconds")
      #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM indicator") == 0)
      #expect(
        try db.indexes(on: "indicator").map(\.columns).contains([
          "variable", "category", "breakdown", "breakdown_value",
        ]))
      // The rows of v1, column by column, with `seconds` NULL.
      #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM wave WHERE seconds IS NULL") == 3)
      let v1Columns =
        "id, run_id, pipeline, survey, wave, input_file, input_sha256, spec_sha256, status, problem, "
        + "rows_read, rows_clean, rows_quarantined, weighting, outputs, processed_at"
      let waves = try Row.fetchAll(db, sql: "SELECT \(v1Columns) FROM wave ORDER BY id").map { "wave \($0)" }
      let runs = try Row.fetchAll(db, sql: "SELECT * FROM run ORDER BY id").map { "run \($0)" }
      #expect(before.filter { $0.hasPrefix("wave [") || $0.hasPrefix("run [") } == runs + waves)
    }
    #expect(after.filter { $0.hasPrefix("run [") } == before.filter { $0.hasPrefix("run [") })

    // Read through the API: the latest ok record of 2016 is run 1's, the newer failed one ignored.
    let survey = "institutions"
    let wave2016 = try #require(try registry.lastProcessed(survey: survey, wave: "2016"))
    #expect(wave2016.inputSHA256 == RegistryFixture.inputSHA256[0] && wave2016.status == .ok)
    #expect(wave2016.rowsRead == 304 && wave2016.rowsClean == 296 && wave2016.rowsQuarantined == 8)
    #expect(wave2016.processedAt == Date(timeIntervalSince1970: 1_740_981_672.125))
    #expect(wave2016.seconds == nil && wave2016.weighting?.efficiency == 0.875)
    #expect(wave2016.weighting?.margins.map(\.respondents) == [231, 65])
    #expect(try registry.indicators(survey: survey, wave: "2016") == [])
    let history = try registry.history(survey: survey)
    #expect(history.map(\.id.rawValue) == [2, 1])
    #expect(history.map(\.status) == [.failed, .done] && history.map(\.exitCode) == [2, 0])
    #expect(history[0].waves.map(\.wave) == ["2016", "2017"] && history[0].waves[0].problem == RegistryFixture.problem)
    #expect(history[1].endedAt == Date(timeIntervalSince1970: 1_740_981_690.25))

    // Opening again is a no-op: not a byte of the file changes.
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    _ = try RunRegistry(path: path)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    #expect(try RegistryFixture.contents(of: path) == after)

    // New records go on from the old ones: the new good 2016 record replaces the v1 good one (run 1
    // is left with nothing for this pipeline), the failed attempt of run 2 stays in its history.
    let run = try registry.beginRun(command: "phare run Pipelines")
    #expect(run.rawValue == 3)
    try registry.record(wave: RegistryExamples.wave("2016"), indicators: [RegistryExamples.proportion], in: run)
    #expect(try registry.history(survey: survey).map { $0.waves.map(\.wave) } == [["2016"], ["2016", "2017"]])
    #expect(try registry.indicators(survey: survey, wave: "2016") == [RegistryExamples.proportion])
  }
}
