/// What cleaning made of one cell.
enum CellOutcome: Equatable {
  /// No answer.
  case blank
  /// A valid value: a code, a number, or a declared missing code.
  case value(Double)
  /// A value the codebook does not allow; the row is quarantined.
  case invalid(rule: String, message: String)
}
