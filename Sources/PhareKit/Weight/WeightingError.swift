/// Why a wave cannot be weighted; each names the margin and cell at fault.
public enum WeightingError: Error, Equatable, CustomStringConvertible {
  case categoryNotInPopulation(margin: String, category: String, respondents: Int)
  /// A population category without respondents; `setAside` of its respondents were set aside for
  /// a blank weighting variable (`missing: quarantine`).
  case categoryWithoutRespondents(margin: String, category: String, total: Double, setAside: Int = 0)
  /// Every respondent is blank on a margin: `missing: impute-mode` has no mode to impute.
  case marginAllBlank(margin: String, respondents: Int)
  /// A category with respondents whose population total is 0, negative or not finite.
  case invalidPopulationTotal(margin: String, category: String, respondents: Int, total: Double)
  case inconsistentMarginTotals(margin: String, total: Double, expected: Double)
  /// Calibration with `distance` stopped without meeting the margins: `proven` when the margins
  /// are shown unreachable, else the solver stopped; `worst` from the last weights, worst first.
  case notConverged(distance: String, iterations: Int, proven: Bool, worst: [CalibrationMisfit])
  /// As `notConverged`, for a distance with bounds on g.
  case boundsNotMet(
    distance: String, lower: Double, upper: Double, iterations: Int, proven: Bool, worst: [CalibrationMisfit])
  /// Bounds on g that no weights can meet, found before iterating: the category's target lies
  /// outside [lower, upper] × the total of its respondents' starting weights (`others`: how many
  /// more categories are in the same case).
  case boundsInfeasible(
    lower: Double, upper: Double, margin: String, category: String, respondents: Int, startTotal: Double,
    target: Double, others: Int)
  case tooManyCells(Int)
  /// The spec lists no margin to weight on.
  case noMargins
  /// Post-stratification given other than one margin.
  case postStratificationMargins(Int)
  /// A final weight that is not a positive finite number, with the source line of its row.
  case invalidFinalWeight(line: Int, weight: Double)
  case marginNotInPopulation(margin: String, file: String)
  case unknownVariable(String)
  /// Starting weights that are blank, 0 or less, or not finite: the first few (line and value,
  /// nil when blank) and how many in all.
  case invalidStartWeight(variable: String, lines: [Int], values: [Double?], count: Int)

  public var description: String {
    switch self {
    case .categoryNotInPopulation(let margin, let category, let respondents):
      return "margin \(margin): category \(category) has \(respondents) respondent(s) but is not in the population "
        + "file; add it or collapse it into a neighbouring category"
    case .categoryWithoutRespondents(let margin, let category, let total, let setAside) where setAside > 0:
      return "margin \(margin): population category \(category) (total \(Format.number(total))) has no "
        + "respondent left: its \(setAside) respondent(s) were set aside for a blank weighting variable "
        + "(`missing: quarantine`, rule weight.missing-margin in quarantine.csv); fill those answers, or use "
        + "`missing: impute-mode`"
    case .categoryWithoutRespondents(let margin, let category, let total, _):
      return "margin \(margin): population category \(category) (total \(Format.number(total))) has no "
        + "respondent; collapse it into a neighbouring category"
    case .marginAllBlank(let margin, let respondents):
      return "margin \(margin) is blank for all \(respondents) respondent(s): `missing: impute-mode` has no answer "
        + "to impute; check the export's column for this variable"
    case .invalidPopulationTotal(let margin, let category, let respondents, let total):
      return "margin \(margin): category \(category) has \(respondents) respondent(s) but a population total of "
        + "\(Format.number(total)); give it a positive total or collapse it into a neighbouring category"
    case .inconsistentMarginTotals(let margin, let total, let expected):
      return "margin \(margin) sums to \(Format.number(total)) but the first margin sums to \(Format.number(expected))"
    case .notConverged(let distance, let iterations, let proven, let worst):
      let verdict =
        proven
        ? "cannot meet the margins: no \(distance == "raking" ? "positive " : "")weights reach them (proven)"
        : "did not converge in \(iterations) iteration(s) (the solver stopped; the margins are not proven unreachable)"
      return "\(distance) calibration \(verdict); largest remaining discrepancies: "
        + worst.map(\.description).joined(separator: "; ")
    case .boundsNotMet(let distance, let lower, let upper, let iterations, let proven, let worst):
      let verdict =
        proven
        ? "cannot be met: no weights within them reach the margins (proven)"
        : "were not met: the solver stopped after \(iterations) iteration(s) without proving them infeasible"
      return "\(distance): the bounds [\(Format.number(lower)), \(Format.number(upper))] on g = final / starting "
        + "weight \(verdict); largest remaining discrepancies: " + worst.map(\.description).joined(separator: "; ")
    case .boundsInfeasible(
      let lower, let upper, let margin, let category, let respondents, let start, let target, let others):
      return "the bounds [\(Format.number(lower)), \(Format.number(upper))] on weight adjustments cannot be met "
        + "(proven before calibrating): margin \(margin) category \(category) has \(respondents) respondent(s) whose "
        + "starting weights sum to \(Format.number(start)), so bounded weights reach \(Format.number(lower * start)) "
        + "to \(Format.number(upper * start)), but its population total is \(Format.number(target))"
        + (others > 0 ? " (and \(others) other categor\(others == 1 ? "y" : "ies") likewise)" : "")
        + "; widen the bounds or collapse the category into a neighbour"
    case .marginNotInPopulation(let margin, let file):
      return "margin \(margin) is not in the population file \(file)"
    case .unknownVariable(let name):
      return "weighting variable \(name) is not a numeric variable of the clean table"
    case .invalidStartWeight(let variable, let lines, let values, let count):
      let shown = zip(lines, values).map { "line \($0): " + ($1.map { Format.number($0) } ?? "blank") }
      let more = count > lines.count ? " and \(count - lines.count) more" : ""
      return "starting weight \(variable) must be a positive finite number; \(count) respondent(s) have none ("
        + shown.joined(separator: ", ") + more + ")"
    case .tooManyCells(let combinations):
      let count = combinations == .max ? "more than \(Int.max)" : "\(combinations)"
      return "the margins have \(count) category combinations, more than \(CalibrationCells.maxCombinations)"
    case .noMargins:
      return "weighting needs at least one margin under weight: margins"
    case .postStratificationMargins(let count):
      return "post-stratification takes exactly one margin (a crossing such as region*urbain), not \(count)"
    case .invalidFinalWeight(let line, let weight):
      return "the final weight of line \(line) is \(Format.number(weight)), not a positive finite number; check the "
        + "population totals and the starting weights"
    }
  }
}
