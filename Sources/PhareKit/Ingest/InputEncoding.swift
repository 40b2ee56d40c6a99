/// How the encoding of exports without a UTF-16 or UTF-8 byte-order mark is chosen (`inputs.encoding`).
public enum InputEncoding: String, Codable, Sendable, CaseIterable {
  /// UTF-8 when every line is; Windows-1252 when no line is UTF-8 text; an error when both kinds of lines occur.
  case auto
  /// UTF-8; an error names the lines that are not.
  case utf8 = "utf-8"
  /// Windows-1252, every line, unchecked.
  case windows1252 = "windows-1252"
  /// UTF-8, except the lines that are not valid UTF-8, read as Windows-1252 and listed.
  case mixed
}
