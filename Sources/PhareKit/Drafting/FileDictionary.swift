/// What a statistical file says of its columns besides their values (an SPSS or Stata
/// dictionary): variable labels, value labels and user-missing codes, by column name. A CSV export
/// has none.
public struct FileDictionary: Sendable, Equatable {
  /// One column's dictionary entry.
  public struct Entry: Sendable, Equatable {
    public var label: String?
    /// Labelled codes, user-missing ones included.
    public var values: [ValueLabel]
    /// Codes declared missing (SPSS user-missing values; Stata extended missing values' codes).
    public var missingCodes: [Int]

    public init(label: String? = nil, values: [ValueLabel] = [], missingCodes: [Int] = []) {
      self.label = label
      self.values = values
      self.missingCodes = missingCodes
    }
  }

  public var entries: [String: Entry]

  public init(_ entries: [String: Entry] = [:]) {
    self.entries = entries
  }

  public subscript(column: String) -> Entry? { entries[column] }
}
