/// One bit per row, set where the value is missing: the explicit missing mask of a column
/// (an empty field is missing, never 0).
public struct MissingMask: Sendable, Equatable {
  private(set) var words: [UInt64] = []
  /// The number of rows the mask covers.
  public private(set) var count = 0

  public init() {}

  /// A mask of `count` rows, missing where `isMissing` says so.
  public init(count: Int, isMissing: (Int) -> Bool) {
    reserveCapacity(count)
    for row in 0..<count {
      append(missing: isMissing(row))
    }
  }

  public subscript(row: Int) -> Bool {
    words[row >> 6] & (1 << UInt64(row & 63)) != 0
  }

  /// How many rows are missing.
  public var missingCount: Int {
    words.reduce(0) { $0 + $1.nonzeroBitCount }
  }

  mutating func reserveCapacity(_ rows: Int) {
    words.reserveCapacity((rows + 63) >> 6)
  }

  @inline(__always)
  mutating func append(missing: Bool) {
    if count & 63 == 0 {
      words.append(0)
    }
    if missing {
      words[count >> 6] |= 1 << UInt64(count & 63)
    }
    count += 1
  }

  /// Drops the rows from `newCount` on (rolling back a rejected record).
  mutating func truncate(to newCount: Int) {
    guard newCount < count else { return }
    words.removeLast(words.count - (newCount + 63) >> 6)
    if newCount & 63 != 0 {
      words[newCount >> 6] &= (1 << UInt64(newCount & 63)) - 1
    }
    count = newCount
  }

  /// The bytes the mask holds, for memory accounting.
  var byteSize: Int { words.count * 8 }
}
