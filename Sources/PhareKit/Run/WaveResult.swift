/// What the stages made of one wave file.
public struct WaveResult: Sendable {
  public let file: WaveFile
  /// The cleaned wave, when the file could be read and matched the codebook.
  public let cleaned: CleanWave?
  /// The weighted wave, when weighting was asked for and succeeded.
  public let weighted: WeightedWave?
  /// The indicators, when estimation was asked for and succeeded.
  public var indicators: [Indicator]? = nil
  /// Why the wave failed (unreadable, columns missing, too many rows quarantined, weighting impossible), if it did.
  public let problem: String?

  public var failed: Bool { problem != nil }
}
