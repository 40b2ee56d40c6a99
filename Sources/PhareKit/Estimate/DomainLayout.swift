/// One weighted wave's domains as estimation sees them: every row's group, the variance design,
/// and the domains (the nation, then each declared level of each breakdown) as sets of groups.
struct DomainLayout {
  /// A breakdown level (or the nation) and the groups it holds.
  struct Domain {
    /// `national`, or the breakdown's name as the spec writes it (`region*urbain`).
    let breakdown: String
    /// The level's codes joined by `*`; empty for the nation.
    let value: String
    let label: String
    /// Per group: whether it belongs to the domain.
    let member: [Bool]
  }

  let groups: EstimationGroups
  let design: VarianceDesign
  /// The nation first, then each breakdown's levels in codebook order.
  let domains: [Domain]

  /// - Throws: `EstimationError` when a breakdown variable is not a coded column.
  init(spec: EstimationSpec, weighted: WeightedWave) throws {
    let wave = weighted.clean
    let breakdowns = try spec.breakdowns.map { try BreakdownLevels(variables: $0, wave: wave, rows: weighted.rows) }
    groups = EstimationGroups(
      cellOfRow: weighted.calibration.cellOfRow,
      design: weighted.design,
      breakdownLevelOfRow: breakdowns.map(\.levelOfRow),
      breakdownLevelCounts: breakdowns.map(\.levels.count),
      startWeights: weighted.startWeights)
    design = VarianceDesign(groups: groups, weighted: weighted)
    var domains = [
      Domain(breakdown: "national", value: "", label: "Ensemble", member: [Bool](repeating: true, count: groups.count))
    ]
    for (index, breakdown) in breakdowns.enumerated() {
      for (level, codes) in breakdown.levels.enumerated() {
        domains.append(
          Domain(
            breakdown: breakdown.name, value: codes.map(String.init).joined(separator: "*"),
            label: breakdown.label(of: codes), member: groups.levels[index].map { $0 == level }))
      }
    }
    self.domains = domains
  }
}
