/// What an SPSS or Stata file's dictionary says of one column, as a codebook would say it: its
/// label, its labelled whole codes, its user-missing codes and ranges, and its labelled Stata
/// tagged missing values (whose codes the file does not hold).
struct ColumnDictionary: Equatable {
  var label: String?
  /// Labelled codes, user-missing ones included.
  var values: [ValueLabel] = []
  /// Codes declared user-missing one by one.
  var missingCodes: [Int] = []
  /// Ranges declared user-missing (`90 THRU 99`, `9 THRU HI`).
  var missingRanges: [ClosedRange<Double>] = []
  /// Stata's labelled tagged missing values (`.a` « Ne sait pas »).
  var tags: [StatValueLabel] = []
  /// Labelled numbers no codebook code can be (`1.5`).
  var fractionalValues: [StatValueLabel] = []
  /// Whether the file declares missing values (SPSS); Stata's numbers have none.
  var declaresMissing = true

  /// The entry of `column` in `dictionary`, or nil when the file says nothing of it.
  init?(_ column: String, in dictionary: StatFileDictionary?) {
    guard let dictionary else { return nil }
    label = dictionary.variableLabels[column]
    let labels = dictionary.valueLabels[column] ?? []
    values = labels.compactMap { value in
      guard value.tag == nil, let number = value.number, let code = Int(exactly: number) else { return nil }
      return ValueLabel(code: code, label: value.label)
    }
    tags = labels.filter { $0.tag != nil }
    fractionalValues = labels.filter { label in label.number.map { Int(exactly: $0) == nil } ?? false }
    missingCodes = (dictionary.userMissingValues[column] ?? []).compactMap { Int(exactly: $0) }
    missingRanges = dictionary.userMissingRanges[column] ?? []
    declaresMissing = dictionary.format != .dta
    guard
      label != nil || !values.isEmpty || !missingCodes.isEmpty || !missingRanges.isEmpty || !tags.isEmpty
        || !fractionalValues.isEmpty
    else {
      return nil
    }
  }

  init(label: String?, values: [ValueLabel], missingCodes: [Int], missingRanges: [ClosedRange<Double>] = []) {
    self.label = label
    self.values = values
    self.missingCodes = missingCodes
    self.missingRanges = missingRanges
  }

  /// Whether the file declares `code` missing, by itself or in a range.
  func isMissing(_ code: Int) -> Bool {
    missingCodes.contains(code) || missingRanges.contains { $0.contains(Double(code)) }
  }

  /// The user-missing declaration as SPSS shows it: `9; 90 THRU 99`.
  var missingDescription: String {
    let ranges = missingRanges.map { range in
      let bound = { (value: Double) in value.isInfinite ? (value > 0 ? "HI" : "LO") : CodebookDraft.number(value) }
      return "\(bound(range.lowerBound)) THRU \(bound(range.upperBound))"
    }
    let all = missingCodes.sorted().map(String.init) + ranges
    return all.isEmpty ? "none" : all.joined(separator: "; ")
  }
}
