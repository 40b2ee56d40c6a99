import Foundation
import GRDB

/// A row of the `run` table.
struct StoredRun: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "run"

  var id: Int64?
  var startedAt: Date
  var endedAt: Date?
  var status: String
  var phareVersion: String
  var exitCode: Int?
  var command: String

  enum CodingKeys: String, CodingKey {
    case id, status, command
    case startedAt = "started_at"
    case endedAt = "ended_at"
    case phareVersion = "phare_version"
    case exitCode = "exit_code"
  }

  /// The columns the registry's queries sort on.
  enum Columns {
    static let id = GRDB.Column(CodingKeys.id)
    static let startedAt = GRDB.Column(CodingKeys.startedAt)
  }

  /// The run with `waves`; throws on a status this phare does not know.
  func record(waves: [WaveRecord]) throws -> RunRecord {
    guard let id, let runStatus = RunStatus(rawValue: status) else {
      throw DatabaseError(resultCode: .SQLITE_MISMATCH, message: "run \(id ?? 0): unknown status '\(status)'")
    }
    return RunRecord(
      id: RunID(rawValue: id), command: command, phareVersion: phareVersion, startedAt: startedAt, endedAt: endedAt,
      status: runStatus, exitCode: exitCode, waves: waves)
  }
}
