import Glibc

/// The contiguous, immutable memory of one column, shared by every stage that reads it.
///
/// It adopts the buffer a `GrowableBuffer` filled during parsing without copying it, so a
/// 10-million-row column is never held twice; readers get a `RandomAccessCollection` and raw
/// pointers for the aggregation loops.
public final class ColumnStorage<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
  private let base: UnsafeMutablePointer<Element>?
  public let count: Int
  /// The bytes allocated at `base`, which may hold more than `count` elements.
  private let allocatedBytes: Int

  /// Takes ownership of memory from `malloc`/`realloc` (or `ColumnMemory.allocate`) of
  /// `allocatedBytes` (by default just enough), holding `count` initialised elements.
  init(adopting base: UnsafeMutablePointer<Element>?, count: Int, allocatedBytes: Int? = nil) {
    self.base = base
    self.count = count
    self.allocatedBytes = allocatedBytes ?? count * MemoryLayout<Element>.stride
  }

  public convenience init<Source: Sequence>(_ elements: Source) where Source.Element == Element {
    var buffer = GrowableBuffer<Element>()
    for element in elements {
      buffer.append(element)
    }
    self.init(buffer.take())
  }

  /// `count` elements, each set by `initialize` in the memory it is handed.
  convenience init(count: Int, initializingWith initialize: (UnsafeMutableBufferPointer<Element>) -> Void) {
    let base = malloc(Swift.max(count, 1) * MemoryLayout<Element>.stride)!.bindMemory(to: Element.self, capacity: count)
    initialize(UnsafeMutableBufferPointer(start: base, count: count))
    self.init(adopting: base, count: count)
  }

  convenience init(_ buffer: (base: UnsafeMutablePointer<Element>?, count: Int, capacity: Int)) {
    self.init(
      adopting: buffer.base, count: buffer.count, allocatedBytes: buffer.capacity * MemoryLayout<Element>.stride)
  }

  deinit {
    ColumnMemory.release(base, bytes: allocatedBytes)
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { count }

  public subscript(position: Int) -> Element {
    precondition(position >= 0 && position < count, "column index out of range")
    return base.unsafelyUnwrapped[position]
  }

  /// The elements' memory, valid while this storage lives (keep it alive with
  /// `withExtendedLifetime` around loops that hold the pointer across calls).
  var unsafeElements: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

  public func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows
    -> Result
  {
    try body(UnsafeBufferPointer(start: base, count: count))
  }
}

extension ColumnStorage: Equatable where Element: Equatable {
  public static func == (lhs: ColumnStorage, rhs: ColumnStorage) -> Bool {
    lhs.elementsEqual(rhs)
  }
}
