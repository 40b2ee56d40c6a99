/// The territorial matrix, as declared in `Pipelines/phare-territoires.yml`: several actors'
/// indicators brought together by region (or another breakdown) and fragility domain.
public struct MatrixSpec: Equatable, Sendable {
  public var file: String
  public var name: String
  public var title: String
  /// The domains file (absolute) that orders and labels the matrix's columns.
  public var domains: String
  /// The breakdown whose levels are the matrix's rows (besides the national one), e.g. `region`.
  public var breakdown: String
  public var measures: [MatrixMeasure]
  /// Where each top-level key is written in `file`, for diagnostics.
  public var lines = SpecLines()

  /// The pipelines the measures read, each once, in the order first named.
  public var pipelines: [String] {
    measures.map(\.pipeline).reduce(into: []) { list, path in if !list.contains(path) { list.append(path) } }
  }
}
