import Foundation

/// What the registry keeps of one wave processed by a run: its inputs' hashes, which let a later run
/// skip it when unchanged, its row accounting, weighting diagnostics, outputs and timings.
public struct WaveRecord: Sendable, Equatable {
  /// The pipeline spec's path, as `phare run` named it, for information; kept normalised
  /// (`Pipelines/./a.yml` is `Pipelines/a.yml`).
  public var pipeline: String
  /// The spec's `survey:`, which identifies the pipeline's records however its spec path is spelled.
  public var survey: String
  /// The wave id (`2016`).
  public var wave: String
  /// The wave's export.
  public var inputFile: String
  /// SHA-256 of the export, when it could be read.
  public var inputSHA256: String?
  /// One SHA-256 over the spec and the files it names (codebook, populations, domains).
  public var specSHA256: String
  public var status: WaveStatus
  /// Why the wave failed, if it did.
  public var problem: String?
  public var rowsRead: Int?
  public var rowsClean: Int?
  public var rowsQuarantined: Int?
  public var weighting: WeightingDiagnostics?
  /// The folder its outputs were written to.
  public var outputs: String?
  /// When it was recorded; kept to the millisecond.
  public var processedAt: Date
  /// The stage timings; nil in records from a schema v1 registry, which did not keep them.
  public var seconds: StageTimings?

  public init(
    pipeline: String, survey: String, wave: String, inputFile: String, inputSHA256: String?, specSHA256: String,
    status: WaveStatus, problem: String? = nil, rowsRead: Int? = nil, rowsClean: Int? = nil,
    rowsQuarantined: Int? = nil, weighting: WeightingDiagnostics? = nil, outputs: String? = nil,
    processedAt: Date, seconds: StageTimings? = nil
  ) {
    self.pipeline = pipeline
    self.survey = survey
    self.wave = wave
    self.inputFile = inputFile
    self.inputSHA256 = inputSHA256
    self.specSHA256 = specSHA256
    self.status = status
    self.problem = problem
    self.rowsRead = rowsRead
    self.rowsClean = rowsClean
    self.rowsQuarantined = rowsQuarantined
    self.weighting = weighting
    self.outputs = outputs
    self.processedAt = processedAt
    self.seconds = seconds
  }
}
