import Testing

@testable import PhareKit

/// The intervals R does not give: Clopper–Pearson where a proportion is 0 or 1 (values from R's
/// `binom.test`), and Wilson on the effective n (R's formula with the same t quantile).
@Suite struct ConfidenceIntervalTests {
  @Test func degenerateProportionsGetClopperPearson() {
    let zero = ConfidenceInterval.proportion(
      0, variance: 0, method: .logit, level: 0.95, degreesOfFreedom: 19, designRows: 300, respondents: 20)
    #expect(zero.degenerate)
    #expect(zero.lower == 0)
    #expect(abs(zero.upper - 0.16843347098308536) < 1e-12)
    let one = ConfidenceInterval.proportion(
      1, variance: 0, method: .beta, level: 0.95, degreesOfFreedom: 19, designRows: 300, respondents: 20)
    #expect(one.degenerate && one.upper == 1)
    #expect(abs(one.lower - 0.83156652901691464) < 1e-12)
  }

  @Test func wilsonOnTheEffectiveSampleSize() {
    // p = 0.3 with the variance of a simple random sample of 50: effective n = 50.
    let interval = ConfidenceInterval.proportion(
      0.3, variance: 0.3 * 0.7 / 50, method: .wilson, level: 0.95, degreesOfFreedom: 49, designRows: 50,
      respondents: 50)
    #expect(abs(interval.lower - 0.18878340616036807) < 1e-12)
    #expect(abs(interval.upper - 0.44110936034775972) < 1e-12)
    #expect(!interval.degenerate)
  }

  @Test func meansUseTheNormalQuantile() {
    let interval = ConfidenceInterval.mean(estimate: 5, standardError: 0.1, level: 0.95)
    #expect(abs(interval.lower - (5 - 0.1 * 1.959963984540054)) < 1e-12)
    #expect(abs(interval.upper - (5 + 0.1 * 1.959963984540054)) < 1e-12)
  }
}
