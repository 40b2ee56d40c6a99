/// `weighting.csv`: the weighting report people read. A first row `(all)` for the whole sample,
/// then one row per margin category (code and codebook label): respondents and their share of
/// the sample, the weighted total and share after calibration, the population target and its
/// share, g = final / starting weight (least, mean over respondents, greatest), Kish's design
/// effect, effective n and efficiency of the group's weights, the iterations (on the `(all)` row)
/// and `trimmed`, the final weights that `weight.trim` cut to a bound (empty without trimming).
extension WeightedWave {
  static let reportHeader = [
    "margin", "category", "label", "respondents", "sample_share", "weighted_total", "weighted_share", "target",
    "target_share", "g_min", "g_mean", "g_max", "kish_deff", "effective_n", "efficiency", "iterations", "trimmed",
  ]

  public func weightingCSV(locale: CSVLocale = .rfc4180) -> String {
    let margins = diagnostics.margins
    let offsets = calibration.categoryCounts.indices.map { calibration.categoryCounts[..<$0].reduce(0, +) }
    var whole = WeightSpread()
    var spreads = [WeightSpread](repeating: WeightSpread(), count: margins.count)
    let bounds = diagnostics.trimming.map { [$0.lowerBound, $0.upperBound] } ?? []
    // Each cell's spreads, margin after margin, in one flat table: a row reads no array of its own.
    let marginCount = offsets.count
    let spreadOfCell = calibration.categories.flatMap { categories in
      categories.enumerated().map { margin, category in offsets[margin] + category }
    }
    for (row, weight) in finalWeights.enumerated() {
      let g = weight / startWeights[row]
      let trimmed = bounds.contains(weight)
      whole.add(weight: weight, adjustment: g, trimmed: trimmed)
      let first = Int(calibration.cellOfRow[row]) * marginCount
      for spread in spreadOfCell[first..<first + marginCount] {
        spreads[spread].add(weight: weight, adjustment: g, trimmed: trimmed)
      }
    }
    var writer = CSVWriter(locale: locale)
    writer.row(Self.reportHeader.map(CSVCell.text))
    let n = Double(whole.count)
    func row(_ names: [CSVCell], _ spread: WeightSpread, target: Double, iterations: CSVCell) {
      writer.row(
        names + [
          .integer(spread.count), .number(Double(spread.count) / n), .number(spread.sum),
          .number(spread.sum / whole.sum), .number(target), .number(target / diagnostics.populationTotal),
          .number(spread.smallestAdjustment), .number(spread.meanAdjustment), .number(spread.largestAdjustment),
          .number(spread.kishDesignEffect), .number(spread.effectiveSampleSize), .number(spread.efficiency),
          iterations, diagnostics.trimming == nil ? .empty : .integer(spread.trimmed),
        ])
    }
    row(
      [.text("(all)"), .empty, .empty], whole, target: diagnostics.populationTotal,
      iterations: .integer(diagnostics.iterations))
    for (index, cell) in margins.enumerated() {
      row(
        [.text(cell.margin), .text(cell.category), CSVCell(cell.label)], spreads[index], target: cell.target,
        iterations: .empty)
    }
    return writer.text
  }
}
