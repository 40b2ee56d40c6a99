extension Indicator {
  /// What the indicator measures, as a report names it: `Label — category`, the category left
  /// out when there is none or the label already ends with it (a 0/1 item's « Oui »).
  var title: String {
    guard !categoryLabel.isEmpty && !variableLabel.hasSuffix(categoryLabel) else { return variableLabel }
    return variableLabel + " — " + categoryLabel
  }
}
