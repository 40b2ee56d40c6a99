/// Respondents grouped by the combination of margin categories they fall in, with the total
/// of their starting weights. Raking and post-stratification adjust every respondent of a cell
/// by the same factor, so calibration iterates over these few hundred cells, not the rows.
struct CalibrationCells {
  /// The number of categories of each margin.
  let categoryCounts: [Int]
  /// The cell of each respondent.
  let cellOfRow: [Int32]
  /// For each cell, its category index in each margin.
  let categories: [[Int]]
  /// For each cell, the total of its respondents' starting weights.
  let startTotals: [Double]
  /// For each cell, how many respondents it holds.
  let respondents: [Int]

  /// The most category combinations the margins may have.
  static let maxCombinations = 1 << 24

  /// The number of category combinations of margins with these category counts, `Int.max` when
  /// it does not fit: a spec listing many large margins must fail as too many cells, not overflow.
  static func combinations(_ categoryCounts: [Int]) -> Int {
    var product = 1
    for count in categoryCounts {
      let (next, overflow) = product.multipliedReportingOverflow(by: count)
      if overflow { return .max }
      product = next
    }
    return product
  }

  /// Groups rows given, for each margin, the category index (0 ..< count) of every row.
  init<Weights: RandomAccessCollection<Double>>(categoryCounts: [Int], rowCategories: [[Int32]], startWeights: Weights)
  where Weights.Index == Int {
    self.categoryCounts = categoryCounts
    let grouping = RowGrouping(indices: rowCategories, radices: categoryCounts, rows: startWeights.count)
    var startTotals = [Double](repeating: 0, count: grouping.tuples.count)
    var respondents = [Int](repeating: 0, count: grouping.tuples.count)
    for (row, cell) in grouping.groupOfRow.enumerated() {
      startTotals[Int(cell)] += startWeights[row]
      respondents[Int(cell)] += 1
    }
    cellOfRow = grouping.groupOfRow
    categories = grouping.tuples
    self.startTotals = startTotals
    self.respondents = respondents
  }

  /// Each margin category's total of `values` given per cell.
  func marginTotals(_ perCell: [Double]) -> [[Double]] {
    var totals = categoryCounts.map { [Double](repeating: 0, count: $0) }
    for (cell, value) in perCell.enumerated() {
      for (margin, category) in categories[cell].enumerated() {
        totals[margin][category] += value
      }
    }
    return totals
  }
}
