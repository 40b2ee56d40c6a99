/// What a column holds once read.
public enum ColumnType: String, Codable, Sendable {
  /// Numbers as `Double` with a missing mask.
  case numeric
  /// Few distinct answers, dictionary-encoded to small integer codes.
  case categorical
  /// Free text: many distinct values, kept as strings.
  case text
  /// Codebook codes of a coded answer (clean tables only).
  case coded
}
