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

  /// The file of the report's rows (`weightingReport()`).
  static func weightingCSV(_ rows: [WeightingReportRow], locale: CSVLocale = .rfc4180) -> String {
    var writer = CSVWriter(locale: locale)
    writer.row(reportHeader.map(CSVCell.text))
    for row in rows {
      let spread = row.spread
      writer.row([
        .text(row.margin), row.category.isEmpty ? .empty : .text(row.category), CSVCell(row.label),
        .integer(row.respondents), .number(row.sampleShare), .number(row.weightedTotal), .number(row.weightedShare),
        .number(row.target), .number(row.targetShare), .number(spread.smallestAdjustment),
        .number(spread.meanAdjustment), .number(spread.largestAdjustment), .number(spread.kishDesignEffect),
        .number(spread.effectiveSampleSize), .number(spread.efficiency), row.iterations.map(CSVCell.integer) ?? .empty,
        row.trimmed.map(CSVCell.integer) ?? .empty,
      ])
    }
    return writer.text
  }

  /// The report's rows: `(all)`, then each margin category in the diagnostics' order.
  func weightingReport() -> [WeightingReportRow] {
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
    let n = Double(whole.count)
    let trimming = diagnostics.trimming != nil
    func row(_ margin: String, _ category: String, _ label: String?, _ spread: WeightSpread, target: Double)
      -> WeightingReportRow
    {
      WeightingReportRow(
        margin: margin, category: category, label: label, respondents: spread.count,
        sampleShare: Double(spread.count) / n, weightedTotal: spread.sum, weightedShare: spread.sum / whole.sum,
        target: target, targetShare: target / diagnostics.populationTotal, spread: spread, iterations: nil,
        trimmed: trimming ? spread.trimmed : nil)
    }
    var all = row("(all)", "", nil, whole, target: diagnostics.populationTotal)
    all.iterations = diagnostics.iterations
    return [all]
      + margins.enumerated().map { index, cell in
        row(cell.margin, cell.category, cell.label, spreads[index], target: cell.target)
      }
  }
}
