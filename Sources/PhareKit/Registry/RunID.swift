/// A run's id in the registry: the row id of its `run` row, never reused.
public struct RunID: Hashable, Sendable, CustomStringConvertible {
  public let rawValue: Int64

  public init(rawValue: Int64) {
    self.rawValue = rawValue
  }

  public var description: String { String(rawValue) }
}
