/// A file format of a wave's clean microdata (`outputs.microdata`).
public enum MicrodataFormat: String, Sendable, CaseIterable {
  /// `clean.csv`: codes (or labels with `--labels`), the source line and the final weight.
  case csv
  /// `clean.sav` (SPSS, written by ReadStat): variable and value labels, missing codes as user-missing.
  case sav
  /// `clean.dta` (Stata 14+, written by ReadStat): labels, missing codes as tagged missing `.a`, `.b`…
  case dta

  /// The wave folder's file of this format.
  public var fileName: String { "clean.\(rawValue)" }

  /// What a spec without `outputs.microdata` writes.
  public static let defaults: [MicrodataFormat] = [.csv, .sav]
}
