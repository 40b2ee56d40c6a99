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
