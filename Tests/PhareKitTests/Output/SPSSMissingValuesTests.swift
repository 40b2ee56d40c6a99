import Testing

@testable import PhareKit

@Suite struct SPSSMissingValuesTests {
  /// Valid codes 1 to 4 (and 10 where said), as a codebook's values.
  private static func declared(_ codes: [Double], valid: [Double] = [1, 2, 3, 4]) -> SPSSMissingValues? {
    SPSSMissingValues(codes: codes, coversValidValue: { range in valid.contains(where: range.contains) })
  }

  @Test func upToThreeCodesAreDeclaredOneByOne() {
    #expect(Self.declared([9]) == SPSSMissingValues(discrete: [9], range: nil))
    #expect(Self.declared([99, 9, 98]) == SPSSMissingValues(discrete: [9, 98, 99], range: nil))
    #expect(Self.declared([]) == SPSSMissingValues(discrete: [], range: nil))
  }

  @Test func moreCodesAreOneRangeAndAtMostOneMore() {
    #expect(Self.declared([6, 7, 8, 9]) == SPSSMissingValues(discrete: [], range: 6...9))
    // 7 to 99 holds no valid code: the whole range, even with 10 … 98 unused.
    #expect(Self.declared([7, 8, 9, 99]) == SPSSMissingValues(discrete: [], range: 7...99))
    // With 10 valid, the range stops at 9 and 99 is declared alone; with 0 below the answers, 0 is.
    #expect(Self.declared([7, 8, 9, 99], valid: [1, 2, 10]) == SPSSMissingValues(discrete: [99], range: 7...9))
    #expect(Self.declared([0, 7, 8, 9]) == SPSSMissingValues(discrete: [0], range: 7...9))
  }

  @Test func codesAroundValidOnesHaveNoDeclaration() {
    #expect(Self.declared([-1, 0, 5, 9]) == nil)
    #expect(Self.declared([0, 5, 6, 7, 9], valid: [1, 8]) == nil)
  }
}
