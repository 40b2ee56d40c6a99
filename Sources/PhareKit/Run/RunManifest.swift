/// A run's manifest: per wave, the row accounting, what rejected rows, and the weighting diagnostics.
public struct RunManifest: Codable, Sendable, Equatable {
  public struct Wave: Codable, Sendable, Equatable {
    public var wave: String
    public var file: String
    public var status: String
    public var problem: String?
    public var rowsRead: Int?
    public var rowsClean: Int?
    public var rowsQuarantined: Int?
    /// rows read = rows clean + rows quarantined.
    public var balanced: Bool?
    public var quarantinedByRule: [String: Int]?
    /// Clean rows that carry a weight.
    public var rowsWeighted: Int?
    public var weighting: WeightingDiagnostics?
  }

  public var phareVersion: String
  public var pipeline: String
  public var survey: String
  public var waves: [Wave]

  public init(pipeline: Pipeline, results: [WaveResult]) {
    phareVersion = PhareVersion.current
    self.pipeline = pipeline.spec.file
    survey = pipeline.spec.survey
    waves = results.map { result in
      let cleaned = result.cleaned
      return Wave(
        wave: cleaned?.wave ?? result.file.wave,
        file: result.file.path,
        status: result.failed ? "failed" : "ok",
        problem: result.problem,
        rowsRead: cleaned?.rowsRead,
        rowsClean: cleaned?.rowsClean,
        rowsQuarantined: cleaned?.rowsQuarantined,
        balanced: cleaned?.isBalanced,
        quarantinedByRule: cleaned.map { Dictionary(uniqueKeysWithValues: $0.ruleCounts.map { ($0.rule, $0.count) }) },
        rowsWeighted: result.weighted?.rows.count,
        weighting: result.weighted?.diagnostics
      )
    }
  }
}
