import Foundation

/// One measure of the territorial matrix: the indicators of one pipeline whose variables match a
/// pattern, one per fragility domain (the variables' `domain:` tags place them in the matrix).
public struct MatrixMeasure: Equatable, Sendable {
  public var id: String
  public var label: String
  /// The pipeline spec (absolute) whose indicators feed the measure.
  public var pipeline: String
  /// Shell pattern of the variable names, e.g. `importance_*`.
  public var variables: String
  /// The category whose share is taken; nil for a mean.
  public var category: Int?
  public var line: Int?

  /// Whether an indicator belongs to the measure in the given breakdown (national included).
  /// Whether the measure's variable pattern names `variable`.
  func matches(variable: String) -> Bool {
    fnmatch(variables, variable, 0) == 0
  }

  func selects(_ indicator: Indicator, breakdown: String) -> Bool {
    guard !indicator.domain.isEmpty, indicator.statistic != .total,
      indicator.breakdown == "national" || indicator.breakdown == breakdown,
      matches(variable: indicator.variable)
    else { return false }
    guard let category else { return indicator.statistic == .mean }
    return indicator.statistic == .proportion && indicator.category == String(category)
  }
}
