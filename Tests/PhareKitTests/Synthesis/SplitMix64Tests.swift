import Testing

@testable import PhareKit

extension SynthesisTests {
  @Suite struct SplitMix64Tests {
    /// The reference algorithm's first outputs for seed 0 (computed independently in Python).
    @Test func matchesTheReferenceSequence() {
      var random = SplitMix64(seed: 0)
      #expect(random.next() == 0xE220_A839_7B1D_CDAF)
      #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
      #expect(random.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func drawsStayInRange() {
      var random = SplitMix64(seed: 7)
      for _ in 0..<10_000 {
        let unit = random.unit()
        #expect(unit >= 0 && unit < 1)
        #expect((0..<13).contains(random.below(13)))
      }
    }
  }
}
