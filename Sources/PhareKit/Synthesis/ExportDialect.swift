/// How a survey's export is written: separator, byte-order mark and line ending, as the
/// fieldwork companies' tools write them.
struct ExportDialect: Sendable {
  var separator: Separator
  var byteOrderMark: Bool
  var lineEnding: String

  /// Excel in French: `;`, UTF-8 with BOM, CRLF.
  static let frenchExcel = ExportDialect(separator: .semicolon, byteOrderMark: true, lineEnding: "\r\n")
  /// A survey platform's plain CSV: `,`, no BOM, LF.
  static let plain = ExportDialect(separator: .comma, byteOrderMark: false, lineEnding: "\n")
  /// A Windows database export: `;`, no BOM, CRLF.
  static let windowsSemicolon = ExportDialect(separator: .semicolon, byteOrderMark: false, lineEnding: "\r\n")
  /// `,` with CRLF.
  static let windowsComma = ExportDialect(separator: .comma, byteOrderMark: false, lineEnding: "\r\n")

  /// One line of fields, each quoted when it holds the separator, a quote or a line break.
  func line(_ fields: [String]) -> String {
    fields.map { field in
      guard field.contains(where: { $0 == Character(separator.rawValue) || $0 == "\"" || $0.isNewline }) else {
        return field
      }
      return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }.joined(separator: separator.rawValue) + lineEnding
  }
}
