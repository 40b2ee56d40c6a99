/// One value label a typed file (SPSS, Stata) declares for a variable, as read by ReadStat.
public struct StatValueLabel: Sendable, Equatable {
  /// The labelled value as written: `11`, `99` (a string value's text) or `.a` (a Stata tagged missing value).
  public var value: String
  /// The value as a number, when it is one (a numeric value, or a string value that reads as a
  /// plain number); nil for a tag or other text.
  public var number: Double?
  /// Stata's extended missing value `.a`…`.z` this label is for (its letter), if any.
  public var tag: Character?
  public var label: String

  public init(value: String, number: Double?, tag: Character? = nil, label: String) {
    self.value = value
    self.number = number
    self.tag = tag
    self.label = label
  }
}
