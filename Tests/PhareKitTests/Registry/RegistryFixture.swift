import Foundation
import GRDB

@testable import PhareKit

/// The generator of `Tests/Fixtures/registry/registry-v1.sqlite`, a registry as a schema v1 phare left it:
/// the v1 migration alone, then two runs and three waves in plain SQL (`make fixtures` rewrites it).
enum RegistryFixture {
  /// The committed fixture.
  static let v1 = Fixtures.registry("registry-v1.sqlite")

  /// Run 1 processed wave 2016; run 2 failed on 2016's export (v1 kept both records) and processed 2017.
  static func writeV1(to path: String) throws {
    try? FileManager.default.removeItem(atPath: path)
    let queue = try DatabaseQueue(path: path)
    try RegistrySchema.migrator.migrate(queue, upTo: "v1")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO run (started_at, ended_at, status, phare_version, exit_code, command) VALUES
            ('2025-03-03 06:00:00.000', '2025-03-03 06:01:30.250', 'done', '0.1.0', 0, 'phare run Pipelines --out out'),
            ('2025-03-10 06:00:00.000', '2025-03-10 06:00:41.500', 'failed', '0.1.0', 2, 'phare run Pipelines --out out');
          INSERT INTO wave (run_id, pipeline, survey, wave, input_file, input_sha256, spec_sha256, status, problem,
              rows_read, rows_clean, rows_quarantined, weighting, outputs, processed_at) VALUES
            (1, 'Pipelines/institutions.yml', 'institutions', '2016', 'Fixtures/institutions/maires-2016.csv',
              '\(inputSHA256[0])', '\(specSHA256)', 'ok', NULL, 304, 296, 8, '\(weighting(231, 65))', 'out/institutions',
              '2025-03-03 06:01:12.125'),
            (2, 'Pipelines/institutions.yml', 'institutions', '2016', 'Fixtures/institutions/maires-2016.csv', NULL,
              '\(specSHA256)', 'failed', '\(problem)', NULL, NULL, NULL, NULL, NULL, '2025-03-10 06:00:20.000'),
            (2, 'Pipelines/institutions.yml', 'institutions', '2017', 'Fixtures/institutions/maires-2017.csv',
              '\(inputSHA256[1])', '\(specSHA256)', 'ok', NULL, 280, 275, 5, '\(weighting(214, 61))', 'out/institutions',
              '2025-03-10 06:00:40.000');
          """)
    }
  }

  /// SHA-256 of the 2016 and 2017 exports as recorded.
  static let inputSHA256 = [
    "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b",
    "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9",
  ]
  static let specSHA256 = "7d865e959b2466918c9863afca942d0fb89d7c9ac0c99bafc3749504ded97730"
  static let problem =
    "Fixtures/institutions/maires-2016.csv: not a text file (binary content, e.g. a spreadsheet or an archive); "
    + "export it as CSV"
  /// The weighting diagnostics of an ok wave, as JSON text, with its respondents in urban and rural communes.
  static func weighting(_ urban: Int, _ rural: Int) -> String {
    #"{"collapsed":[],"coefficientOfVariation":0.375,"effectiveSampleSize":259.2,"efficiency":0.875,"#
      + #""imputed":0,"iterations":6,"kishDesignEffect":1.140625,"margins":[{"achieved":20000,"category":"1","#
      + #""margin":"urbain","respondents":\#(urban),"target":20000},{"achieved":15795,"category":"2","#
      + #""margin":"urbain","respondents":\#(rural),"target":15795}],"maxMinRatio":4.5,"maximumWeight":270,"#
      + #""method":"raking","minimumWeight":60,"populationTotal":35795,"respondents":\#(urban + rural),"#
      + #""sumOfWeights":35795}"#
  }

  /// Every table's and index's SQL and every row, to compare registries whatever SQLite version wrote them.
  static func contents(of path: String) throws -> [String] {
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    return try queue.read { db in
      let schema = try Row.fetchAll(db, sql: "SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
      var lines = schema.map(\.description)
      for table in schema where table["type"] == "table" {
        let name: String = table["name"]
        lines += try Row.fetchAll(db, sql: "SELECT * FROM \(name) ORDER BY rowid").map { "\(name) \($0)" }
      }
      return lines
    }
  }
}
