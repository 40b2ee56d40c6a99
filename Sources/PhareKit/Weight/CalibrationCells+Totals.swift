/// Sums of per-row values by calibration cell.
extension CalibrationCells {
  /// Per cell, the sum of `values` (one per row, in row order) over its respondents: what
  /// trimmed final weights reach in each cell, where start total × g no longer says.
  func totals(of values: [Double]) -> [Double] {
    var totals = [Double](repeating: 0, count: startTotals.count)
    for (row, cell) in cellOfRow.enumerated() { totals[Int(cell)] += values[row] }
    return totals
  }
}
