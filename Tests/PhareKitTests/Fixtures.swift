// Every test file of this target uses the shared helpers (TemporaryFolder, CSVText…).
@_exported import TestSupport

/// Paths of the committed test inputs under `Tests/Fixtures` and the R golden files under `Tests/Oracle`.
enum Fixtures {
  /// The `Tests` folder.
  static let tests: String = {
    var path = #filePath
    for _ in 0..<2 {
      path = String(path[..<path.lastIndex(of: "/")!])
    }
    return path
  }()

  static func ingest(_ name: String) -> String { tests + "/Fixtures/ingest/" + name }

  static func oracle(_ name: String) -> String { tests + "/Oracle/" + name }
  /// A real case's inputs (spec, codebook, data, populations), copied from where it was reported.
  static func cases(_ name: String) -> String { tests + "/Fixtures/cases/" + name }

  static func clean(_ name: String) -> String { tests + "/Fixtures/clean/" + name }

  static func registry(_ name: String) -> String { tests + "/Fixtures/registry/" + name }

  /// The repository's root folder.
  static let repository = tests + "/.."

  /// The repository's `Pipelines` folder.
  static func pipelines(_ name: String) -> String { tests + "/../Pipelines/" + name }
}
