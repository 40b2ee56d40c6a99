/// The levels of one breakdown (a coded variable or a crossing) present among the weighted
/// rows, in codebook order, and each row's level.
struct BreakdownLevels {
  let name: String
  let levels: [[Int]]
  /// Each weighted row's level; `levels.count` where a breakdown variable is blank or « Ne sait pas ».
  let levelOfRow: [Int32]
  private let variables: [CleanVariable]

  init(variables names: [String], wave: CleanWave, rows: [Int]) throws {
    name = names.joined(separator: "*")
    var columns: [(NumericColumn, CleanVariable)] = []
    for variableName in names {
      guard let position = wave.table.schema.index(of: variableName),
        case .numeric(let column) = wave.table.columns[position]
      else { throw EstimationError.unknownBreakdown(variableName) }
      columns.append((column, wave.variables[position]))
    }
    variables = columns.map(\.1)
    let tuples: [[Int]?] = rows.map { row in
      var tuple: [Int] = []
      for (column, variable) in columns {
        guard let value = column[row], variable.isInBase(value, dontKnow: .exclude) else { return nil }
        tuple.append(Int(value))
      }
      return tuple
    }
    let order = columns.map { _, variable in
      Dictionary(uniqueKeysWithValues: variable.values.enumerated().map { ($1.code, $0) })
    }
    let present = Set(tuples.compactMap { $0 })
    levels = present.sorted { a, b in
      let rankA = a.indices.map { order[$0][a[$0]] ?? Int.max / 2 + a[$0] }
      let rankB = b.indices.map { order[$0][b[$0]] ?? Int.max / 2 + b[$0] }
      return rankA.lexicographicallyPrecedes(rankB)
    }
    let index = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, Int32($0)) })
    let none = Int32(levels.count)
    levelOfRow = tuples.map { $0.flatMap { index[$0] } ?? none }
  }

  /// The level's labels, joined by « × » for a crossing.
  func label(of codes: [Int]) -> String {
    zip(variables, codes).map { variable, code in variable.label(of: code) ?? String(code) }.joined(separator: " × ")
  }
}
