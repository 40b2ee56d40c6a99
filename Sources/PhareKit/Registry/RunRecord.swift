import Foundation

/// One run as `phare history` lists it: when, how it ended, and the waves of the pipeline it recorded.
public struct RunRecord: Sendable, Equatable {
  public var id: RunID
  /// The command line that started it.
  public var command: String
  public var phareVersion: String
  public var startedAt: Date
  /// nil while running, and for a run found interrupted.
  public var endedAt: Date?
  public var status: RunStatus
  public var exitCode: Int?
  /// The pipeline's waves it recorded, by wave id; a wave recorded again by a later run is listed there only.
  public var waves: [WaveRecord]
}
