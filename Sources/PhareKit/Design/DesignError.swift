/// Why a wave's sample design cannot be built as the spec's `design:` declares it; each case
/// names the rows, stratum or unit at fault and the stage (1 for PSUs, 2 for secondary units).
public enum DesignError: Error, CustomStringConvertible {
  case unknownVariable(String, role: String)
  case blankValue(variable: String, line: Int)
  case invalidFPC(variable: String, line: Int, value: Double?)
  case mixedFPC(size: (line: Int, stage: Int, value: Double), fraction: (line: Int, stage: Int, value: Double))
  case fpcCategoryNotInPopulation(margin: String, category: String, line: Int)
  case fpcVaries(stratum: String, stage: Int, first: Double, other: Double, line: Int)
  case fpcBelowSampleSize(stratum: String, stage: Int, population: Double, sample: Int)
  case clusterInSeveralStrata(variable: String, id: String, strata: [String])
  case onePrimaryUnit
  case noWeights
  case lonelyPSU(strata: [String], stage: Int)

  public var description: String {
    switch self {
    case .unknownVariable(let name, let role):
      return "design: \(role) '\(name)' is not a column of the clean table it can use"
    case .blankValue(let variable, let line):
      return "design: the row on line \(line) has no \(variable)"
    case .invalidFPC(let variable, let line, let value):
      return "design: fpc \(variable) on line \(line) is \(value.map { Format.number($0) } ?? "blank"); an fpc is a "
        + "population size (≥ 1) or a sampling fraction (above 0, at most 1)"
    case .mixedFPC(let size, let fraction):
      return "design: the fpc mixes population sizes (\(Format.number(size.value)) on line \(size.line), stage "
        + "\(size.stage)) and sampling fractions (\(Format.number(fraction.value)) on line \(fraction.line), stage "
        + "\(fraction.stage)); give all as sizes or all as fractions (as R's svydesign)"
    case .fpcCategoryNotInPopulation(let margin, let category, let line):
      return "design: fpc margin \(margin) has no total for category \(category) (row on line \(line)) in the "
        + "populations file"
    case .fpcVaries(let stratum, let stage, let first, let other, let line):
      return "design: the fpc of stratum \(stratum) at stage \(stage) is \(Format.number(first)) on some rows and "
        + "\(Format.number(other)) on line \(line); a stratum has one population size"
    case .fpcBelowSampleSize(let stratum, let stage, let population, let sample):
      return "design: stratum \(stratum) at stage \(stage) has \(sample) sampled unit(s) but an fpc population of "
        + "\(Format.number(population)): the fpc implies more than 100% sampling"
    case .clusterInSeveralStrata(let variable, let id, let strata):
      return "design: cluster \(variable) = \(id) is in several strata (\(strata.joined(separator: ", "))); clusters "
        + "are nested in strata, or ids are reused across strata (design.nest: true)"
    case .onePrimaryUnit:
      return "design: the sample has only one primary sampling unit; no variance can be estimated"
    case .noWeights:
      return "design: no source of weights: give design.weights, an fpc for every stage (weights 1 / Π n/N, as R), "
        + "or a weight: calibration"
    case .lonelyPSU(let units, let stage) where stage > 1:
      return "design: \(units.joined(separator: ", ")) \(units.count == 1 ? "has" : "have") only one sampled unit at "
        + "stage \(stage) (as R's survey.lonely.psu = \"fail\"); set design.lonely_psu to adjust, average, remove or "
        + "certainty"
    case .lonelyPSU(let strata, let stage):
      return "design: \(strata.count == 1 ? "stratum" : "strata") \(strata.joined(separator: ", ")) "
        + "\(strata.count == 1 ? "has" : "have") only one PSU at stage \(stage) (as R's survey.lonely.psu = \"fail\"); "
        + "set design.lonely_psu to adjust, average, remove or certainty, or merge the stratum with another in the data"
    }
  }
}
