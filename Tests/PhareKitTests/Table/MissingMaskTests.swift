import Testing

@testable import PhareKit

@Suite struct MissingMaskTests {
  @Test func appendAndReadAcrossWords() {
    var mask = MissingMask()
    for row in 0..<130 { mask.append(missing: row % 3 == 0) }
    #expect(mask.count == 130)
    #expect(mask.missingCount == 44)
    #expect(mask[0] && !mask[1] && mask[63] && !mask[64] && mask[129])
  }

  @Test func truncateClearsTheDroppedBits() {
    var mask = MissingMask()
    for _ in 0..<70 { mask.append(missing: true) }
    mask.truncate(to: 65)
    #expect(mask.count == 65)
    #expect(mask.missingCount == 65)
    mask.truncate(to: 3)
    mask.append(missing: false)
    #expect(mask.missingCount == 3)
    #expect(!mask[3])
    mask.truncate(to: 0)
    #expect(mask.count == 0 && mask.missingCount == 0)
  }
}
