/// What an update did with one wave: skipped it (export and spec unchanged since the registry's
/// record, outputs in place), processed it to new outputs, or failed it (previous outputs kept).
public enum WaveOutcome: Sendable {
  case unchanged(WaveFile)
  case processed(WaveResult)
  case failed(WaveResult)
}

extension WaveOutcome {
  /// The export and the wave id it was skipped, written and recorded under.
  public var file: WaveFile {
    switch self {
    case .unchanged(let file): file
    case .processed(let result), .failed(let result): result.file
    }
  }
}
