/// Applies a cleaning rule to every cell of an ingested column, once per distinct value
/// where the column is dictionary-encoded.
enum CellOutcomes {
  static func compute(
    _ column: Column,
    number: (Double) -> CellOutcome,
    text: (String?) -> CellOutcome
  ) -> [CellOutcome] {
    switch column {
    case .numeric(let numeric):
      return numeric.values.indices.map { numeric.missing[$0] ? .blank : number(numeric.values[$0]) }
    case .categorical(let categorical):
      let perLevel = categorical.levels.map { text($0) }
      return categorical.codes.map { $0 == CategoricalColumn.missingCode ? .blank : perLevel[Int($0)] }
    case .text(let column):
      return column.values.map(text)
    case .coded(let coded):
      return coded.codes.indices.map { coded.missing[$0] ? .blank : number(Double(coded.codes[$0])) }
    }
  }
}
