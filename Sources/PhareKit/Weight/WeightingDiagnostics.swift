/// What a statistician checks before signing off a set of weights.
public struct WeightingDiagnostics: Codable, Sendable, Equatable {
  /// One margin category: how many respondents, the population target and what the weights reach.
  public struct MarginCell: Codable, Sendable, Equatable {
    public var margin: String
    /// The category's codes, `94*1` for a crossing.
    public var category: String
    /// The codebook labels of its codes, `Corse × employeuse`; nil when a code has none.
    public var label: String?
    public var respondents: Int
    public var target: Double
    public var achieved: Double
  }

  public var method: String
  public var respondents: Int
  public var populationTotal: Double
  public var sumOfWeights: Double
  public var minimumWeight: Double
  public var maximumWeight: Double
  public var maxMinRatio: Double
  /// Coefficient of variation of the weights (population form: sd with divisor n over the mean).
  public var coefficientOfVariation: Double
  /// Kish's design effect from unequal weights, 1 + CV² = n Σw² / (Σw)².
  public var kishDesignEffect: Double
  /// (Σw)² / Σw²
  public var effectiveSampleSize: Double
  /// effective n / n
  public var efficiency: Double
  public var iterations: Int
  public var margins: [MarginCell]
  /// Collapses applied, in words.
  public var collapsed: [String]
  /// Respondents given the modal category of a margin they did not answer.
  public var imputed: Int
  /// Final weights that are 0 or negative, which only linear calibration gives (nil when none,
  /// as in manifests written before it): the estimates stay the GREG estimates, but a
  /// statistician reviews them (or bounds g with truncated-linear).
  public var nonPositiveWeights: Int?
  /// The factor R's rule multiplied the starting weights by before a bounded calibration (every
  /// constraint needing more than 20 times them; `Calibrator.rescaling`), so that bounds apply
  /// to g over the rescaled weights; nil when 1 or without bounds. R warns « Bounds were set but
  /// will be interpreted after rescaling ».
  public var boundsRescaling: Double?
  /// What `weight.trim` did; absent without trimming. The figures above are of the trimmed weights.
  public var trimming: TrimmingDiagnostics?
  /// The sample design the weights start from; absent without a `design:` section.
  public var design: DesignSummary?

  init(
    method: String, weights: [Double], populationTotal: Double, iterations: Int, margins: [MarginCell],
    collapsed: [String], imputed: Int
  ) {
    let n = Double(weights.count)
    let sum = weights.reduce(0, +)
    let sumOfSquares = weights.reduce(0) { $0 + $1 * $1 }
    let deff = n * sumOfSquares / (sum * sum)
    self.method = method
    respondents = weights.count
    self.populationTotal = populationTotal
    sumOfWeights = sum
    minimumWeight = weights.min() ?? 0
    maximumWeight = weights.max() ?? 0
    maxMinRatio = maximumWeight / minimumWeight
    coefficientOfVariation = max(deff - 1, 0).squareRoot()
    kishDesignEffect = deff
    effectiveSampleSize = n / deff
    efficiency = 1 / deff
    self.iterations = iterations
    self.margins = margins
    self.collapsed = collapsed
    self.imputed = imputed
    let nonPositive = weights.count { $0 <= 0 }
    nonPositiveWeights = nonPositive > 0 ? nonPositive : nil
  }
}
