/// How a pipeline weights its waves, as declared under `weight:` in the spec.
public struct WeightingSpec: Equatable, Sendable {
  public enum Method: String, Sendable, CaseIterable {
    /// One partition (possibly a crossing such as `region*urbain`), as R's `postStratify`.
    case postStratification = "post-stratification"
    /// Several margins at once, as R's `calibrate(calfun = "raking")`; bounded when `bounds` is set.
    case raking
    /// Several margins at once with the calibration `distance` of the spec, as R's `calibrate(calfun =)`.
    case calibration
  }

  /// The calibration distance of `method: calibration` (CALMAR's methods; `raking` for `method: raking`).
  public enum Distance: String, Sendable, CaseIterable {
    /// g = exp(u), bounded when `bounds` is set (CALMAR method 2).
    case raking
    /// GREG: g = 1 + u, unbounded; weights may be negative (CALMAR method 1).
    case linear
    /// g between the bounds, never reaching them (CALMAR method 3); needs `bounds`.
    case logit
    /// g = 1 + u cut to the bounds (CALMAR method 4, R's `calfun = "linear"` with bounds); needs `bounds`.
    case truncatedLinear = "truncated-linear"
  }

  /// What to do with a respondent whose weighting variable is blank or « Ne sait pas ».
  public enum MissingValues: String, Sendable, CaseIterable {
    /// Give it the most frequent category of the margin (and report how many were imputed).
    case imputeMode = "impute-mode"
    /// Set the row aside with rule `weight.missing-margin`.
    case quarantine
  }

  /// Where starting weights come from.
  public enum StartWeights: Equatable, Sendable {
    case equal
    /// A clean numeric variable holding design weights.
    case column(String)
  }

  /// Merges a category into a neighbouring one, in the sample and the population alike.
  public struct Collapse: Equatable, Sendable {
    public var margin: String
    public var category: [Int]
    public var into: [Int]
  }

  public var method: Method
  /// Each margin is one clean variable or a crossing of several, written `region*urbain`.
  public var margins: [[String]]
  public var start: StartWeights
  public var bounds: ClosedRange<Double>?
  public var tolerance: Double
  public var maxIterations: Int
  public var missing: MissingValues
  public var collapse: [Collapse]
  public var distance: Distance = .raking
  /// Trimming of the calibrated weights (`trim: {lower: L, upper: U}`), none by default.
  public var trim: WeightTrimmer? = nil

  static let defaultTolerance = 1e-10
  /// The smallest tolerance a spec may ask: below it the misfit is rounding, and raking cannot reach it.
  public static let minimumTolerance = 1e-15
  /// The loosest tolerance a spec may ask: looser, published weights visibly miss the population
  /// (R's `calibrate` defaults to 1e-7).
  public static let maximumTolerance = 1e-4
  static let defaultMaxIterations = 100
  /// The most Newton steps a spec may allow: raking that needs more is not converging.
  public static let maxIterationsCeiling = 10_000

  /// The calibration distance with the spec's bounds (logit and truncated linear always have bounds).
  public var calibrationDistance: CalibrationDistance {
    switch distance {
    case .raking: return .raking(bounds: bounds)
    case .linear: return .linear()
    case .logit: return .logit(bounds: bounds ?? 0...Double.infinity)
    case .truncatedLinear: return .linear(bounds: bounds ?? 0...Double.infinity)
    }
  }

  /// The name of a margin as the population file writes it: `region` or `region*urbain`.
  public static func name(of margin: [String]) -> String { margin.joined(separator: "*") }
}
