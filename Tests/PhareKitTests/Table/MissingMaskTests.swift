import Testing

@testable import PhareKit

@Suite struct MissingMaskTests {
  @Test func appendAndReadAcrossWords() {
    let mask = MissingMask(count: 130) { $0 % 3 == 0 }
    #expect(mask.count == 130)
    #expect(mask.missingCount == 44)
    #expect(mask[0] && !mask[1] && mask[63] && !mask[64] && mask[129])
  }

  @Test func truncateClearsTheDroppedBits() {
    var buffer = MissingMaskBuffer()
    for row in 0..<70 { buffer.setMissing(row) }
    buffer.truncate(to: 65)
    #expect(buffer.isMissing(64) && !buffer.isMissing(65))
    buffer.truncate(to: 3)
    let mask = buffer.finish(count: 4)
    #expect(mask.count == 4)
    #expect(mask.missingCount == 3)
    #expect(!mask[3])
  }

  @Test func presentRowsBeyondTheLastMissingArePadded() {
    var buffer = MissingMaskBuffer()
    buffer.setMissing(1)
    buffer.truncate(to: 0)
    let mask = buffer.finish(count: 200)
    #expect(mask.count == 200 && mask.missingCount == 0 && !mask[199])
  }
}
