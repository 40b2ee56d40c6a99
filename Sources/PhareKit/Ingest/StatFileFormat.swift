/// The typed survey files read through ReadStat instead of as CSV, told by their extension.
public enum StatFileFormat: String, Codable, Sendable, CaseIterable {
  /// SPSS system file, uncompressed or bytecode-compressed.
  case sav
  /// SPSS system file with zlib compression.
  case zsav
  /// Stata data file.
  case dta

  /// The format of `path` by its extension (any case: `.SAV`), nil for any other file (read as CSV).
  public init?(path: String) {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    self.init(rawValue: path[path.index(after: dot)...].lowercased())
  }

  /// A name for messages: `an SPSS .sav file`.
  public var name: String {
    switch self {
    case .sav: return "SPSS .sav"
    case .zsav: return "SPSS .zsav"
    case .dta: return "Stata .dta"
    }
  }
}
