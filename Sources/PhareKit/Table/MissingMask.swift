/// One bit per row, set where the value is missing: the explicit missing mask of a column
/// (an empty field is missing, never 0).
public struct MissingMask: Sendable, Equatable {
  private let words: ColumnStorage<UInt64>
  /// The number of rows the mask covers.
  public let count: Int

  init(words: ColumnStorage<UInt64>, count: Int) {
    self.words = words
    self.count = count
  }

  /// A mask of `count` rows, missing where `isMissing` says so.
  public init(count: Int, isMissing: (Int) -> Bool) {
    var buffer = MissingMaskBuffer()
    for row in 0..<count where isMissing(row) {
      buffer.setMissing(row)
    }
    self = buffer.finish(count: count)
  }

  public subscript(row: Int) -> Bool {
    precondition(row >= 0 && row < count, "row out of range")
    return words[row >> 6] & (1 << UInt64(row & 63)) != 0
  }

  /// The raw bits (bit r of word r / 64 set where row r is missing), for column loops.
  public func withUnsafeWords<Result>(_ body: (UnsafeBufferPointer<UInt64>) throws -> Result) rethrows -> Result {
    try words.withUnsafeBufferPointer(body)
  }

  /// The raw bits' memory, valid while the mask's storage lives (see `ColumnStorage.unsafeElements`).
  var unsafeWords: UnsafeBufferPointer<UInt64> { words.unsafeElements }

  /// How many rows are missing.
  public var missingCount: Int {
    words.reduce(0) { $0 + $1.nonzeroBitCount }
  }

  /// The bytes the mask holds, for memory accounting.
  var byteSize: Int { words.count * 8 }
}

/// The bits of a `MissingMask` set during parsing. Only missing rows touch it: a present row
/// costs nothing, and `finish` pads the words with zeros up to the row count.
struct MissingMaskBuffer {
  private var words = GrowableBuffer<UInt64>()

  mutating func reserve(rows: Int) {
    words.reserve((rows + 63) >> 6)
  }

  /// Marks `row` missing.
  @inline(__always)
  mutating func setMissing(_ row: Int) {
    let word = row >> 6
    if word >= words.count { words.appendZeros(word + 1 - words.count) }
    words[word] |= 1 << UInt64(row & 63)
  }

  func isMissing(_ row: Int) -> Bool {
    row >> 6 < words.count && words[row >> 6] & (1 << UInt64(row & 63)) != 0
  }

  /// Marks missing the rows `tail` marks, moved down by `offset` rows (the rows of one mask
  /// followed by another's).
  mutating func append(_ tail: MissingMaskBuffer, at offset: Int) {
    for word in 0..<tail.words.count {
      var bits = tail.words[word]
      while bits != 0 {
        setMissing(offset + word << 6 + bits.trailingZeroBitCount)
        bits &= bits - 1
      }
    }
  }

  /// Forgets the rows from `rows` on (rolling back a rejected record).
  mutating func truncate(to rows: Int) {
    guard (rows + 63) >> 6 <= words.count else { return }
    words.truncate(to: (rows + 63) >> 6)
    if rows & 63 != 0 {
      words[rows >> 6] &= (1 << UInt64(rows & 63)) - 1
    }
  }

  /// The mask of `count` rows, which takes over the buffer's memory.
  mutating func finish(count: Int) -> MissingMask {
    let needed = (count + 63) >> 6
    if needed > words.count { words.appendZeros(needed - words.count) }
    return MissingMask(words: ColumnStorage(words.take()), count: count)
  }

  mutating func release() {
    words.release()
  }
}
