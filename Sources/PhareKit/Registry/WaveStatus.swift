/// Whether a wave was processed through to its outputs (`ok`) or stopped with a problem (`failed`).
public enum WaveStatus: String, Sendable, CaseIterable {
  case ok
  case failed
}
