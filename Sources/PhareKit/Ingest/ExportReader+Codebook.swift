extension ExportReader {
  /// The reader of exports a codebook describes (CSV, SPSS or Stata): its identifier and text
  /// columns kept as text, personal columns kept as filled or not, its missing codes for Stata's
  /// tagged missing values; no raw text of quarantined rows.
  public init(codebook: Codebook, separator: Separator? = nil, encoding: InputEncoding = .auto) {
    var csv = CSVReader(separator: separator, textColumns: codebook.textColumns, encoding: encoding)
    csv.keepsRawText = false
    csv.personalColumns = codebook.personalColumns
    let statFile = StatFileReader(
      textColumns: codebook.textColumns, personalColumns: codebook.personalColumns,
      missingCodes: codebook.missingCodesByColumn, encoding: encoding)
    self.init(csv: csv, statFile: statFile)
  }
}
