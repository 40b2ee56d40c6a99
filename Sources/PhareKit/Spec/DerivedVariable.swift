/// A variable computed from cleaned ones, declared in the pipeline spec.
public struct DerivedVariable: Equatable, Sendable {
  /// One band of a recode: values from `lower` to `upper` (inclusive) become `code`.
  public struct Band: Equatable, Sendable {
    public var lower: Double
    public var upper: Double
    public var code: Int
    public var label: String
    public var line: Int? = nil
  }

  public enum Rule: Equatable, Sendable {
    /// 1 when the answer is one of `codes` (top-2-box « Très important + Important »), else 0.
    case net(of: String, codes: [Int])
    /// Bands of a numeric variable (age → age band).
    case recode(of: String, bands: [Band])
    /// Every combination of the categories of several variables (region × rural/urban).
    case cross([String])
  }

  public var name: String
  public var label: String
  public var rule: Rule
  public var line: Int?

  /// The most categories a crossing may have: past that it is no longer a table's breakdown, and
  /// its labels alone would fill memory (twelve 4-code questions cross into 16.7 million).
  public static let maxCrossCategories = 10_000

  /// The categories of a crossing of variables with these category counts (saturating, never overflowing).
  static func categories(crossing counts: [Int]) -> Int {
    counts.reduce(1) { product, count in
      let (result, overflow) = product.multipliedReportingOverflow(by: count)
      return overflow ? Int.max : result
    }
  }

  /// The variables the rule reads.
  public var inputs: [String] {
    switch rule {
    case .net(let of, _), .recode(let of, _): return [of]
    case .cross(let variables): return variables
    }
  }
}
