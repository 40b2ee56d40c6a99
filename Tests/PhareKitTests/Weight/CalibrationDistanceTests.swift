import Foundation
import Testing

@testable import PhareKit

/// Each distance's g − 1, its slope and its primitive agree with R's `Fm1` and `dF` formulas
/// (survey:::cal.raking, cal.linear, cal.logit) and with each other.
@Suite struct CalibrationDistanceTests {
  private static let points: [Double] = [-3, -1.2, -0.4, -0.05, 0, 0.05, 0.3, 0.9, 2.5]

  private static let distances: [CalibrationDistance] = [
    .raking(), .raking(bounds: 0.5...2), .linear(), .linear(bounds: 0.3...1.8), .logit(bounds: 0.4...2.5),
  ]

  @Test func slopeAndPrimitiveAreTheDerivativeAndIntegralOfTheAdjustment() {
    for distance in Self.distances {
      #expect(distance.adjustment(0) == 0 && distance.primitive(0) == 0, "\(distance.name)")
      for u in Self.points {
        let h = 1e-6
        let slope = (distance.adjustment(u + h) - distance.adjustment(u - h)) / (2 * h)
        let integrand = (distance.primitive(u + h) - distance.primitive(u - h)) / (2 * h)
        // Away from a truncation point, where the one-sided slopes differ.
        if abs(distance.slope(u + h) - distance.slope(u - h)) < 1e-3 {
          #expect(abs(slope - distance.slope(u)) < 1e-6, "\(distance.name) slope at \(u)")
        }
        #expect(abs(integrand - distance.adjustment(u)) < 1e-6, "\(distance.name) primitive at \(u)")
      }
    }
  }

  @Test func adjustmentsAreRsFormulas() {
    let (lower, upper) = (0.4, 2.5)
    let a = (upper - lower) / ((upper - 1) * (1 - lower))
    for u in Self.points {
      #expect(CalibrationDistance.raking().adjustment(u) == exp(u) - 1)
      #expect(CalibrationDistance.raking(bounds: 0.5...2).adjustment(u) == min(max(exp(u), 0.5), 2) - 1)
      #expect(CalibrationDistance.linear().adjustment(u) == (u + 1) - 1)
      #expect(CalibrationDistance.linear(bounds: 0.3...1.8).adjustment(u) == min(max(u + 1, 0.3), 1.8) - 1)
      let e = exp(a * u)
      let logit = (lower * (upper - 1) + upper * (1 - lower) * e) / (upper - 1 + (1 - lower) * e) - 1
      #expect(abs(CalibrationDistance.logit(bounds: lower...upper).adjustment(u) - logit) < 1e-14)
    }
    // Logit's g stays strictly inside its bounds, even far out.
    let logit = CalibrationDistance.logit(bounds: lower...upper)
    #expect(logit.adjustment(-800) + 1 >= lower && logit.adjustment(800) + 1 <= upper)
    #expect(logit.slope(800).isFinite && logit.primitive(800).isFinite && logit.primitive(-800).isFinite)
  }
}
