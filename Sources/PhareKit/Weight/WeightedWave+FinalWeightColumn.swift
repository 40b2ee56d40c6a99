/// The final weight as one more column of the clean table, for clean.csv and clean.sav.
extension WeightedWave {
  /// `MicrodataColumns.finalWeight`: one final weight per clean row, missing where the weight
  /// stage set the row aside; labelled `MicrodataColumns.finalWeightLabel`.
  var finalWeightColumn: MicrodataColumn {
    var values = [Double](repeating: .nan, count: clean.rowsClean)
    for (index, row) in rows.enumerated() { values[row] = finalWeights[index] }
    let weighted = values
    let column = NumericColumn(
      values: ColumnStorage(weighted), missing: MissingMask(count: weighted.count) { weighted[$0].isNaN })
    let variable = CleanVariable(
      name: MicrodataColumns.finalWeight, label: MicrodataColumns.finalWeightLabel, kind: .numeric, values: [],
      missingCodes: [])
    return MicrodataColumn(variable: variable, column: .numeric(column))
  }
}
