import Foundation
import GRDB

/// A row of the `wave` table; the weighting diagnostics and the timings are JSON text.
struct StoredWave: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "wave"

  var id: Int64?
  var runID: Int64
  var pipeline: String
  var survey: String
  var wave: String
  var inputFile: String
  var inputSHA256: String?
  var specSHA256: String
  var status: String
  var problem: String?
  var rowsRead: Int?
  var rowsClean: Int?
  var rowsQuarantined: Int?
  var weighting: WeightingDiagnostics?
  var outputs: String?
  var processedAt: Date
  var seconds: StageTimings?

  enum CodingKeys: String, CodingKey {
    case id, pipeline, survey, wave, status, problem, weighting, outputs, seconds
    case runID = "run_id"
    case inputFile = "input_file"
    case inputSHA256 = "input_sha256"
    case specSHA256 = "spec_sha256"
    case rowsRead = "rows_read"
    case rowsClean = "rows_clean"
    case rowsQuarantined = "rows_quarantined"
    case processedAt = "processed_at"
  }

  /// The columns the registry's queries filter and sort on.
  enum Columns {
    static let id = GRDB.Column(CodingKeys.id)
    static let pipeline = GRDB.Column(CodingKeys.pipeline)
    static let survey = GRDB.Column(CodingKeys.survey)
    static let inputSHA256 = GRDB.Column(CodingKeys.inputSHA256)
    static let specSHA256 = GRDB.Column(CodingKeys.specSHA256)
    static let wave = GRDB.Column(CodingKeys.wave)
    static let status = GRDB.Column(CodingKeys.status)
    static let processedAt = GRDB.Column(CodingKeys.processedAt)
  }

  init(_ record: WaveRecord, run: RunID) {
    runID = run.rawValue
    pipeline = record.pipeline
    survey = record.survey
    wave = record.wave
    inputFile = record.inputFile
    inputSHA256 = record.inputSHA256
    specSHA256 = record.specSHA256
    status = record.status.rawValue
    problem = record.problem
    rowsRead = record.rowsRead
    rowsClean = record.rowsClean
    rowsQuarantined = record.rowsQuarantined
    weighting = record.weighting
    outputs = record.outputs
    processedAt = record.processedAt
    seconds = record.seconds
  }

  /// The value the caller recorded; throws on a status this phare does not know.
  func record() throws -> WaveRecord {
    guard let waveStatus = WaveStatus(rawValue: status) else {
      throw DatabaseError(resultCode: .SQLITE_MISMATCH, message: "wave \(id ?? 0): unknown status '\(status)'")
    }
    return WaveRecord(
      pipeline: pipeline, survey: survey, wave: wave, inputFile: inputFile, inputSHA256: inputSHA256,
      specSHA256: specSHA256, status: waveStatus, problem: problem, rowsRead: rowsRead, rowsClean: rowsClean,
      rowsQuarantined: rowsQuarantined, weighting: weighting, outputs: outputs, processedAt: processedAt,
      seconds: seconds)
  }

  /// Sorted keys, and non-finite numbers (a ratio over a zero weight) as strings rather than an encoding error.
  static func databaseJSONEncoder(for column: String) -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return encoder
  }

  static func databaseJSONDecoder(for column: String) -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return decoder
  }
}
