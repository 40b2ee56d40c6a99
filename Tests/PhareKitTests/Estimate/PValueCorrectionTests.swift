import Testing

@testable import PhareKit

/// p-value adjustments against R's `p.adjust` on the same six p-values (ties included), written
/// here from `Rscript -e 'p.adjust(c(0.01, 0.04, 0.03, 0.2, 0.04, 0.5), "holm")'` and `"bonferroni"`.
@Suite struct PValueCorrectionTests {
  private static let p = [0.01, 0.04, 0.03, 0.2, 0.04, 0.5]

  @Test func holmMatchesRsPAdjust() {
    let expected = [0.06, 0.16, 0.15, 0.4, 0.16, 0.5]
    for (adjusted, r) in zip(PValueCorrection.holm.adjust(Self.p), expected) {
      #expect(abs(adjusted - r) <= 1e-15)
    }
  }

  @Test func bonferroniMatchesRsPAdjustAndIsCappedAtOne() {
    let expected = [0.06, 0.24, 0.18, 1, 0.24, 1]
    for (adjusted, r) in zip(PValueCorrection.bonferroni.adjust(Self.p), expected) {
      #expect(abs(adjusted - r) <= 1e-15)
    }
  }

  @Test func noneLeavesThePValuesAndAnEmptyFamilyStaysEmpty() {
    #expect(PValueCorrection.none.adjust(Self.p) == Self.p)
    #expect(PValueCorrection.holm.adjust([]).isEmpty)
  }

  @Test func theTwoSidedNormalPValueIsRs() {
    // R: 2 * pnorm(-1.959963984540054) = 0.05; 2 * pnorm(-3) = 0.0026997960632601892.
    #expect(abs(TailProbability.twoSidedNormal(1.959963984540054) - 0.05) <= 1e-15)
    #expect(abs(TailProbability.twoSidedNormal(-3) - 0.0026997960632601892) <= 1e-17)
  }
}
