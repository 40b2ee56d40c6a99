/// The calibration model matrix over cells, as R's `model.matrix(~ a + b + c)`: an intercept,
/// then one indicator column for each category but the first of each margin; no column at all
/// for a design that is not calibrated (no margins).
struct ModelMatrix {
  /// For each cell, the columns that hold 1 (the intercept first).
  private let activeColumns: [[Int]]
  let columnCount: Int

  init(cells: CalibrationCells) {
    var offsets: [Int] = []
    let calibrated = !cells.categoryCounts.isEmpty
    var next = calibrated ? 1 : 0
    for count in cells.categoryCounts {
      offsets.append(next)
      next += count - 1
    }
    columnCount = next
    activeColumns = cells.categories.map { categories in
      (calibrated ? [0] : [])
        + categories.enumerated().compactMap { margin, category in category > 0 ? offsets[margin] + category - 1 : nil }
    }
  }

  /// X' v for a value per cell.
  func transposeTimes(_ perCell: [Double]) -> [Double] {
    var result = [Double](repeating: 0, count: columnCount)
    for (cell, columns) in activeColumns.enumerated() {
      for column in columns { result[column] += perCell[cell] }
    }
    return result
  }

  /// X β, one value per cell.
  func times(_ coefficients: [Double]) -> [Double] {
    activeColumns.map { columns in columns.reduce(0) { $0 + coefficients[$1] } }
  }

  /// X' diag(v) X.
  func crossProduct(_ perCell: [Double]) -> [[Double]] {
    var result = [[Double]](repeating: [Double](repeating: 0, count: columnCount), count: columnCount)
    for (cell, columns) in activeColumns.enumerated() {
      for a in columns {
        for b in columns { result[a][b] += perCell[cell] }
      }
    }
    return result
  }

  /// The constraint totals: the population size, then each non-first category's total.
  func columnTotals(ofMarginTotals totals: [[Double]]) -> [Double] {
    [totals[0].reduce(0, +)] + totals.flatMap { $0.dropFirst() }
  }
}
