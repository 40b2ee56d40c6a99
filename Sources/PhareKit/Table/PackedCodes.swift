/// Each clean row's codes on one variable or a crossing of several (a weighting margin, a
/// breakdown), packed into one integer key per row (codes in 21 bits each), -1 where a variable
/// is blank or holds a declared missing code. Packed keys keep ten million rows cheap: no array per row.
struct PackedCodes {
  static let missing = -1
  private static let bits = 21
  /// The largest code a packed variable can hold; codes run from 0 to this.
  static let maxCode = (1 << bits) - 1

  let variables: [String]
  private(set) var keys: [Int]

  private init(variables: [String], keys: [Int]) {
    self.variables = variables
    self.keys = keys
  }

  /// No rows: what a margin's codes become once used, to free their memory.
  static func empty(_ variables: [String]) -> PackedCodes { PackedCodes(variables: variables, keys: []) }

  /// nil when a variable is not a coded or numeric column of the clean table.
  init?(variables: [String], wave: CleanWave) {
    self.variables = variables
    var columns: [(Column, CleanVariable)] = []
    for name in variables {
      guard let column = wave.table[name], column.isNumeric, let variable = wave.variable(named: name) else {
        return nil
      }
      columns.append((column, variable))
    }
    var keys = [Int](repeating: 0, count: wave.rowsClean)
    for (position, (column, variable)) in columns.enumerated() {
      let missingCodes = Set(variable.missingCodes.map { Double($0.code) })
      func pack(_ row: Int, _ value: Double?) {
        guard let value, !missingCodes.contains(value), value >= 0, value < Double(1 << Self.bits) else {
          keys[row] = Self.missing
          return
        }
        keys[row] |= Int(value) << (position * Self.bits)
      }
      switch column {
      case .coded(let coded):
        for row in keys.indices where keys[row] != Self.missing {
          pack(row, coded.missing[row] ? nil : Double(coded.codes[row]))
        }
      default:
        for row in keys.indices where keys[row] != Self.missing { pack(row, column.number(at: row)) }
      }
    }
    self.keys = keys
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
