/// An indicator a run summary prints for a survey: a variable, and the category whose share is
/// shown (none for a mean, or for a 0/1 item or net, whose « 1 » is shown).
public struct Headline: Equatable, Sendable {
  public var variable: String
  public var category: Int?
  public var line: Int?

  /// The national indicator it names among a wave's indicators.
  public func find(in indicators: [Indicator]) -> Indicator? {
    indicators.first { $0.breakdown == "national" && names($0) }
  }

  /// Whether `indicator` is this variable's mean or share of the category, in any breakdown.
  func names(_ indicator: Indicator) -> Bool {
    guard indicator.variable == variable, indicator.statistic != .total else { return false }
    return category == nil || category.map(String.init) == indicator.category
  }
}
