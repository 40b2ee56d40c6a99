import Foundation

/// Reads a wave export whatever its format: an SPSS `.sav`/`.zsav` or Stata `.dta` file (by its
/// extension) through `StatFileReader`, anything else as CSV through `CSVReader`, into one
/// `IngestResult`.
public struct ExportReader: Sendable {
  public var csv: CSVReader
  public var statFile: StatFileReader

  /// Exports of at least this many bytes are read in two halves on two cores by either reader,
  /// with the same result as one pass: 8 MiB, or never on a machine of one core.
  static let splitsAbove = ProcessInfo.processInfo.activeProcessorCount > 1 ? 8 << 20 : Int.max

  public init(csv: CSVReader, statFile: StatFileReader = StatFileReader()) {
    self.csv = csv
    self.statFile = statFile
  }

  public func read(_ path: String) throws -> IngestResult {
    guard let format = StatFileFormat(path: path) else { return try csv.read(path) }
    return try statFile.read(path, as: format)
  }
}
