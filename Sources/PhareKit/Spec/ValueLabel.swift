/// A code and its French label, as a codebook lists answers and missing codes.
public struct ValueLabel: Equatable, Sendable {
  public var code: Int
  public var label: String

  public init(code: Int, label: String) {
    self.code = code
    self.label = label
  }
}
