import Foundation
import GRDB

/// The embedded SQLite store of unattended runs (e.g. `out/phare.sqlite`): which run processed which
/// wave from which inputs, with what outcome and indicators, so a run can skip unchanged waves.
public struct RunRegistry: Sendable {
  public let path: String
  private let queue: DatabaseQueue

  /// Opens the registry at `path` and migrates it to the current schema, first copying a registry
  /// written by an older phare to `backupPath` (SQLite's online backup), so that the older phare
  /// can be put back with its registry; when absent, creates it and its folder, unless `creating`
  /// is false. Every error is a `RegistryError` naming the file.
  public init(path: String, creating: Bool = true) throws {
    self.path = path
    if !FileManager.default.fileExists(atPath: path) {
      guard creating else { throw RegistryError(file: path, problem: "no such file") }
      let folder = (path as NSString).deletingLastPathComponent
      do {
        if !folder.isEmpty {
          try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
      } catch {
        throw RegistryError(file: path, problem: "cannot create its folder \(folder): \(error.localizedDescription)")
      }
    }
    var configuration = Configuration()
    // A `phare history` reading while a run writes waits for it rather than failing at once.
    configuration.busyMode = .timeout(10)
    do {
      queue = try DatabaseQueue(path: path, configuration: configuration)
      let applied = try queue.read { db in
        try Self.checkIsRegistry(db, file: path)
        return try RegistrySchema.migrator.appliedIdentifiers(db)
      }
      if !applied.isEmpty && applied != Set(RegistrySchema.migrator.migrations) {
        try queue.backup(to: try DatabaseQueue(path: Self.backupPath(path, schema: applied)))
      }
      try RegistrySchema.migrator.migrate(queue)
    } catch let error as DatabaseError {
      throw Self.registryError(error, file: path)
    }
  }

  /// Opens the registry at `path` for reading only: the file is never written nor migrated (an
  /// older phare's cron job keeps using it); a registry of an older schema is copied into memory
  /// and migrated there. Every error is a `RegistryError` naming the file.
  public init(readingOnly path: String) throws {
    self.path = path
    guard FileManager.default.fileExists(atPath: path) else { throw RegistryError(file: path, problem: "no such file") }
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(10)
    do {
      let file = try DatabaseQueue(path: path, configuration: configuration)
      try file.read { try Self.checkIsRegistry($0, file: path) }
      queue = try DatabaseQueue()
      try file.backup(to: queue)
      try RegistrySchema.migrator.migrate(queue)
    } catch let error as DatabaseError {
      throw Self.registryError(error, file: path)
    }
  }

  /// Where `init(path:)` keeps a registry of an older schema before migrating it:
  /// `phare.sqlite.backup-v1` for a registry with migrations up to v1.
  public static func backupPath(_ path: String, schema applied: Set<String>) -> String {
    path + ".backup-" + (applied.sorted().last ?? "empty")
  }

  /// Records the start of a run (status `running`) by this phare; returns its id.
  public func beginRun(command: String, at date: Date = Date()) throws -> RunID {
    try write { db in
      try StoredRun(
        startedAt: date, status: RunStatus.running.rawValue, phareVersion: PhareVersion.current, command: command
      ).insert(db)
      return RunID(rawValue: db.lastInsertedRowID)
    }
  }

  /// Records how a run ended.
  public func finishRun(_ run: RunID, status: RunStatus, exitCode: Int, at date: Date = Date()) throws {
    try write { db in
      try db.execute(
        sql: "UPDATE run SET status = ?, exit_code = ?, ended_at = ? WHERE id = ?",
        arguments: [status.rawValue, exitCode, date, run.rawValue])
      guard db.changesCount == 1 else { throw RegistryError(file: path, problem: "no run \(run)") }
    }
  }

  /// Records a wave and its indicators in one transaction, replacing (deleting) any earlier record of
  /// the same survey, wave id and status with its indicators, whatever path its spec was given by: a
  /// failed attempt never erases the last good record, which still describes the outputs on disk. On
  /// any error nothing is changed.
  public func record(wave: WaveRecord, indicators: [Indicator], in run: RunID) throws {
    var stored = StoredWave(wave, run: run)
    stored.pipeline = FilePath.normalise(wave.pipeline)
    try write { db in
      try StoredWave.filter(
        StoredWave.Columns.survey == stored.survey && StoredWave.Columns.wave == stored.wave
          && StoredWave.Columns.status == stored.status
      ).deleteAll(db)
      try stored.insert(db)
      let waveID = db.lastInsertedRowID
      try StoredIndicator.insert(indicators, wave: waveID, into: db)
    }
  }

  /// The latest `ok` record of a survey's wave, failed ones ignored: its input and spec hashes tell
  /// whether it changed since.
  public func lastProcessed(survey: String, wave: String) throws -> WaveRecord? {
    try read { db in try Self.latestOK(db, survey: survey, wave: wave)?.record() }
  }

  /// The indicators of the latest `ok` record of a survey's wave, in the order recorded; empty when there is none.
  public func indicators(survey: String, wave: String) throws -> [Indicator] {
    try read { db in
      guard let waveID = try Self.latestOK(db, survey: survey, wave: wave)?.id else { return [] }
      return try StoredIndicator.filter(StoredIndicator.Columns.waveID == waveID).order(StoredIndicator.Columns.id)
        .fetchAll(db).map(\.indicator)
    }
  }

  /// The national indicators of `variables` in the latest `ok` record of a survey's wave, in the order
  /// recorded (a run summary's headlines), without reading the wave's other indicators.
  public func nationalIndicators(survey: String, wave: String, variables: [String]) throws -> [Indicator] {
    try read { db in
      guard let waveID = try Self.latestOK(db, survey: survey, wave: wave)?.id else { return [] }
      return try StoredIndicator.filter(
        StoredIndicator.Columns.waveID == waveID && StoredIndicator.Columns.breakdown == "national"
          && variables.contains(StoredIndicator.Columns.variable)
      ).order(StoredIndicator.Columns.id).fetchAll(db).map(\.indicator)
    }
  }

  /// The wave id of the survey's latest `ok` record made from an export with this SHA-256 and this
  /// spec fingerprint: the id a wave column gave that very export, known without reading it again.
  public func waveID(survey: String, inputSHA256: String, specSHA256: String) throws -> String? {
    try read { db in
      try StoredWave.filter(
        StoredWave.Columns.survey == survey && StoredWave.Columns.inputSHA256 == inputSHA256
          && StoredWave.Columns.specSHA256 == specSHA256 && StoredWave.Columns.status == WaveStatus.ok.rawValue
      ).order(StoredWave.Columns.processedAt.desc, StoredWave.Columns.id.desc).fetchOne(db)?.wave
    }
  }

  /// The wave id of the survey's latest record (ok or failed) of an export with this file name,
  /// whatever its folder was spelled: the id a file whose wave column cannot be read last had.
  public func waveID(survey: String, inputName: String) throws -> String? {
    try read { db in
      try StoredWave.filter(StoredWave.Columns.survey == survey)
        .order(StoredWave.Columns.processedAt.desc, StoredWave.Columns.id.desc).fetchAll(db)
        .first { ($0.inputFile as NSString).lastPathComponent == inputName }?.wave
    }
  }

  /// The runs that recorded a wave of the survey, newest first, each with those waves. `survey` is
  /// a survey id or, for records of a spec that no longer exists, the spec path they were recorded under.
  public func history(survey: String) throws -> [RunRecord] {
    try read { db in
      let waves = try StoredWave.filter(
        StoredWave.Columns.survey == survey || StoredWave.Columns.pipeline == FilePath.normalise(survey)
      ).order(StoredWave.Columns.wave, StoredWave.Columns.id).fetchAll(db)
      let byRun = Dictionary(grouping: waves, by: \.runID)
      let newestFirst = [StoredRun.Columns.startedAt.desc, StoredRun.Columns.id.desc]
      let runs = try StoredRun.filter(keys: byRun.keys).order(newestFirst).fetchAll(db)
      return try runs.map { run in try run.record(waves: (byRun[run.id ?? 0] ?? []).map { try $0.record() }) }
    }
  }

  /// Marks the runs left `running` by a stopped process as `interrupted`; returns how many. Called at the
  /// start of every run, so it assumes no other run is using the registry at the same time.
  @discardableResult
  public func repairInterrupted() throws -> Int {
    try write { db in
      try db.execute(
        sql: "UPDATE run SET status = ? WHERE status = ?",
        arguments: [RunStatus.interrupted.rawValue, RunStatus.running.rawValue])
      return db.changesCount
    }
  }

  private static func latestOK(_ db: Database, survey: String, wave: String) throws -> StoredWave? {
    try StoredWave.filter(
      StoredWave.Columns.survey == survey && StoredWave.Columns.wave == wave
        && StoredWave.Columns.status == WaveStatus.ok.rawValue
    ).order(StoredWave.Columns.processedAt.desc, StoredWave.Columns.id.desc).fetchOne(db)
  }

  /// Refuses an SQLite database of something else, or a registry with migrations this phare does not know.
  private static func checkIsRegistry(_ db: Database, file: String) throws {
    let tables = try String.fetchAll(
      db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    guard !tables.isEmpty else { return }
    guard tables.contains("grdb_migrations") else {
      throw RegistryError(
        file: file,
        problem: "an SQLite database but not a phare run registry (tables \(tables.joined(separator: ", ")))")
    }
    let unknown = try RegistrySchema.migrator.appliedIdentifiers(db).subtracting(RegistrySchema.migrator.migrations)
    guard unknown.isEmpty else {
      throw RegistryError(
        file: file,
        problem: "the registry has schema migrations this phare (\(PhareVersion.current)) does not know "
          + "(\(unknown.sorted().joined(separator: ", "))): written by a newer phare?")
    }
  }

  private func read<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try queue.read(body)
    } catch let error as DatabaseError {
      throw Self.registryError(error, file: path)
    }
  }

  /// Runs `updates` in one transaction, rolled back when it throws.
  private func write<T>(_ updates: (Database) throws -> T) throws -> T {
    do {
      return try queue.write(updates)
    } catch let error as DatabaseError {
      throw Self.registryError(error, file: path)
    }
  }

  private static func registryError(_ error: DatabaseError, file: String) -> RegistryError {
    let message = error.message ?? "SQLite error \(error.resultCode.rawValue)"
    switch error.resultCode {
    case .SQLITE_NOTADB:
      return RegistryError(file: file, problem: "not an SQLite database, so not a phare run registry (\(message))")
    case .SQLITE_CANTOPEN:
      return RegistryError(file: file, problem: "cannot be opened (\(message))")
    case .SQLITE_READONLY, .SQLITE_PERM:
      return RegistryError(file: file, problem: "cannot be written (\(message))")
    default:
      return RegistryError(file: file, problem: message)
    }
  }
}
