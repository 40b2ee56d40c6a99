/// The encoded CSV field of each code of a column (its label or level), looked up by the code in
/// a table (codes within 4,096 of the smallest) or by binary search (the others). It holds only
/// pointers into memory pinned by its creator, so copying it counts no reference.
struct EncodedCodes {
  /// Where a field lies in the bytes; a negative length where the code has none.
  private struct Span {
    var start: Int32
    var length: Int32
  }

  private static let tableSpan: Int64 = 4096

  private let lowest: Int32
  private let table: UnsafeBufferPointer<Span>
  /// Codes beyond the table, sorted, and their spans.
  private let otherCodes: UnsafeBufferPointer<Int32>
  private let otherSpans: UnsafeBufferPointer<Span>
  private let bytes: UnsafeBufferPointer<UInt8>

  /// Whether no code has a field.
  let isEmpty: Bool

  /// The fields of `fields`' codes (the first of a repeated code), in memory pinned by `memory`.
  init(_ fields: [(code: Int32, field: [UInt8])], pinnedBy memory: PinnedBuffers) {
    isEmpty = fields.isEmpty
    lowest = fields.map(\.code).min() ?? 0
    let highest = Int64(fields.map(\.code).max() ?? lowest)
    var table = [Span](
      repeating: Span(start: 0, length: -1), count: Int(min(Self.tableSpan, highest - Int64(lowest) + 1)))
    var others: [(code: Int32, span: Span)] = []
    var bytes: [UInt8] = []
    for (code, field) in fields {
      let span = Span(start: Int32(bytes.count), length: Int32(field.count))
      let offset = Int64(code) - Int64(lowest)
      if offset < Int64(table.count) {
        guard table[Int(offset)].length < 0 else { continue }
        table[Int(offset)] = span
      } else {
        guard !others.contains(where: { $0.code == code }) else { continue }
        others.append((code, span))
      }
      bytes += field
    }
    others.sort { $0.code < $1.code }
    self.table = memory.pin(table)
    otherCodes = memory.pin(others.map(\.code))
    otherSpans = memory.pin(others.map(\.span))
    self.bytes = memory.pin(bytes)
  }

  /// The field of `code`, or nil when it has none.
  @inline(__always)
  subscript(code: Int32) -> UnsafeBufferPointer<UInt8>? {
    let offset = Int64(code) &- Int64(lowest)
    let span: Span
    if offset >= 0 && offset < Int64(table.count) {
      span = table[Int(offset)]
    } else {
      guard !otherCodes.isEmpty, let index = Self.index(of: code, in: otherCodes) else { return nil }
      span = otherSpans[index]
    }
    guard span.length >= 0 else { return nil }
    return UnsafeBufferPointer(rebasing: bytes[Int(span.start)..<Int(span.start + span.length)])
  }

  private static func index(of code: Int32, in codes: UnsafeBufferPointer<Int32>) -> Int? {
    var (low, high) = (0, codes.count)
    while low < high {
      let middle = (low + high) / 2
      if codes[middle] < code { low = middle + 1 } else { high = middle }
    }
    return low < codes.count && codes[low] == code ? low : nil
  }
}
