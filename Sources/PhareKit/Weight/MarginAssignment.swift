/// Each clean row's category in one weighting margin (a variable or a crossing), nil where a
/// variable is blank or holds a declared missing code.
struct MarginAssignment {
  let variables: [String]
  private(set) var codes: [[Int]?]

  init(variables: [String], wave: CleanWave) throws {
    self.variables = variables
    let columns = try variables.map { name -> (NumericColumn, CleanVariable) in
      guard case .numeric(let column) = wave.table[name], let variable = wave.variable(named: name) else {
        throw WeightingError.unknownVariable(name)
      }
      return (column, variable)
    }
    codes = (0..<wave.rowsClean).map { row in
      var tuple: [Int] = []
      for (column, variable) in columns {
        guard let value = column[row], variable.isInBase(value, dontKnow: .exclude) else { return nil }
        tuple.append(Int(value))
      }
      return tuple
    }
  }

  /// Fills blanks with the most frequent category (the smallest codes on a tie).
  mutating func imputeMode() {
    var frequency: [[Int]: Int] = [:]
    for case let tuple? in codes { frequency[tuple, default: 0] += 1 }
    let ranked = frequency.sorted {
      $0.value != $1.value ? $0.value > $1.value : $0.key.lexicographicallyPrecedes($1.key)
    }
    guard let mode = ranked.first?.key else { return }
    codes = codes.map { $0 ?? mode }
  }
}
