/// A spec `phare run` will not process, and every problem that refuses it.
public struct RefusedSpec: Equatable, Sendable {
  /// The spec path as the plan names it.
  public var spec: String
  public var problems: [SpecDiagnostic]

  public init(spec: String, problems: [SpecDiagnostic]) {
    self.spec = spec
    self.problems = problems
  }
}
