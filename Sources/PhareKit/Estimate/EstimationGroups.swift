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

  init(
    cellOfRow: [Int32], stratumOfRow: [Int32], breakdownLevelOfRow: [[Int32]], breakdownLevelCounts: [Int],
    startWeights: [Double], weights: [Double]
  ) {
    // Mixed-radix key of (cell, stratum, levels…); each breakdown has one extra level for "no value".
    let radices =
      [Int(cellOfRow.max() ?? 0) + 1, Int(stratumOfRow.max() ?? 0) + 1] + breakdownLevelCounts.map { $0 + 1 }
    var groupOfKey: [Int: Int32] = [:]
    var cell: [Int] = []
    var stratum: [Int] = []
    var levels: [[Int]] = breakdownLevelCounts.map { _ in [] }
    var totals: [GroupTotals] = []
    var groupOfRow = [Int32](repeating: 0, count: weights.count)
    var lastKey = -1
    var lastGroup: Int32 = 0
    for row in weights.indices {
      var key = Int(cellOfRow[row])
      var place = radices[0]
      key += Int(stratumOfRow[row]) * place
      place *= radices[1]
      for breakdown in breakdownLevelCounts.indices {
        key += Int(breakdownLevelOfRow[breakdown][row]) * place
        place *= radices[2 + breakdown]
      }
      let group: Int32
      if key == lastKey {
        group = lastGroup
      } else if let known = groupOfKey[key] {
        group = known
      } else {
        group = Int32(cell.count)
        groupOfKey[key] = group
        cell.append(Int(cellOfRow[row]))
        stratum.append(Int(stratumOfRow[row]))
        for breakdown in breakdownLevelCounts.indices {
          levels[breakdown].append(Int(breakdownLevelOfRow[breakdown][row]))
        }
        totals.append(GroupTotals())
      }
      lastKey = key
      lastGroup = group
      groupOfRow[row] = group
      let w = weights[row]
      totals[Int(group)].count += 1
      totals[Int(group)].startWeight += startWeights[row]
      totals[Int(group)].weight += w
      totals[Int(group)].weightSquared += w * w
    }
    self.cell = cell
    self.stratum = stratum
    self.levels = levels
    self.groupOfRow = groupOfRow
    self.totals = totals
  }
}
