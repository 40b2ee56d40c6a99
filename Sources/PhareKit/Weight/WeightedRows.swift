/// The clean rows that carry a weight: all of them — then no index is stored, which matters at
/// ten million rows — or the selection left when some were set aside.
public struct WeightedRows: RandomAccessCollection, Sendable, Equatable {
  private let selection: [Int]?
  public let count: Int

  /// Every row of a table of `count` rows.
  init(all count: Int) {
    selection = nil
    self.count = count
  }

  init(_ selection: [Int]) {
    self.selection = selection
    count = selection.count
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { count }

  @inline(__always)
  public subscript(position: Int) -> Int { selection?[position] ?? position }
}
