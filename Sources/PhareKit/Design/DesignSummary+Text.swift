/// The sample design in one line, for the run summary and the log.
extension DesignSummary {
  /// `stage 1 88 units in 13 strata with fpc, stage 2 1445 units in 88 strata with fpc`, then
  /// the lonely strata and the option applied to them, if any.
  public var text: String {
    let stages = stages.enumerated().map { number, stage in
      "stage \(number + 1) \(stage.units) units in \(stage.strata) strata"
        + (stage.finitePopulationCorrection ? " with fpc" : "")
    }
    let lonely = lonelyStrata.isEmpty ? "" : ", \(lonelyStrata.count) lonely stratum(s) (\(lonelyPSU.rawValue))"
    return stages.joined(separator: ", ") + lonely
  }
}
