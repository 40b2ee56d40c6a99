import GRDB

/// The run registry's schema as GRDB migrations. A shipped migration is never edited: new steps are
/// appended, so a registry written by any earlier phare is migrated in place, never recreated.
enum RegistrySchema {
  static let migrator: DatabaseMigrator = {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1", migrate: v1)
    migrator.registerMigration("v2", migrate: v2)
    return migrator
  }()

  /// v1: the runs, and per run the waves it processed with their inputs' hashes and row accounting.
  static func v1(_ db: Database) throws {
    try db.create(table: "run") { table in
      table.autoIncrementedPrimaryKey("id")
      table.column("started_at", .datetime).notNull()
      table.column("ended_at", .datetime)
      table.column("status", .text).notNull().check(sql: "status IN ('running', 'done', 'failed', 'interrupted')")
      table.column("phare_version", .text).notNull()
      table.column("exit_code", .integer)
      table.column("command", .text).notNull()
    }
    try db.create(table: "wave") { table in
      table.autoIncrementedPrimaryKey("id")
      table.column("run_id", .integer).notNull().indexed().references("run", onDelete: .cascade)
      table.column("pipeline", .text).notNull()
      table.column("survey", .text).notNull()
      table.column("wave", .text).notNull()
      table.column("input_file", .text).notNull()
      table.column("input_sha256", .text)
      table.column("spec_sha256", .text).notNull()
      table.column("status", .text).notNull().check(sql: "status IN ('ok', 'failed')")
      table.column("problem", .text)
      table.column("rows_read", .integer)
      table.column("rows_clean", .integer)
      table.column("rows_quarantined", .integer)
      table.column("weighting", .text)
      table.column("outputs", .text)
      table.column("processed_at", .datetime).notNull()
    }
    try db.create(index: "wave_on_pipeline_wave", on: "wave", columns: ["pipeline", "wave"])
  }

  /// v2: each wave's indicators, looked up by cell across waves, and the stage timings of a wave.
  static func v2(_ db: Database) throws {
    try db.alter(table: "wave") { table in
      table.add(column: "seconds", .text)
    }
    try db.create(table: "indicator") { table in
      table.autoIncrementedPrimaryKey("id")
      table.column("wave_id", .integer).notNull().indexed().references("wave", onDelete: .cascade)
      for name in ["actor", "domain", "domain_label", "breakdown", "breakdown_value", "breakdown_label"] {
        table.column(name, .text).notNull()
      }
      for name in ["variable", "variable_label", "category", "category_label"] {
        table.column(name, .text).notNull()
      }
      table.column("statistic", .text).notNull().check(sql: "statistic IN ('mean', 'proportion', 'total')")
      // Numbers are REAL; NaN, which SQLite would store as NULL, is stored as the text 'NaN'.
      for name in ["estimate", "se", "ci_lower", "ci_upper"] {
        table.column(name, .double).notNull()
      }
      table.column("ci_method", .text).notNull()
      table.column("deff", .double)
      table.column("n", .integer).notNull().check(sql: "n >= 0")
      table.column("weighted_n", .double).notNull()
      table.column("effective_n", .double)
      table.column("cv", .double)
      table.column("df", .double).notNull()
      for name in ["diff_national", "diff_national_se", "diff_rest", "diff_rest_se"] {
        table.column(name, .double)
      }
      table.column("flags", .text).notNull()
    }
    try db.create(
      index: "indicator_on_cell", on: "indicator", columns: ["variable", "category", "breakdown", "breakdown_value"])
  }
}
