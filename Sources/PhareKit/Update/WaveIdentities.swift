import Foundation

/// The wave id of each of a pipeline's exports, before any is processed, so that a wave is
/// skipped, written and recorded under its own id. From the file name (`inputs.wave.file_name`)
/// the id is known at once. From a column (`inputs.wave.column`) it is the id the registry recorded
/// for the same export (SHA-256) under the same spec fingerprint, so an unchanged export is not
/// read; otherwise the export is read for it (ingest only); an export whose column cannot be read
/// keeps the id the registry last recorded for a file of its name, or its file name without
/// extension, and fails when processed, saying why.
struct WaveIdentities {
  /// Every export with its wave id, in the pipeline's file order.
  let files: [WaveFile]
  /// The wave column, nil when ids come from file names.
  private let column: String?

  init(pipeline: Pipeline, registry: RunRegistry, specSHA256: String) throws {
    guard case .column(let column) = pipeline.spec.inputs.wave else {
      files = pipeline.waves
      column = nil
      return
    }
    self.column = column
    let survey = pipeline.spec.survey
    let reader = pipeline.exportReader
    files = try pipeline.waves.map { file in
      if let sha256 = try? FileDigest.sha256(of: file.path),
        let known = try registry.waveID(survey: survey, inputSHA256: sha256, specSHA256: specSHA256)
      {
        return WaveFile(wave: known, path: file.path)
      }
      if let read = try? CleanStage.waveID(in: try reader.read(file.path), column: column) {
        return WaveFile(wave: read, path: file.path)
      }
      let name = (file.path as NSString).lastPathComponent
      return WaveFile(wave: try registry.waveID(survey: survey, inputName: name) ?? file.wave, path: file.path)
    }
  }

  /// The wave ids, each once, sorted as trends and feeds order waves.
  var waves: [String] { Set(files.map(\.wave)).sorted() }

  /// Why `wave` cannot be processed when several exports give it (none can be told to be the right
  /// one), naming them; nil when one export does.
  func clash(_ wave: String) -> String? {
    let exports = files.filter { $0.wave == wave }
    guard exports.count > 1, let column else { return nil }
    return Self.clash(wave, exports: exports.map(\.path), column: column)
  }

  /// The problem of a wave id that the wave column of several exports (paths) gives.
  static func clash(_ wave: String, exports: [String], column: String) -> String {
    "wave \(wave): several exports give this wave id in column '\(column)': "
      + exports.joined(separator: ", ") + "; keep one export per wave"
  }
}
