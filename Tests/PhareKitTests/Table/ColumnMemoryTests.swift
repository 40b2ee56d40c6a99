import Glibc
import Testing

@testable import PhareKit

@Suite struct ColumnMemoryTests {
  @Test func aFreedBlockGoesToTheSmallestRequestItFitsAtMostTwice() {
    let pool = ColumnMemory.Pool(limit: 64 << 20)
    let small = malloc(4 << 20)!
    let large = malloc(12 << 20)!
    #expect(pool.keep(small, size: 4 << 20))
    #expect(pool.keep(large, size: 12 << 20))
    // 5 MiB: the 4 MiB block is too small, the 12 MiB one more than twice as large.
    #expect(pool.take(fitting: 5 << 20) == nil)
    #expect(pool.take(fitting: 3 << 20) == small)
    #expect(pool.take(fitting: 7 << 20) == large)
    #expect(pool.take(fitting: 3 << 20) == nil)
    free(small)
    free(large)
  }

  @Test func thePoolHoldsNoMoreThanItsLimitAndTrimEmptiesIt() {
    let pool = ColumnMemory.Pool(limit: 8 << 20)
    let first = malloc(6 << 20)!
    let second = malloc(6 << 20)!
    #expect(pool.keep(first, size: 6 << 20))
    #expect(!pool.keep(second, size: 6 << 20))
    #expect(pool.takeAll() == [first])
    #expect(pool.take(fitting: 6 << 20) == nil)
    free(first)
    free(second)
  }
}
