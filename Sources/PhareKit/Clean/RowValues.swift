import Glibc

/// The values of one clean column over all ingested rows, in memory its table column adopts.
///
/// Dropping the rejected rows moves the kept ones to the front in place (`compacted(keeping:)`),
/// so a clean column's pages are faulted in once, not once more for the table (a million-row
/// wave's fifty columns are 250 MB). Shared by reference: the cleaning pass that fills a column is
/// its only writer.
final class RowValues<Element: BitwiseCopyable>: @unchecked Sendable {
  private var base: UnsafeMutablePointer<Element>?
  /// The rows the values cover.
  let count: Int

  /// `count` rows, each `value`.
  convenience init(repeating value: Element, count: Int) {
    self.init(count: count) { $0.initialize(repeating: value) }
  }

  /// The values of `elements`, in order.
  convenience init<Source: Collection>(_ elements: Source) where Source.Element == Element {
    self.init(count: elements.count) { _ = $0.initialize(from: elements) }
  }

  private init(count: Int, initialize: (UnsafeMutableBufferPointer<Element>) -> Void) {
    base = ColumnMemory.allocate(bytes: count * MemoryLayout<Element>.stride)
      .bindMemory(to: Element.self, capacity: count)
    initialize(UnsafeMutableBufferPointer(start: base, count: count))
    self.count = count
  }

  deinit {
    ColumnMemory.release(base, bytes: count * MemoryLayout<Element>.stride)
  }

  subscript(row: Int) -> Element {
    get {
      precondition(row >= 0 && row < count, "row out of range")
      return base.unsafelyUnwrapped[row]
    }
    set {
      precondition(row >= 0 && row < count, "row out of range")
      base.unsafelyUnwrapped[row] = newValue
    }
  }

  /// The values' memory, for the loop that fills them.
  func withUnsafeMutableBufferPointer<Result>(_ body: (UnsafeMutableBufferPointer<Element>) throws -> Result) rethrows
    -> Result
  {
    try body(UnsafeMutableBufferPointer(start: base, count: count))
  }

  /// The values of `rows` (ascending), each passed through `transform`, as column storage in this
  /// memory; these values are empty after.
  func compacted(keeping rows: [Int], _ transform: (_ index: Int, _ value: Element) -> Element) -> ColumnStorage<
    Element
  > {
    precondition(base != nil || count == 0, "row values already compacted")
    let values = base.unsafelyUnwrapped
    rows.withUnsafeBufferPointer { rows in
      // Row `rows[index]` is never before `index`, so no value is overwritten before it is read.
      for (index, row) in rows.enumerated() { values[index] = transform(index, values[row]) }
    }
    defer { base = nil }
    return ColumnStorage(adopting: base, count: rows.count, allocatedBytes: count * MemoryLayout<Element>.stride)
  }
}
