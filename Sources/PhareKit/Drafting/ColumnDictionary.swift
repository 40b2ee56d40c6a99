/// What an SPSS or Stata file's dictionary says of one column, as a codebook would say it: its
/// label, its labelled whole codes and its user-missing codes (Stata's tagged missing values,
/// whose codes the file does not hold, are left out).
struct ColumnDictionary: Equatable {
  var label: String?
  /// Labelled codes, user-missing ones included.
  var values: [ValueLabel] = []
  /// Codes declared user-missing.
  var missingCodes: [Int] = []

  /// The entry of `column` in `dictionary`, or nil when the file says nothing of it.
  init?(_ column: String, in dictionary: StatFileDictionary?) {
    guard let dictionary else { return nil }
    label = dictionary.variableLabels[column]
    values = (dictionary.valueLabels[column] ?? []).compactMap { value in
      guard value.tag == nil, let number = value.number, let code = Int(exactly: number) else { return nil }
      return ValueLabel(code: code, label: value.label)
    }
    missingCodes = (dictionary.userMissingValues[column] ?? []).compactMap { Int(exactly: $0) }
    guard label != nil || !values.isEmpty || !missingCodes.isEmpty else { return nil }
  }

  init(label: String?, values: [ValueLabel], missingCodes: [Int]) {
    self.label = label
    self.values = values
    self.missingCodes = missingCodes
  }
}
