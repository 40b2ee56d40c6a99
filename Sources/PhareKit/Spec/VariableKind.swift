/// What a codebook variable holds, which decides how its answers are cleaned and stored.
public enum VariableKind: String, Sendable, CaseIterable {
  /// The respondent identifier: text, required, unique within a wave.
  case identifier
  /// One answer among coded values (« Oui, tout à fait » = 1 …).
  case single
  /// Several answers: one 0/1 column per item, or one cell holding several codes.
  case multiple
  /// A numeric scale such as a 0-10 importance score, with an allowed range.
  case scale
  /// Any other number, with an optional range.
  case numeric
  /// Free text, kept as written.
  case text
  /// Personal data (names, phones, e-mails): dropped before anything is written.
  case personal
}
