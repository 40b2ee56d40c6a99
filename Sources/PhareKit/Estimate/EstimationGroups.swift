/// Every row's group: the combination of its calibration cell, its sampling unit at each stage
/// of the design where units are clusters (their strata follow), else its stratum, and its level
/// in each breakdown. Estimates for any domain of these breakdowns add up group sums, so one pass over
/// the rows serves the whole matrix; nothing is copied per breakdown or per PSU.
struct EstimationGroups {
  /// Per group: its calibration cell, and its level index in each breakdown (`levels[b].count`
  /// when the row has no value for that breakdown).
  let cell: [Int]
  let levels: [[Int]]
  /// Per stage of the design, per group: its stratum at that stage (0 with one stratum).
  let stratum: [[Int]]
  /// Per stage of the design, per group: its unit; nil for a stage whose units are rows.
  let unit: [[Int]?]
  let groupOfRow: [Int32]
  /// Per group: the totals over all its rows.
  let totals: [GroupTotals]

  var count: Int { cell.count }

  init(
    cellOfRow: [Int32], design: SampleDesign, breakdownLevelOfRow: [[Int32]], breakdownLevelCounts: [Int],
    startWeights: WeightColumn
  ) {
    var indices = [cellOfRow]
    var radices = [Int(cellOfRow.max() ?? 0) + 1]
    /// The component holding `values`, appended unless the previous stage's units are the same.
    func component(_ values: [Int32]?, count: Int, reusing previous: Int?) -> Int? {
      guard let values else { return nil }
      if let previous { return previous }
      indices.append(values)
      radices.append(count)
      return indices.count - 1
    }
    var stratumComponent: [Int?] = []
    var unitComponent: [Int?] = []
    for (number, stage) in design.stages.enumerated() {
      // A unit lies in one stratum, so clusters key the groups alone; stage 2's strata are stage 1's units.
      let unit = component(stage.unitOfRow, count: stage.unitCount, reusing: nil)
      stratumComponent.append(
        unit != nil
          ? nil
          : component(
            stage.stratumOfRow, count: stage.sampleSize.count,
            reusing: number > 0 ? unitComponent[number - 1] : nil))
      unitComponent.append(unit)
    }
    let levelsStart = indices.count
    indices += breakdownLevelOfRow
    radices += breakdownLevelCounts.map { $0 + 1 }  // one extra level for "no value"
    let grouping = RowGrouping(indices: indices, radices: radices, rows: startWeights.count)
    var totals = [GroupTotals](repeating: GroupTotals(), count: grouping.tuples.count)
    for (row, group) in grouping.groupOfRow.enumerated() {
      let w0 = startWeights[row]
      totals[Int(group)].count += 1
      totals[Int(group)].startWeight += w0
      totals[Int(group)].startWeightSquared += w0 * w0
    }
    let tuples = grouping.tuples
    cell = tuples.map { $0[0] }
    let unit = unitComponent.map { position in position.map { position in tuples.map { $0[position] } } }
    self.unit = unit
    stratum = design.stages.indices.map { number in
      if let units = unit[number], let stratumOfUnit = design.stages[number].stratumOfUnit {
        return units.map { Int(stratumOfUnit[$0]) }
      }
      return tuples.map { tuple in stratumComponent[number].map { tuple[$0] } ?? 0 }
    }
    levels = breakdownLevelCounts.indices.map { breakdown in tuples.map { $0[levelsStart + breakdown] } }
    groupOfRow = grouping.groupOfRow
    self.totals = totals
  }
}
