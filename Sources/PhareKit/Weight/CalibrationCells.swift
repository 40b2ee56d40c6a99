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

  /// The most category combinations the cell index handles (a 64 MB lookup table).
  static let maxCombinations = 1 << 24

  /// Groups rows given, for each margin, the category index (0 ..< count) of every row; the
  /// product of the category counts is at most `maxCombinations`.
  init(categoryCounts: [Int], rowCategories: [[Int32]], startWeights: [Double]) {
    self.categoryCounts = categoryCounts
    let rows = startWeights.count
    var strides: [Int] = []
    var combinations = 1
    for count in categoryCounts {
      strides.append(combinations)
      combinations *= count
    }
    precondition(combinations <= Self.maxCombinations, "too many margin combinations")
    var cellOfKey = [Int32](repeating: -1, count: combinations)
    var cellOfRow = [Int32](repeating: 0, count: rows)
    var categories: [[Int]] = []
    var startTotals: [Double] = []
    var respondents: [Int] = []
    for row in 0..<rows {
      var key = 0
      for margin in categoryCounts.indices {
        key += Int(rowCategories[margin][row]) * strides[margin]
      }
      var cell = cellOfKey[key]
      if cell < 0 {
        cell = Int32(categories.count)
        cellOfKey[key] = cell
        categories.append(categoryCounts.indices.map { Int(rowCategories[$0][row]) })
        startTotals.append(0)
        respondents.append(0)
      }
      cellOfRow[row] = cell
      startTotals[Int(cell)] += startWeights[row]
      respondents[Int(cell)] += 1
    }
    self.cellOfRow = cellOfRow
    self.categories = categories
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
