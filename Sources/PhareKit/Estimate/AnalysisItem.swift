/// One analysis column and how it is summarised: a mean (scores, numbers), or the proportion
/// of each category (coded answers; only « 1 » for 0/1 items, flags and nets).
struct AnalysisItem {
  let name: String
  let label: String
  /// A numeric or coded column.
  let column: Column
  let variable: CleanVariable
  /// nil for a mean; otherwise the categories whose proportions are estimated.
  let categories: [ValueLabel?]
  /// Whether a value counts in the base: declared missing codes never do for a mean, and do
  /// for proportions only when « Ne sait pas » is kept as a category.
  let countsDontKnow: Bool
  /// A value of the column subtracted before summing, for precision.
  let shift: Double

  /// The items of the spec's variables: a name is a clean column, or a multiple-response set
  /// whose items are columns.
  static func items(for names: [String], in wave: CleanWave, dontKnow: DontKnowPolicy) throws -> [AnalysisItem] {
    try names.flatMap { name -> [AnalysisItem] in
      let positions = wave.variables.indices.filter {
        wave.variables[$0].name == name || wave.variables[$0].origin == name
      }
      guard !positions.isEmpty else { throw EstimationError.unknownVariable(name) }
      return try positions.map {
        try AnalysisItem(variable: wave.variables[$0], column: wave.table.columns[$0], dontKnow: dontKnow)
      }
    }
  }

  private init(variable: CleanVariable, column: Column, dontKnow: DontKnowPolicy) throws {
    guard column.isNumeric else {
      throw EstimationError.notAnalysable(variable: variable.name, kind: variable.kind.rawValue)
    }
    self.variable = variable
    self.column = column
    name = variable.name
    label = variable.label
    switch variable.kind {
    case .scale, .numeric:
      categories = [nil]
      countsDontKnow = false
    case .single, .multiple:
      let codes = Set(variable.values.map(\.code))
      if codes == [0, 1] {
        categories = variable.values.filter { $0.code == 1 }
      } else {
        categories = variable.values + (dontKnow == .category ? variable.missingCodes : [])
      }
      countsDontKnow = dontKnow == .category
    case .identifier, .text, .personal:
      throw EstimationError.notAnalysable(variable: variable.name, kind: variable.kind.rawValue)
    }
    let firstValue = (0..<column.count).lazy.compactMap { column.number(at: $0) }.first ?? 0
    shift = categories == [nil] ? firstValue : 0
  }

  /// One pass over the column: per category, per group, the sums of the 0/1 indicator (or of
  /// the shifted value for a mean). Raw pointers: this loop runs once per variable over every row.
  func accumulate(_ weighted: WeightedWave, groups: EstimationGroups) -> [[Moments]] {
    var flat = [Moments](repeating: Moments(), count: categories.count * groups.count)
    switch column {
    case .numeric(let numbers):
      numbers.values.withUnsafeBufferPointer { values in
        accumulate(into: &flat, values: values, missing: numbers.missing, weighted: weighted, groups: groups) { $0 }
      }
    case .coded(let coded):
      coded.codes.withUnsafeBufferPointer { codes in
        accumulate(into: &flat, values: codes, missing: coded.missing, weighted: weighted, groups: groups) {
          Double($0)
        }
      }
    case .categorical, .text:
      break
    }
    let groupCount = groups.count
    return categories.indices.map { Array(flat[$0 * groupCount..<($0 + 1) * groupCount]) }
  }

  /// The loop itself, specialised for doubles and for 4-byte codes. Raw pointers: it runs once
  /// per variable over every row.
  @inline(__always)
  private func accumulate<Value>(
    into flat: inout [Moments], values: UnsafeBufferPointer<Value>, missing: MissingMask, weighted: WeightedWave,
    groups: EstimationGroups, asDouble: (Value) -> Double
  ) {
    let groupCount = groups.count
    let codes = categories.map { $0.map { Double($0.code) } ?? .nan }
    let isMean = categories == [nil]
    let excluded = countsDontKnow ? [] : variable.missingCodes.map { Double($0.code) }
    let rows = weighted.rows
    let start = weighted.startWeights
    flat.withUnsafeMutableBufferPointer { moments in
      missing.withUnsafeWords { missing in
        weighted.finalWeights.withUnsafeBufferPointer { final in
          groups.groupOfRow.withUnsafeBufferPointer { groupOfRow in
            for index in 0..<rows.count {
              let row = rows[index]
              if missing[row >> 6] & (1 << UInt64(row & 63)) != 0 { continue }
              let value = asDouble(values[row])
              if !excluded.isEmpty && excluded.contains(value) { continue }
              let group = Int(groupOfRow[index])
              let w0 = start[index]
              let w = final[index]
              if isMean {
                moments[group].add(value - shift, startWeight: w0, weight: w)
              } else {
                for position in codes.indices {
                  moments[position * groupCount + group].add(
                    value == codes[position] ? 1 : 0, startWeight: w0, weight: w)
                }
              }
            }
          }
        }
      }
    }
  }
}
