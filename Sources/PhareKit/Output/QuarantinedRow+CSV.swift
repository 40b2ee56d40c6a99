/// The quarantine list as CSV: never the raw text, which may hold personal data.
extension QuarantinedRow {
  public static func csv(_ rows: [QuarantinedRow]) -> String {
    var writer = CSVWriter()
    writer.row(["wave", "file", "line", "respondent_id", "rule", "message", "value"])
    for row in rows {
      writer.row([
        row.wave, row.file, String(row.line), CSVWriter.textCell(row.respondentID), row.rule,
        CSVWriter.textCell(row.message), CSVWriter.textCell(row.value),
      ])
    }
    return writer.text
  }
}
