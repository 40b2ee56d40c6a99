/// A sample design as declared under `design:` in the spec, in the vocabulary of R's
/// `svydesign(ids =, strata =, weights =, fpc =, nest =)`; a `weight:` calibration, if any,
/// starts from its weights.
public struct SurveyDesignSpec: Equatable, Sendable {
  /// Where one stage's finite population correction comes from.
  public enum FPC: Equatable, Sendable {
    /// A numeric column: the population size of the row's stratum (≥ its sample size), or the
    /// sampling fraction when every value is at most 1 (as R's `as.fpc`).
    case column(String)
    /// The populations file's margin with these variables: each row gets its category's total.
    case population([String])
  }

  /// A numeric column of design weights (> 0); nil: 1 / Π (n / N) from the fpc when every stage
  /// has one (as R), else equal weights.
  public var weights: String?
  /// The stratum variable, or a crossing of several; nil for an unstratified design.
  public var strata: [String]?
  /// The cluster ids of each stage (at most two); empty: each row is its own unit.
  public var clusters: [String] = []
  /// One entry per stage, or none.
  public var fpc: [FPC] = []
  /// Whether cluster ids are only unique within strata (R's `nest = TRUE`).
  public var nest = false
  public var lonelyPSU = LonelyPSU.fail

  /// Stages of sampling: one per cluster level, one for a design of rows.
  public var stageCount: Int { max(clusters.count, 1) }
  /// The most stages a design may have.
  static let maxStages = 2
}
