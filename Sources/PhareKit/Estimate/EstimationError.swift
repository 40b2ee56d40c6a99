/// Why indicators cannot be estimated as the spec asks.
public enum EstimationError: Error, Equatable, CustomStringConvertible {
  case unknownVariable(String)
  case notAnalysable(variable: String, kind: String)
  case unknownBreakdown(String)
  case fpcWithoutPopulation(strata: String)
  case stratumNotInPopulation(strata: String, category: String)
  case blankStratum(strata: String, line: Int)

  public var description: String {
    switch self {
    case .unknownVariable(let name):
      return "estimate: no clean variable '\(name)'"
    case .notAnalysable(let name, let kind):
      return "estimate: '\(name)' is \(kind), neither a score, a number nor a coded answer"
    case .unknownBreakdown(let name):
      return "estimate: breakdown variable '\(name)' is not a coded variable of the clean table"
    case .fpcWithoutPopulation(let strata):
      return "estimate: the finite population correction by \(strata) needs that margin in the populations file"
    case .stratumNotInPopulation(let strata, let category):
      return "estimate: stratum \(category) of \(strata) is not in the populations file"
    case .blankStratum(let strata, let line):
      return "estimate: the row on line \(line) has no \(strata) for the finite population correction"
    }
  }
}
