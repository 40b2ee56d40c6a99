/// Post-stratification, as R's `postStratify`: every respondent of a cell is scaled by the
/// cell's population total over its starting-weight total. The cells are those of one margin
/// (`WeightStage` refuses more), each with respondents and a positive finite total.
enum PostStratifier {
  static func adjustments(_ cells: CalibrationCells, targets: [Double]) -> [Double] {
    cells.categories.indices.map { cell in targets[cells.categories[cell][0]] / cells.startTotals[cell] }
  }
}
