/// Every row's group: the combination of its calibration cell, its stratum and its level in
/// each breakdown. Estimates for any domain of these breakdowns add up group sums, so one pass
/// over the rows serves the whole matrix; nothing is copied per breakdown.
struct EstimationGroups {
  /// Per group: its calibration cell, its stratum, and its level index in each breakdown
  /// (`levels[b].count` when the row has no value for that breakdown).
  let cell: [Int]
  let stratum: [Int]
  let levels: [[Int]]
  let groupOfRow: [Int32]
  /// Per group: the totals over all its rows.
  let totals: [GroupTotals]

  var count: Int { cell.count }

  /// - Parameter stratumOfRow: nil without strata (one stratum).
  init(
    cellOfRow: [Int32], stratumOfRow: [Int32]?, breakdownLevelOfRow: [[Int32]], breakdownLevelCounts: [Int],
    startWeights: WeightColumn
  ) {
    // Each breakdown has one extra level for "no value".
    let strata = stratumOfRow.map { [$0] } ?? []
    let grouping = RowGrouping(
      indices: [cellOfRow] + strata + breakdownLevelOfRow,
      radices: [Int(cellOfRow.max() ?? 0) + 1] + strata.map { Int($0.max() ?? 0) + 1 }
        + breakdownLevelCounts.map { $0 + 1 },
      rows: startWeights.count)
    let levelsStart = 1 + strata.count
    var totals = [GroupTotals](repeating: GroupTotals(), count: grouping.tuples.count)
    for (row, group) in grouping.groupOfRow.enumerated() {
      let w0 = startWeights[row]
      totals[Int(group)].count += 1
      totals[Int(group)].startWeight += w0
      totals[Int(group)].startWeightSquared += w0 * w0
    }
    cell = grouping.tuples.map { $0[0] }
    stratum = strata.isEmpty ? grouping.tuples.map { _ in 0 } : grouping.tuples.map { $0[1] }
    levels = breakdownLevelCounts.indices.map { breakdown in grouping.tuples.map { $0[levelsStart + breakdown] } }
    groupOfRow = grouping.groupOfRow
    self.totals = totals
  }
}
