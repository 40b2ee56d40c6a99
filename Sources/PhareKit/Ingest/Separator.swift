/// The field separator of a delimited export.
public enum Separator: String, Codable, Sendable, CaseIterable {
  case comma = ","
  case semicolon = ";"
  case tab = "\t"
  case pipe = "|"

  /// The byte libcsv is configured with.
  public var byte: UInt8 { rawValue.utf8.first! }

  /// A name for people: a tab is invisible in a terminal.
  public var name: String {
    switch self {
    case .comma: return "comma"
    case .semicolon: return "semicolon"
    case .tab: return "tab"
    case .pipe: return "pipe"
    }
  }

  /// French exports that separate fields with `;` write decimals with a comma (`7,5`).
  public var impliesDecimalComma: Bool { self == .semicolon }

  /// Parses a command-line spelling: `,` `;` `tab` `\t` `|`, or a name.
  public init?(argument: String) {
    switch argument.lowercased() {
    case ",", "comma": self = .comma
    case ";", "semicolon": self = .semicolon
    case "\t", "\\t", "tab": self = .tab
    case "|", "pipe": self = .pipe
    default: return nil
    }
  }
}
