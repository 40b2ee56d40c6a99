/// One statistic of one variable in one breakdown, with its uncertainty, base and flags: a
/// row of `indicators.csv`.
public struct Indicator: Sendable, Equatable, Codable {
  public enum Statistic: String, Sendable, Codable {
    case mean
    case proportion
    /// Σ w y: a weighted count for a category, a population total for a number.
    case total
  }

  /// Who answered: the pipeline's actor (`maires`, `citoyens`, `associations`, `entreprises`).
  public var actor: String
  /// The fragility domain's id (`emploi`…) when the variable measures one, else empty.
  public var domain: String
  public var domainLabel: String
  /// `national`, a breakdown variable, or a crossing such as `region*urbain`.
  public var breakdown: String
  /// The breakdown's value: empty for national, a code, or codes such as `84*1`.
  public var breakdownValue: String
  public var breakdownLabel: String
  public var variable: String
  public var variableLabel: String
  /// The category code of a proportion; empty for a mean.
  public var category: String
  public var categoryLabel: String
  public var statistic: Statistic
  public var estimate: Double
  public var standardError: Double
  public var lower: Double
  public var upper: Double
  /// `normal` for means; the proportion method, or `clopper-pearson` where R's interval degenerates.
  public var intervalMethod: String
  public var designEffect: Double?
  /// Unweighted respondents in the base.
  public var respondents: Int
  /// Their sum of weights.
  public var weightedTotal: Double
  /// The simple-random-sample size giving the same variance.
  public var effectiveRespondents: Double?
  public var coefficientOfVariation: Double?
  /// Degrees of freedom of the domain, R's `degf`: its PSUs minus its strata (respondents minus
  /// strata for a design of independent rows), used by proportion intervals.
  public var degreesOfFreedom: Double
  /// Against the national value and against the rest of the nation: difference and its SE.
  public var differenceFromNational: Double?
  public var differenceFromNationalSE: Double?
  public var differenceFromRest: Double?
  public var differenceFromRestSE: Double?
  /// `low-base`, `suppressed`, `degenerate-interval`, `above-national`, `below-national`,
  /// `empty` (with `suppressed`) for a declared level where nobody answered the variable, and
  /// `outside-0-1` (with `suppressed`) for a proportion that weights of 0 or less put outside [0, 1],
  /// `no-variance` (with `suppressed`) where the design gives no variance (SE and interval NaN, as
  /// R): lonely-PSU averaging in a domain whose strata all hold one PSU; `zero-variance` where the
  /// design fixes the value (SE 0, interval [p, p]: a stratum's share with fpc, a calibrated
  /// category's); `no-df` for a mean or proportion whose domain lies within one PSU per stratum
  /// (R's df 0): with `suppressed` when its linearised variance is 0, which estimates nothing;
  /// otherwise (calibration, a lonely PSU adjusted) a proportion's interval takes the normal quantile.
  public var flags: [String]

  public var isSuppressed: Bool { flags.contains("suppressed") }
  /// No respondent in the base: n and weighted n are 0, estimate, SE and interval NaN, nothing published.
  public var isEmpty: Bool { flags.contains("empty") }
}
