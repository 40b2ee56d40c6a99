/// Where a wave's identifier comes from.
public enum WaveSource: Equatable, Sendable {
  /// The first capture group of a regular expression on the file name, e.g. `(\d{4})`.
  case fileName(pattern: String)
  /// The value of a column, the same in every row of the file.
  case column(String)
}
