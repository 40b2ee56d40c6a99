/// What the clean stage made of one wave file.
public struct WaveResult: Sendable {
  public let file: WaveFile
  /// The cleaned wave, when the file could be read and matched the codebook.
  public let cleaned: CleanWave?
  /// Why the wave failed (unreadable, columns missing, too many rows quarantined), if it did.
  public let problem: String?

  public var failed: Bool { problem != nil }
}
