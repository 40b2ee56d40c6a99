import Testing

@testable import PhareKit

@Suite struct RowValuesTests {
  @Test func compactingKeepsTheRowsInOrderInTheSameMemory() {
    let values = RowValues([10, 11, 12, 13, 14, 15] as [Int32])
    var seen: [Int] = []
    let kept = values.compacted(keeping: [0, 2, 3, 5]) { index, value in
      seen.append(index)
      return value == 13 ? -1 : value
    }
    #expect(Array(kept) == [10, 12, -1, 15])
    #expect(seen == [0, 1, 2, 3])
  }

  @Test func aCodedColumnKeepsItsMissingRowsAsAMaskWhenRowsAreDropped() {
    let variable = CleanVariable(
      name: "q1", label: "Q1", kind: .single, values: [ValueLabel(code: 1, label: "Oui")], missingCodes: [],
      domain: nil)
    let column = CleanColumn(variable: variable, values: [1, .nan, 9, 1, .nan])
    guard case .coded(let coded) = column.column(keeping: [1, 2, 4]) else {
      Issue.record("not a coded column")
      return
    }
    #expect(Array(coded.codes) == [0, 9, 0])
    #expect((0..<3).map { coded.missing[$0] } == [true, false, true])
  }
}
