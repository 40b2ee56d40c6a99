/// Why a wave cannot be weighted; each names the margin and cell at fault.
public enum WeightingError: Error, Equatable, CustomStringConvertible {
  case categoryNotInPopulation(margin: String, category: String, respondents: Int)
  case categoryWithoutRespondents(margin: String, category: String, total: Double)
  case inconsistentMarginTotals(margin: String, total: Double, expected: Double)
  case notConverged(iterations: Int, margin: String, category: String, achieved: Double, target: Double)
  case boundsNotMet(lower: Double, upper: Double, margin: String, category: String, achieved: Double, target: Double)
  case tooManyCells(Int)
  case marginNotInPopulation(margin: String, file: String)
  case unknownVariable(String)
  case invalidStartWeight(variable: String, line: Int)

  public var description: String {
    switch self {
    case .categoryNotInPopulation(let margin, let category, let respondents):
      return "margin \(margin): category \(category) has \(respondents) respondent(s) but is not in the population "
        + "file; add it or collapse it into a neighbouring category"
    case .categoryWithoutRespondents(let margin, let category, let total):
      return "margin \(margin): population category \(category) (total \(Format.number(total))) has no "
        + "respondent; collapse it into a neighbouring category"
    case .inconsistentMarginTotals(let margin, let total, let expected):
      return "margin \(margin) sums to \(Format.number(total)) but the first margin sums to \(Format.number(expected))"
    case .notConverged(let iterations, let margin, let category, let achieved, let target):
      return "raking did not converge in \(iterations) iterations; largest remaining discrepancy: margin \(margin) "
        + "category \(category): \(Format.number(achieved)) weighted vs \(Format.number(target)) in the population"
    case .boundsNotMet(let lower, let upper, let margin, let category, let achieved, let target):
      return "the bounds [\(Format.number(lower)), \(Format.number(upper))] on weight adjustments cannot be met: "
        + "margin \(margin) category \(category) reaches \(Format.number(achieved)) for a target of "
        + "\(Format.number(target))"
    case .marginNotInPopulation(let margin, let file):
      return "margin \(margin) is not in the population file \(file)"
    case .unknownVariable(let name):
      return "weighting variable \(name) is not a numeric variable of the clean table"
    case .invalidStartWeight(let variable, let line):
      return "starting weight \(variable) on line \(line) is missing or not positive"
    case .tooManyCells(let combinations):
      return "the margins have \(combinations) category combinations, more than \(CalibrationCells.maxCombinations)"
    }
  }
}
