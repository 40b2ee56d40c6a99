/// What an update did with one wave: skipped it (export and spec unchanged since the registry's
/// record, outputs in place), processed it to new outputs, or failed it (previous outputs kept).
public enum WaveOutcome: Sendable {
  case unchanged(WaveFile)
  case processed(WaveResult)
  case failed(WaveResult)
}
