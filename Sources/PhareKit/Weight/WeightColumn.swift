/// One weight per weighted row: a constant (equal starting weights need no storage) or values.
public struct WeightColumn: RandomAccessCollection, Sendable, Equatable {
  private let values: [Double]?
  private let constant: Double
  public let count: Int

  init(constant: Double, count: Int) {
    values = nil
    self.constant = constant
    self.count = count
  }

  init(_ values: [Double]) {
    self.values = values
    constant = 0
    count = values.count
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { count }

  @inline(__always)
  public subscript(position: Int) -> Double { values?[position] ?? constant }
}
