/// One stage's fpc on every weighted row: from a numeric column, or the total of the row's
/// category in a margin of the populations file. Each value is positive and finite.
struct FPCValues {
  let values: [Double]

  /// - Throws: `DesignError` for a blank, non-positive or infinite value, or a category the
  ///   populations file does not list.
  init(_ entry: SurveyDesignSpec.FPC, wave: CleanWave, rows: WeightedRows, population: PopulationMargins?) throws {
    let line = { (index: Int) in Int(wave.sourceLines[rows[index]]) }
    switch entry {
    case .column(let name):
      guard let column = wave.table[name], column.isNumeric else {
        throw DesignError.unknownVariable(name, role: "fpc")
      }
      values = try (0..<rows.count).map { index in
        let value = column.number(at: rows[index])
        guard let value, value > 0, value.isFinite else {
          throw DesignError.invalidFPC(variable: name, line: line(index), value: value)
        }
        return value
      }
    case .population(let variables):
      let name = variables.joined(separator: "*")
      guard let cells = population?.margins[name] else { throw DesignError.unknownVariable(name, role: "fpc margin") }
      guard let keys = PackedCodes(variables: variables, wave: wave)?.keys else {
        throw DesignError.unknownVariable(name, role: "fpc margin")
      }
      var total: [Int: Double] = [:]
      for cell in cells {
        if let key = PackedCodes.key(cell.codes) { total[key] = cell.total }
      }
      values = try (0..<rows.count).map { index in
        let key = keys[rows[index]]
        guard key != PackedCodes.missing else { throw DesignError.blankValue(variable: name, line: line(index)) }
        guard let value = total[key] else {
          throw DesignError.fpcCategoryNotInPopulation(
            margin: name,
            category: MarginNames.category(PackedCodes.codes(key, count: variables.count), of: variables, in: wave),
            line: line(index))
        }
        guard value > 0, value.isFinite else {
          throw DesignError.invalidFPC(variable: name, line: line(index), value: value)
        }
        return value
      }
    }
  }
}
