/// Every row's group: the combination of its calibration cell, its stratum and sampling unit at
/// each stage of the design (where units are clusters, not rows), and its level in each
/// breakdown. Estimates for any domain of these breakdowns add up group sums, so one pass over
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
      // Stage 2's strata are stage 1's units.
      stratumComponent.append(
        component(
          stage.stratumOfRow, count: stage.sampleSize.count, reusing: number > 0 ? unitComponent[number - 1] : nil))
      unitComponent.append(component(stage.unitOfRow, count: stage.unitCount, reusing: nil))
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
    stratum = stratumComponent.map { position in tuples.map { tuple in position.map { tuple[$0] } ?? 0 } }
    unit = unitComponent.map { position in position.map { position in tuples.map { $0[position] } } }
    levels = breakdownLevelCounts.indices.map { breakdown in tuples.map { $0[levelsStart + breakdown] } }
    groupOfRow = grouping.groupOfRow
    self.totals = totals
  }
}
