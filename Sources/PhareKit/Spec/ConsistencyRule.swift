/// A filter the questionnaire imposes: when `variable` takes one of `codes`, the follow-up
/// questions in `blank` should not have been answered. A row that breaks it is quarantined.
public struct ConsistencyRule: Equatable, Sendable {
  public var name: String
  public var variable: String
  public var codes: [Int]
  public var blank: [String]
  public var line: Int?
}
