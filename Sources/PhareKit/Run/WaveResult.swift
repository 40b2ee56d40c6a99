/// What the stages made of one wave file.
public struct WaveResult: Sendable {
  public let file: WaveFile
  /// SHA-256 of the export, once it could be read.
  public var sha256: String?
  /// The cleaned wave, when the file could be read and matched the codebook.
  public var cleaned: CleanWave?
  /// The weighted wave, when weighting was asked for and succeeded.
  public var weighted: WeightedWave?
  /// The indicators, when estimation was asked for and succeeded.
  public var indicators: [Indicator]?
  /// The column tests of the spec's cross-tables, when estimation succeeded.
  public var comparisons: [ColumnComparison] = []
  /// Why the wave failed (unreadable, columns missing, too many rows quarantined, weighting impossible), if it did.
  public var problem: String?
  public var timings = StageTimings()
  /// The export's physical lines read as Windows-1252 (`inputs.encoding: mixed`).
  public var windows1252Lines: [Int] = []

  public init(file: WaveFile) {
    self.file = file
  }

  public var failed: Bool { problem != nil }

  /// The problem as an error line naming the export once: `FILE: problem`, or the problem alone
  /// when it already starts with the file (a missing column's `FILE:LINE: …`).
  public var located: String? {
    problem.map { $0.hasPrefix(file.path) ? $0 : "\(file.path): \($0)" }
  }

  /// The wave's rows across the stages that ran: the clean stage's accounting with the rows the
  /// weight stage set aside moved from kept to quarantined.
  public var accounting: RowAccounting? {
    cleaned.map { $0.accounting.settingAside(weighted?.quarantined ?? []) }
  }

  /// Every row the stages set aside, by the ingest and clean stages with the cells set missing
  /// in line order, then by weighting.
  public var quarantined: [QuarantinedRow] {
    let clean = ((cleaned?.quarantined ?? []) + (cleaned?.cellsSetMissing ?? [])).sorted { $0.line < $1.line }
    return clean + (weighted?.quarantined ?? [])
  }
}
