/// The levels of one breakdown (a coded variable or a crossing), in codebook order, and each
/// row's level: every declared level (the codebook's values of the variable, every combination
/// of them for a crossing), with or without respondents, then any other code the rows hold.
struct BreakdownLevels {
  let name: String
  let levels: [[Int]]
  /// Each weighted row's level; `levels.count` where a breakdown variable is blank or « Ne sait pas ».
  let levelOfRow: [Int32]
  private let variables: [CleanVariable]

  init(variables names: [String], wave: CleanWave, rows: WeightedRows) throws {
    name = names.joined(separator: "*")
    variables = try names.map { variableName in
      guard let position = wave.table.schema.index(of: variableName), wave.table.columns[position].isNumeric else {
        throw EstimationError.unknownBreakdown(variableName)
      }
      return wave.variables[position]
    }
    guard let keys = PackedCodes(variables: names, wave: wave)?.keys else {
      throw EstimationError.unknownBreakdown(name)
    }
    let rowKeys = rows.count == keys.count ? keys : rows.map { keys[$0] }
    let order = variables.map { variable in
      Dictionary(uniqueKeysWithValues: variable.values.enumerated().map { ($1.code, $0) })
    }
    let count = names.count
    let present = Set(rowKeys).subtracting([PackedCodes.missing]).map { PackedCodes.codes($0, count: count) }
    let declared = DerivedVariable.combinations(variables.map { $0.values.map(\.code) })
    let all = Set(present).union(declared.filter { PackedCodes.key($0) != nil })
    levels = all.sorted { a, b in
      let rankA = a.indices.map { order[$0][a[$0]] ?? Int.max / 2 + a[$0] }
      let rankB = b.indices.map { order[$0][b[$0]] ?? Int.max / 2 + b[$0] }
      return rankA.lexicographicallyPrecedes(rankB)
    }
    let lookup = CategoryLookup(keys: levels.map { PackedCodes.key($0) ?? PackedCodes.missing })
    let none = Int32(levels.count)
    levelOfRow = rowKeys.map { lookup[$0] ?? none }
  }

  /// The level's labels, joined by « × » for a crossing.
  func label(of codes: [Int]) -> String {
    zip(variables, codes).map { variable, code in variable.label(of: code) ?? String(code) }.joined(separator: " × ")
  }
}
