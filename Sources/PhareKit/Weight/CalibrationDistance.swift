import Foundation

/// A calibration distance as R's `survey::make.calfun` holds one: for u = x'λ, the adjustment
/// g − 1 = F(u) − 1 (R's `Fm1`), its derivative F'(u) (R's `dF`), and the primitive ∫₀ᵘ (F − 1)
/// that the calibrator's line search minimises (the dual of the distance, Deville & Särndal 1992).
/// Bounds [L, U] on g are part of the value, as R passes them to `Fm1` and `dF`. The forms are
/// CALMAR's methods 1 to 4 and R's `calfun = "linear"`, `"raking"`, `"logit"`.
public struct CalibrationDistance: Sendable {
  /// The distance in diagnostics and messages: raking, bounded raking, linear, truncated linear, logit.
  public let name: String
  /// Bounds on g = final / starting weight; nil when the distance has none.
  public let bounds: ClosedRange<Double>?
  /// The values g can take: the bounds, else [0, ∞] for raking and all reals for linear.
  let range: ClosedRange<Double>
  /// Whether a final weight may be 0 or negative: linear calibration, or truncated linear with a
  /// lower bound of 0 (raking and logit only approach 0).
  public let allowsNonPositive: Bool
  /// g − 1 at u = x'λ (R's `Fm1`).
  let adjustment: @Sendable (Double) -> Double
  /// dg/du (R's `dF`).
  let slope: @Sendable (Double) -> Double
  /// ∫₀ᵘ (g − 1): the dual objective Σ w G(x'λ) − λ'T is convex and its gradient is −misfit.
  let primitive: @Sendable (Double) -> Double
  /// The same distance without its truncation, for bounded raking and truncated linear: they
  /// equal it inside the bounds, so an unbounded solution within them is the bounded solution.
  let untruncated: (@Sendable () -> CalibrationDistance)?

  /// Raking (CALMAR method 2, R's `cal.raking`): g = exp(u), truncated to the bounds when set
  /// (`name` "bounded raking" then).
  public static func raking(bounds: ClosedRange<Double>? = nil) -> CalibrationDistance {
    let lower = bounds?.lowerBound ?? 0
    let upper = bounds?.upperBound ?? .infinity
    let (low, high) = (log(lower), log(upper))
    @Sendable func inside(_ u: Double) -> Double { exp(u) - 1 - u }
    return CalibrationDistance(
      name: bounds == nil ? "raking" : "bounded raking", bounds: bounds, range: lower...upper, allowsNonPositive: false,
      adjustment: { min(max(exp($0), lower), upper) - 1 },
      slope: { $0 < high && $0 > low ? exp($0) : 0 },
      primitive: { u in
        if u > high { return inside(high) + (upper - 1) * (u - high) }
        if u < low { return inside(low) + (lower - 1) * (u - low) }
        return inside(u)
      }, untruncated: bounds == nil ? nil : { @Sendable in CalibrationDistance.raking() })
  }

  /// Linear calibration, the GREG estimator (CALMAR method 1, R's `cal.linear`): g = 1 + u,
  /// which may be negative. With bounds it is truncated linear (CALMAR method 4, R's
  /// `calfun = "linear"` with `bounds`): g = min(max(1 + u, L), U).
  public static func linear(bounds: ClosedRange<Double>? = nil) -> CalibrationDistance {
    let range = bounds ?? -Double.infinity...Double.infinity
    // The truncation points in u, as R's `dF` compares u with bounds − 1.
    let (lower, upper) = (range.lowerBound - 1, range.upperBound - 1)
    return CalibrationDistance(
      name: bounds == nil ? "linear" : "truncated linear", bounds: bounds, range: range,
      allowsNonPositive: range.lowerBound <= 0,
      adjustment: { min(max($0 + 1, range.lowerBound), range.upperBound) - 1 },
      slope: { $0 < upper && $0 > lower ? 1 : 0 },
      primitive: { u in
        if u > upper { return upper * upper / 2 + upper * (u - upper) }
        if u < lower { return lower * lower / 2 + lower * (u - lower) }
        return u * u / 2
      }, untruncated: bounds == nil ? nil : { @Sendable in CalibrationDistance.linear() })
  }

  /// Logit calibration (CALMAR method 3, R's `cal.logit`), for finite bounds L < 1 < U: g moves
  /// smoothly from L to U, g = (L(U − 1) + U(1 − L)e^{Au}) / (U − 1 + (1 − L)e^{Au}) with
  /// A = (U − L) / ((U − 1)(1 − L)), and never reaches either bound.
  public static func logit(bounds: ClosedRange<Double>) -> CalibrationDistance {
    let (lower, upper) = (bounds.lowerBound, bounds.upperBound)
    let (a, b) = (upper - 1, 1 - lower)
    let scale = (upper - lower) / (a * b)
    // log(a + b e^{Au}), written so that neither exponential overflows.
    @Sendable func logDenominator(_ u: Double) -> Double {
      let t = scale * u
      return t > 0 ? t + log(b + a * exp(-t)) : log(a + b * exp(t))
    }
    let origin = log(a + b)
    return CalibrationDistance(
      name: "logit", bounds: bounds, range: bounds, allowsNonPositive: false,
      adjustment: { u in
        // g = L + (U − L) / (1 + (a / b) e^{−Au}): bounded for every u.
        lower + (upper - lower) / (1 + a / b * exp(-scale * u)) - 1
      },
      slope: { u in
        let e = a / b * exp(-scale * u)
        guard e.isFinite else { return 0 }
        return (upper - lower) * scale * e / ((1 + e) * (1 + e))
      },
      primitive: { u in (lower - 1) * u + a * b * (logDenominator(u) - origin) }, untruncated: nil)
  }

  /// Whether g lies within the bounds (always, without bounds).
  func admits(_ g: Double) -> Bool { range.contains(g) }
}
