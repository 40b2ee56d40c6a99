/// Reads a wave export whatever its format: an SPSS `.sav`/`.zsav` or Stata `.dta` file (by its
/// extension) through `StatFileReader`, anything else as CSV through `CSVReader`, into one
/// `IngestResult`.
public struct ExportReader: Sendable {
  public var csv: CSVReader
  public var statFile: StatFileReader

  public init(csv: CSVReader, statFile: StatFileReader = StatFileReader()) {
    self.csv = csv
    self.statFile = statFile
  }

  public func read(_ path: String) throws -> IngestResult {
    guard let format = StatFileFormat(path: path) else { return try csv.read(path) }
    return try statFile.read(path, as: format)
  }
}
