/// What a typed file (SPSS `.sav`/`.zsav`, Stata `.dta`) says about itself besides its cases:
/// its format, version, character encoding and each variable's value labels.
public struct StatFileDictionary: Sendable, Equatable, CustomStringConvertible {
  public var format: StatFileFormat
  /// ReadStat's file format version: Stata's release (118 for Stata 14), SPSS's layout code.
  public var version: Int
  /// The character encoding the file's text was read in (its own declaration, Stata's rule by
  /// release, or `inputs.encoding` when set), as ReadStat names it (`UTF-8`, `WINDOWS-1252`).
  public var characterEncoding: String
  /// The value labels of each labelled variable (by column name), in the file's order.
  public var valueLabels: [String: [StatValueLabel]]
  /// Each variable's label (by column name), where it has one.
  public var variableLabels: [String: String] = [:]
  /// Each variable's SPSS user-missing values (by column name) that are single values, numbers or
  /// strings that read as numbers (`9`, `"99"`); ranges are in `userMissingRanges`.
  public var userMissingValues: [String: [Double]] = [:]
  /// Each variable's SPSS user-missing ranges (by column name): `90 THRU 99`; `9 THRU HI` reaches
  /// `.infinity`.
  public var userMissingRanges: [String: [ClosedRange<Double>]] = [:]

  /// `SPSS .sav, UTF-8`, `Stata .dta release 118, UTF-8`.
  public var description: String {
    (format == .dta ? "\(format.name) release \(version)" : format.name) + ", \(characterEncoding)"
  }
}
