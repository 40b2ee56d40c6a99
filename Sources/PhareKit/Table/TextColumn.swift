/// A free-text variable: one string per row, nil where missing.
public struct TextColumn: Sendable, Equatable {
  public let values: [String?]

  public init(values: [String?]) {
    self.values = values
  }

  public subscript(row: Int) -> String? { values[row] }
}
