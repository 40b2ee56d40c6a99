/// The quarantine list as CSV: never the raw text, which may hold personal data.
extension QuarantinedRow {
  /// One line per quarantined row or cell set missing; `variable` is empty for a row.
  public static func csv(_ rows: [QuarantinedRow], locale: CSVLocale = .rfc4180) -> String {
    var writer = CSVWriter(locale: locale)
    writer.row(["wave", "file", "line", "respondent_id", "rule", "message", "value", "variable"].map(CSVCell.text))
    for row in rows {
      writer.row([
        CSVCell(row.wave), .text(row.file), .integer(row.line), CSVCell(row.respondentID), .text(row.rule),
        .text(row.message), CSVCell(row.value), CSVCell(row.variable),
      ])
    }
    return writer.text
  }
}
