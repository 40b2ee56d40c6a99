import Testing

@testable import PhareKit

@Suite struct GrowableBufferTests {
  @Test func growsTruncatesAndHandsOverItsMemory() {
    var buffer = GrowableBuffer<Double>()
    for value in 0..<1000 { buffer.append(Double(value)) }
    buffer.truncate(to: 10)
    buffer.append(-1)
    buffer.appendZeros(2)
    let storage = ColumnStorage(buffer.take())
    #expect(Array(storage) == (0..<10).map(Double.init) + [-1, 0, 0])
    #expect(buffer.count == 0 && buffer.base == nil)
    #expect(storage == ColumnStorage(Array(storage)))
  }
}

@Suite struct GrowableBufferLendingTests {
  /// A buffer lent the end of another's memory fills it in place: appended back, its elements
  /// stay where they are when the lender filled all before them, and move down when it did not.
  @Test(arguments: [6, 4, 0])
  func lentMemoryIsFilledInPlaceAndMovedDownWhenShort(headCount: Int) {
    var head = GrowableBuffer<Double>()
    head.reserve(10, populating: false)
    var tail = GrowableBuffer(lent: head, from: 6)
    for value in 0..<4 { tail.append(Double(100 + value)) }
    #expect(tail.base == head.base.map { $0 + 6 } && tail.capacity == 4)
    for value in 0..<headCount { head.append(Double(value)) }
    let base = head.base
    head.append(contentsOf: tail)
    tail.release()
    #expect(head.base == base && head.count == headCount + 4)
    let storage = ColumnStorage(head.take())
    #expect(Array(storage) == (0..<headCount).map(Double.init) + [100, 101, 102, 103])
  }

  /// A lent buffer that outgrows the memory lent to it copies its elements to memory of its own,
  /// leaving the lender's as it was.
  @Test func outgrowingLentMemoryCopiesIt() {
    var head = GrowableBuffer<Double>()
    head.reserve(4, populating: false)
    var tail = GrowableBuffer(lent: head, from: 2)
    for value in 0..<5 { tail.append(Double(value)) }
    #expect(tail.base != head.base.map { $0 + 2 } && tail.count == 5)
    head.append(7)
    head.append(contentsOf: tail)
    tail.release()
    #expect(Array(ColumnStorage(head.take())) == [7, 0, 1, 2, 3, 4])
  }
}
