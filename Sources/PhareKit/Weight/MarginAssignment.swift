/// Each clean row's category in one weighting margin (a variable or a crossing), packed into
/// one integer key per row (codes in 21 bits each), -1 where a variable is blank or holds a
/// declared missing code. Packed keys keep ten million rows cheap: no array per row.
struct MarginAssignment {
  static let missing = -1
  private static let bits = 21

  let variables: [String]
  private(set) var keys: [Int]

  init(variables: [String], wave: CleanWave) throws {
    self.variables = variables
    let columns = try variables.map { name -> (NumericColumn, CleanVariable) in
      guard case .numeric(let column) = wave.table[name], let variable = wave.variable(named: name) else {
        throw WeightingError.unknownVariable(name)
      }
      return (column, variable)
    }
    keys = (0..<wave.rowsClean).map { row in
      var codes: [Int] = []
      codes.reserveCapacity(columns.count)
      for (column, variable) in columns {
        guard let value = column[row], variable.isInBase(value, dontKnow: .exclude) else { return Self.missing }
        codes.append(Int(value))
      }
      return Self.key(codes) ?? Self.missing
    }
  }

  /// The key of a tuple of codes, nil when a code does not fit.
  static func key(_ codes: [Int]) -> Int? {
    var key = 0
    for (position, code) in codes.enumerated() {
      guard code >= 0 && code < 1 << bits else { return nil }
      key |= code << (position * bits)
    }
    return key
  }

  /// The codes of a key of `count` variables.
  static func codes(_ key: Int, count: Int) -> [Int] {
    (0..<count).map { (key >> ($0 * bits)) & ((1 << bits) - 1) }
  }

  /// Fills blanks with the most frequent category (the smallest codes on a tie).
  mutating func imputeMode() {
    var frequency: [Int: Int] = [:]
    for key in keys where key != Self.missing { frequency[key, default: 0] += 1 }
    let ranked = frequency.sorted { a, b in
      a.value != b.value
        ? a.value > b.value
        : Self.codes(a.key, count: variables.count).lexicographicallyPrecedes(Self.codes(b.key, count: variables.count))
    }
    guard let mode = ranked.first?.key else { return }
    for index in keys.indices where keys[index] == Self.missing { keys[index] = mode }
  }
}
