extension Pipeline {
  /// The reader of this pipeline's waves (CSV, SPSS or Stata): the spec's separator and encoding,
  /// and what the codebook says of the columns (`ExportReader.init(codebook:separator:encoding:)`).
  public var exportReader: ExportReader {
    ExportReader(codebook: codebook, separator: spec.inputs.separator, encoding: spec.inputs.encoding)
  }
}
