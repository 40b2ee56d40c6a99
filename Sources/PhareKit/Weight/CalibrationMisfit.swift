/// A margin category's weighted total against its population target, for calibration failures.
public struct CalibrationMisfit: Equatable, Sendable {
  public var margin: String
  public var category: String
  public var achieved: Double
  public var target: Double

  /// |target − achieved| / (1 + |target|), the scale of R's `epsilon`.
  public var relative: Double { abs(target - achieved) / (1 + abs(target)) }

  /// The categories furthest from their targets, worst first, over every category of every
  /// margin (first categories included); a NaN total (an impossible target) counts as the worst.
  static func worst(achieved: [[Double]], targets: [[Double]], names: MarginNames, count: Int = 3)
    -> [CalibrationMisfit]
  {
    var all: [CalibrationMisfit] = []
    for (margin, totals) in targets.enumerated() {
      for (category, target) in totals.enumerated() {
        all.append(
          CalibrationMisfit(
            margin: names.margins[margin], category: names.categories[margin][category],
            achieved: achieved[margin][category], target: target))
      }
    }
    func key(_ misfit: CalibrationMisfit) -> Double { misfit.relative.isNaN ? .infinity : misfit.relative }
    return Array(all.sorted { key($0) > key($1) }.prefix(count))
  }

  /// "margin region category 33: 198.5 weighted vs 200 in the population (relative misfit 0.0075)",
  /// the misfit said apart since six significant digits may show two equal figures.
  var description: String {
    "margin \(margin) category \(category): \(Format.number(achieved)) weighted vs \(Format.number(target)) "
      + "in the population (relative misfit \(String(format: "%.2g", relative)))"
  }
}
