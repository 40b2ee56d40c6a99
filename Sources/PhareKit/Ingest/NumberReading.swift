/// What a field written as a number reads as: a number, a number two ways, or not a number.
enum NumberReading: Equatable {
  /// One number, whatever separators it was written with.
  case number(Double)
  /// One `.` or `,` followed by exactly three digits (`1,234`, `12.345`): a decimal mark or a
  /// thousands separator, which the text alone cannot tell.
  case ambiguous
  /// Not a number.
  case notANumber
}
