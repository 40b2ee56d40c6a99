/// What each wave's `report.html` shows, as declared under `report:` in the spec.
public struct ReportSpec: Equatable, Sendable {
  /// The indicator the regional map is coloured by (`report: {map: {variable:, category:}}`),
  /// checked as a headline is; nil shows the spec's first headline.
  public var map: Headline?

  public init(map: Headline? = nil) {
    self.map = map
  }
}
