/// Strata for the finite population correction: each weighted row's stratum and each
/// stratum's population size, from a margin of the populations file.
struct FiniteStrata {
  let stratumOfRow: [Int32]
  let population: [Double]

  init(variables: [String], wave: CleanWave, rows: WeightedRows, population margins: PopulationMargins?) throws {
    let name = variables.joined(separator: "*")
    guard let cells = margins?.margins[name] else { throw EstimationError.fpcWithoutPopulation(strata: name) }
    let columns = try variables.map { variable -> Column in
      guard let column = wave.table[variable], column.isNumeric else {
        throw EstimationError.unknownBreakdown(variable)
      }
      return column
    }
    let index = Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($1.codes, Int32($0)) })
    stratumOfRow = try rows.map { row in
      let codes = try columns.map { column -> Int in
        guard let value = column.number(at: row) else {
          throw EstimationError.blankStratum(strata: name, line: Int(wave.sourceLines[row]))
        }
        return Int(value)
      }
      guard let stratum = index[codes] else {
        throw EstimationError.stratumNotInPopulation(
          strata: name, category: codes.map(String.init).joined(separator: "*"))
      }
      return stratum
    }
    population = cells.map(\.total)
  }
}
