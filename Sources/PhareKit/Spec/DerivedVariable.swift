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

  /// Every combination of one element from each list, the first list varying slowest.
  static func combinations<Element>(_ lists: [[Element]]) -> [[Element]] {
    lists.reduce([[]]) { partial, list in partial.flatMap { prefix in list.map { prefix + [$0] } } }
  }

  /// The codes and labels the variable takes: « Non » 0 and 1 for a net; each band's code once
  /// (bands may share a code) for a recode; 1…k over `combinations(crossed)` for a crossing,
  /// given the values of the variables it crosses, in order.
  func values(crossed: [[ValueLabel]] = []) -> [ValueLabel] {
    switch rule {
    case .net:
      return [ValueLabel(code: 0, label: "Non"), ValueLabel(code: 1, label: label)]
    case .recode(_, let bands):
      return bands.reduce(into: []) { values, band in
        if !values.contains(where: { $0.code == band.code }) {
          values.append(ValueLabel(code: band.code, label: band.label))
        }
      }
    case .cross:
      return Self.combinations(crossed).enumerated().map { index, parts in
        ValueLabel(code: index + 1, label: parts.map(\.label).joined(separator: " × "))
      }
    }
  }

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
