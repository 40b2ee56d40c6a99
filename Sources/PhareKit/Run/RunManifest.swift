import Foundation

/// A run's manifest: when and by which phare it ran, the SHA-256 of every file it read, and per
/// wave the row accounting, what rejected rows, the weighting diagnostics and the stage timings.
public struct RunManifest: Codable, Sendable, Equatable {
  /// A file the run read, with its content's SHA-256.
  public struct Input: Codable, Sendable, Equatable {
    public var file: String
    public var sha256: String
  }

  public struct Wave: Codable, Sendable, Equatable {
    public var wave: String
    public var file: String
    /// SHA-256 of the export.
    public var sha256: String?
    public var status: String
    public var problem: String?
    public var rowsRead: Int?
    /// Rows kept by every stage that ran (the weight stage's set-aside rows are quarantined, not clean).
    public var rowsClean: Int?
    /// Rows set aside by ingest, cleaning and weighting.
    public var rowsQuarantined: Int?
    /// rows read = rows clean + rows quarantined.
    public var balanced: Bool?
    /// Rows quarantined by each rule of every stage (`weight.missing-margin` included).
    public var quarantinedByRule: [String: Int]?
    /// Cells set missing in kept rows (`clean.invalid_cells: set-missing`); not counted in rows quarantined.
    public var cellsSetMissing: Int?
    /// Clean rows that carry a weight.
    public var rowsWeighted: Int?
    public var weighting: WeightingDiagnostics?
    public var indicators: Int?
    /// The export's physical lines read as Windows-1252 (`inputs.encoding: mixed`); absent when none.
    public var windows1252Lines: [Int]?
    /// The codebook and derived variables the wave does not ask (`CleanWave.notAsked`); absent when it asks them all.
    public var notAsked: [String]?
    public var seconds: StageTimings
  }

  public var phareVersion: String
  /// The CSV locale (`rfc4180`, `fr`) and whether clean.csv has labels: with `phareVersion` and
  /// `specFiles`, what tells a run why a wave's outputs are out of date. Absent from older manifests.
  public var csvLocale: String?
  public var labels: Bool?
  /// ISO 8601 UTC: the only field, with the timings, that differs between reruns on the same inputs.
  public var generatedAt: String
  public var pipeline: String
  public var survey: String
  /// The spec and the files it names (codebook, populations, domains): what decides how waves are processed.
  public var specFiles: [Input]
  public var waves: [Wave]
  /// In a wave folder's manifest, each other file of the folder (path relative to it) with its size
  /// in bytes: `phare run` reprocesses a wave one of whose files is missing or of another size.
  /// Absent from the manifest beside the wave folders and from older manifests.
  public var files: [String: Int]?

  public init(pipeline: Pipeline, results: [WaveResult], options: StageOutputs.Options = .init()) throws {
    phareVersion = PhareVersion.current
    csvLocale = options.csvLocale.rawValue
    labels = options.labels
    generatedAt = options.generatedAt.formatted(.iso8601)
    self.pipeline = pipeline.spec.file
    survey = pipeline.spec.survey
    specFiles = try Self.specFiles(of: pipeline)
    waves = results.map { result in
      let cleaned = result.cleaned
      let rows = result.accounting
      return Wave(
        wave: cleaned?.wave ?? result.file.wave,
        file: result.file.path,
        sha256: result.sha256,
        status: result.failed ? "failed" : "ok",
        problem: result.problem,
        rowsRead: cleaned?.rowsRead,
        rowsClean: rows?.kept,
        rowsQuarantined: rows?.quarantined.count,
        balanced: rows?.isBalanced,
        quarantinedByRule: rows.map { Dictionary(uniqueKeysWithValues: $0.ruleCounts.map { ($0.rule, $0.count) }) },
        cellsSetMissing: cleaned?.cellsSetMissing.count,
        rowsWeighted: result.weighted?.rows.count,
        weighting: result.weighted?.diagnostics,
        indicators: result.indicators?.count,
        windows1252Lines: result.windows1252Lines.isEmpty ? nil : result.windows1252Lines,
        notAsked: cleaned.flatMap { $0.notAsked.isEmpty ? nil : $0.notAsked },
        seconds: result.timings
      )
    }
  }

  /// The pipeline's spec files (`Pipeline.specFiles`) with their SHA-256 now.
  static func specFiles(of pipeline: Pipeline) throws -> [Input] {
    try pipeline.specFiles.map { Input(file: $0, sha256: try FileDigest.sha256(of: $0)) }
  }

  /// The manifest file's text: sorted keys, so that only the times differ between reruns.
  public func json() throws -> String {
    try JSONText.encode(self)
  }
}
