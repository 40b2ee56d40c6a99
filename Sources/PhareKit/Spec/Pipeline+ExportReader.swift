extension Pipeline {
  /// The reader of this pipeline's waves (CSV, SPSS or Stata): the spec's separator and encoding,
  /// the codebook's identifier and text columns kept as text, personal columns kept as filled or
  /// not, missing codes for Stata's tagged missing values; no raw text of quarantined rows.
  public var exportReader: ExportReader {
    var csv = CSVReader(
      separator: spec.inputs.separator, textColumns: codebook.textColumns, encoding: spec.inputs.encoding)
    csv.keepsRawText = false
    csv.personalColumns = codebook.personalColumns
    let statFile = StatFileReader(
      textColumns: codebook.textColumns, personalColumns: codebook.personalColumns,
      missingCodes: codebook.missingCodesByColumn, encoding: spec.inputs.encoding)
    return ExportReader(csv: csv, statFile: statFile)
  }
}
