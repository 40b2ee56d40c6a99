/// How the p-values of one family of column comparisons are adjusted for multiplicity, as R's
/// `p.adjust(p, method)`: the spec's `estimate.correction`.
public enum PValueCorrection: String, Sendable, CaseIterable, Codable {
  /// No adjustment (R: `method = "none"`), as the H / B test against Ensemble.
  case none
  /// Holm's step-down adjustment (R: `method = "holm"`), which controls the family-wise error
  /// rate as Bonferroni does and rejects at least as much.
  case holm
  /// Bonferroni: each p-value times the family's size, capped at 1 (R: `method = "bonferroni"`).
  case bonferroni

  /// The adjusted p-values, in the order of `pValues`.
  public func adjust(_ pValues: [Double]) -> [Double] {
    let m = Double(pValues.count)
    switch self {
    case .none:
      return pValues
    case .bonferroni:
      return pValues.map { min(1, $0 * m) }
    case .holm:
      // p.adjust: i = 1…m in increasing order of p, pmin(1, cummax((m − i + 1) p_(i))).
      let order = pValues.indices.sorted { pValues[$0] < pValues[$1] }
      var adjusted = pValues
      var running = 0.0
      for (rank, index) in order.enumerated() {
        running = max(running, (m - Double(rank)) * pValues[index])
        adjusted[index] = min(1, running)
      }
      return adjusted
    }
  }
}
