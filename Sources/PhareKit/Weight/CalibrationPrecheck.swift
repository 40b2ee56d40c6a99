/// Checks that prove a calibration impossible before any iteration, so that a wave fails naming
/// the margin, the category (code and label) and the figures rather than after raking has
/// diverged. Each throws `WeightingError`.
enum CalibrationPrecheck {
  /// One margin's categories, in population-file order: each needs respondents
  /// (`.categoryWithoutRespondents`) and a positive finite population total
  /// (`.invalidPopulationTotal`) — respondents of a category with a total of 0 would get a
  /// weight of 0 yet still count in every base.
  /// `setAside`: per category, respondents set aside for a blank weighting variable, which the
  /// message names when they are why a category has none left.
  static func categories(
    margin: String, totals: [Double], respondents: [Int], setAside: [Int], names: [String]
  ) throws {
    if let empty = respondents.firstIndex(of: 0) {
      throw WeightingError.categoryWithoutRespondents(
        margin: margin, category: names[empty], total: totals[empty], setAside: setAside[empty])
    }
    if let invalid = totals.firstIndex(where: { !($0 > 0 && $0.isFinite) }) {
      throw WeightingError.invalidPopulationTotal(
        margin: margin, category: names[invalid], respondents: respondents[invalid], total: totals[invalid])
    }
  }

  /// Bounds L ≤ g ≤ U on the adjustment g = final / starting weight keep a category's weighted
  /// total within [L × S, U × S], S the total of its respondents' starting weights: a target
  /// outside that range proves the bounds cannot be met (`.boundsInfeasible`, naming the first
  /// such category and how many others there are). A necessary condition only: margins that
  /// each pass may still conflict, which the solver reports.
  ///
  /// `startTotals` are each margin category's starting-weight totals *as the solver uses them*:
  /// the starting weights `WeightStage` passes, times `startScale` when the solver rescales
  /// them as R's `calibrate` does (bounds then apply to the rescaled weights).
  static func bounds(
    _ bounds: ClosedRange<Double>, startTotals: [[Double]], targets: [[Double]], respondents: [[Int]],
    names: MarginNames
  ) throws {
    var infeasible: [(margin: Int, category: Int)] = []
    for (margin, totals) in targets.enumerated() {
      for (category, target) in totals.enumerated() {
        let start = startTotals[margin][category]
        if target < bounds.lowerBound * start || target > bounds.upperBound * start {
          infeasible.append((margin, category))
        }
      }
    }
    guard let (margin, category) = infeasible.first else { return }
    throw WeightingError.boundsInfeasible(
      lower: bounds.lowerBound, upper: bounds.upperBound, margin: names.margins[margin],
      category: names.categories[margin][category], respondents: respondents[margin][category],
      startTotal: startTotals[margin][category], target: targets[margin][category], others: infeasible.count - 1)
  }

  /// The factor by which R's `calibrate` (and `Calibrator`) multiplies the starting weights
  /// before bounded calibration (`Calibrator.rescaling`).
  static func startScale(_ cells: CalibrationCells, targets: [[Double]]) -> Double {
    let design = ModelMatrix(cells: cells)
    return Calibrator.rescaling(
      population: design.columnTotals(ofMarginTotals: targets), sampleTotal: design.transposeTimes(cells.startTotals))
  }
}
