/// The line terminator of an export, read from the end of its header line.
public enum LineEnding: String, Codable, Sendable {
  case lf = "LF"
  case crlf = "CRLF"
  case cr = "CR"
  /// The file is a single line with no terminator.
  case none = "none"
}
