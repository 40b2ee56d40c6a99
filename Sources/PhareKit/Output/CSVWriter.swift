/// Writes RFC 4180 CSV: comma-separated, CRLF-free (LF) lines, fields quoted only when needed.
///
/// Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is prefixed with `'`.
struct CSVWriter {
  private(set) var text = ""

  mutating func row(_ fields: [String?]) {
    text += fields.map { $0.map(Self.quote) ?? "" }.joined(separator: ",")
    text += "\n"
  }

  /// A text cell, neutralised against formula injection.
  static func textCell(_ value: String?) -> String? {
    guard let value, let first = value.first, "=+-@".contains(first) else { return value }
    return "'" + value
  }

  private static func quote(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
