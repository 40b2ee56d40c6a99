/// Weights read from a column of the clean table.
extension WeightColumn {
  /// The numeric column `name` on `rows` as weights (design or starting weights).
  /// - Throws: `WeightingError.invalidStartWeight` naming the first ten rows whose value is
  ///   blank, not positive or not finite (one pass, all counted), `unknownVariable` when the
  ///   column is not numeric.
  static func positive(_ name: String, in wave: CleanWave, rows: WeightedRows) throws -> WeightColumn {
    guard case .numeric(let column) = wave.table[name] else { throw WeightingError.unknownVariable(name) }
    var invalid: [Int] = []
    let weights = rows.map { row in
      guard let weight = column[row], weight > 0, weight.isFinite else {
        invalid.append(row)
        return 0.0
      }
      return weight
    }
    guard invalid.isEmpty else {
      let shown = invalid.prefix(10)
      throw WeightingError.invalidStartWeight(
        variable: name, lines: shown.map { Int(wave.sourceLines[$0]) }, values: shown.map { column[$0] },
        count: invalid.count)
    }
    return WeightColumn(weights)
  }
}
