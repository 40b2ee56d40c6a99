/// One analysis column and how it is summarised: a mean (scores, numbers), or the proportion
/// of each category (coded answers; only « 1 » for 0/1 items, flags and nets).
struct AnalysisItem {
  let name: String
  let label: String
  let column: NumericColumn
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
    guard case .numeric(let numbers) = column else {
      throw EstimationError.notAnalysable(variable: variable.name, kind: variable.kind.rawValue)
    }
    self.variable = variable
    self.column = numbers
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
    let firstValue = numbers.values.indices.first { !numbers.missing[$0] }.map { numbers.values[$0] } ?? 0
    shift = categories == [nil] ? firstValue : 0
  }

  private func inBase(_ value: Double) -> Bool {
    countsDontKnow || !variable.missingCodes.contains { Double($0.code) == value }
  }

  /// One pass over the column: per category, per group, the sums of the 0/1 indicator (or of
  /// the shifted value for a mean).
  func accumulate(_ weighted: WeightedWave, groups: EstimationGroups) -> [[Moments]] {
    var moments = categories.map { _ in [Moments](repeating: Moments(), count: groups.count) }
    let codes = categories.map { $0.map { Double($0.code) } }
    for (index, row) in weighted.rows.enumerated() {
      guard let value = column[row], inBase(value) else { continue }
      let group = Int(groups.groupOfRow[index])
      let w0 = weighted.startWeights[index]
      let w = weighted.finalWeights[index]
      for (position, code) in codes.enumerated() {
        let y = code.map { value == $0 ? 1.0 : 0.0 } ?? value - shift
        moments[position][group].add(y, startWeight: w0, weight: w)
      }
    }
    return moments
  }
}
