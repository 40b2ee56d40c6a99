import Foundation

/// `<out>/index.json`, described by `Schemas/index.schema.json`: what a `phare run` output folder
/// publishes, so that a dashboard or a cron check needs no knowledge of its layout. Every survey
/// with its time-series feed and trends, and each wave with its status and the paths of its feed,
/// indicators, tables, workbook, report and manifest as the wave's `manifest.json` lists them;
/// every matrix with, per wave, its feed, `matrix.csv` and manifest. Paths are relative to the
/// index; a file that is not there is not listed. Each feed has its byte size and SHA-256, so a
/// reader can tell a changed feed without downloading it. Written by `phare run` after everything
/// it lists (`FeedIndex.update`).
public struct FeedIndex: Codable, Sendable, Equatable {
  /// Versioned as the feeds: an additive change bumps the minor version, a breaking one the major.
  public static let schemaVersion = "1.0.0"

  /// A feed: its path relative to the index, its size in bytes and the SHA-256 of its bytes.
  struct File: Codable, Sendable, Equatable {
    var path: String
    var bytes: Int
    var sha256: String
  }

  /// A survey (one pipeline's output folder): its time-series feed and trends, and its waves.
  struct Survey: Codable, Sendable, Equatable {
    var survey: String
    var actor: String
    var title: String
    /// The spec's file name, as in the feeds.
    var pipeline: String
    var feed: File?
    var trends: String?
    var waves: [Wave] = []
  }

  /// A wave of a survey: its published outputs (those of its last good processing) and whether
  /// its last processing failed, with why (`rejected/<wave>/manifest.json`).
  struct Wave: Codable, Sendable, Equatable {
    var wave: String
    /// `ok`, or `failed` when the wave's last processing failed: its previous outputs, if any, are listed.
    var status: String
    var problem: String?
    /// When the published outputs were written (their manifest's `generatedAt`), ISO 8601 UTC.
    var writtenAt: String?
    /// The SHA-256 of the export the published outputs come from.
    var exportSHA256: String?
    var manifest: String?
    var feed: File?
    var indicators: String?
    var tables: [String] = []
    var workbook: String?
    var report: String?
    var rejected: String?
  }

  /// A territorial matrix (one matrix spec's output folder) and its waves.
  struct Matrix: Codable, Sendable, Equatable {
    var matrix: String
    var title: String
    var waves: [MatrixWave] = []
  }

  /// A wave of a matrix: its feed, `matrix.csv` and manifest (none when the matrix had problems).
  struct MatrixWave: Codable, Sendable, Equatable {
    var wave: String
    var feed: File?
    var csv: String?
    var manifest: String?
  }

  var schemaVersion = Self.schemaVersion
  /// When the index was last written with other content, ISO 8601 UTC.
  var generatedAt: String
  var phareVersion = PhareVersion.current
  var surveys: [Survey]
  var matrices: [Matrix]
}

/// The index as JSON, written as the feeds are: sorted keys, null (never an absent key) where a
/// path or value is missing; read back to compare a run's index with the one on disk.
extension FeedIndex {
  private enum CodingKeys: String, CodingKey {
    case schemaVersion = "schema_version"
    case generatedAt = "generated_at"
    case phareVersion = "phare_version"
    case surveys, matrices
  }

  /// The index file's text.
  func json() throws -> String {
    try JSONText.encode(self)
  }
}

extension FeedIndex.Survey {
  private enum CodingKeys: String, CodingKey { case survey, actor, title, pipeline, feed, trends, waves }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(survey, forKey: .survey)
    try container.encode(actor, forKey: .actor)
    try container.encode(title, forKey: .title)
    try container.encode(pipeline, forKey: .pipeline)
    try container.encodeOrNull(feed, forKey: .feed)
    try container.encodeOrNull(trends, forKey: .trends)
    try container.encode(waves, forKey: .waves)
  }
}

extension FeedIndex.Wave {
  private enum CodingKeys: String, CodingKey {
    case wave, status, problem
    case writtenAt = "written_at"
    case exportSHA256 = "export_sha256"
    case manifest, feed, indicators, tables, workbook, report, rejected
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(wave, forKey: .wave)
    try container.encode(status, forKey: .status)
    try container.encodeOrNull(problem, forKey: .problem)
    try container.encodeOrNull(writtenAt, forKey: .writtenAt)
    try container.encodeOrNull(exportSHA256, forKey: .exportSHA256)
    try container.encodeOrNull(manifest, forKey: .manifest)
    try container.encodeOrNull(feed, forKey: .feed)
    try container.encodeOrNull(indicators, forKey: .indicators)
    try container.encode(tables, forKey: .tables)
    try container.encodeOrNull(workbook, forKey: .workbook)
    try container.encodeOrNull(report, forKey: .report)
    try container.encodeOrNull(rejected, forKey: .rejected)
  }
}

extension FeedIndex.MatrixWave {
  private enum CodingKeys: String, CodingKey { case wave, feed, csv, manifest }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(wave, forKey: .wave)
    try container.encodeOrNull(feed, forKey: .feed)
    try container.encodeOrNull(csv, forKey: .csv)
    try container.encodeOrNull(manifest, forKey: .manifest)
  }
}
