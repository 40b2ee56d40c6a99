/// How CSV outputs are written: RFC 4180 for programs (R, pandas), or as Excel in France opens
/// a double-clicked file: `;` between fields, decimal comma, a UTF-8 byte order mark.
public enum CSVLocale: String, CaseIterable, Sendable {
  case rfc4180
  case french = "fr"

  var separator: Character { self == .french ? ";" : "," }

  /// The bytes a file starts with: the UTF-8 byte order mark Excel needs to read accents right.
  var preamble: String { self == .french ? "\u{FEFF}" : "" }

  /// A number's text with this locale's decimal mark.
  func localised(_ number: String) -> String {
    self == .french ? String(number.map { $0 == "." ? "," : $0 }) : number
  }
}
